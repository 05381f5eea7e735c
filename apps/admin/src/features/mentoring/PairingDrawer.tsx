import { PAIRING_PARTY_LABELS } from '@fund/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Divider, Drawer, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { readApiError } from '../../shared/errors';
import { PageLoading } from '../../shared/PageLoading';
import { useTRPC } from '../../shared/trpc';
import { DeadlineText, PairingStatusTag } from './MentoringTags';
import { RateModal } from './RateModal';
import { ReasonModal, type ReasonRequest } from './ReasonModal';
import { SessionList } from './SessionList';
import { SessionLogModal } from './SessionLogModal';
import type { PairingDetail, SessionView } from './types';

function Summary({ d }: { d: PairingDetail }) {
  const p = d.pairing;
  const r = d.request;
  return (
    <Descriptions
      column={1}
      size="small"
      items={[
        { key: 'status', label: '状态', children: <PairingStatusTag pairing={p} /> },
        { key: 'mentor', label: '导师', children: p.mentorName },
        { key: 'mentee', label: '学员', children: `${p.menteeName}（${p.menteeKindLabel}）` },
        {
          key: 'need',
          label: '辅导需求',
          children: (
            <Space size={[4, 4]} wrap>
              {r.topicLabels.map((t) => (
                <Tag key={t} color="blue">
                  {t}
                </Tag>
              ))}
              <Typography.Text type="secondary">
                {r.industryLabel} · {r.stageLabel}
              </Typography.Text>
            </Space>
          ),
        },
        { key: 'desc', label: '需求描述', children: r.description },
        ...(p.status === 'proposed'
          ? [{ key: 'due', label: '回复期限', children: <DeadlineText pairing={p} /> }]
          : []),
        ...(p.acceptedOn ? [{ key: 'acc', label: '结对开始', children: p.acceptedOn }] : []),
        {
          key: 'sessions',
          label: '辅导次数',
          children: `已开展 ${d.sessionsHeld} 次 / 约定至少 ${p.minSessions} 次`,
        },
        ...(p.declineReason
          ? [
              {
                key: 'dr',
                label: '拒绝原因',
                children: `${p.declinedByLabel ?? ''}：${p.declineReason}（${p.declinedOn ?? ''}）`,
              },
            ]
          : []),
        ...(p.endedReason
          ? [
              {
                key: 'er',
                label: '提前结束',
                children: `${p.endedByLabel ?? ''}：${p.endedReason}（${p.endedOn ?? ''}，${p.countsAsCompleted ? '计为完成' : '不计为完成'}）`,
              },
            ]
          : []),
        ...(p.completedOn ? [{ key: 'co', label: '办结日期', children: p.completedOn }] : []),
      ]}
    />
  );
}

/**
 * One pairing: its request, deadline, sessions and ratings, with what the caller may do now. The caller's side comes
 * from the server (`mySide`: mentor, mentee, or null for staff); every action is checked again there.
 */
export function PairingDrawer({ pairingId, onClose }: { pairingId: number | null; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const q = useQuery({
    ...trpc.mentoring.pairings.get.queryOptions({ pairingId: pairingId ?? 0 }),
    enabled: pairingId !== null,
  });
  const [logging, setLogging] = useState<number | null>(null);
  const [rating, setRating] = useState<SessionView | null>(null);
  const [reason, setReason] = useState<ReasonRequest | null>(null);

  const refresh = async (done: string) => {
    void message.success(done);
    await queryClient.invalidateQueries({ queryKey: trpc.mentoring.pathKey() });
  };
  const complete = useMutation(
    trpc.mentoring.pairings.complete.mutationOptions({
      onSuccess: () => refresh('结对已办结'),
      onError: (e) => void message.error(readApiError(e).message),
    }),
  );
  const endEarly = useMutation(trpc.mentoring.pairings.endEarly.mutationOptions());
  const flag = useMutation(trpc.mentoring.sessions.flagPoorFit.mutationOptions());

  const d = q.data;
  const p = d?.pairing;
  const active = p?.status === 'active';
  const started = p !== undefined && p.acceptedOn !== null;
  return (
    <Drawer
      open={pairingId !== null}
      onClose={onClose}
      size="large"
      title={p ? `结对：${p.mentorName} — ${p.menteeName}` : '结对详情'}
      extra={
        active && d ? (
          <Space wrap>
            {d.mySide !== null && (
              <Button type="primary" onClick={() => setLogging(p.id)}>
                登记辅导记录
              </Button>
            )}
            {d.mySide !== 'mentee' && (
              <Button loading={complete.isPending} onClick={() => complete.mutate({ pairingId: p.id })}>
                办结
              </Button>
            )}
            <Button
              danger
              onClick={() =>
                setReason({
                  title: '提前结束结对',
                  hint: `已开展 ${d.sessionsHeld} 次辅导，约定至少 ${p.minSessions} 次；达到约定次数的计为完成。`,
                  label: '结束原因',
                  okText: '提前结束',
                  danger: true,
                  submit: (r, h) =>
                    endEarly.mutate(
                      { pairingId: p.id, reason: r },
                      {
                        onError: h.onError,
                        onSuccess: () => void refresh('结对已提前结束').then(h.onSuccess),
                      },
                    ),
                })
              }
            >
              提前结束
            </Button>
          </Space>
        ) : undefined
      }
    >
      {q.isPending && pairingId !== null && <PageLoading />}
      {q.isError && <Alert type="error" showIcon title={readApiError(q.error).message} />}
      {d && p && (
        <>
          <Summary d={d} />
          {d.flags.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 12 }}
              title="不匹配反馈"
              description={
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {d.flags.map((f) => (
                    <li key={f.id}>
                      {PAIRING_PARTY_LABELS[f.party]}（{dayjs(f.createdAt).format('YYYY-MM-DD')}）：{f.reason}
                      {f.resolution ? `；处理意见：${f.resolution}` : '；待工作人员处理'}
                    </li>
                  ))}
                </ul>
              }
            />
          )}
          <Divider titlePlacement="start">辅导记录</Divider>
          <SessionList sessions={d.sessions} mySide={d.mySide} canRate={started} onRate={setRating} />
          {active && d.mySide !== null && (
            <Button
              type="link"
              danger
              style={{ paddingInline: 0, marginTop: 8 }}
              onClick={() =>
                setReason({
                  title: '反馈结对不匹配',
                  hint: '工作人员将与双方沟通，必要时重新安排导师。',
                  label: '不匹配的原因',
                  okText: '提交反馈',
                  submit: (r, h) =>
                    flag.mutate(
                      { pairingId: p.id, reason: r },
                      { onError: h.onError, onSuccess: () => void refresh('反馈已提交').then(h.onSuccess) },
                    ),
                })
              }
            >
              反馈结对不匹配
            </Button>
          )}
        </>
      )}
      <SessionLogModal pairingId={logging} onClose={() => setLogging(null)} />
      <RateModal session={rating} onClose={() => setRating(null)} />
      <ReasonModal
        request={reason}
        pending={endEarly.isPending || flag.isPending}
        onClose={() => setReason(null)}
      />
    </Drawer>
  );
}
