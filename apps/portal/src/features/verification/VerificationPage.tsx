import { CheckCircleFilled, ClockCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { FormInstance } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import type { RouterInputs, RouterOutputs } from '../../shared/api-types';
import { readApiError } from '../../shared/errors';
import { FormAlert } from '../../shared/FormAlert';
import { Page } from '../../shared/Page';
import { PageLoading } from '../../shared/PageLoading';
import { VerificationTag } from '../../shared/StatusTags';
import { useTRPC } from '../../shared/trpc';
import { documentHref, formatFileSize } from '../../shared/upload';
import { UploadButton } from '../../shared/UploadButton';
import { recordToFieldErrors } from '../../shared/zod-form';

type Mine = RouterOutputs['verification']['mine'];
type Account = Mine['bankAccounts'][number];
type BankValues = RouterInputs['verification']['submitBankAccount'];

export const LICENCE_KIND = 'business-licence';

const ACCOUNT_STATUS: Record<Account['status'], { color: string; label: string }> = {
  pending: { color: 'processing', label: '待核验' },
  verified: { color: 'success', label: '已核验' },
  rejected: { color: 'error', label: '核验未通过' },
  replaced: { color: 'default', label: '已更换' },
};

function AccountStatus({ status }: { status: Account['status'] }) {
  const s = ACCOUNT_STATUS[status];
  return <Tag color={s.color}>{s.label}</Tag>;
}

function LicenceCard({ mine, verified }: { mine: Mine; verified: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const licences = mine.documents.filter((d) => d.kind === LICENCE_KIND);
  const latest = licences[0];
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.verification.mine.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.enterprises.mine.queryKey() });
  };
  let state: { icon: ReactNode; text: string; type: 'success' | 'info' | 'warning' };
  if (verified) state = { icon: <CheckCircleFilled />, text: '营业执照已核验', type: 'success' };
  else if (latest) state = { icon: <ClockCircleFilled />, text: '已上传，等待工作人员核验', type: 'info' };
  else state = { icon: <CloseCircleFilled />, text: '尚未上传营业执照', type: 'warning' };
  return (
    <Card title="第一步：上传营业执照" id="licence" style={{ marginBottom: 16, scrollMarginTop: 80 }}>
      <Alert type={state.type} showIcon icon={state.icon} title={state.text} style={{ marginBottom: 16 }} />
      <Form layout="vertical">
        <Form.Item
          label="营业执照"
          extra="请上传营业执照（副本）的扫描件或照片：PDF、PNG 或 JPG，不超过10MB。工作人员将核对企业名称、统一社会信用代码、法定代表人和登记机关所在区。"
        >
          <Space wrap>
            {latest && (
              <Typography.Link href={documentHref(latest.id)}>
                {latest.originalName}（{formatFileSize(latest.size)}，
                {dayjs(latest.createdAt).format('YYYY-MM-DD HH:mm')} 上传）
              </Typography.Link>
            )}
            <UploadButton kind={LICENCE_KIND} label="营业执照" replacing={!!latest} onUploaded={refresh} />
          </Space>
        </Form.Item>
      </Form>
    </Card>
  );
}

function BankAccountForm({ enterpriseName, hasAccount }: { enterpriseName: string; hasAccount: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<BankValues>();
  const [general, setGeneral] = useState<string[]>([]);
  const submit = useMutation(trpc.verification.submitBankAccount.mutationOptions());
  useEffect(() => form.setFieldsValue({ accountName: enterpriseName }), [form, enterpriseName]);

  const onFinish = (values: BankValues) => {
    setGeneral([]);
    submit.mutate(values, {
      onSuccess: () => {
        void message.success('收款账户已提交，等待工作人员核验');
        form.resetFields(['bank', 'accountNumber']);
        void queryClient.invalidateQueries({ queryKey: trpc.verification.mine.queryKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.enterprises.mine.queryKey() });
      },
      onError: (e) => {
        const err = readApiError(e);
        const fields = recordToFieldErrors(err.fieldErrors);
        (form as FormInstance).setFields(fields);
        setGeneral(fields.length > 0 ? [] : [err.message]);
      },
    });
  };
  return (
    <Form form={form} layout="vertical" onFinish={onFinish} style={{ maxWidth: 560 }} requiredMark>
      {hasAccount && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="更换收款账户需要重新核验"
          description="提交新账户后，原账户即停止使用；新账户经工作人员核验通过前，不能申报项目，也不能拨付资金。"
        />
      )}
      <Form.Item
        name="bank"
        label="开户银行"
        rules={[{ required: true, message: '请填写开户银行' }]}
        extra="填写到支行，如：中国工商银行岳阳南湖支行"
      >
        <Input maxLength={60} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="accountName"
        label="账户名称"
        rules={[{ required: true, message: '请填写账户名称' }]}
        extra={`须为本企业的对公账户，户名与企业名称「${enterpriseName}」一致`}
      >
        <Input maxLength={100} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="accountNumber"
        label="银行账号"
        rules={[{ required: true, message: '请填写银行账号' }]}
        extra="8–32位数字，可含空格；提交后仅显示前后几位"
      >
        <Input inputMode="numeric" maxLength={40} autoComplete="off" />
      </Form.Item>
      <FormAlert messages={general} />
      <Button type="primary" htmlType="submit" loading={submit.isPending}>
        提交核验
      </Button>
    </Form>
  );
}

