import { DEFAULT_RESPONSE_WORKING_DAYS, PAIRING_PARTY_LABELS, type PairingStatus } from '@fund/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Progress, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { readApiError } from '../../shared/errors';
import { Page } from '../../shared/Page';
import { useTRPC } from '../../shared/trpc';
import { useListParams } from '../../shared/use-list-params';
import { DeadlineText, PairingStatusTag } from './MentoringTags';
import { pairingStatusOptions } from './options';
import { PairingDrawer } from './PairingDrawer';
import { ReasonModal, type ReasonRequest } from './ReasonModal';
import { TopicTags } from './RequestSummary';
import type { PairingListItem, PairingView, RequestView, StaffQueue } from './types';

const requestPath = (id: number) => `/mentoring/pairings/requests/${id}`;
const day = (v: string) => dayjs(v).format('YYYY-MM-DD');

const openColumns: TableColumnsType<RequestView> = [
  {
    title: '学员',
    dataIndex: 'menteeName',
    render: (v: string, r) => (
      <Space direction="vertical" size={0}>
        <Link to={requestPath(r.id)}>{v}</Link>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {r.menteeKindLabel}
        </Typography.Text>
      </Space>
    ),
  },
  { title: '辅导需求', dataIndex: 'topicLabels', render: (v: string[]) => <TopicTags labels={v} /> },
  { title: '所属行业', dataIndex: 'industryLabel', width: 180, ellipsis: true },
  { title: '阶段', dataIndex: 'stageLabel', width: 100 },
  {
    title: '希望导师',
    dataIndex: 'preferredKindLabel',
    width: 120,
    render: (v: string | null) => v ?? '不限',
  },
  {
    title: '退回记录',
    key: 'history',
    width: 160,
    render: (_, r) => {
      const declined = r.pairings.filter((p) => p.status === 'declined');
      return declined.length === 0 ? '—' : `${declined.length} 次（${declined[0]!.declinedByLabel ?? ''}）`;
    },
  },
  { title: '提交时间', dataIndex: 'createdAt', width: 110, render: day },
  {
    title: '操作',
    key: 'act',
    width: 100,
    render: (_, r) => <Link to={requestPath(r.id)}>匹配导师</Link>,
  },
];

function QueueTabs({
  queue,
  onWithdraw,
  onResolve,
  onOpenPairing,
}: {
  queue: StaffQueue;
  onWithdraw: (p: PairingView) => void;
  onResolve: (flagId: number, pairing: PairingView) => void;
  onOpenPairing: (id: number) => void;
}) {
  const overdueColumns: TableColumnsType<StaffQueue['overdue'][number]> = [
    {
      title: '学员',
      key: 'mentee',
      render: (_, o) => <Link to={requestPath(o.request.id)}>{o.request.menteeName}</Link>,
    },
    { title: '导师', key: 'mentor', width: 120, render: (_, o) => o.pairing.mentorName },
    { title: '回复期限', key: 'due', width: 200, render: (_, o) => <DeadlineText pairing={o.pairing} /> },
    {
      title: '提醒',
      key: 'msg',
      render: (_, o) => <Typography.Text type="danger">{o.reminder.message}</Typography.Text>,
    },
    {
      title: '操作',
      key: 'act',
      width: 170,
      render: (_, o) => (
        <Space size={0}>
          <Link to={requestPath(o.request.id)}>重新匹配</Link>
          <Button type="link" size="small" danger onClick={() => onWithdraw(o.pairing)}>
            撤回邀请
          </Button>
        </Space>
      ),
    },
  ];
  const poorFitColumns: TableColumnsType<StaffQueue['poorFit'][number]> = [
    {
      title: '结对',
      key: 'pairing',
      width: 240,
      render: (_, f) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => onOpenPairing(f.pairing.id)}>
          {f.pairing.mentorName} — {f.pairing.menteeName}
        </Button>
      ),
    },
    {
      title: '反馈',
      key: 'flags',
      render: (_, f) => (
        <Space direction="vertical" size={4}>
          {f.flags.map((flag) => (
            <Flex key={flag.id} gap={8} align="baseline" wrap>
              <Typography.Text>
                {PAIRING_PARTY_LABELS[flag.party]}（{day(flag.createdAt)}）：{flag.reason}
              </Typography.Text>
              <Button size="small" onClick={() => onResolve(flag.id, f.pairing)}>
                处理
              </Button>
            </Flex>
          ))}
        </Space>
      ),
    },
  ];
  return (
    <Tabs
      items={[
        {
          key: 'open',
          label: `待匹配需求（${queue.open.length}）`,
          children: (
            <Table<RequestView>
              rowKey="id"
              columns={openColumns}
              dataSource={queue.open}
              pagination={false}
              locale={{ emptyText: '没有等待匹配的需求' }}
            />
          ),
        },
        {
          key: 'overdue',
          label: (
            <Typography.Text type={queue.overdue.length > 0 ? 'danger' : undefined}>
              导师逾期未回复（{queue.overdue.length}）
            </Typography.Text>
          ),
          children: (
            <Table
              rowKey={(o) => o.pairing.id}
              columns={overdueColumns}
              dataSource={queue.overdue}
              pagination={false}
              locale={{ emptyText: '没有逾期未回复的结对邀请' }}
            />
          ),
        },
        {
          key: 'poorFit',
          label: (
            <Typography.Text type={queue.poorFit.length > 0 ? 'warning' : undefined}>
              不匹配反馈（{queue.poorFit.length}）
            </Typography.Text>
          ),
          children: (
            <Table
              rowKey={(f) => f.pairing.id}
              columns={poorFitColumns}
              dataSource={queue.poorFit}
              pagination={false}
              locale={{ emptyText: '没有待处理的不匹配反馈' }}
            />
          ),
        },
      ]}
    />
  );
}

