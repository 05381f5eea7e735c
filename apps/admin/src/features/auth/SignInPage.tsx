import { SignIn } from '@fund/domain';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../shared/auth';
import { readApiError } from '../../shared/errors';
import { FormAlert } from '../../shared/FormAlert';
import { CONSOLE_NAME, SITE_NAME } from '../../shared/Page';
import { useTRPC } from '../../shared/trpc';
import { useSchemaForm, type ToInput } from '../../shared/use-schema-form';

type Values = { username?: string; password?: string; totp?: string };

/** An empty code field means "not sent" rather than an invalid code. */
const toInput: ToInput<Values> = ({ totp, ...rest }) => ({
  input: { ...rest, totp: totp?.trim() ? totp : undefined },
});

/** Any AUTH.TOTP_* answer (required, invalid, expired) means the second factor is in play. */
const isSecondFactor = (domainCode: string | null) => domainCode?.startsWith('AUTH.TOTP') ?? false;

export function SignInPage() {
  const trpc = useTRPC();
  const { signedIn } = useAuth();
  const [needsTotp, setNeedsTotp] = useState(false);
  const { form, general, validate, onValuesChange, showServerError } = useSchemaForm<Values, SignIn>(
    SignIn,
    toInput,
  );
  const signIn = useMutation(
    trpc.auth.signIn.mutationOptions({
      onSuccess: signedIn,
      onError: (error) => {
        const e = readApiError(error);
        if (isSecondFactor(e.domainCode) && !needsTotp) {
          // First time we hear of it: show the field and ask for the code, not an error.
          setNeedsTotp(true);
          return;
        }
        if (isSecondFactor(e.domainCode)) {
          form.setFields([{ name: 'totp', errors: [e.message] }]);
          return;
        }
        showServerError(error);
      },
    }),
  );
  const onFinish = () => {
    const input = validate();
    if (input) signIn.mutate(input);
  };

  return (
    <div style={{ maxWidth: 420, margin: '0 auto' }}>
      <title>{`登录 - ${CONSOLE_NAME} - ${SITE_NAME}`}</title>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0, textAlign: 'center' }}>
          工作人员登录
        </Typography.Title>
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
          {needsTotp && (
            <>
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 16 }}
                title="请输入动态验证码"
                description="您的账号需要第二重身份验证，请打开身份验证器应用，输入当前显示的6位数字。"
              />
              <Form.Item label="动态验证码" name="totp">
                <Input
                  autoComplete="one-time-code"
                  inputMode="numeric"
                  maxLength={8}
                  size="large"
                  autoFocus
                />
              </Form.Item>
            </>
          )}
          <FormAlert messages={general} />
          <Button type="primary" htmlType="submit" size="large" block loading={signIn.isPending}>
            登录
          </Button>
        </Form>
        <Typography.Paragraph
          type="secondary"
          style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}
        >
          企业和个人创业者请前往<a href="/">申报门户</a>登录。
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
