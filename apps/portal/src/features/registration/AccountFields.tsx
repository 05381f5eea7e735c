import { PASSWORD_MIN_LENGTH } from '@fund/domain';
import { Col, Form, Input, Row } from 'antd';

/** Username, password and its confirmation (policy and messages come from the domain schema). */
export function AccountFields() {
  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <Form.Item label="用户名" name="username" required extra="4–32位英文字母、数字、下划线或点">
          <Input autoComplete="username" maxLength={32} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item
          label="密码"
          name="password"
          required
          extra={`至少${PASSWORD_MIN_LENGTH}位，建议使用一句容易记住的话`}
        >
          <Input.Password autoComplete="new-password" maxLength={64} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item label="确认密码" name="confirm" required>
          <Input.Password autoComplete="new-password" maxLength={64} />
        </Form.Item>
      </Col>
    </Row>
  );
}
