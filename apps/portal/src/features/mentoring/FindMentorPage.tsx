import { can, MenteeRequestInput } from '@fund/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Col, Form, Input, Radio, Row, Select } from 'antd';
import { useEffect } from 'react';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../shared/auth';
import { FormAlert } from '../../shared/FormAlert';
import { Page } from '../../shared/Page';
import { useTRPC } from '../../shared/trpc';
import { useSchemaForm, type ToInput } from '../../shared/use-schema-form';
import { industryOptions, preferredKindOptions, stageOptions, topicOptions } from './options';

type Values = {
  forWhom?: 'self' | 'manager';
  manager?: { name?: string; title?: string };
  topics?: string[];
  industry?: string;
  stage?: string;
  preferredKind?: string;
  description?: string;
};

const toInput: ToInput<Values> = ({ forWhom, manager, preferredKind, ...rest }) => ({
  input: {
    ...rest,
    preferredKind: preferredKind ? preferredKind : null,
    manager: forWhom === 'manager' ? { name: manager?.name ?? '', title: manager?.title ?? '' } : null,
  },
});

const section = { marginBottom: 16 } as const;

/** 找导师: an enterprise asks for itself or for a named manager of the firm; a founder asks for themself. */
export function FindMentorPage() {
  const trpc = useTRPC();
  const { me } = useAuth();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const isEnterprise = !!me && can(me.roles, 'enterprise.viewOwn');
  const { form, general, validate, onValuesChange, showServerError } = useSchemaForm<
    Values,
    MenteeRequestInput
  >(MenteeRequestInput, toInput);
  const forWhom = Form.useWatch('forWhom', form);
  const enterprise = useQuery({ ...trpc.enterprises.mine.queryOptions(), enabled: isEnterprise });
  const mine = useQuery(trpc.mentoring.requests.mine.queryOptions());
  const ownLive = (mine.data ?? []).find((r) => r.status !== 'closed' && r.managerName === null);

  // The enterprise's own industry is the likely answer; the applicant may still change it.
  const industry = enterprise.data?.industry;
  useEffect(() => {
    if (industry && !form.getFieldValue('industry')) form.setFieldValue('industry', industry);
  }, [industry, form]);

  const create = useMutation(
    trpc.mentoring.requests.create.mutationOptions({
      onSuccess: async () => {
        void message.success('导师需求已提交，工作人员将为您匹配导师');
        await queryClient.invalidateQueries({ queryKey: trpc.mentoring.pathKey() });
        void navigate('/mentoring/mine');
      },
      onError: showServerError,
    }),
  );
  const onFinish = () => {
    const input = validate();
    if (input) create.mutate(input);
  };

  return (
    <Page
      title="找导师"
      subtitle="导师制“传帮带”：企业家、高校和行业专家导师一对一辅导。提交需求后，工作人员会根据需求为您匹配导师。"
      width={960}
    >
      {ownLive && (
        <Alert
          type="info"
          showIcon
          style={section}
          title={`您已有一条正在进行的导师需求（${ownLive.statusLabel}）`}
          description={
            <>
              同一学员同时只能有一条进行中的需求。{isEnterprise && '企业仍可为本企业的经营管理者申请导师。'}
              <Link to="/mentoring/mine">查看我的导师</Link>
            </>
          }
        />
      )}
      <Form
        name="menteeRequest"
        form={form}
        layout="vertical"
        onFinish={onFinish}
        onValuesChange={onValuesChange}
        initialValues={{ forWhom: 'self', preferredKind: '' }}
        scrollToFirstError
      >
        {isEnterprise && (
          <Card title="为谁申请" style={section}>
            <Form.Item name="forWhom" label="辅导对象">
              <Radio.Group
                options={[
                  { value: 'self', label: '本企业' },
                  { value: 'manager', label: '本企业的经营管理者（企业家培育）' },
                ]}
              />
            </Form.Item>
            {forWhom === 'manager' && (
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Form.Item label="经营管理者姓名" name={['manager', 'name']} required>
                    <Input maxLength={50} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item label="经营管理者职务" name={['manager', 'title']} required>
                    <Input maxLength={50} placeholder="如：总经理、副总经理" />
                  </Form.Item>
                </Col>
                <Col span={24}>
                  <Alert
                    type="info"
                    showIcon
                    title="为经营管理者申请“企业家培育”导师的，企业应处于成长期。"
                  />
                </Col>
              </Row>
            )}
          </Card>
        )}
        <Card title="辅导需求" style={section}>
          <Form.Item label="希望辅导的主题" name="topics" required extra="最多选择 5 个">
            <Checkbox.Group options={topicOptions} />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item label="所属行业" name="industry" required>
                <Select
                  options={industryOptions}
                  placeholder="请选择所属行业"
                  showSearch={{ optionFilterProp: 'label' }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="发展阶段" name="stage" required>
                <Radio.Group options={stageOptions} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label="希望的导师类型" name="preferredKind">
            <Radio.Group options={preferredKindOptions} />
          </Form.Item>
          <Form.Item
            label="需求描述"
            name="description"
            required
            extra="请说明目前遇到的问题和希望导师提供的帮助（10 字以上）"
          >
            <Input.TextArea rows={5} maxLength={2000} showCount />
          </Form.Item>
        </Card>
        <FormAlert messages={general} />
        <Button type="primary" htmlType="submit" size="large" loading={create.isPending}>
          提交需求
        </Button>
      </Form>
    </Page>
  );
}
