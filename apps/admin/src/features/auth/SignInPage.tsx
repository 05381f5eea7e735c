import { SignIn } from '@fund/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../shared/auth';
import { readApiError } from '../../shared/errors';
import { FormAlert } from '../../shared/FormAlert';
import { CONSOLE_NAME, SITE_NAME } from '../../shared/Page';
import { useTRPC } from '../../shared/trpc';
import { useSchemaForm, type ToInput } from '../../shared/use-schema-form';

type Values = { username?: string; password?: string; totp?: string; recoveryCode?: string };
/** Which second factor the user offers: the authenticator's code, or a recovery code when the phone is not at hand. */
type Factor = 'totp' | 'recoveryCode';

/** Only the field on screen is sent (the schema refuses both); an empty one means "not sent", not an invalid code. */
const toInputFor =
  (factor: Factor): ToInput<Values> =>
  ({ username, password, totp, recoveryCode }) => {
    const typed = factor === 'totp' ? totp : recoveryCode;
    return { input: { username, password, [factor]: typed?.trim() ? typed : undefined } };
  };

/** Any AUTH.TOTP_* answer (required, invalid, reused, recovery code refused) means the second factor is in play. */
const isSecondFactor = (domainCode: string | null) => domainCode?.startsWith('AUTH.TOTP') ?? false;

export function SignInPage() {
  const trpc = useTRPC();
  const { signedIn } = useAuth();
  const queryClient = useQueryClient();
  const { notification } = App.useApp();
  const [needsTotp, setNeedsTotp] = useState(false);
  const [factor, setFactor] = useState<Factor>('totp');
  const { form, general, validate, onValuesChange, showServerError } = useSchemaForm<Values, SignIn>(
    SignIn,
    toInputFor(factor),
  );
  /** A recovery code is gone once used: say how many are left and where to get new ones. */
  const warnRecoveryCodeUsed = async () => {
    const left = await queryClient
      .fetchQuery(trpc.auth.totp.status.queryOptions())
      .then((s) => s.recoveryCodesLeft)
      // Refused while a password change is pending: warn without the number.
      .catch(() => null);
    notification.warning({
      title: '您已使用恢复码登录',
      description: `${left === null ? '' : `该恢复码已作废，剩余 ${left} 个恢复码。`}请尽快在右上角用户菜单的“账号安全”页面重新生成恢复码；如手机丢失，请联系系统管理员重置动态验证码。`,
      duration: 15,
      // Not over the user menu in the top right, which the text points to.
      placement: 'bottomRight',
    });
  };
  const signIn = useMutation(
    trpc.auth.signIn.mutationOptions({
      onSuccess: (me, input) => {
        signedIn(me);
        if (input.recoveryCode !== undefined) void warnRecoveryCodeUsed();
      },
      onError: (error) => {
        const e = readApiError(error);
        if (isSecondFactor(e.domainCode) && !needsTotp) {
          // First time we hear of it: show the field and ask for the code, not an error.
          setNeedsTotp(true);
          return;
        }
        if (isSecondFactor(e.domainCode)) {
          form.setFields([{ name: factor, errors: [e.message] }]);
          return;
        }
        showServerError(error);
      },
    }),
  );
  const onSwitchFactor = () => {
    // The other field starts empty and without the refusal meant for the one that is now hidden.
    form.setFields([
      { name: 'totp', value: undefined, errors: [] },
      { name: 'recoveryCode', value: undefined, errors: [] },
    ]);
    setFactor(factor === 'totp' ? 'recoveryCode' : 'totp');
  };
  const switchFactor = (
    <Button
      type="link"
      size="small"
      onClick={onSwitchFactor}
      style={{ padding: 0, height: 'auto', marginTop: 4 }}
    >
      {factor === 'totp' ? '无法使用身份验证器？使用恢复码' : '使用动态验证码'}
    </Button>
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
                title={factor === 'totp' ? '请输入动态验证码' : '请输入恢复码'}
                description={
                  factor === 'totp'
                    ? '您的账号需要第二重身份验证，请打开身份验证器应用，输入当前显示的6位数字。'
                    : '请输入设置动态验证码时保存的任一恢复码，每个恢复码只能使用一次。'
                }
              />
              {factor === 'totp' ? (
                <Form.Item label="动态验证码" name="totp">
                  <Input
                    autoComplete="one-time-code"
                    inputMode="numeric"
                    maxLength={8}
                    size="large"
                    autoFocus
                  />
                </Form.Item>
              ) : (
                <Form.Item label="恢复码" name="recoveryCode">
                  <Input
                    autoComplete="off"
                    autoCapitalize="characters"
                    spellCheck={false}
                    placeholder="如 ABCDE-12345"
                    maxLength={40}
                    size="large"
                    autoFocus
                  />
                </Form.Item>
              )}
              {/* Below the field and its error, not in `extra`: antd takes the item's margin away while an error shows. */}
              <div style={{ marginBottom: 16 }}>{switchFactor}</div>
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
