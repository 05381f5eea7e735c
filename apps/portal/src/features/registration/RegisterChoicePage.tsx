import { ShopOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { Page } from '../../shared/Page';

function Choice(props: { icon: ReactNode; title: string; text: string; action: string; to: string }) {
  const navigate = useNavigate();
  return (
    <Card style={{ height: '100%' }}>
      <Flex vertical gap={12} align="flex-start" style={{ height: '100%' }}>
        <span style={{ fontSize: 32, color: '#1a4f8b' }} aria-hidden>
          {props.icon}
        </span>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {props.title}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ flex: 1 }}>
          {props.text}
        </Typography.Paragraph>
        <Button type="primary" onClick={() => void navigate(props.to)}>
          {props.action}
        </Button>
      </Flex>
    </Card>
  );
}

export function RegisterChoicePage() {
  return (
    <Page title="注册" subtitle="请根据您的身份选择注册方式" width={880}>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Choice
            icon={<ShopOutlined />}
            title="企业注册"
            text="已取得营业执照的企业和个体工商户，凭统一社会信用代码注册，可申报贷款贴息、以奖代投等项目。"
            action="企业注册"
            to="/register/enterprise"
          />
        </Col>
        <Col xs={24} md={12}>
          <Choice
            icon={<UserOutlined />}
            title="个人创业者注册"
            text="尚未办理营业执照的在校或毕业大学生等个人创业者，实名注册后可申请创业导师和创新中心服务。"
            action="个人创业者注册"
            to="/register/founder"
          />
        </Col>
      </Row>
    </Page>
  );
}
