import { RegisterEnterprise } from '@fund/domain';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Col, Form, Input, Row, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { useAuth } from '../../shared/auth';
import { FormAlert } from '../../shared/FormAlert';
import { Page } from '../../shared/Page';
import { useTRPC } from '../../shared/trpc';
import { useSchemaForm } from '../../shared/use-schema-form';
import { AccountFields } from './AccountFields';
import { DisputeModal } from './DisputeModal';
import { DEFAULT_DISTRICT, toEnterpriseInput, type EnterpriseValues } from './enterprise-form';
import { EnterpriseFields } from './EnterpriseFields';
import { PrivacyConsent } from './PrivacyConsent';
import { SizeDataFields } from './SizeDataFields';

const section = { marginBottom: 16 } as const;

export function RegisterEnterprisePage() {
  const trpc = useTRPC();
  const { signedIn } = useAuth();
  const [disputeUscc, setDisputeUscc] = useState<string | null>(null);
  const { form, general, validate, onValuesChange, showServerError } = useSchemaForm<
    EnterpriseValues,
    RegisterEnterprise
  >(RegisterEnterprise, toEnterpriseInput);
  // On success the user is signed in; the guest-only route then moves on to 我的企业.
  const register = useMutation(
    trpc.registration.registerEnterprise.mutationOptions({ onSuccess: signedIn, onError: showServerError }),
  );
  const onFinish = () => {
    const input = validate();
    if (input) register.mutate(input);
  };

  return (
    <Page
      title="企业注册"
      crumbs={[{ title: '注册', to: '/register' }]}
      subtitle="已取得营业执照的企业和个体工商户凭统一社会信用代码注册，注册后由工作人员核验营业执照。"
      width={1000}
    >
      <Form
        name="registerEnterprise"
        form={form}
        layout="vertical"
        onFinish={onFinish}
        onValuesChange={onValuesChange}
        initialValues={{ registeredDistrictCode: DEFAULT_DISTRICT, reportingYear: dayjs().year() - 1 }}
        scrollToFirstError
      >
        <Card title="一、企业基本信息" style={section}>
          <EnterpriseFields onDispute={setDisputeUscc} />
        </Card>
        <Card title="二、企业规模数据" style={section}>
          <SizeDataFields />
        </Card>
        <Card title="三、联系人" style={section}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item label="联系人姓名" name="contactName" required>
                <Input maxLength={30} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="联系人手机号码" name="contactMobile" required>
                <Input maxLength={20} inputMode="tel" autoComplete="tel" />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card title="四、登录账号" style={section}>
          <AccountFields />
        </Card>
        <Card title="五、个人信息保护" style={section}>
          <PrivacyConsent />
        </Card>
        <FormAlert messages={general} />
        <Button type="primary" htmlType="submit" size="large" loading={register.isPending}>
          注册
        </Button>
        <Typography.Text style={{ marginLeft: 16 }}>
          已有账号？<Link to="/login">登录</Link>
        </Typography.Text>
      </Form>
      <DisputeModal uscc={disputeUscc} onClose={() => setDisputeUscc(null)} />
    </Page>
  );
}
