import { ConfirmTotp } from '@fund/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { FormAlert } from '../../shared/FormAlert';
import { useTRPC } from '../../shared/trpc';
import { useSchemaForm } from '../../shared/use-schema-form';
import { codeFieldError } from './code-error';
import { RecoveryCodes } from './RecoveryCodes';

type Values = { code?: string };

/**
 * New recovery codes in place of the old ones. The server asks for a current code (a session alone cannot mint codes);
 * once issued, the codes are shown once and the dialog closes only through 完成.
 */
export function RegenerateRecoveryCodesModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [codes, setCodes] = useState<string[] | null>(null);
  const { form, general, validate, onValuesChange, showServerError } = useSchemaForm<Values, ConfirmTotp>(
    ConfirmTotp,
  );
  const regenerate = useMutation(
    trpc.auth.totp.regenerateRecoveryCodes.mutationOptions({
      onSuccess: async ({ recoveryCodes }) => {
        setCodes(recoveryCodes);
        await queryClient.invalidateQueries({ queryKey: trpc.auth.totp.status.queryKey() });
      },
      onError: (error) => {
        const onField = codeFieldError(error);
        if (onField) form.setFields([{ name: 'code', errors: [onField] }]);
        else showServerError(error);
      },
    }),
  );
  const onOk = () => {
    const input = validate();
    if (input) regenerate.mutate(input);
  };
  const close = () => {
    setCodes(null);
    onClose();
  };

  const shown = codes !== null;
  return (
    <Modal
      open={open}
      title={shown ? '新的恢复码' : '重新生成恢复码'}
      okText="生成"
      cancelText="取消"
      onOk={onOk}
      onCancel={close}
      confirmLoading={regenerate.isPending}
      // The new codes are shown once: only 完成, after ticking that they are kept, closes the dialog.
      footer={shown ? null : undefined}
      closable={!shown}
      mask={{ closable: !shown }}
      keyboard={!shown}
      width={shown ? 600 : 480}
      destroyOnHidden
    >
      {shown ? (
        <RecoveryCodes codes={codes} onDone={close} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            生成新的恢复码后，原有的恢复码全部作废。请打开身份验证器，输入当前显示的6位数字，确认是本人操作。
          </Typography.Paragraph>
          <Form
            name="regenerateRecoveryCodes"
            form={form}
            layout="vertical"
            onFinish={onOk}
            onValuesChange={onValuesChange}
            preserve={false}
          >
            <Form.Item label="动态验证码" name="code" required>
              <Input
                autoComplete="one-time-code"
                inputMode="numeric"
                maxLength={7}
                style={{ maxWidth: 220 }}
                autoFocus
              />
            </Form.Item>
            <FormAlert messages={general} />
          </Form>
        </>
      )}
    </Modal>
  );
}
