import { Form, Input, Modal, Typography } from 'antd';
import { FormAlert } from '../../shared/FormAlert';
import { useSchemaForm } from '../../shared/use-schema-form';
import type { SafeParser } from '../../shared/zod-form';

type Values = { reason?: string };

/** The reason's rules (length) are the server's: its field errors land on the field. */
const passThrough: SafeParser<Values> = { safeParse: (value) => ({ success: true, data: value as Values }) };

export type ReasonRequest = {
  title: string;
  hint?: string;
  label: string;
  okText: string;
  danger?: boolean;
  submit: (reason: string, handlers: { onError: (e: unknown) => void; onSuccess: () => void }) => void;
};

/** Decline, withdraw, end early, resolve a flag: each asks for a reason, which is recorded and audited. */
export function ReasonModal({
  request,
  pending,
  onClose,
}: {
  request: ReasonRequest | null;
  pending: boolean;
  onClose: () => void;
}) {
  const { form, general, validate, onValuesChange, showServerError } = useSchemaForm<Values, Values>(
    passThrough,
  );
  const onOk = () => {
    const v = validate();
    if (!v || !request) return;
    request.submit(v.reason ?? '', { onError: showServerError, onSuccess: onClose });
  };
  return (
    <Modal
      open={request !== null}
      title={request?.title}
      okText={request?.okText ?? '确定'}
      okButtonProps={{ danger: request?.danger }}
      cancelText="取消"
      onOk={onOk}
      onCancel={onClose}
      confirmLoading={pending}
      destroyOnHidden
    >
      {request?.hint && <Typography.Paragraph type="secondary">{request.hint}</Typography.Paragraph>}
      <Form name="reason" form={form} layout="vertical" onValuesChange={onValuesChange} preserve={false}>
        <Form.Item label={request?.label ?? '原因'} name="reason" required extra="将记入审计日志">
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
        <FormAlert messages={general} />
      </Form>
    </Modal>
  );
}
