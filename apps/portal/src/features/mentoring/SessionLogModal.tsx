import { SessionLogInput } from '@fund/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Checkbox, Col, DatePicker, Form, Input, InputNumber, Modal, Radio, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormAlert } from '../../shared/FormAlert';
import { useTRPC } from '../../shared/trpc';
import { useSchemaForm, type ToInput } from '../../shared/use-schema-form';
import { modeOptions, topicOptions } from './options';

type Values = {
  date?: Dayjs | null;
  durationMinutes?: number | null;
  mode?: string;
  topics?: string[];
  notes?: string;
  agreedActions?: string;
};

/** Agreed actions are typed one per line; each line is one action. */
const toInput: ToInput<Values> = ({ date, agreedActions, durationMinutes, ...rest }) => ({
  input: {
    ...rest,
    date: date ? date.format('YYYY-MM-DD') : undefined,
    durationMinutes: durationMinutes ?? undefined,
    agreedActions: (agreedActions ?? '')
      .split('\n')
      .map((a) => a.trim())
      .filter((a) => a !== ''),
  },
  errors: date ? [] : [{ name: ['date'], errors: ['请选择辅导日期'] }],
});

/** Logs a session held within an active pairing (the date rules are the domain's, checked by the server). */
export function SessionLogModal({ pairingId, onClose }: { pairingId: number | null; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { form, general, validate, onValuesChange, showServerError } = useSchemaForm<Values, SessionLogInput>(
    SessionLogInput,
    toInput,
  );
  const log = useMutation(
    trpc.mentoring.sessions.log.mutationOptions({
      onSuccess: async () => {
        void message.success('辅导记录已登记');
        await queryClient.invalidateQueries({ queryKey: trpc.mentoring.pathKey() });
        onClose();
      },
      onError: showServerError,
    }),
  );
  const onOk = () => {
    const input = validate();
    if (input && pairingId !== null) log.mutate({ ...input, pairingId });
  };
  return (
    <Modal
      open={pairingId !== null}
      title="登记辅导记录"
      okText="登记"
      cancelText="取消"
      onOk={onOk}
      onCancel={onClose}
      confirmLoading={log.isPending}
      width={640}
      destroyOnHidden
    >
      <Form
        name="sessionLog"
        form={form}
        layout="vertical"
        onValuesChange={onValuesChange}
        preserve={false}
        initialValues={{ date: dayjs(), durationMinutes: 60 }}
      >
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item label="辅导日期" name="date" required>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="辅导时长（分钟）" name="durationMinutes" required>
              <InputNumber min={1} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="辅导方式" name="mode" required>
          <Radio.Group options={modeOptions} />
        </Form.Item>
        <Form.Item label="辅导主题" name="topics" required>
          <Checkbox.Group options={topicOptions} />
        </Form.Item>
        <Form.Item label="辅导内容记录" name="notes">
          <Input.TextArea rows={3} maxLength={5000} showCount />
        </Form.Item>
        <Form.Item label="约定事项" name="agreedActions" extra="每行一条，如“两周内完成商业计划书修改”">
          <Input.TextArea rows={3} />
        </Form.Item>
        <FormAlert messages={general} />
      </Form>
    </Modal>
  );
}
