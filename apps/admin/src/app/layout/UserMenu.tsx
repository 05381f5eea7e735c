import {
  DownOutlined,
  GlobalOutlined,
  KeyOutlined,
  LogoutOutlined,
  SafetyOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { ROLE_LABELS } from '@fund/domain';
import { App, Button, Dropdown } from 'antd';
import type { MenuProps } from 'antd';
import { Link, useNavigate } from 'react-router';
import { SECURITY_PATH } from '../../features/security/paths';
import { useAuth } from '../../shared/auth';
import { readApiError } from '../../shared/errors';

export function UserMenu() {
  const { me, signOut } = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();
  if (!me) return null;

  const items: MenuProps['items'] = [
    { key: 'roles', label: me.roles.map((r) => ROLE_LABELS[r]).join('、'), disabled: true },
    { type: 'divider' },
    { key: 'security', icon: <SafetyOutlined />, label: <Link to={SECURITY_PATH}>账号安全</Link> },
    { key: 'password', icon: <KeyOutlined />, label: <Link to="/account/password">修改密码</Link> },
    { key: 'portal', icon: <GlobalOutlined />, label: <a href="/">访问申报门户</a> },
    { type: 'divider' },
    { key: 'signout', icon: <LogoutOutlined />, label: '退出登录', danger: true },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key !== 'signout') return;
    signOut()
      .then(() => {
        void message.success('您已安全退出');
        void navigate('/login');
      })
      .catch((e: unknown) => void message.error(readApiError(e).message));
  };
  return (
    <Dropdown menu={{ items, onClick }} placement="bottomRight" trigger={['click']}>
      <Button type="text" style={{ color: '#fff' }} aria-label={`用户菜单：${me.displayName}`}>
        <UserOutlined />
        {me.displayName}
        <DownOutlined style={{ fontSize: 10 }} />
      </Button>
    </Dropdown>
  );
}
