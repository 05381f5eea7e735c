import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Empty, List, Row, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { readApiError } from '../../shared/errors';
import { Page } from '../../shared/Page';
import { PageLoading } from '../../shared/PageLoading';
import { useTRPC } from '../../shared/trpc';
import { DeadlineText, LoadBar, PairingStatusTag } from './MentoringTags';
import { PairingDrawer } from './PairingDrawer';
import { ReasonModal, type ReasonRequest } from './ReasonModal';
import { TopicTags } from './RequestSummary';
import type { PairingView } from './types';

/** The request behind a proposal, so the mentor can decide (topics, stage, description). */
function ProposalNeed({ requestId }: { requestId: number }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.mentoring.requests.get.queryOptions({ requestId }));
  if (!q.data) return null;
  const r = q.data;
  return (
    <Space direction="vertical" size={4} style={{ width: '100%' }}>
      <Space size={8} wrap>
        <TopicTags labels={r.topicLabels} />
        <Typography.Text type="secondary">
          {r.industryLabel} · {r.stageLabel}
        </Typography.Text>
      </Space>
      <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 3, expandable: true, symbol: '展开' }}>
        {r.description}
      </Typography.Paragraph>
    </Space>
  );
}

function Proposals({
  proposals,
  onDecline,
}: {
  proposals: readonly PairingView[];
  onDecline: (p: PairingView) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const accept = useMutation(
    trpc.mentoring.pairings.accept.mutationOptions({
      onSuccess: async (p) => {
        void message.success(`已接受与 ${p.menteeName} 结对`);
        await queryClient.invalidateQueries({ queryKey: trpc.mentoring.pathKey() });
      },
      onError: (e) => void message.error(readApiError(e).message),
    }),
  );
  return (
    <Card title={`待我确认的结对邀请（${proposals.length}）`} style={{ marginBottom: 16 }}>
      {proposals.length === 0 ? (
        <Empty description="暂无待确认的结对邀请" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          dataSource={[...proposals]}
          rowKey="id"
          renderItem={(p) => (
            <List.Item
              aria-label={`结对邀请：${p.menteeName}`}
              actions={
                p.overdue
                  ? []
                  : [
                      <Button
                        key="accept"
                        type="primary"
                        loading={accept.isPending && accept.variables.pairingId === p.id}
                        onClick={() => accept.mutate({ pairingId: p.id })}
                      >
                        接受
                      </Button>,
                      <Button key="decline" danger onClick={() => onDecline(p)}>
                        拒绝
                      </Button>,
                    ]
              }
            >
              <List.Item.Meta
                title={
                  <Space size={8} wrap>
                    <span>
                      {p.menteeName}（{p.menteeKindLabel}）
                    </span>
                    <PairingStatusTag pairing={p} />
                    <DeadlineText pairing={p} />
                  </Space>
                }
                description={
                  <>
                    <ProposalNeed requestId={p.requestId} />
                    {p.overdue && (
                      <Typography.Text type="danger">
                        回复期限已过，该邀请已退回工作人员重新安排，不能再接受。
                      </Typography.Text>
                    )}
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** 我的结对 (mentor): proposals with their deadline, active pairings, past pairings. */
export function MyPairingsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [open, setOpen] = useState<number | null>(null);
  const [reason, setReason] = useState<ReasonRequest | null>(null);
  const mine = useQuery(trpc.mentoring.pairings.mine.queryOptions());
  const profile = useQuery(trpc.mentoring.mentors.mine.queryOptions());
  const decline = useMutation(trpc.mentoring.pairings.decline.mutationOptions());

  if (mine.isPending) return <PageLoading />;
  if (mine.isError) {
    return (
      <Page title="我的结对">
        <Alert type="error" showIcon title={readApiError(mine.error).message} />
      </Page>
    );
  }
  const proposals = mine.data.filter((p) => p.status === 'proposed');
  const active = mine.data.filter((p) => p.status === 'active');
  const past = mine.data.filter((p) => p.status !== 'proposed' && p.status !== 'active');
  const columns: TableColumnsType<PairingView> = [
    { title: '学员', dataIndex: 'menteeName', render: (v: string, p) => `${v}（${p.menteeKindLabel}）` },
    { title: '状态', key: 'status', width: 120, render: (_, p) => <PairingStatusTag pairing={p} /> },
    { title: '开始日期', dataIndex: 'acceptedOn', width: 120, render: (v: string | null) => v ?? '—' },
    { title: '约定次数', dataIndex: 'minSessions', width: 100, render: (v: number) => `至少 ${v} 次` },
    {
      title: '操作',
      key: 'act',
      width: 140,
      render: (_, p) => (
        <Button size="small" onClick={() => setOpen(p.id)} aria-label={`辅导记录：${p.menteeName}`}>
          {p.status === 'active' ? '辅导记录' : '查看'}
        </Button>
      ),
    },
  ];

  return (
    <Page
      title="我的结对"
      subtitle="请在回复期限内接受或拒绝结对邀请；逾期未回复的邀请将退回工作人员重新安排。"
      extra={
        profile.data && (
          <Space direction="vertical" size={2}>
            <Typography.Text type="secondary">我的名额占用</Typography.Text>
            <LoadBar load={profile.data.load} width={220} />
          </Space>
        )
      }
    >
      <Proposals
        proposals={proposals}
        onDecline={(p) =>
          setReason({
            title: `拒绝与 ${p.menteeName} 结对`,
            hint: '拒绝后需求退回工作人员重新安排导师。',
            label: '拒绝原因',
            okText: '拒绝',
            danger: true,
            submit: (r, h) =>
              decline.mutate(
                { pairingId: p.id, reason: r },
                {
                  onError: h.onError,
                  onSuccess: () => {
                    void message.success('已拒绝');
                    void queryClient.invalidateQueries({ queryKey: trpc.mentoring.pathKey() });
                    h.onSuccess();
                  },
                },
              ),
          })
        }
      />
      <Row gutter={16}>
        <Col span={24}>
          <Card title={`辅导中的结对（${active.length}）`} style={{ marginBottom: 16 }}>
            <Table<PairingView>
              rowKey="id"
              columns={columns}
              dataSource={active}
              pagination={false}
              locale={{ emptyText: '暂无辅导中的结对' }}
            />
          </Card>
        </Col>
        {past.length > 0 && (
          <Col span={24}>
            <Card title="已结束的结对">
              <Table<PairingView> rowKey="id" columns={columns} dataSource={past} pagination={false} />
            </Card>
          </Col>
        )}
      </Row>
      <PairingDrawer pairingId={open} onClose={() => setOpen(null)} />
      <ReasonModal request={reason} pending={decline.isPending} onClose={() => setReason(null)} />
    </Page>
  );
}
