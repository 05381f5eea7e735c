import { ChangePassword, PASSWORD_MIN_LENGTH } from '@fund/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../../shared/auth';
import { FormAlert } from '../../shared/FormAlert';
import { Page } from '../../shared/Page';
import { safeNext } from '../../shared/safe-next';
import { useTRPC } from '../../shared/trpc';
import { useSchemaForm, type ToInput } from '../../shared/use-schema-form';

type Values = { currentPassword?: string; newPassword?: string; confirm?: string };

const toInput: ToInput<Values> = ({ confirm, ...input }) => ({
  input,
  errors: confirm === input.newPassword ? [] : [{ name: ['confirm'], errors: ['两次输入的新密码不一致'] }],
});

export function ChangePasswordPage() {
  const trpc = useTRPC();
  const { me } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  // Set by the guard when the change was forced on the way to another page.
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const { form, general, validate, onValuesChange, showServerError } = useSchemaForm<Values, ChangePassword>(
    ChangePassword,
    toInput,
  );
  const change = useMutation(
    trpc.auth.changePassword.mutationOptions({
      onSuccess: async () => {
        void message.success('密码已修改');
        await queryClient.invalidateQueries({ queryKey: trpc.auth.me.queryKey() });
        form.resetFields();
        void navigate(safeNext(params.get('next')) ?? '/');
      },
      onError: showServerError,
    }),
  );
  const onFinish = () => {
    const input = validate();
    if (input) change.mutate(input);
  };

  return (
    <Page title="修改密码" width={520}>
      {me?.mustChangePassword && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="请先修改密码"
          description="您正在使用初始密码或管理员重置的临时密码，修改后才能继续使用。"
        />
      )}
      <Card>
        <Form
          name="changePassword"
          form={form}
          layout="vertical"
          onFinish={onFinish}
          onValuesChange={onValuesChange}
        >
          <Form.Item label="当前密码" name="currentPassword" required>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            label="新密码"
            name="newPassword"
            required
            extra={`至少${PASSWORD_MIN_LENGTH}位，建议使用一句容易记住的话；不要使用常见密码或其他网站用过的密码。`}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item label="确认新密码" name="confirm" required>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <FormAlert messages={general} />
          <Button type="primary" htmlType="submit" loading={change.isPending}>
            修改密码
          </Button>
        </Form>
      </Card>
    </Page>
  );
}
