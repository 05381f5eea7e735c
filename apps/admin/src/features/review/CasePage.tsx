import { CASE_ACTION_LABELS, formatFen, type CaseAction } from '@fund/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  List,
  Result,
  Row,
  Space,
  Table,
  Tag,
  Timeline,
  Tooltip,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { readApiError } from '../../shared/errors';
import { ApproveModal, type ApproveTarget } from '../../shared/funding/ApproveModal';
import { CaseStatusTag } from '../../shared/funding/CaseStatusTag';
import { ClawbackModal, type ClawbackTarget } from '../../shared/funding/ClawbackModal';
import { documentUrl } from '../../shared/funding/download';
import { ReasonModal } from '../../shared/funding/ReasonModal';
import { Page } from '../../shared/Page';
import { PageLoading } from '../../shared/PageLoading';
import { useTRPC } from '../../shared/trpc';
import { CaseData } from './case-data';
import { RecommendModal } from './RecommendModal';

type Dialog = 'return' | 'reject' | 'recommend' | 'refuse' | null;

const at = (v: string | null | undefined) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '—');

export function CasePage() {
  const caseId = Number(useParams().id);
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const q = useQuery(trpc.cases.get.queryOptions({ caseId }, { enabled: caseId > 0 }));
  const [dialog, setDialog] = useState<Dialog>(null);
  const [approving, setApproving] = useState<ApproveTarget | null>(null);
  const [clawing, setClawing] = useState<ClawbackTarget | null>(null);
  const refresh = () => void queryClient.invalidateQueries();
  const returnCase = useMutation(trpc.review.returnForCorrection.mutationOptions());
  const reject = useMutation(trpc.review.reject.mutationOptions());
  const refuse = useMutation(trpc.finance.refuse.mutationOptions());

  if (q.isError) {
    return (
      <Result
        status="warning"
        title={readApiError(q.error).message}
        extra={<Button onClick={() => void navigate('/review')}>返回审核列表</Button>}
      />
    );
  }
  const c = q.data;
  if (!c) return <PageLoading />;
  const can = (a: CaseAction) => c.allowedActions.includes(a);
  // Finance may decide the case (refuse is offered) but approval is not yet open: say why, from the case's facts.
  const approvalWaits = can('refuseByFinance') && !can('approve');
  const amount = c.recommendedAmountFen ?? c.computedAmountFen;

  const actions = (
    <Space wrap>
      {can('returnForCorrection') && (
        <Button onClick={() => setDialog('return')}>{CASE_ACTION_LABELS.returnForCorrection}</Button>
      )}
      {can('reject') && (
        <Button danger onClick={() => setDialog('reject')}>
          {CASE_ACTION_LABELS.reject}
        </Button>
      )}
      {can('recommend') && (
        <Button type="primary" onClick={() => setDialog('recommend')}>
          {CASE_ACTION_LABELS.recommend}
        </Button>
      )}
      {can('publishInNotice') && <Button onClick={() => void navigate('/notices')}>去发布公示</Button>}
      {(can('upholdObjectionWithAdjustment') || can('upholdObjectionWithWithdrawal')) && (
        <Button onClick={() => void navigate('/notices?tab=objections')}>处理异议</Button>
      )}
      {can('refuseByFinance') && (
        <Button danger onClick={() => setDialog('refuse')}>
          {CASE_ACTION_LABELS.refuseByFinance}
        </Button>
      )}
      {(can('approve') || approvalWaits) && (
        <Tooltip
          title={
            approvalWaits
              ? `公示期至 ${c.noticeEndsOn ?? '—'} 结束后方可审批${c.openObjections > 0 ? `；另有 ${c.openObjections} 条异议未处理` : ''}`
              : undefined
          }
        >
          <Button
            type="primary"
            disabled={approvalWaits}
            onClick={() =>
              setApproving({
                caseId: c.id,
                caseNo: c.caseNo,
                enterpriseName: c.enterpriseName,
                amountFen: amount,
              })
            }
          >
            {CASE_ACTION_LABELS.approve}
          </Button>
        </Tooltip>
      )}
      {can('disburse') && <Button onClick={() => void navigate('/finance?tab=approved')}>去登记拨付</Button>}
      {can('clawBack') && (
        <Button danger onClick={() => setClawing({ caseId: c.id, caseNo: c.caseNo })}>
          {CASE_ACTION_LABELS.clawBack}
        </Button>
      )}
    </Space>
  );

  return (
    <Page
      title={`案件 ${c.caseNo}`}
      subtitle={
        <Space wrap>
          <CaseStatusTag status={c.status} />
          <span>{c.enterpriseName}</span>
          <Typography.Text type="secondary">{c.uscc}</Typography.Text>
          <span>
            {c.programmeName}（{c.schemeLabel}）
          </span>
        </Space>
      }
      crumbs={[{ title: '审核', to: '/review' }]}
      extra={actions}
    >
      {approvalWaits && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`公示期至 ${c.noticeEndsOn ?? '—'} 结束，结束后方可审批`}
          description={c.openObjections > 0 ? `另有 ${c.openObjections} 条异议尚未处理完毕。` : undefined}
        />
      )}
      {c.closeReason && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={`办结原因：${c.closeReason}`} />
      )}
      <Row gutter={16}>
        <Col xs={24} lg={15}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card title="金额与计算过程" size="small">
              <Descriptions
                size="small"
                column={{ xs: 1, sm: 3 }}
                items={[
                  {
                    key: 'computed',
                    label: '系统计算金额',
                    children: c.computedAmountFen === null ? '—' : formatFen(c.computedAmountFen),
                  },
                  {
                    key: 'recommended',
                    label: '推荐金额',
                    children:
                      c.recommendedAmountFen === null ? (
                        '—'
                      ) : (
                        <Typography.Text strong>{formatFen(c.recommendedAmountFen)}</Typography.Text>
                      ),
                  },
                  {
                    key: 'paid',
                    label: '支付',
                    children: c.voucherNo ? `${c.paidOn}（凭证号 ${c.voucherNo}）` : '—',
                  },
                ]}
              />
              {c.adjustmentReason && (
                <Alert
                  type="warning"
                  showIcon
                  title={`金额调整理由：${c.adjustmentReason}`}
                  style={{ margin: '8px 0' }}
                />
              )}
              {c.working.length > 0 ? (
                <Table
                  size="small"
                  rowKey={(_, i) => String(i)}
                  pagination={false}
                  dataSource={c.working}
                  columns={[
                    { title: '计算项', dataIndex: 'label', width: '45%' },
                    { title: '值', dataIndex: 'value' },
                  ]}
                />
              ) : (
                <Typography.Text type="secondary">提交后显示计算过程</Typography.Text>
              )}
            </Card>
            <Card title="申报信息" size="small">
              <CaseData data={c.data} />
            </Card>
            <Card title="申报材料" size="small">
              {c.documents.length === 0 ? (
                <Empty description="无材料" />
              ) : (
                <List
                  size="small"
                  dataSource={c.documents}
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
                        <Tag>{d.kind}</Tag>
                        <Typography.Text type="secondary">
                          {Math.max(1, Math.round(d.size / 1024))} KB
                        </Typography.Text>
                      </Space>
                    </List.Item>
                  )}
                />
              )}
            </Card>
            {c.returns.length > 0 && (
              <Card title="退回记录" size="small">
                <List
                  size="small"
                  dataSource={c.returns}
                  renderItem={(r) => (
                    <List.Item>
                      <Space direction="vertical" size={0}>
                        <span>
                          {at(r.returnedAt)} 退回：{r.reason}
                        </span>
                        <Typography.Text type="secondary">
                          {r.answer ? `${at(r.answeredAt)} 企业答复：${r.answer}` : '企业尚未答复'}
                        </Typography.Text>
                      </Space>
                    </List.Item>
                  )}
                />
              </Card>
            )}
            {c.objections.length > 0 && (
              <Card title="公示异议" size="small" extra={<Link to="/notices?tab=objections">异议处理</Link>}>
                <List
                  size="small"
                  dataSource={c.objections}
                  renderItem={(o) => (
                    <List.Item>
                      <Space wrap>
                        <span>#{o.id}</span>
                        <span>{at(o.lodgedAt)} 提出</span>
                        {o.status === 'open' ? <Tag color="warning">待处理</Tag> : <Tag>已处理</Tag>}
                        {o.resolution && <Typography.Text type="secondary">{o.resolution}</Typography.Text>}
                      </Space>
                    </List.Item>
                  )}
                />
              </Card>
            )}
          </Space>
        </Col>
        <Col xs={24} lg={9}>
          <Card title="办理记录" size="small">
            {c.timeline.length === 0 ? (
              <Empty description="暂无记录" />
            ) : (
              <Timeline
                items={c.timeline.map((t) => ({
                  key: t.seq,
                  content: (
                    <Space direction="vertical" size={0}>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {at(t.at)} · {t.actorName ?? '系统'}
                      </Typography.Text>
                      <span>{t.summary}</span>
                    </Space>
                  ),
                }))}
              />
            )}
          </Card>
        </Col>
      </Row>

      <ReasonModal
        open={dialog === 'return'}
        title={`退回修改：${c.caseNo}`}
        okText="退回"
        label="退回原因"
        hint="请写明需要企业补正的材料或数据，企业将收到通知。"
        pending={returnCase.isPending}
        onSubmit={async (reason) => {
          await returnCase.mutateAsync({ caseId: c.id, reason });
          void message.success('已退回企业修改');
          refresh();
        }}
        onClose={() => setDialog(null)}
      />
      <ReasonModal
        open={dialog === 'reject'}
        title={`审核不通过：${c.caseNo}`}
        okText="确认不通过"
        label="不通过理由"
        danger
        hint="审核不通过后案件办结，企业将收到通知。"
        pending={reject.isPending}
        onSubmit={async (reason) => {
          await reject.mutateAsync({ caseId: c.id, reason });
          void message.success('已审核不通过');
          refresh();
        }}
        onClose={() => setDialog(null)}
      />
      <ReasonModal
        open={dialog === 'refuse'}
        title={`财政审核不通过：${c.caseNo}`}
        okText="确认不通过"
        label="不通过理由"
        danger
        pending={refuse.isPending}
        onSubmit={async (reason) => {
          await refuse.mutateAsync({ caseId: c.id, reason });
          void message.success('已作财政审核不通过处理');
          refresh();
        }}
        onClose={() => setDialog(null)}
      />
      <RecommendModal c={c} open={dialog === 'recommend'} onClose={() => setDialog(null)} />
      <ApproveModal target={approving} onClose={() => setApproving(null)} />
      <ClawbackModal target={clawing} onClose={() => setClawing(null)} />
    </Page>
  );
}
