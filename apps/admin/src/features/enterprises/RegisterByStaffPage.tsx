import { DISTRICT_LABELS, INDUSTRY_KEYS, INDUSTRY_LABELS, RegisterEnterpriseByStaff } from '@fund/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { FormAlert } from '../../shared/FormAlert';
import { Page } from '../../shared/Page';
import { useTRPC } from '../../shared/trpc';
import { useSchemaForm } from '../../shared/use-schema-form';
import { SizeDataFields } from './SizeDataFields';
import { DEFAULT_DISTRICT, toStaffEnterpriseInput, type StaffEnterpriseValues } from './staff-form';
import { StaffUsccField } from './StaffUsccField';

const industryOptions = INDUSTRY_KEYS.map((k) => ({ value: k, label: INDUSTRY_LABELS[k] }));
const districtOptions = Object.entries(DISTRICT_LABELS).map(([code, label]) => ({
  value: code,
  label: `${label}（${code}）`,
}));
const section = { marginBottom: 16 } as const;

export function RegisterByStaffPage() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [checkCharOnly, setCheckCharOnly] = useState(false);
  const { form, general, validate, onValuesChange, showServerError } = useSchemaForm<
    StaffEnterpriseValues,
    RegisterEnterpriseByStaff
  >(RegisterEnterpriseByStaff, toStaffEnterpriseInput);
  const register = useMutation(
    trpc.enterprises.registerByStaff.mutationOptions({
      onSuccess: async ({ id }) => {
        void message.success('企业已登记');
        await queryClient.invalidateQueries({ queryKey: trpc.enterprises.list.queryKey() });
        void navigate(`/enterprises/${id}`);
      },
      onError: showServerError,
    }),
  );
  const onFinish = () => {
    const data = validate();
    // The schema's output has `overrideReason: null` for "none"; the procedure's input spells that as absent.
    if (data) register.mutate({ ...data, overrideReason: data.overrideReason ?? undefined });
  };

  return (
    <Page
      title="登记企业"
      crumbs={[{ title: '企业管理', to: '/enterprises' }]}
      subtitle="根据企业提交的营业执照代为登记，登记操作记入审计日志。"
      width={1000}
    >
      <Form
        name="registerByStaff"
        form={form}
        layout="vertical"
        onFinish={onFinish}
        onValuesChange={onValuesChange}
        initialValues={{ registeredDistrictCode: DEFAULT_DISTRICT, reportingYear: dayjs().year() - 1 }}
        scrollToFirstError
      >
        <Card title="企业基本信息" style={section}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <StaffUsccField onCheckCharOnly={setCheckCharOnly} />
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="企业名称" name="name" required>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            {checkCharOnly && (
              <Col span={24}>
                <Form.Item
                  label="例外说明"
                  name="overrideReason"
                  required
                  extra="说明核对营业执照原件的情况和代码的来历，将记入审计日志"
                >
                  <Input.TextArea rows={3} maxLength={500} showCount />
                </Form.Item>
              </Col>
            )}
            <Col xs={24} md={12}>
              <Form.Item label="法定代表人" name="legalRepresentative" required>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
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
              <Form.Item label="成立日期" name="establishedOn" required>
                <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="登记地" name="registeredDistrictCode" required>
                <Select options={districtOptions} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card title="企业规模数据" style={section}>
          <SizeDataFields />
        </Card>
        <Card title="联系人" style={section}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item label="联系人姓名" name="contactName" required>
                <Input maxLength={30} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="联系人手机号码" name="contactMobile" required>
                <Input maxLength={20} inputMode="tel" />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <FormAlert messages={general} />
        <Button type="primary" htmlType="submit" size="large" loading={register.isPending}>
          登记
        </Button>
      </Form>
    </Page>
  );
}
