import { CheckCircleFilled } from '@ant-design/icons';
import { formatFen } from '@fund/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Result,
  Row,
  Space,
  Statistic,
  Steps,
  Timeline,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { RouterOutputs } from '../../shared/api-types';
import { readApiError } from '../../shared/errors';
import { FormAlert } from '../../shared/FormAlert';
import { Page } from '../../shared/Page';
import { PageLoading } from '../../shared/PageLoading';
import { useTRPC } from '../../shared/trpc';
import { documentHref, formatFileSize } from '../../shared/upload';
import { ApplicationSummary } from './ApplicationSummary';
import { CaseStatusTag } from './CaseStatusTag';
import { CASE_NEXT_STEP, CASE_PROGRESS, CASE_PROGRESS_STEPS } from './labels';
import { WorkingLines } from './WorkingLines';

type CaseView = RouterOutputs['cases']['get'];

const at = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

function Paid({ c }: { c: CaseView }) {
  const amount = c.recommendedAmountFen ?? c.computedAmountFen ?? 0;
  return (
    <Card style={{ marginBottom: 16, borderColor: '#b7eb8f' }} styles={{ body: { background: '#f6ffed' } }}>
      <Result
        status="success"
        icon={<CheckCircleFilled />}
        title="已拨付"
        subTitle="扶持资金已拨付到本企业的收款账户，请注意查收。"
        style={{ padding: 8 }}
      >
        <Descriptions
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'amount', label: '拨付金额', children: <strong>{formatFen(amount)}</strong> },
            { key: 'voucher', label: '支付凭证号', children: c.voucherNo ?? '—' },
            { key: 'date', label: '拨付日期', children: c.paidOn ?? '—' },
          ]}
        />
      </Result>
    </Card>
  );
}

function ReturnsCard({ c }: { c: CaseView }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [answer, setAnswer] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const answerReturn = useMutation(trpc.cases.answerReturn.mutationOptions());
  const resubmit = useMutation(trpc.cases.resubmit.mutationOptions());
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.cases.get.queryKey({ caseId: c.id }) });
    void queryClient.invalidateQueries({ queryKey: trpc.cases.mine.queryKey() });
  };
  if (c.returns.length === 0) return null;
  const last = c.returns[c.returns.length - 1]!;
  const awaiting = c.status === 'returned';
  return (
    <Card title="退回修改意见" style={{ marginBottom: 16 }}>
      <List
        dataSource={c.returns}
        renderItem={(r, i) => (
          <List.Item>
            <Space direction="vertical" size={4} style={{ width: '100%' }}>
              <Typography.Text type="secondary">
                第 {i + 1} 次退回 · {at(r.returnedAt)}
              </Typography.Text>
              <Typography.Text>退回原因：{r.reason}</Typography.Text>
              {r.answer ? (
                <Typography.Text type="success">
                  我的答复（{r.answeredAt ? at(r.answeredAt) : ''}）：{r.answer}
                </Typography.Text>
              ) : (
                <Typography.Text type="warning">尚未答复</Typography.Text>
              )}
            </Space>
          </List.Item>
        )}
      />
      {awaiting && (
        <div style={{ marginTop: 16 }}>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title="请按退回意见处理后重新提交"
            description="① 在下方答复退回意见；② 如需修改申报信息或补充材料，点击「修改申报」；③ 点击「重新提交」。"
          />
          {last.answer === null && (
            <Form layout="vertical" style={{ maxWidth: 720 }}>
              <Form.Item
                label="答复退回意见"
                htmlFor="return-answer"
                required
                extra="说明已如何修改或补充，2–2000字"
              >
                <Input.TextArea
                  id="return-answer"
                  rows={4}
                  value={answer}
                  onChange={(e) => setAnswer(e.target.value)}
                  maxLength={2000}
                />
              </Form.Item>
              <Button
                loading={answerReturn.isPending}
                onClick={() => {
                  setErrors([]);
                  answerReturn.mutate(
                    { caseId: c.id, answer },
                    {
                      onSuccess: () => {
                        void message.success('答复已保存');
                        setAnswer('');
                        refresh();
                      },
                      onError: (e) => setErrors([readApiError(e).message]),
                    },
                  );
                }}
              >
                提交答复
              </Button>
            </Form>
          )}
          <FormAlert messages={errors} />
          <Space wrap style={{ marginTop: 16 }}>
            <Link to={`/funding/cases/${c.id}/edit`}>
              <Button>修改申报</Button>
            </Link>
            <Button
              type="primary"
              disabled={last.answer === null}
              loading={resubmit.isPending}
              onClick={() => {
                setErrors([]);
                resubmit.mutate(
                  { caseId: c.id },
                  {
                    onSuccess: () => {
                      void message.success('已重新提交，请等待审核');
                      refresh();
                    },
                    onError: (e) => setErrors([readApiError(e).message]),
                  },
                );
              }}
            >
              重新提交
            </Button>
            {last.answer === null && <Typography.Text type="secondary">请先答复退回意见</Typography.Text>}
          </Space>
        </div>
      )}
      {!awaiting && c.status === 'draft' && (
        <Button onClick={() => void navigate(`/funding/cases/${c.id}/edit`)}>修改申报</Button>
      )}
    </Card>
  );
}

