import { Alert, Button, Card, Col, Flex, Row, Space, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { homePathFor, isStaff, useAuth } from '../../shared/auth';
import { SITE_NAME } from '../../shared/Page';
import { OFFERS } from './offers';
import { ProcessSteps } from './ProcessSteps';

const hero = {
  background: 'linear-gradient(120deg, #1a4f8b 0%, #2d6cb5 100%)',
  color: '#fff',
  borderRadius: 8,
  padding: '40px 48px',
  marginBottom: 24,
} as const;

function Actions() {
  const { me } = useAuth();
  const navigate = useNavigate();
  if (me === undefined) return null;
  if (me) {
    if (isStaff(me)) return null;
    return (
      <Button size="large" onClick={() => void navigate(homePathFor(me))}>
        进入{homePathFor(me) === '/enterprise' ? '我的企业' : '我的资料'}
      </Button>
    );
  }
  return (
    <Space size="middle" wrap>
      <Button size="large" onClick={() => void navigate('/register/enterprise')}>
        企业注册
      </Button>
      <Button size="large" ghost onClick={() => void navigate('/register/founder')}>
        个人创业者注册
      </Button>
      <Button size="large" type="link" style={{ color: '#fff' }} onClick={() => void navigate('/login')}>
        已有账号，登录
      </Button>
    </Space>
  );
}

export function HomePage() {
  const { me } = useAuth();
  const navigate = useNavigate();
  return (
    <div style={{ maxWidth: 1200, margin: '0 auto' }}>
      <title>{SITE_NAME}</title>
      {me && isStaff(me) && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="您已使用工作人员账号登录"
          action={<a href="/admin/">进入管理端</a>}
        />
      )}
      <section style={hero}>
        <Typography.Title level={2} style={{ color: '#fff', marginTop: 0 }}>
          {SITE_NAME}
        </Typography.Title>
        <Typography.Paragraph style={{ color: 'rgba(255,255,255,.88)', fontSize: 16, maxWidth: 720 }}>
          支持区内初创期、成长期中小微企业和个人创业者：贷款贴息、以奖代投、创新中心免费工位和创业导师服务，一个账号统一办理。
        </Typography.Paragraph>
        <Actions />
      </section>

      <Typography.Title level={4}>扶持内容</Typography.Title>
      <Row gutter={[16, 16]} style={{ marginBottom: 24 }}>
        {OFFERS.map((o) => (
          <Col key={o.key} xs={24} sm={12} lg={6}>
            <Card style={{ height: '100%' }}>
              <Flex vertical gap={8}>
                <span style={{ fontSize: 28, color: '#1a4f8b' }} aria-hidden>
                  {o.icon}
                </span>
                <Typography.Title level={5} style={{ margin: 0 }}>
                  {o.title}
                </Typography.Title>
                <Typography.Text type="secondary">{o.who}</Typography.Text>
                <Typography.Paragraph style={{ margin: 0 }}>{o.text}</Typography.Paragraph>
              </Flex>
            </Card>
          </Col>
        ))}
      </Row>

      <Card title="办理流程">
        <ProcessSteps />
      </Card>

      <Card
        title="公示公告"
        style={{ marginTop: 24 }}
        extra={
          <Button type="link" onClick={() => void navigate('/notices')}>
            查看全部公示
          </Button>
        }
      >
        <Typography.Paragraph style={{ margin: 0 }}>
          拟扶持企业名单在拨付前向社会公示，接受社会监督；对公示内容有异议的，可在异议期内实名提出。
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
