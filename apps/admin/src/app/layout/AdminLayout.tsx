import { Layout, Menu, Typography } from 'antd';
import { Suspense } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { useAuth } from '../../shared/auth';
import { activeNav, navFor } from '../../shared/nav';
import { PageLoading } from '../../shared/PageLoading';
import { CONSOLE_NAME, SITE_NAME } from '../../shared/Page';
import { UserMenu } from './UserMenu';

const { Header, Sider, Content } = Layout;

export function AdminLayout() {
  const { me } = useAuth();
  const { pathname } = useLocation();
  // While a password change or the second factor's set-up is forced, the menu would only lead back to that page.
  const entries = me && !me.mustChangePassword && !me.mustEnrolSecondFactor ? navFor(me.roles) : [];
  const active = activeNav(pathname, entries);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header
        style={{ display: 'flex', alignItems: 'center', gap: 12, position: 'sticky', top: 0, zIndex: 10 }}
      >
        <Link to="/" style={{ display: 'flex', alignItems: 'center', gap: 10, flex: 1, minWidth: 0 }}>
          <img src={`${import.meta.env.BASE_URL}favicon.svg`} alt="" width={30} height={30} />
          <Typography.Text strong style={{ color: '#fff', fontSize: 17, whiteSpace: 'nowrap' }}>
            {SITE_NAME}
          </Typography.Text>
          <span
            style={{
              color: 'rgba(255,255,255,.75)',
              borderLeft: '1px solid rgba(255,255,255,.4)',
              paddingLeft: 10,
            }}
          >
            {CONSOLE_NAME}
          </span>
        </Link>
        <UserMenu />
      </Header>
      <Layout>
        <Sider
          width={200}
          theme="light"
          breakpoint="lg"
          collapsedWidth={64}
          style={{ borderRight: '1px solid #f0f0f0' }}
        >
          <Menu
            mode="inline"
            aria-label="功能导航"
            selectedKeys={active ? [active.path] : []}
            items={entries.map((n) => ({
              key: n.path,
              icon: n.icon,
              label: <Link to={n.path}>{n.label}</Link>,
            }))}
            style={{ borderInlineEnd: 'none', paddingTop: 8 }}
          />
        </Sider>
        <Content style={{ padding: '20px 24px 32px', minWidth: 0 }}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