function WithdrawButton({ c }: { c: CaseView }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const withdraw = useMutation(trpc.cases.withdraw.mutationOptions());
  return (
    <>
      <Button danger onClick={() => setOpen(true)}>
        撤回申报
      </Button>
      <Modal
        title="撤回申报"
        open={open}
        okText="确认撤回"
        okButtonProps={{ danger: true, loading: withdraw.isPending }}
        cancelText="取消"
        onCancel={() => setOpen(false)}
        onOk={() => {
          setErrors([]);
          withdraw.mutate(
            { caseId: c.id, reason },
            {
              onSuccess: () => {
                void message.success('申报已撤回');
                setOpen(false);
                void queryClient.invalidateQueries({ queryKey: trpc.cases.get.queryKey({ caseId: c.id }) });
                void queryClient.invalidateQueries({ queryKey: trpc.cases.mine.queryKey() });
              },
              onError: (e) => setErrors([readApiError(e).message]),
            },
          );
        }}
      >
        <Typography.Paragraph type="secondary">
          撤回后本申报即终止办理，不能恢复；如需再次申报，请在受理期内重新填写。
        </Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label="撤回原因" htmlFor="withdraw-reason" required>
            <Input.TextArea
              id="withdraw-reason"
              rows={3}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              maxLength={500}
            />
          </Form.Item>
        </Form>
        <FormAlert messages={errors} />
      </Modal>
    </>
  );
}

function AmountCard({ c }: { c: CaseView }) {
  if (c.computedAmountFen === null) {
    return (
      <Card title="申报金额" style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary">
          提交时按本项目参数计算。可在「修改申报」中点击「计算并预览」查看测算结果。
        </Typography.Text>
      </Card>
    );
  }
  const adjusted = c.recommendedAmountFen !== null && c.recommendedAmountFen !== c.computedAmountFen;
  return (
    <Card title="申报金额及计算过程" style={{ marginBottom: 16 }}>
      <Row gutter={24} style={{ marginBottom: 16 }}>
        <Col>
          <Statistic title="系统计算金额" value={formatFen(c.computedAmountFen)} />
        </Col>
        {c.recommendedAmountFen !== null && (
          <Col>
            <Statistic title="审核认定金额" value={formatFen(c.recommendedAmountFen)} />
          </Col>
        )}
      </Row>
      {adjusted && c.adjustmentReason && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`金额调整原因：${c.adjustmentReason}`}
        />
      )}
      <WorkingLines lines={c.working} />
    </Card>
  );
}

