import { RatingInput } from '@fund/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Radio } from 'antd';
import { FormAlert } from '../../shared/FormAlert';
import { useTRPC } from '../../shared/trpc';
import { useSchemaForm } from '../../shared/use-schema-form';

type Values = { score?: number; comment?: string };

export const SCORE_OPTIONS = [
  { value: 1, label: '1 分 很差' },
  { value: 2, label: '2 分 较差' },
  { value: 3, label: '3 分 一般' },
  { value: 4, label: '4 分 较好' },
  { value: 5, label: '5 分 很好' },
];

/** Rates one session 1–5; each side rates each session once (the server refuses a second rating). */
export function RateModal({
  session,
  onClose,
}: {
  session: { id: number; date: string } | null;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { form, general, validate, onValuesChange, showServerError } = useSchemaForm<Values, RatingInput>(
    RatingInput,
  );
  const rate = useMutation(
    trpc.mentoring.sessions.rate.mutationOptions({
      onSuccess: async () => {
        void message.success('评价已提交');
        await queryClient.invalidateQueries({ queryKey: trpc.mentoring.pathKey() });
        onClose();
      },
      onError: showServerError,
    }),
  );
  const onOk = () => {
    const input = validate();
    if (input && session) rate.mutate({ ...input, sessionId: session.id });
  };
  return (
    <Modal
      open={session !== null}
      title={session ? `评价 ${session.date} 的辅导` : ''}
      okText="提交评价"
      cancelText="取消"
      onOk={onOk}
      onCancel={onClose}
      confirmLoading={rate.isPending}
      destroyOnHidden
    >
      <Form name="rateSession" form={form} layout="vertical" onValuesChange={onValuesChange} preserve={false}>
        <Form.Item label="评分" name="score" required>
          <Radio.Group options={SCORE_OPTIONS} />
        </Form.Item>
        <Form.Item label="评价（选填）" name="comment">
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
        <FormAlert messages={general} />
      </Form>
    </Modal>
  );
}
