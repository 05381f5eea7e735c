import { needsSecondFactor, UserAction } from '@fund/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Typography } from 'antd';
import type { StaffUser } from '../../shared/api-types';
import { FormAlert } from '../../shared/FormAlert';
import { useTRPC } from '../../shared/trpc';
import { useSchemaForm, type ToInput } from '../../shared/use-schema-form';

export type UserActionKind = 'disable' | 'enable' | 'resetPassword' | 'unlock' | 'resetSecondFactor';
export type PendingAction = { kind: UserActionKind; user: StaffUser };

const COPY: Record<
  UserActionKind,
  { title: string; ok: string; hint: string | ((user: StaffUser) => string); done: string }
> = {
  disable: {
    title: '停用账号',
    ok: '停用',
    hint: '停用后该账号立即退出登录且不能再登录。',
    done: '账号已停用',
  },
  enable: { title: '启用账号', ok: '启用', hint: '启用后该账号可以重新登录。', done: '账号已启用' },
  resetPassword: {
    title: '重置密码',
    ok: '重置',
    hint: '系统将生成一个临时密码，只显示一次；本人登录后须立即修改。',
    done: '密码已重置',
  },
  unlock: {
    title: '解除锁定',
    ok: '解锁',
    hint: '账号因多次密码错误被临时锁定，解锁后可立即重新登录。',
    done: '账号已解锁',
  },
  resetSecondFactor: {
    title: '重置动态验证码',
    ok: '重置',
    // Only reviewer, finance and admin accounts are made to set it up again; others may choose to.
    hint: (user) =>
      `用于本人手机丢失或更换、恢复码也已用完的情况。重置后该账号的动态验证码和全部恢复码立即作废，已登录的会话全部结束；${
        needsSecondFactor(user.roles)
          ? '本人下次登录时须重新设置动态验证码。'
          : '本人下次登录时只需输入密码，可在“账号安全”页面重新启用。'
      }请先核实是本人提出的申请。`,
    done: '动态验证码已重置',
  },
};

type Values = { reason?: string };

/** Disable, enable, reset password, unlock, reset the second factor: each asks for a reason, which is audited. */
export function UserActionModal({ action, onClose }: { action: PendingAction | null; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();
  const toInput: ToInput<Values> = (v) => ({ input: { userId: action?.user.id, reason: v.reason } });
  const { form, general, validate, onValuesChange, showServerError } = useSchemaForm<Values, UserAction>(
    UserAction,
    toInput,
  );

  const after = async (done: string) => {
    void message.success(done);
    await queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
    onClose();
  };
  const options = { onError: showServerError };
  const disable = useMutation(trpc.users.disable.mutationOptions(options));
  const enable = useMutation(trpc.users.enable.mutationOptions(options));
  const unlock = useMutation(trpc.users.unlock.mutationOptions(options));
  const reset = useMutation(trpc.users.resetPassword.mutationOptions(options));
  const resetSecondFactor = useMutation(trpc.users.resetSecondFactor.mutationOptions(options));
  const pending =
    disable.isPending ||
    enable.isPending ||
    unlock.isPending ||
    reset.isPending ||
    resetSecondFactor.isPending;

  const onOk = () => {
    const input = validate();
    if (!input || !action) return;
    const copy = COPY[action.kind];
    switch (action.kind) {
      case 'disable':
        return disable.mutate(input, { onSuccess: () => void after(copy.done) });
      case 'enable':
        return enable.mutate(input, { onSuccess: () => void after(copy.done) });
      case 'unlock':
        return unlock.mutate(input, { onSuccess: () => void after(copy.done) });
      case 'resetSecondFactor':
        return resetSecondFactor.mutate(input, { onSuccess: () => void after(copy.done) });
      case 'resetPassword':
        return reset.mutate(input, {
          onSuccess: ({ temporaryPassword }) => {
            void after(copy.done);
            modal.success({
              title: `${action.user.displayName} 的临时密码`,
              width: 480,
              okText: '我已记下',
              content: (
                <>
                  <Typography.Paragraph>
                    临时密码只显示这一次，请当面或通过安全渠道告知本人；本人登录后须立即修改。
                  </Typography.Paragraph>
                  <Typography.Text code copyable={{ text: temporaryPassword }} style={{ fontSize: 18 }}>
                    {temporaryPassword}
                  </Typography.Text>
                </>
              ),
            });
          },
        });
      default:
        return action.kind satisfies never;
    }
  };

  const copy = action ? COPY[action.kind] : null;
  return (
    <Modal
      open={action !== null}
      title={copy && action ? `${copy.title}：${action.user.displayName}（${action.user.username}）` : ''}
      okText={copy?.ok ?? '确定'}
      okButtonProps={{ danger: action?.kind === 'disable' || action?.kind === 'resetSecondFactor' }}
      cancelText="取消"
      onOk={onOk}
      onCancel={onClose}
      confirmLoading={pending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {copy && action && (typeof copy.hint === 'function' ? copy.hint(action.user) : copy.hint)}
      </Typography.Paragraph>
      <Form name="userAction" form={form} layout="vertical" onValuesChange={onValuesChange} preserve={false}>
        <Form.Item label="原因" name="reason" required extra="将记入审计日志">
          <Input.TextArea rows={3} maxLength={200} showCount />
        </Form.Item>
        <FormAlert messages={general} />
      </Form>
    </Modal>
  );
}