/** One case: status, what happens next, amount and working, returns, documents, timeline, withdraw; 已拨付 when paid. */
export function CasePage() {
  const { caseId } = useParams();
  const id = Number(caseId);
  const trpc = useTRPC();
  const q = useQuery(trpc.cases.get.queryOptions({ caseId: id }));
  const open = useQuery(trpc.programmes.open.queryOptions());
  const crumbs = [{ title: '我的申报', to: '/funding/cases' }];
  if (q.isPending) return <PageLoading />;
  if (q.isError) {
    return (
      <Page title="申报详情" crumbs={crumbs}>
        <Alert type="error" showIcon title={readApiError(q.error).message} />
      </Page>
    );
  }
  const c = q.data;
  const canWithdraw = c.allowedActions.includes('withdraw');
  const progress = CASE_PROGRESS[c.status];
  const next = CASE_NEXT_STEP[c.status];
  const docLabels = new Map(
    (open.data?.find((p) => p.id === c.programmeId)?.parameters.requiredDocuments ?? []).map((d) => [
      d.key,
      d.label,
    ]),
  );
  return (
    <Page
      title={`申报 ${c.caseNo}`}
      crumbs={crumbs}
      subtitle={
        <Space wrap>
          <Typography.Text strong>{c.programmeName}</Typography.Text>
          <Typography.Text type="secondary">{c.schemeLabel}</Typography.Text>
          <CaseStatusTag status={c.status} />
        </Space>
      }
      extra={
        <Space wrap>
          {c.status === 'draft' && (
            <Link to={`/funding/cases/${c.id}/edit`}>
              <Button type="primary">继续填写</Button>
            </Link>
          )}
          {canWithdraw && <WithdrawButton c={c} />}
        </Space>
      }
      width={1000}
    >
      {progress !== null && (
        <Card style={{ marginBottom: 16 }}>
          <Steps
            current={progress}
            status={c.status === 'returned' ? 'error' : c.status === 'disbursed' ? 'finish' : 'process'}
            items={CASE_PROGRESS_STEPS.map((title) => ({ title }))}
          />
          {next && (
            <Typography.Paragraph style={{ margin: '16px 0 0' }} type="secondary">
              {next}
            </Typography.Paragraph>
          )}
        </Card>
      )}
      {c.status === 'disbursed' && <Paid c={c} />}
      {c.status === 'in_notice' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`正在公示，公示期至 ${c.noticeEndsOn ?? '—'}`}
          description="公示期满且无异议后，由区财政局审批拨付。"
          action={c.noticeId ? <Link to={`/notices/${c.noticeId}`}>查看公示</Link> : undefined}
        />
      )}
      {(c.status === 'rejected' || c.status === 'withdrawn' || c.status === 'clawed_back') &&
        c.closeReason && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={`${c.statusLabel}：${c.closeReason}`}
          />
        )}
      <ReturnsCard c={c} />
      <AmountCard c={c} />
      <Card title="申报信息" style={{ marginBottom: 16 }}>
        <ApplicationSummary scheme={c.scheme} data={c.data} />
      </Card>
      <Card title="申报材料" style={{ marginBottom: 16 }}>
        {c.documents.length === 0 ? (
          <Empty description="未附材料" />
        ) : (
          <List
            dataSource={c.documents}
            renderItem={(d) => (
              <List.Item>
                <Space wrap>
                  <Typography.Text>
                    {docLabels.get(d.kind) ?? (d.kind === 'business-licence' ? '营业执照' : '其他材料')}
                  </Typography.Text>
                  <Typography.Link href={documentHref(d.id)}>下载 {d.originalName}</Typography.Link>
                </Space>
                <Typography.Text type="secondary">{formatFileSize(d.size)}</Typography.Text>
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card title="办理记录">
        <Timeline
          items={c.timeline.map((t) => ({
            key: t.seq,
            children: (
              <Space direction="vertical" size={0}>
                <Typography.Text>{t.summary}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {at(t.at)} · {t.actorName ?? '系统'}
                </Typography.Text>
              </Space>
            ),
          }))}
        />
      </Card>
    </Page>
  );
}
