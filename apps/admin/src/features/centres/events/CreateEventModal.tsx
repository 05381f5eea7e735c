import { CENTRE_EVENT_KIND_LABELS, CentreEventInput, type CentreEventKind } from '@fund/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Col, DatePicker, Form, Input, InputNumber, Modal, Radio, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { FormAlert } from '../../../shared/FormAlert';
import { useTRPC } from '../../../shared/trpc';
import { useSchemaForm, type ToInput } from '../../../shared/use-schema-form';

type Values = {
  title?: string;
  kind?: CentreEventKind;
  sector?: string;
  date?: Dayjs | null;
  speaker?: string;
  attendeeCount?: number | null;
};

const toInput: ToInput<Values> = (v) => ({
  input: {
    title: v.title,
    kind: v.kind,
    sector: v.sector?.trim() ? v.sector : null,
    date: v.date?.format('YYYY-MM-DD'),
    attendeeCount: v.attendeeCount ?? undefined,
  },
});

export function CreateEventModal({
  centreId,
  open,
  onClose,
}: {
  centreId: number;
  open: boolean;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { form, general, validate, onValuesChange, showServerError } = useSchemaForm<
    Values,
    CentreEventInput
  >(CentreEventInput, toInput);
  const kind = Form.useWatch('kind', form);
  const create = useMutation(
    trpc.centres.events.create.mutationOptions({
      onSuccess: async () => {
        void message.success('活动已登记');
        await queryClient.invalidateQueries({ queryKey: trpc.centres.pathKey() });
        onClose();
      },
      onError: showServerError,
    }),
  );
  return (
    <Modal
      open={open}
      title="登记活动"
      okText="登记"
      cancelText="取消"
      width={600}
      onOk={() => {
        const event = validate();
        if (event)
          create.mutate({
            centreId,
            event,
            speaker: (form.getFieldValue('speaker') as string | undefined) ?? '',
          });
      }}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form
        name="createEvent"
        form={form}
        layout="vertical"
        onValuesChange={onValuesChange}
        preserve={false}
        initialValues={{ kind: 'public-interest' }}
      >
        <Form.Item label="活动类型" name="kind" required>
          <Radio.Group
            options={Object.entries(CENTRE_EVENT_KIND_LABELS).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item label="活动名称" name="title" required>
          <Input maxLength={100} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              label="行业领域"
              name="sector"
              required={kind === 'training-class'}
              extra={kind === 'training-class' ? '培训班按行业领域统计年度目标' : '选填'}
            >
              <Input maxLength={30} placeholder="如 电子商务" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="活动日期" name="date" required>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="主讲人/导师" name="speaker">
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="签到人数" name="attendeeCount" required extra="以签到表为准">
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <FormAlert messages={general} />
      </Form>
    </Modal>
  );
}