function BankCard({ mine, enterpriseName }: { mine: Mine; enterpriseName: string }) {
  const current = mine.bankAccounts.find((a) => a.status !== 'replaced');
  const [changing, setChanging] = useState(false);
  const currentId = current?.id;
  // A newly submitted account closes the change form again.
  useEffect(() => setChanging(false), [currentId]);
  return (
    <Card
      title="第二步：填写收款银行账户"
      id="bank-account"
      style={{ marginBottom: 16, scrollMarginTop: 80 }}
    >
      {current ? (
        <>
          <Descriptions
            bordered
            size="small"
            column={1}
            style={{ marginBottom: 16, maxWidth: 720 }}
            items={[
              { key: 'status', label: '核验状态', children: <AccountStatus status={current.status} /> },
              { key: 'bank', label: '开户银行', children: current.bank },
              { key: 'name', label: '账户名称', children: current.accountName },
              { key: 'no', label: '银行账号', children: current.accountNumberMasked },
              {
                key: 'at',
                label: '提交时间',
                children: dayjs(current.createdAt).format('YYYY-MM-DD HH:mm'),
              },
              ...(current.decisionReason
                ? [{ key: 'reason', label: '核验意见', children: current.decisionReason }]
                : []),
            ]}
          />
          {current.status === 'rejected' && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              title="收款账户核验未通过"
              description={`原因：${current.decisionReason ?? '未说明'}。请核对后重新填写。`}
            />
          )}
          {current.status === 'pending' && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title="账户已提交，等待工作人员核验"
              description="核验结果会通过站内消息通知您。"
            />
          )}
          {current.status === 'rejected' && <Typography.Title level={5}>重新填写收款账户</Typography.Title>}
        </>
      ) : (
        <Typography.Paragraph type="secondary">
          扶持资金只拨付到本企业名下的对公账户。请填写账户信息，工作人员核验后即可用于申报和拨付。
        </Typography.Paragraph>
      )}
      {!current || current.status === 'rejected' || changing ? (
        <BankAccountForm enterpriseName={enterpriseName} hasAccount={current !== undefined} />
      ) : (
        <Space wrap>
          <Button onClick={() => setChanging(true)}>更换收款账户</Button>
          <Typography.Text type="secondary">
            更换后新账户需要重新核验，核验通过前不能申报和拨付
          </Typography.Text>
        </Space>
      )}
      {mine.bankAccounts.length > 1 && (
        <Table
          style={{ marginTop: 24 }}
          size="small"
          rowKey="id"
          pagination={false}
          title={() => '账户记录'}
          dataSource={mine.bankAccounts}
          columns={[
            { title: '开户银行', dataIndex: 'bank' },
            { title: '银行账号', dataIndex: 'accountNumberMasked' },
            {
              title: '状态',
              dataIndex: 'status',
              render: (s: Account['status']) => <AccountStatus status={s} />,
            },
            { title: '核验意见', dataIndex: 'decisionReason', render: (r: string | null) => r ?? '—' },
            {
              title: '提交时间',
              dataIndex: 'createdAt',
              render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
            },
          ]}
        />
      )}
    </Card>
  );
}

/** 企业核验: the licence and the payee account, each with its state, reachable from the 我的企业 checklist. */
export function VerificationPage() {
  const trpc = useTRPC();
  const enterprise = useQuery(trpc.enterprises.mine.queryOptions());
  const mine = useQuery(trpc.verification.mine.queryOptions());
  const { hash } = useLocation();
  const loaded = !!enterprise.data && !!mine.data;
  useEffect(() => {
    // Links from the 我的企业 checklist point at one card (#licence, #bank-account).
    if (loaded && hash) document.getElementById(hash.slice(1))?.scrollIntoView({ block: 'start' });
  }, [loaded, hash]);
  if (enterprise.isPending || mine.isPending) return <PageLoading />;
  const error = enterprise.error ?? mine.error;
  if (error || !enterprise.data || !mine.data) {
    return (
      <Page title="企业核验" crumbs={[{ title: '我的企业', to: '/enterprise' }]}>
        <Alert type="error" showIcon title={readApiError(error).message} />
      </Page>
    );
  }
  const e = enterprise.data;
  return (
    <Page
      title="企业核验"
      crumbs={[{ title: '我的企业', to: '/enterprise' }]}
      subtitle={
        <Space size={8} wrap>
          <Typography.Text strong>{e.name}</Typography.Text>
          <VerificationTag verification={e.verification} />
        </Space>
      }
      width={960}
    >
      {e.missing.length === 0 ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title="核验已完成，可以申报"
          action={
            <Link to="/funding">
              <Button type="primary" size="small">
                查看可申报项目
              </Button>
            </Link>
          }
        />
      ) : (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="申报前需完成营业执照核验和收款账户核验"
          description={
            <Flex vertical gap={2}>
              {e.missing.map((m) => (
                <span key={m}>· {m}</span>
              ))}
            </Flex>
          }
        />
      )}
      <LicenceCard mine={mine.data} verified={e.verification === 'verified'} />
      <BankCard mine={mine.data} enterpriseName={e.name} />
    </Page>
  );
}
