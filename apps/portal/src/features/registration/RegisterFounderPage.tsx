import { RegisterFounder } from '@fund/domain';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Col, Form, Input, InputNumber, Row, Typography } from 'antd';
import { Link } from 'react-router';
import { useAuth } from '../../shared/auth';
import { FormAlert } from '../../shared/FormAlert';
import { Page } from '../../shared/Page';
import { useTRPC } from '../../shared/trpc';
import { useSchemaForm, type ToInput } from '../../shared/use-schema-form';
import { AccountFields } from './AccountFields';
import { confirmError } from './enterprise-form';
import { PrivacyConsent } from './PrivacyConsent';

type Values = Partial<
  Record<'name' | 'school' | 'idNumber' | 'mobile' | 'username' | 'password' | 'confirm', string>
> & {
  graduationYear?: number | null;
  privacyConsentVersion?: string;
};

const toInput: ToInput<Values> = ({ confirm, ...input }) => ({
  input,
  errors: confirmError({ password: input.password, confirm }),
});

const section = { marginBottom: 16 } as const;

export function RegisterFounderPage() {
  const trpc = useTRPC();
  const { signedIn } = useAuth();
  const { form, general, validate, onValuesChange, showServerError } = useSchemaForm<Values, RegisterFounder>(
    RegisterFounder,
    toInput,
  );
  const register = useMutation(
    trpc.registration.registerFounder.mutationOptions({ onSuccess: signedIn, onError: showServerError }),
  );
  const onFinish = () => {
    const input = validate();
    if (input) register.mutate(input);
  };

  return (
    <Page
      title="个人创业者注册"
      crumbs={[{ title: '注册', to: '/register' }]}
      subtitle="尚未办理营业执照的在校或毕业大学生等个人创业者实名注册。"
      width={1000}
    >
      <Form
        name="registerFounder"
        form={form}
        layout="vertical"
        onFinish={onFinish}
        onValuesChange={onValuesChange}
        scrollToFirstError
      >
        <Card title="一、个人信息" style={section}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item label="姓名" name="name" required>
                <Input maxLength={30} autoComplete="name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                label="身份证号码"
                name="idNumber"
                required
                extra="仅用于实名核验和防止重复申报，加密保存"
              >
                <Input maxLength={18} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="学校" name="school" required>
                <Input maxLength={60} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="毕业年份" name="graduationYear" required extra="在校生请填写预计毕业年份">
                <InputNumber min={1980} max={2100} precision={0} suffix="年" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="手机号码" name="mobile" required>
                <Input maxLength={20} inputMode="tel" autoComplete="tel" />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card title="二、登录账号" style={section}>
          <AccountFields />
        </Card>
        <Card title="三、个人信息保护" style={section}>
          <PrivacyConsent />
        </Card>
        <FormAlert messages={general} />
        <Button type="primary" htmlType="submit" size="large" loading={register.isPending}>
          注册
        </Button>
        <Typography.Text style={{ marginLeft: 16 }}>
          已有账号？<Link to="/login">登录</Link>
        </Typography.Text>
      </Form>
    </Page>
  );
}
