import { Layout, Typography } from 'antd';
import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { PageLoading } from '../../shared/PageLoading';
import { CONSOLE_NAME, SITE_NAME } from '../../shared/Page';

/** Frame for pages seen before signing in: brand header, no navigation. */
export function BareLayout() {
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 10 }}>
        <img src={`${import.meta.env.BASE_URL}favicon.svg`} alt="" width={30} height={30} />
        <Typography.Text strong style={{ color: '#fff', fontSize: 17 }}>
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
      </Layout.Header>
      <Layout.Content style={{ padding: '48px 24px' }}>
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}