const STATUS_FILTER = ['status'] as const;

function PairingList({ onOpen }: { onOpen: (id: number) => void }) {
  const trpc = useTRPC();
  const { page, pageSize, filters, setFilters, setPage, pageSizeOptions } = useListParams(STATUS_FILTER);
  const status = pairingStatusOptions.some((o) => o.value === filters.status)
    ? (filters.status as PairingStatus)
    : undefined;
  const list = useQuery({
    ...trpc.mentoring.pairings.list.queryOptions({ status, page, pageSize }),
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<PairingListItem> = [
    {
      title: '导师',
      dataIndex: 'mentorName',
      width: 110,
      render: (v: string, p) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => onOpen(p.id)}>
          {v}
        </Button>
      ),
    },
    {
      title: '学员',
      dataIndex: 'menteeName',
      render: (v: string, p) => (
        <Space direction="vertical" size={0}>
          <span>{v}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {p.menteeKindLabel}
          </Typography.Text>
        </Space>
      ),
    },
    { title: '状态', key: 'status', width: 110, render: (_, p) => <PairingStatusTag pairing={p} /> },
    {
      title: '回复期限 / 开始日期',
      key: 'dates',
      width: 170,
      render: (_, p) =>
        p.status === 'proposed' ? <DeadlineText pairing={p} /> : p.acceptedOn ? `${p.acceptedOn} 开始` : '—',
    },
    {
      title: '辅导次数',
      key: 'sessions',
      width: 150,
      render: (_, p) =>
        p.acceptedOn === null ? (
          '—'
        ) : (
          <Space direction="vertical" size={0} style={{ width: '100%' }}>
            <Progress
              size="small"
              showInfo={false}
              percent={Math.min(100, Math.round((p.health.sessionsHeld / Math.max(1, p.minSessions)) * 100))}
              status={p.health.sessionsHeld >= p.minSessions ? 'success' : 'normal'}
            />
            <Typography.Text style={{ fontSize: 12 }}>
              已辅导 {p.health.sessionsHeld}/{p.minSessions} 次
            </Typography.Text>
            {p.health.lastSessionOn && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                最近 {p.health.lastSessionOn}
              </Typography.Text>
            )}
          </Space>
        ),
    },
    {
      title: '学员评分',
      key: 'rating',
      width: 110,
      render: (_, p) =>
        p.health.menteeRating === null ? (
          <Typography.Text type="secondary">暂无</Typography.Text>
        ) : (
          <span>
            {p.health.menteeRating} 分
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              （{p.health.menteeRatings} 次）
            </Typography.Text>
          </span>
        ),
    },
    {
      title: '不匹配反馈',
      key: 'flags',
      width: 100,
      render: (_, p) =>
        p.health.openFlags > 0 ? <Tag color="warning">{p.health.openFlags} 条待处理</Tag> : '—',
    },
  ];

  return (
    <>
      <Flex gap={12} style={{ marginBottom: 16 }}>
        <Select
          aria-label="结对状态"
          value={filters.status}
          options={[{ value: '', label: '全部状态' }, ...pairingStatusOptions]}
          onChange={(s: string) => setFilters({ status: s })}
          style={{ width: 160 }}
        />
      </Flex>
      {list.isError && (
        <Alert type="error" showIcon title={readApiError(list.error).message} style={{ marginBottom: 16 }} />
      )}
      <Table<PairingListItem>
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        locale={{ emptyText: '暂无结对' }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions,
          showTotal: (total) => `共 ${total} 个结对`,
          onChange: setPage,
        }}
      />
    </>
  );
}

