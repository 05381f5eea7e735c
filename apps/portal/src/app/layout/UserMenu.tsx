import { DownOutlined, KeyOutlined, LogoutOutlined, SettingOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Space } from 'antd';
import type { MenuProps } from 'antd';
import { Link, useNavigate } from 'react-router';
import { isStaff, useAuth } from '../../shared/auth';
import { readApiError } from '../../shared/errors';

const light = { color: '#fff' } as const;
const registerLink = {
  color: '#fff',
  border: '1px solid rgba(255,255,255,.75)',
  borderRadius: 4,
  padding: '4px 14px',
} as const;

export function UserMenu() {
  const { me, signOut } = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();

  if (me === undefined) return null;
  if (me === null) {
    return (
      <Space size="middle">
        <Link to="/login" style={light}>
          登录
        </Link>
        <Link to="/register" style={registerLink}>
          注册
        </Link>
      </Space>
    );
  }

  const items: MenuProps['items'] = [
    ...(isStaff(me)
      ? [{ key: 'admin', icon: <SettingOutlined />, label: <a href="/admin/">进入管理端</a> }]
      : []),
    { key: 'password', icon: <KeyOutlined />, label: <Link to="/account/password">修改密码</Link> },
    { type: 'divider' },
    { key: 'signout', icon: <LogoutOutlined />, label: '退出登录', danger: true },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key !== 'signout') return;
    signOut()
      .then(() => {
        void message.success('您已安全退出');
        void navigate('/');
      })
      .catch((e: unknown) => void message.error(readApiError(e).message));
  };
  return (
    <Dropdown menu={{ items, onClick }} placement="bottomRight" trigger={['click']}>
      <Button type="text" style={light} aria-label={`用户菜单：${me.displayName}`}>
        <UserOutlined />
        {me.displayName}
        <DownOutlined style={{ fontSize: 10 }} />
      </Button>
    </Dropdown>
  );
}
