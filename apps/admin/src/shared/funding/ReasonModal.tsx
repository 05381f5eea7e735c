import { Form, Input, Modal, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { FormAlert } from '../FormAlert';
import { readApiError } from '../errors';

type Props = {
  open: boolean;
  title: string;
  okText: string;
  label: string;
  hint?: ReactNode;
  danger?: boolean;
  pending: boolean;
  /** Sends the reason; a refusal (Chinese message from the server) is shown in the dialog. */
  onSubmit: (reason: string, values: Record<string, unknown>) => Promise<unknown>;
  onClose: () => void;
  children?: ReactNode;
};

/** A decision that needs a written reason (returned, rejected, refused, flagged …); the reason is audited. */
export function ReasonModal({
  open,
  title,
  okText,
  label,
  hint,
  danger,
  pending,
  onSubmit,
  onClose,
  children,
}: Props) {
  const [form] = Form.useForm<Record<string, unknown>>();
  const [errors, setErrors] = useState<string[]>([]);
  useEffect(() => {
    if (open) setErrors([]);
  }, [open]);
  const ok = async () => {
    const reason = (form.getFieldValue('reason') as string | undefined)?.trim() ?? '';
    if (reason.length < 2) {
      form.setFields([{ name: 'reason', errors: [`请填写${label}（至少2个字）`] }]);
      return;
    }
    try {
      await onSubmit(reason, form.getFieldsValue(true) as Record<string, unknown>);
      form.resetFields();
      onClose();
    } catch (e) {
      const err = readApiError(e);
      setErrors([Object.values(err.fieldErrors)[0] ?? err.message]);
    }
  };
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText="取消"
      okButtonProps={{ danger }}
      confirmLoading={pending}
      onOk={() => void ok()}
      onCancel={onClose}
      destroyOnHidden
    >
      {hint && <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>}
      <Form form={form} layout="vertical" preserve={false} name="reason">
        {children}
        <Form.Item label={label} name="reason" required extra="将记入审计日志和案件记录">
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
      <FormAlert messages={errors} />
    </Modal>
  );
}
