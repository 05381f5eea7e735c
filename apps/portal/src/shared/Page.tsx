import { Breadcrumb, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

export const SITE_NAME = '岳阳楼区中小微企业发展引导基金';

export type Crumb = { title: string; to?: string };

type Props = {
  title: string;
  subtitle?: ReactNode;
  /** Trail above the title; 首页 is added in front. */
  crumbs?: readonly Crumb[];
  extra?: ReactNode;
  children: ReactNode;
  /** Narrow pages (forms) are centred with a max width. */
  width?: number;
};

/** Every page has the same frame: document title, breadcrumb, heading, actions. */
export function Page({ title, subtitle, crumbs = [], extra, children, width }: Props) {
  const items = [{ title: '首页', to: '/' }, ...crumbs, { title }].map((c, i, all) => ({
    key: `${i}-${c.title}`,
    title: 'to' in c && c.to && i < all.length - 1 ? <Link to={c.to}>{c.title}</Link> : c.title,
  }));
  return (
    <div style={{ maxWidth: width ?? 1200, margin: '0 auto', width: '100%' }}>
      <title>{`${title} - ${SITE_NAME}`}</title>
      <Breadcrumb items={items} style={{ marginBottom: 12 }} />
      <Flex justify="space-between" align="flex-start" gap={16} wrap style={{ marginBottom: 16 }}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          {subtitle && (
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
              {subtitle}
            </Typography.Paragraph>
          )}
        </div>
        {extra}
      </Flex>
      {children}
    </div>
  );
}