/** 结对管理: the staff queue (open requests, overdue proposals with the reminder, poor-fit flags) and all pairings. */
export function PairingsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'all' ? 'all' : 'queue';
  const [openPairing, setOpenPairing] = useState<number | null>(null);
  const [reason, setReason] = useState<ReasonRequest | null>(null);
  const queue = useQuery(trpc.mentoring.requests.queue.queryOptions());
  const withdraw = useMutation(trpc.mentoring.pairings.withdraw.mutationOptions());
  const resolve = useMutation(trpc.mentoring.sessions.resolveFlag.mutationOptions());
  const done = async (text: string) => {
    void message.success(text);
    await queryClient.invalidateQueries({ queryKey: trpc.mentoring.pathKey() });
  };

  return (
    <Page
      title="结对管理"
      subtitle={`导师应在 ${DEFAULT_RESPONSE_WORKING_DAYS} 个工作日内回复结对邀请；逾期未回复的需求退回此处重新安排。`}
    >
      <Card>
        <Tabs
          activeKey={view}
          onChange={(k) => setParams(k === 'all' ? { view: 'all' } : {})}
          type="card"
          items={[
            {
              key: 'queue',
              label: '待办',
              children: queue.isError ? (
                <Alert type="error" showIcon title={readApiError(queue.error).message} />
              ) : queue.data ? (
                <QueueTabs
                  queue={queue.data}
                  onOpenPairing={setOpenPairing}
                  onWithdraw={(p) =>
                    setReason({
                      title: `撤回向 ${p.mentorName} 发出的结对邀请`,
                      hint: '撤回后需求退回待匹配，可另选导师。',
                      label: '撤回原因',
                      okText: '撤回',
                      danger: true,
                      submit: (r, h) =>
                        withdraw.mutate(
                          { pairingId: p.id, reason: r },
                          {
                            onError: h.onError,
                            onSuccess: () => void done('已撤回结对邀请').then(h.onSuccess),
                          },
                        ),
                    })
                  }
                  onResolve={(flagId, p) =>
                    setReason({
                      title: `处理不匹配反馈：${p.mentorName} — ${p.menteeName}`,
                      hint: '记录与双方沟通的情况和处理结果；如需更换导师，请提前结束该结对后重新匹配。',
                      label: '处理意见',
                      okText: '提交',
                      submit: (r, h) =>
                        resolve.mutate(
                          { flagId, resolution: r },
                          { onError: h.onError, onSuccess: () => void done('反馈已处理').then(h.onSuccess) },
                        ),
                    })
                  }
                />
              ) : (
                <Table loading dataSource={[]} />
              ),
            },
            { key: 'all', label: '全部结对', children: <PairingList onOpen={setOpenPairing} /> },
          ]}
        />
      </Card>
      <PairingDrawer pairingId={openPairing} onClose={() => setOpenPairing(null)} />
      <ReasonModal
        request={reason}
        pending={withdraw.isPending || resolve.isPending}
        onClose={() => setReason(null)}
      />
    </Page>
  );
}
