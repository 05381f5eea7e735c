import { ReportUsccDispute } from '@fund/domain';
import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, Modal, Typography } from 'antd';
import { FormAlert } from '../../shared/FormAlert';
import { useTRPC } from '../../shared/trpc';
import { useSchemaForm } from '../../shared/use-schema-form';

type Values = Partial<Record<'uscc' | 'contactName' | 'contactMobile' | 'description', string>>;

/** "Someone else registered our USCC" (domain-rules.md §2): reaches staff, who can reassign after checking. */
export function DisputeModal({ uscc, onClose }: { uscc: string | null; onClose: () => void }) {
  const trpc = useTRPC();
  const { modal } = App.useApp();
  const { form, general, validate, onValuesChange, showServerError } = useSchemaForm<
    Values,
    ReportUsccDispute
  >(ReportUsccDispute);

  const report = useMutation(
    trpc.registration.reportDispute.mutationOptions({
      onSuccess: ({ disputeId }) => {
        onClose();
        form.resetFields();
        modal.success({
          title: '申诉已提交',
          content: `申诉编号 ${disputeId}。工作人员核实营业执照后将通过您留下的手机号码与您联系。`,
          okText: '知道了',
        });
      },
      onError: showServerError,
    }),
  );

  const onOk = () => {
    const input = validate();
    if (input) report.mutate(input);
  };

  return (
    <Modal
      open={uscc !== null}
      title="统一社会信用代码申诉"
      okText="提交申诉"
      cancelText="取消"
      onOk={onOk}
      onCancel={onClose}
      confirmLoading={report.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        如果该代码被他人冒用注册，请留下联系方式和情况说明，工作人员将核实营业执照后处理。
      </Typography.Paragraph>
      <Form
        name="dispute"
        form={form}
        layout="vertical"
        onValuesChange={onValuesChange}
        preserve={false}
        initialValues={{ uscc: uscc ?? '' }}
      >
        <Form.Item label="统一社会信用代码" name="uscc" required>
          <Input maxLength={24} />
        </Form.Item>
        <Form.Item label="联系人姓名" name="contactName" required>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item label="联系人手机号码" name="contactMobile" required>
          <Input maxLength={20} inputMode="tel" />
        </Form.Item>
        <Form.Item label="情况说明" name="description" required>
          <Input.TextArea
            rows={4}
            maxLength={1000}
            showCount
            placeholder="请说明您与该企业的关系以及发现被冒用的经过（至少10个字）"
          />
        </Form.Item>
        <FormAlert messages={general} />
      </Form>
    </Modal>
  );
}
