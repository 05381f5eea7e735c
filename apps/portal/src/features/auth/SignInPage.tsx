import { SignIn } from '@fund/domain';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Form, Input, Typography } from 'antd';
import { Link } from 'react-router';
import { useAuth } from '../../shared/auth';
import { FormAlert } from '../../shared/FormAlert';
import { Page } from '../../shared/Page';
import { useTRPC } from '../../shared/trpc';
import { useSchemaForm } from '../../shared/use-schema-form';

type Values = { username?: string; password?: string };

export function SignInPage() {
  const trpc = useTRPC();
  const { signedIn } = useAuth();
  const { form, general, validate, onValuesChange, showServerError } = useSchemaForm<Values, SignIn>(SignIn);
  const signIn = useMutation(
    trpc.auth.signIn.mutationOptions({ onSuccess: signedIn, onError: showServerError }),
  );

  const onFinish = () => {
    const input = validate();
    if (input) signIn.mutate(input);
  };

  return (
    <Page title="登录" width={440}>
      <Card>
        <Form
          name="signIn"
          form={form}
          layout="vertical"
          onFinish={onFinish}
          onValuesChange={onValuesChange}
          requiredMark={false}
        >
          <Form.Item label="用户名" name="username">
            <Input autoComplete="username" size="large" autoFocus />
          </Form.Item>
          <Form.Item label="密码" name="password">
            <Input.Password autoComplete="current-password" size="large" />
          </Form.Item>
          <FormAlert messages={general} />
          <Button type="primary" htmlType="submit" size="large" block loading={signIn.isPending}>
            登录
          </Button>
        </Form>
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
          还没有账号？<Link to="/register/enterprise">企业注册</Link> ·{' '}
          <Link to="/register/founder">个人创业者注册</Link>
        </Typography.Paragraph>
      </Card>
    </Page>
  );
}
