import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  InputNumber,
  List,
  Modal,
  Progress,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { readApiError } from '../../shared/errors';
import { Page } from '../../shared/Page';
import { PageLoading } from '../../shared/PageLoading';
import { useTRPC } from '../../shared/trpc';
import { DeadlineText, LoadBar, PairingStatusTag } from './MentoringTags';
import { RequestSummary } from './RequestSummary';
import type { PairingView, Suggestion } from './types';

const crumbs = [{ title: '结对管理', to: '/mentoring/pairings' }];

/** Why a mentor ranks where it does: each factor's points out of its maximum, with the domain's explanation. */
function ScoreReasons({ s }: { s: Suggestion }) {
  return (
    <List
      size="small"
      split={false}
      dataSource={s.reasons}
      rowKey="factor"
      renderItem={(r) => (
        <List.Item style={{ padding: '2px 0' }}>
          <Space size={8} align="baseline">
            <Typography.Text style={{ width: 64, display: 'inline-block' }}>{r.label}</Typography.Text>
            <Typography.Text strong style={{ width: 52, display: 'inline-block', textAlign: 'right' }}>
              {r.points}/{r.maxPoints}
            </Typography.Text>
            <Typography.Text type={r.points === 0 ? 'secondary' : undefined}>{r.detail}</Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}

function ProposeModal({
  target,
  requestId,
  onClose,
}: {
  target: Suggestion | null;
  requestId: number;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [minSessions, setMinSessions] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const propose = useMutation(
    trpc.mentoring.pairings.propose.mutationOptions({
      onSuccess: async (p) => {
        void message.success(`已向导师 ${p.mentorName} 发出结对邀请，回复期限 ${p.responseDueOn}`);
        await queryClient.invalidateQueries({ queryKey: trpc.mentoring.pathKey() });
        onClose();
      },
      onError: (e) => setError(readApiError(e).message),
    }),
  );
  return (
    <Modal
      open={target !== null}
      title={target ? `推荐导师 ${target.mentor.name} 结对` : ''}
      okText="发出结对邀请"
      cancelText="取消"
      confirmLoading={propose.isPending}
      onCancel={onClose}
      afterClose={() => {
        setMinSessions(null);
        setError(null);
      }}
      onOk={() =>
        target &&
        propose.mutate({
          requestId,
          mentorId: target.mentor.id,
          ...(minSessions === null ? {} : { minSessions }),
        })
      }
      destroyOnHidden
    >
      {target && (
        <Typography.Paragraph>
          {target.mentor.name}（{target.mentor.organisation}
          {target.mentor.title ? ` · ${target.mentor.title}` : ''}）当前占用名额 {target.mentor.load.taken}/
          {target.mentor.load.capacity}。发出邀请即为该学员预留一个名额，导师须在回复期限内接受或拒绝。
        </Typography.Paragraph>
      )}
      <Form layout="vertical">
        <Form.Item label="约定最少辅导次数" extra="留空按平台默认次数；达到约定次数的结对才计为完成">
          <InputNumber
            min={0}
            max={100}
            precision={0}
            value={minSessions}
            onChange={(v) => setMinSessions(v)}
            addonAfter="次"
            style={{ width: 160 }}
          />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon role="alert" title={error} />}
    </Modal>
  );
}

function PairingHistory({ pairings }: { pairings: readonly PairingView[] }) {
  if (pairings.length === 0) return null;
  return (
    <Card title="结对记录" size="small" style={{ marginBottom: 16 }}>
      <List
        size="small"
        dataSource={[...pairings]}
        rowKey="id"
        renderItem={(p) => (
          <List.Item>
            <Space size={8} wrap>
              <Typography.Text strong>{p.mentorName}</Typography.Text>
              <PairingStatusTag pairing={p} />
              <Typography.Text type="secondary">推荐于 {p.proposedOn}</Typography.Text>
              {p.status === 'proposed' && <DeadlineText pairing={p} />}
              {p.declineReason && (
                <Typography.Text type="secondary">
                  {p.declinedByLabel}拒绝：{p.declineReason}
                </Typography.Text>
              )}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** A request and the ranked mentors who can take it, each score explained; staff pair from the list. */
export function RequestPage() {
  const trpc = useTRPC();
  const requestId = Number(useParams().id);
  const valid = Number.isSafeInteger(requestId) && requestId > 0;
  const [target, setTarget] = useState<Suggestion | null>(null);
  const request = useQuery({ ...trpc.mentoring.requests.get.queryOptions({ requestId }), enabled: valid });
  const canPair = request.data?.status === 'open';
  const suggestions = useQuery({
    ...trpc.mentoring.requests.suggestions.queryOptions({ requestId }),
    // Only while the request waits for a mentor (new, declined, or back after an unanswered proposal).
    enabled:
      valid &&
      request.data !== undefined &&
      (request.data.status === 'open' || request.data.pairings.some((p) => p.overdue)),
  });
  if (!valid) {
    return (
      <Page title="辅导需求" crumbs={crumbs}>
        <Alert type="error" showIcon title="需求编号无效" />
      </Page>
    );
  }
  if (request.isPending) return <PageLoading />;
  if (request.isError) {
    return (
      <Page title="辅导需求" crumbs={crumbs}>
        <Alert type="error" showIcon title={readApiError(request.error).message} />
      </Page>
    );
  }
  const r = request.data;
  const live = r.pairings.find((p) => (p.status === 'proposed' && !p.overdue) || p.status === 'active');
  const overdue = r.pairings.find((p) => p.status === 'proposed' && p.overdue);

  const columns: TableColumnsType<Suggestion> = [
    { title: '排名', key: 'rank', width: 60, render: (_, __, i) => i + 1 },
    {
      title: '导师',
      key: 'mentor',
      width: 220,
      render: (_, s) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{s.mentor.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {s.mentor.organisation}
          </Typography.Text>
          {s.mentor.title && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {s.mentor.title}
            </Typography.Text>
          )}
          <Tag style={{ marginTop: 4 }}>{s.mentor.kindLabel}</Tag>
        </Space>
      ),
    },
    {
      title: '匹配得分',
      key: 'score',
      width: 110,
      render: (_, s) => <Progress type="circle" percent={s.score} size={56} format={(v) => `${v ?? 0} 分`} />,
    },
    { title: '得分说明', key: 'reasons', render: (_, s) => <ScoreReasons s={s} /> },
    {
      title: '名额占用',
      key: 'load',
      width: 190,
      render: (_, s) => <LoadBar load={s.mentor.load} width={170} />,
    },
    {
      title: '操作',
      key: 'act',
      width: 110,
      render: (_, s) => (
        <Button type="primary" size="small" onClick={() => setTarget(s)}>
          推荐结对
        </Button>
      ),
    },
  ];

  return (
    <Page title={`辅导需求：${r.menteeName}`} crumbs={crumbs}>
      <Card title="需求内容" size="small" style={{ marginBottom: 16 }}>
        <RequestSummary request={r} />
      </Card>
      {overdue && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={overdue.reminder?.message ?? '导师逾期未回复'}
          description="重新推荐导师时，逾期未回复的邀请将自动撤回。"
        />
      )}
      {live && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            live.status === 'active'
              ? `该需求已与导师 ${live.mentorName} 结对辅导中`
              : `已向导师 ${live.mentorName} 发出结对邀请，回复期限 ${live.responseDueOn}`
          }
        />
      )}
      <PairingHistory pairings={r.pairings} />
      {(canPair || overdue) && (
        <Card
          title="推荐导师（按匹配得分排序）"
          size="small"
          extra={
            <Typography.Text type="secondary">
              满分 100 分；暂停接受结对或名额已满的导师不参与推荐
            </Typography.Text>
          }
        >
          {suggestions.isError && (
            <Alert
              type="error"
              showIcon
              title={readApiError(suggestions.error).message}
              style={{ marginBottom: 16 }}
            />
          )}
          <Table<Suggestion>
            rowKey={(s) => s.mentor.id}
            columns={columns}
            dataSource={suggestions.data?.suggestions ?? []}
            loading={suggestions.isFetching}
            pagination={false}
            locale={{ emptyText: '暂无可推荐的导师' }}
          />
          {suggestions.data && suggestions.data.excluded.length > 0 && (
            <>
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                未参与推荐的导师
              </Typography.Title>
              <List
                size="small"
                dataSource={suggestions.data.excluded}
                rowKey={(e) => e.mentor.id}
                renderItem={(e) => (
                  <List.Item>
                    <Space size={8}>
                      <Typography.Text>{e.mentor.name}</Typography.Text>
                      <Typography.Text type="secondary">{e.reason}</Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            </>
          )}
        </Card>
      )}
      <ProposeModal target={target} requestId={requestId} onClose={() => setTarget(null)} />
    </Page>
  );
}
