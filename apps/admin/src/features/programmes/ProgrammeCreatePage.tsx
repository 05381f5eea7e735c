import { ProgrammeDefinition, SCHEMES, SCHEME_LABELS, type LoanMode, type Scheme } from '@fund/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Divider,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { FormAlert } from '../../shared/FormAlert';
import { Page } from '../../shared/Page';
import { useTRPC } from '../../shared/trpc';
import { useSchemaForm, type ToInput } from '../../shared/use-schema-form';
import { defaultDraft, fromDraft, LOAN_MODE_OPTIONS } from './parameters-form';
import { ParametersFields } from './ParametersFields';

type Values = {
  name?: string;
  fiscalYear?: number;
  opensOn?: Dayjs | null;
  closesOn?: Dayjs | null;
  guidelines?: string;
  scheme: Scheme;
  mode: LoanMode;
  parameters: Record<string, unknown>;
};

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

const toInput: ToInput<Values> = (v) => {
  const { value, errors } = fromDraft(v.parameters);
  return {
    input: {
      name: v.name,
      fiscalYear: v.fiscalYear,
      opensOn: day(v.opensOn),
      closesOn: day(v.closesOn),
      parameters: value,
    },
    errors,
  };
};

const schemeOptions = SCHEMES.map((s) => ({ value: s, label: SCHEME_LABELS[s] }));

export function ProgrammeCreatePage() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { form, general, validate, onValuesChange, showServerError } = useSchemaForm<
    Values,
    ProgrammeDefinition
  >(ProgrammeDefinition, toInput);
  const scheme = Form.useWatch('scheme', form) ?? 'loan-interest-subsidy';
  const mode = Form.useWatch('mode', form) ?? 'lpr-spread';
  const create = useMutation(trpc.programmes.create.mutationOptions({ onError: showServerError }));

  const reset = (s: Scheme, m: LoanMode) => form.setFieldValue('parameters', defaultDraft(s, m));

  const onFinish = () => {
    const input = validate();
    if (!input) return;
    create.mutate(
      { ...input, guidelines: (form.getFieldValue('guidelines') as string | undefined) ?? '' },
      {
        onSuccess: () => {
          void message.success('项目已创建，请下达预算');
          void queryClient.invalidateQueries({ queryKey: trpc.programmes.list.queryKey() });
          void navigate('/programmes');
        },
      },
    );
  };

  return (
    <Page title="新建项目" crumbs={[{ title: '项目管理', to: '/programmes' }]} width={960}>
      <Form<Values>
        name="programme"
        form={form}
        layout="vertical"
        onValuesChange={onValuesChange}
        initialValues={{
          scheme: 'loan-interest-subsidy',
          mode: 'lpr-spread',
          fiscalYear: dayjs().year(),
          parameters: defaultDraft('loan-interest-subsidy', 'lpr-spread'),
        }}
      >
        <Card title="基本信息" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={16}>
              <Form.Item label="项目名称" name="name" required>
                <Input maxLength={100} placeholder="如 2026年度中小微企业贷款贴息" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="预算年度" name="fiscalYear" required>
                <InputNumber precision={0} min={2000} max={2100} style={{ width: '100%' }} suffix="年" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="扶持类型" name="scheme" required>
                <Select options={schemeOptions} onChange={(s: Scheme) => reset(s, mode)} />
              </Form.Item>
            </Col>
            {scheme === 'loan-interest-subsidy' && (
              <Col xs={24} md={12}>
                <Form.Item label="贴息方式" name="mode" required>
                  <Radio.Group
                    options={LOAN_MODE_OPTIONS}
                    onChange={(e) => reset(scheme, e.target.value as LoanMode)}
                  />
                </Form.Item>
              </Col>
            )}
            <Col xs={24} md={12}>
              <Form.Item label="申报开始日期" name="opensOn" required>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="申报截止日期" name="closesOn" required>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label="申报指南" name="guidelines" extra="面向企业公开，说明申报条件、材料和流程">
            <Input.TextArea rows={5} maxLength={20000} showCount />
          </Form.Item>
        </Card>
        <Card
          title="政策参数"
          extra={
            <Button onClick={() => reset(scheme, mode)} size="small">
              恢复默认值
            </Button>
          }
          style={{ marginBottom: 16 }}
        >
          <Typography.Paragraph type="secondary">
            已按{SCHEME_LABELS[scheme]}的基金默认值填好，可按本批次政策调整。企业提交申报时参数随申报冻结。
          </Typography.Paragraph>
          <ParametersFields scheme={scheme} mode={mode} />
        </Card>
        <Divider />
        <FormAlert messages={general} />
        <Space>
          {/* Not a submit button: Enter in a date or amount field must not create a programme half-filled. */}
          <Button type="primary" onClick={onFinish} loading={create.isPending}>
            创建项目
          </Button>
          <Button onClick={() => void navigate('/programmes')}>取消</Button>
        </Space>
      </Form>
    </Page>
  );
}
