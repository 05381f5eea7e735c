import { ROLE_LABELS } from '@fund/domain';
import { Card, Col, Flex, Result, Row, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import { useAuth } from '../../shared/auth';
import { navFor } from '../../shared/nav';
import { Page } from '../../shared/Page';
import { DashboardStats } from './DashboardStats';
import { FundingStats } from './FundingStats';
import { PolicyWarningCard } from '../policy/PolicyWarningCard';

export function DashboardPage() {
  const { me } = useAuth();
  const navigate = useNavigate();
  if (!me) return null;
  const links = navFor(me.roles).filter((n) => n.path !== '/');
  return (
    <Page
      title="工作台"
      crumbs={[]}
      subtitle={
        <Space size={8} wrap>
          <span>
            {me.displayName}，您好！今天是 {dayjs().format('YYYY年M月D日 dddd')}。
          </span>
          {me.roles.map((r) => (
            <Tag key={r} color="blue">
              {ROLE_LABELS[r]}
            </Tag>
          ))}
        </Space>
      }
    >
      <PolicyWarningCard roles={me.roles} />
      <DashboardStats roles={me.roles} />
      <FundingStats roles={me.roles} />
      {links.length > 0 ? (
        <>
          <Typography.Title level={5}>常用功能</Typography.Title>
          <Row gutter={[16, 16]}>
            {links.map((n) => (
              <Col key={n.path} xs={24} sm={12} lg={8}>
                <Card hoverable onClick={() => void navigate(n.path)} role="link" aria-label={n.label}>
                  <Flex gap={12} align="flex-start">
                    <span style={{ fontSize: 24, color: '#1a4f8b' }} aria-hidden>
                      {n.icon}
                    </span>
                    <div>
                      <Typography.Text strong>{n.label}</Typography.Text>
                      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                        {n.description}
                      </Typography.Paragraph>
                    </div>
                  </Flex>
                </Card>
              </Col>
            ))}
          </Row>
        </>
      ) : (
        <Card>
          <Result
            status="info"
            title="暂无可用功能"
            subTitle="孵化载体和创业导师相关功能正在建设中，开放后将显示在左侧菜单中。"
          />
        </Card>
      )}
    </Page>
  );
}
