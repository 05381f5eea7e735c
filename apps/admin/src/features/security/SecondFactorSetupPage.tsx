import { ConfirmTotp } from '@fund/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Divider,
  Flex,
  Form,
  Input,
  QRCode,
  Result,
  Space,
  Steps,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { RouterOutputs } from '../../shared/api-types';
import { useAuth } from '../../shared/auth';
import { readApiError } from '../../shared/errors';
import { FormAlert } from '../../shared/FormAlert';
import { Page } from '../../shared/Page';
import { PageLoading } from '../../shared/PageLoading';
import { safeNext } from '../../shared/safe-next';
import { useTRPC } from '../../shared/trpc';
import { useSchemaForm } from '../../shared/use-schema-form';
import { codeFieldError } from './code-error';
import { SECURITY_PATH } from './paths';
import { RecoveryCodes } from './RecoveryCodes';

type Enrolment = RouterOutputs['auth']['totp']['begin'];
type Values = { code?: string };

const STEPS = [{ title: '安装身份验证器' }, { title: '扫码并验证' }, { title: '保存恢复码' }];

function InstallStep({ onBegin, pending, error }: { onBegin: () => void; pending: boolean; error: unknown }) {
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        安装身份验证器
      </Typography.Title>
      <Typography.Paragraph>
        请在本人手机上安装任意一款支持动态验证码（TOTP）的身份验证器应用，例如腾讯身份验证器、阿里云
        App、Microsoft Authenticator 或 Google 身份验证器。应用不需要联网，也不需要注册。
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">已经安装过的，可以直接开始设置。</Typography.Paragraph>
      {error !== null && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={readApiError(error).message}
          style={{ marginBottom: 16 }}
        />
      )}
      <Button type="primary" loading={pending} onClick={onBegin}>
        开始设置
      </Button>
    </>
  );
}

function ScanStep({
  enrolment,
  username,
  onConfirm,
  onBack,
  pending,
  form,
}: {
  enrolment: Enrolment;
  username: string;
  onConfirm: () => void;
  onBack: () => void;
  pending: boolean;
  form: ReturnType<typeof useSchemaForm<Values, ConfirmTotp>>;
}) {
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        扫码并验证
      </Typography.Title>
      <Flex gap={32} wrap align="flex-start">
        <div role="img" aria-label="供身份验证器扫描的二维码">
          <QRCode value={enrolment.uri} size={196} errorLevel="M" />
        </div>
        <div style={{ flex: 1, minWidth: 260 }}>
          <ol style={{ paddingInlineStart: 20, margin: '0 0 12px', lineHeight: 1.9 }}>
            <li>打开身份验证器，选择“添加账号”或“扫描二维码”；</li>
            <li>扫描左侧二维码，应用中会出现本系统和您的用户名 {username}；</li>
            <li>在下方输入应用当前显示的6位数字（每30秒更新一次）。</li>
          </ol>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            无法扫码时，可在应用中选择“输入设置密钥”（或“手动输入”），账号填写 {username}
            ，类型选择“基于时间”，密钥为：
          </Typography.Paragraph>
          <Typography.Text
            code
            copyable={{ text: enrolment.secret }}
            aria-label="密钥"
            style={{ fontSize: 16, letterSpacing: 1 }}
          >
            {enrolment.secretGrouped}
          </Typography.Text>
        </div>
      </Flex>
      <Divider />
      <Form
        name="confirmTotp"
        form={form.form}
        layout="vertical"
        onFinish={onConfirm}
        onValuesChange={form.onValuesChange}
      >
        <Form.Item label="动态验证码" name="code" required>
          <Input
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={7}
            size="large"
            style={{ maxWidth: 220 }}
            autoFocus
          />
        </Form.Item>
        <FormAlert messages={form.general} />
        <Space>
          <Button onClick={onBack}>上一步</Button>
          <Button type="primary" htmlType="submit" loading={pending}>
            验证并启用
          </Button>
        </Space>
      </Form>
    </>
  );
}

