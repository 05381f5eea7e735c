import { DISTRICT_LABELS, DEFAULT_DISTRICT_CODES } from '@fund/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Empty,
  Form,
  Input,
  List,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { readApiError } from '../../shared/errors';
import { FormAlert } from '../../shared/FormAlert';
import { documentUrl } from '../../shared/funding/download';
import { ReasonModal } from '../../shared/funding/ReasonModal';
import { VerificationTag } from '../../shared/StatusTags';
import { useTRPC } from '../../shared/trpc';

const ACCOUNT_STATUS: Record<string, { label: string; color: string }> = {
  pending: { label: '待核验', color: 'warning' },
  verified: { label: '核验通过', color: 'success' },
  rejected: { label: '核验不通过', color: 'error' },
  replaced: { label: '已更换', color: 'default' },
};

const LICENCE = 'business-licence';

type Decision = { accountId: number; decision: 'verified' | 'rejected' } | null;
type VerifyValues = { licenceDocumentId?: number; registeredDistrictCode?: string; note?: string };

export function EnterpriseVerifyDrawer({
  enterpriseId,
  onClose,
}: {
  enterpriseId: number | null;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const id = enterpriseId ?? 0;
  const profile = useQuery(trpc.enterprises.get.queryOptions({ id }, { enabled: id > 0 }));
  const files = useQuery(
    trpc.verification.ofEnterprise.queryOptions({ enterpriseId: id }, { enabled: id > 0 }),
  );
  const [form] = Form.useForm<VerifyValues>();
  const [verifyErrors, setVerifyErrors] = useState<string[]>([]);
  const [decision, setDecision] = useState<Decision>(null);
  const [flagging, setFlagging] = useState(false);

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.verification.queue.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.verification.ofEnterprise.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.enterprises.get.queryKey() });
  };
  const verify = useMutation(trpc.verification.verifyEnterprise.mutationOptions());
  const decide = useMutation(trpc.verification.verifyBankAccount.mutationOptions());
  const flag = useMutation(trpc.verification.flagDishonest.mutationOptions());
  const clear = useMutation(trpc.verification.clearDishonest.mutationOptions());

  const p = profile.data;
  const licences = (files.data?.documents ?? []).filter((d) => d.kind === LICENCE);
  useEffect(() => {
    if (!p) return;
    setVerifyErrors([]);
    form.setFieldsValue({
      licenceDocumentId: licences[0]?.id,
      registeredDistrictCode: p.registeredDistrictCode,
      note: undefined,
    });
    // Reset only when another enterprise or its file list loads (not on every render of the profile).
  }, [p?.id, files.data, form]);

  const onVerify = () => {
    const v = form.getFieldsValue();
    if (!v.licenceDocumentId) return setVerifyErrors(['请选择要核验的营业执照']);
    verify.mutate(
      {
        enterpriseId: id,
        licenceDocumentId: v.licenceDocumentId,
        registeredDistrictCode: (v.registeredDistrictCode ?? '').trim(),
        note: (v.note ?? '').trim(),
      },
      {
        onSuccess: () => {
          setVerifyErrors([]);
          void message.success('企业已核验通过');
          refresh();
        },
        onError: (e) => {
          const err = readApiError(e);
          setVerifyErrors(
            Object.values(err.fieldErrors).length > 0 ? Object.values(err.fieldErrors) : [err.message],
          );
        },
      },
    );
  };
  const district = Form.useWatch('registeredDistrictCode', form);

  return (
    <Drawer
      open={enterpriseId !== null}
      onClose={onClose}
      size="large"
      title={p ? `核验：${p.name}` : '企业核验'}
      destroyOnHidden
    >
      {(profile.isError || files.isError) && (
        <Alert type="error" showIcon title={readApiError(profile.error ?? files.error).message} />
      )}
      {p && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions
            size="small"
            bordered
            column={1}
            items={[
              {
                key: 'uscc',
                label: '统一社会信用代码',
                children: <Typography.Text code>{p.uscc}</Typography.Text>,
              },
              { key: 'legal', label: '法定代表人', children: p.legalRepresentative },
              {
                key: 'v',
                label: '核验状态',
                children: (
                  <Space>
                    <VerificationTag verification={p.verification} />
                    {p.dishonest && <Tag color="red">失信</Tag>}
                  </Space>
                ),
              },
              {
                key: 'd',
                label: '登记地',
                children: `${DISTRICT_LABELS[p.registeredDistrictCode] ?? ''}（${p.registeredDistrictCode}）`,
              },
            ]}
          />

          <Card size="small" title="营业执照">
            {licences.length === 0 ? (
              <Empty description="企业尚未上传营业执照" />
            ) : (
              <List
                size="small"
                dataSource={licences}
                renderItem={(d) => (
                  <List.Item
                    actions={[
                      <Typography.Link key="open" href={documentUrl(d.id)} target="_blank" rel="noopener">
                        查看/下载
                      </Typography.Link>,
                    ]}
                  >
                    <Space wrap>
                      <span>{d.originalName}</span>
                      <Typography.Text type="secondary">
                        {dayjs(d.createdAt).format('YYYY-MM-DD HH:mm')} 上传
                      </Typography.Text>
                      {d.verified ? <Tag color="success">已核验</Tag> : <Tag color="warning">未核验</Tag>}
                    </Space>
                  </List.Item>
                )}
              />
            )}
            {licences.length > 0 && (
              <Form form={form} layout="vertical" name="verifyEnterprise" style={{ marginTop: 12 }}>
                <Form.Item label="核验的营业执照" name="licenceDocumentId" required>
                  <Select
                    options={licences.map((d) => ({
                      value: d.id,
                      label: `${d.originalName}（${dayjs(d.createdAt).format('MM-DD HH:mm')}）`,
                    }))}
                  />
                </Form.Item>
                <Form.Item
                  label="营业执照登记地（行政区划代码）"
                  name="registeredDistrictCode"
                  required
                  extra={
                    district && DISTRICT_LABELS[district]
                      ? `${DISTRICT_LABELS[district]}${DEFAULT_DISTRICT_CODES.includes(district) ? '（本区）' : '（非本区，不能申报本区项目）'}`
                      : '按营业执照上的住所填写6位代码'
                  }
                >
                  <Input maxLength={6} inputMode="numeric" />
                </Form.Item>
                <Form.Item label="核验意见" name="note" required>
                  <Input.TextArea rows={2} maxLength={500} placeholder="如：营业执照与登记信息一致" />
                </Form.Item>
                <FormAlert messages={verifyErrors} />
                <Button type="primary" onClick={onVerify} loading={verify.isPending}>
                  {p.verification === 'verified' ? '重新核验营业执照' : '营业执照核验通过'}
                </Button>
              </Form>
            )}
          </Card>

          <Card size="small" title="收款账户">
            {(files.data?.bankAccounts ?? []).length === 0 ? (
              <Empty description="企业尚未填写收款账户" />
            ) : (
              <List
                size="small"
                dataSource={files.data?.bankAccounts ?? []}
                renderItem={(a) => (
                  <List.Item
                    actions={
                      a.status === 'pending'
                        ? [
                            <Button
                              key="ok"
                              size="small"
                              type="primary"
                              onClick={() => setDecision({ accountId: a.id, decision: 'verified' })}
                            >
                              账户核验通过
                            </Button>,
                            <Button
                              key="no"
                              size="small"
                              danger
                              onClick={() => setDecision({ accountId: a.id, decision: 'rejected' })}
                            >
                              账户不通过
                            </Button>,
                          ]
                        : []
                    }
                  >
                    <Space direction="vertical" size={0}>
                      <Space wrap>
                        <Typography.Text strong>{a.bank}</Typography.Text>
                        <Typography.Text code>{a.accountNumberMasked}</Typography.Text>
                        <Tag color={ACCOUNT_STATUS[a.status]?.color}>{ACCOUNT_STATUS[a.status]?.label}</Tag>
                      </Space>
                      <Typography.Text type="secondary">
                        户名：{a.accountName}
                        {a.decisionReason ? `；意见：${a.decisionReason}` : ''}
                      </Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            )}
          </Card>

          <Card size="small" title="失信标记">
            <Space direction="vertical">
              <Typography.Text>
                {p.dishonest ? '该企业已被列入失信名单，不能申报。' : '该企业未被列入失信名单。'}
              </Typography.Text>
              <Button danger={!p.dishonest} onClick={() => setFlagging(true)}>
                {p.dishonest ? '移出失信名单' : '列入失信名单'}
              </Button>
            </Space>
          </Card>
        </Space>
      )}
      <ReasonModal
        open={decision !== null}
        title={decision?.decision === 'verified' ? '收款账户核验通过' : '收款账户核验不通过'}
        okText="确定"
        label="核验意见"
        danger={decision?.decision === 'rejected'}
        hint="账户名称须与企业名称一致；请核对开户许可证或银行出具的账户证明。"
        pending={decide.isPending}
        onSubmit={async (reason) => {
          await decide.mutateAsync({ accountId: decision!.accountId, decision: decision!.decision, reason });
          void message.success('已记录账户核验结果');
          refresh();
        }}
        onClose={() => setDecision(null)}
      />
      <ReasonModal
        open={flagging}
        title={p?.dishonest ? '移出失信名单' : '列入失信名单'}
        okText="确定"
        label="原因"
        danger={!p?.dishonest}
        hint={
          p?.dishonest
            ? '请说明移出依据（如信用修复决定书）。'
            : '列入后该企业不能提交新的申报。请说明依据（如失信被执行人名单查询结果）。'
        }
        pending={flag.isPending || clear.isPending}
        onSubmit={async (reason) => {
          if (p?.dishonest) await clear.mutateAsync({ enterpriseId: id, reason });
          else await flag.mutateAsync({ enterpriseId: id, reason });
          void message.success('已更新失信标记');
          refresh();
        }}
        onClose={() => setFlagging(false)}
      />
    </Drawer>
  );
}
