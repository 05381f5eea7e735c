import { can } from '@fund/domain';
import { Layout, Menu, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { Suspense } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { useAuth } from '../../shared/auth';
import { PageLoading } from '../../shared/PageLoading';
import { SITE_NAME } from '../../shared/Page';
import { BRAND_BLUE } from '../theme';
import { NotificationBell } from './NotificationBell';
import { UserMenu } from './UserMenu';

const { Header, Content, Footer } = Layout;

function useNavItems(): NonNullable<MenuProps['items']> {
  const { me } = useAuth();
  const items = [{ key: '/', label: <Link to="/">首页</Link> }];
  if (me?.mustChangePassword) return items;
  if (me && can(me.roles, 'enterprise.viewOwn'))
    items.push({ key: '/enterprise', label: <Link to="/enterprise">我的企业</Link> });
  if (me && can(me.roles, 'application.apply')) {
    items.push({ key: '/funding', label: <Link to="/funding">可申报项目</Link> });
    items.push({ key: '/funding/cases', label: <Link to="/funding/cases">我的申报</Link> });
  }
  if (me && can(me.roles, 'founder.viewOwn'))
    items.push({ key: '/profile', label: <Link to="/profile">我的资料</Link> });
  if (me && can(me.roles, 'mentoring.request')) {
    items.push({ key: '/mentoring/find', label: <Link to="/mentoring/find">找导师</Link> });
    items.push({ key: '/mentoring/mine', label: <Link to="/mentoring/mine">我的导师</Link> });
  }
  items.push({ key: '/notices', label: <Link to="/notices">公示公告</Link> });
  return items;
}

export function PortalLayout() {
  const { pathname } = useLocation();
  const items = useNavItems();
  // The longest matching item only (/funding/cases/3 is 我的申报, not also 可申报项目).
  const selected = items
    .map((i) => String(i?.key))
    .filter((k) => k === pathname || (k !== '/' && pathname.startsWith(`${k}/`)))
    .sort((a, b) => b.length - a.length)
    .slice(0, 1);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header
        style={{ display: 'flex', alignItems: 'center', gap: 24, position: 'sticky', top: 0, zIndex: 10 }}
      >
        <Link to="/" style={{ display: 'flex', alignItems: 'center', gap: 10, flex: 'none' }}>
          <img src="/favicon.svg" alt="" width={32} height={32} />
          <Typography.Text strong style={{ color: '#fff', fontSize: 18, whiteSpace: 'nowrap' }}>
            {SITE_NAME}
          </Typography.Text>
        </Link>
        <Menu
          theme="dark"
          mode="horizontal"
          items={items}
          selectedKeys={selected}
          aria-label="主导航"
          style={{ flex: 1, minWidth: 0, background: BRAND_BLUE, borderBottom: 'none' }}
        />
        <NotificationBell />
        <UserMenu />
      </Header>
      <Content style={{ padding: '20px 24px 32px' }}>
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </Content>
      <Footer style={{ textAlign: 'center', color: '#8c8c8c', fontSize: 13 }}>
        {SITE_NAME} · 企业与创业者服务平台
      </Footer>
    </Layout>
  );
}