/**
 * 设置动态验证码: install an app, scan the secret and prove it with a code, keep the recovery codes. Reviewer, finance
 * and admin accounts are sent here by the guard until they finish; other staff come from 账号安全 by choice.
 */
export function SecondFactorSetupPage() {
  const trpc = useTRPC();
  const { me } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<0 | 1 | 2>(0);
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [codes, setCodes] = useState<string[]>([]);
  const [finishing, setFinishing] = useState(false);
  const status = useQuery(trpc.auth.totp.status.queryOptions());
  const codeForm = useSchemaForm<Values, ConfirmTotp>(ConfirmTotp);

  const begin = useMutation(
    trpc.auth.totp.begin.mutationOptions({
      onSuccess: (e) => {
        setEnrolment(e);
        codeForm.form.resetFields();
        setStep(1);
      },
    }),
  );
  const confirm = useMutation(
    trpc.auth.totp.confirm.mutationOptions({
      onSuccess: ({ recoveryCodes }) => {
        setCodes(recoveryCodes);
        setStep(2);
      },
      onError: (error) => {
        const onField = codeFieldError(error);
        if (onField) codeForm.form.setFields([{ name: 'code', errors: [onField] }]);
        else codeForm.showServerError(error);
      },
    }),
  );
  const onConfirm = () => {
    const input = codeForm.validate();
    if (input) confirm.mutate(input);
  };
  // `auth.me` is read again only now: until the codes are kept, the menu stays hidden and the guard keeps the user here.
  const finish = async () => {
    setFinishing(true);
    try {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.auth.me.queryKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.auth.totp.status.queryKey() }),
      ]);
    } finally {
      setFinishing(false);
    }
    void message.success('动态验证码已启用，今后登录时须输入');
    void navigate(safeNext(params.get('next')) ?? '/', { replace: true });
  };

  const forced = me?.mustEnrolSecondFactor ?? false;
  const alreadyEnrolled = status.data?.enrolled === true && step === 0;
  // While forced, 账号安全 would only lead back here.
  const crumbs = forced ? [] : [{ title: '账号安全', to: SECURITY_PATH }];

  let body;
  if (status.isPending) body = <PageLoading />;
  else if (alreadyEnrolled) {
    body = (
      <Result
        status="success"
        title="您已启用动态验证码"
        subTitle="如更换或丢失了手机，请联系系统管理员重置后重新设置。"
        extra={
          <Button type="primary" onClick={() => void navigate(SECURITY_PATH)}>
            返回账号安全
          </Button>
        }
      />
    );
  } else if (step === 0) {
    body = <InstallStep onBegin={() => begin.mutate()} pending={begin.isPending} error={begin.error} />;
  } else if (step === 1 && enrolment) {
    body = (
      <ScanStep
        enrolment={enrolment}
        username={me?.username ?? ''}
        onConfirm={onConfirm}
        onBack={() => setStep(0)}
        pending={confirm.isPending}
        form={codeForm}
      />
    );
  } else {
    body = (
      <>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          保存恢复码
        </Typography.Title>
        <RecoveryCodes codes={codes} onDone={() => void finish()} doneLoading={finishing} />
      </>
    );
  }

  return (
    <Page title="设置动态验证码" crumbs={crumbs} width={760}>
      {forced && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="请先设置动态验证码"
          description="区财政资金审批须第二重身份验证：审核、财务和管理员账号登录时，除密码外还须输入手机身份验证器显示的动态验证码，设置完成后才能继续使用。"
        />
      )}
      {!forced && !alreadyEnrolled && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="启用后，每次登录除密码外还须输入手机身份验证器显示的动态验证码，密码泄露时账号也不会被他人登录。"
        />
      )}
      <Card>
        {!alreadyEnrolled && <Steps current={step} items={STEPS} size="small" style={{ marginBottom: 28 }} />}
        {body}
      </Card>
    </Page>
  );
}
