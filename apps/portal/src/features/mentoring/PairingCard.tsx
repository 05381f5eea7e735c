import { MENTOR_KIND_LABELS } from '@fund/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Divider, Space, Typography } from 'antd';
import { useState } from 'react';
import { readApiError } from '../../shared/errors';
import { useTRPC } from '../../shared/trpc';
import { RateModal } from './RateModal';
import { ReasonModal, type ReasonRequest } from './ReasonModal';
import { SessionList } from './SessionList';
import { SessionLogModal } from './SessionLogModal';
import { DeadlineText, PairingStatusTag } from './StatusTags';
import type { PairingView, SessionView } from './types';

/** One pairing as its mentee sees it: the mentor, the deadline while proposed, sessions, ratings and actions. */
export function PairingCard({ pairing: p }: { pairing: PairingView }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const started = p.acceptedOn !== null;
  const detail = useQuery({
    ...trpc.mentoring.pairings.get.queryOptions({ pairingId: p.id }),
    enabled: started,
  });
  const [logging, setLogging] = useState<number | null>(null);
  const [rating, setRating] = useState<SessionView | null>(null);
  const [reason, setReason] = useState<ReasonRequest | null>(null);
  const flag = useMutation(trpc.mentoring.sessions.flagPoorFit.mutationOptions());
  const endEarly = useMutation(trpc.mentoring.pairings.endEarly.mutationOptions());
  const after = (text: string, close: () => void) => {
    void message.success(text);
    void queryClient.invalidateQueries({ queryKey: trpc.mentoring.pathKey() });
    close();
  };
  const active = p.status === 'active';
  const d = detail.data;
  const openFlags = (d?.flags ?? []).filter((f) => f.resolvedAt === null);

  return (
    <Card
      size="small"
      type="inner"
      role="region"
      aria-label={`导师 ${p.mentorName}`}
      title={
        <Space size={8} wrap>
          <span>导师：{p.mentorName}</span>
          <PairingStatusTag pairing={p} />
        </Space>
      }
      extra={
        active && (
          <Space wrap>
            <Button type="primary" size="small" onClick={() => setLogging(p.id)}>
              登记辅导记录
            </Button>
            <Button
              size="small"
              onClick={() =>
                setReason({
                  title: '反馈导师不匹配',
                  hint: '工作人员会与您和导师沟通，必要时为您重新安排导师。',
                  label: '不匹配的原因',
                  okText: '提交反馈',
                  submit: (r, h) =>
                    flag.mutate(
                      { pairingId: p.id, reason: r },
                      {
                        onError: h.onError,
                        onSuccess: () => after('反馈已提交，工作人员将尽快处理', h.onSuccess),
                      },
                    ),
                })
              }
            >
              反馈不匹配
            </Button>
            <Button
              size="small"
              danger
              onClick={() =>
                setReason({
                  title: '提前结束结对',
                  label: '结束原因',
                  okText: '提前结束',
                  danger: true,
                  submit: (r, h) =>
                    endEarly.mutate(
                      { pairingId: p.id, reason: r },
                      { onError: h.onError, onSuccess: () => after('结对已结束', h.onSuccess) },
                    ),
                })
              }
            >
              提前结束
            </Button>
          </Space>
        )
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'org', label: '工作单位', children: p.mentorOrganisation },
          { key: 'title', label: '职务', children: p.mentorTitle || '—' },
          { key: 'kind', label: '导师类型', children: MENTOR_KIND_LABELS[p.mentorKind] },
          ...(p.status === 'proposed'
            ? [{ key: 'due', label: '回复期限', children: <DeadlineText pairing={p} /> }]
            : []),
          ...(p.acceptedOn ? [{ key: 'acc', label: '结对开始', children: p.acceptedOn }] : []),
          ...(started
            ? [
                {
                  key: 'n',
                  label: '已辅导',
                  children: d ? `${d.sessionsHeld} 次（约定至少 ${p.minSessions} 次）` : '…',
                },
              ]
            : []),
          ...(p.declineReason
            ? [{ key: 'dr', label: `${p.declinedByLabel ?? ''}拒绝原因`, children: p.declineReason }]
            : []),
          ...(p.endedReason
            ? [{ key: 'er', label: `${p.endedByLabel ?? ''}提前结束`, children: p.endedReason }]
            : []),
        ]}
      />
      {openFlags.length > 0 && (
        <Alert type="warning" showIcon style={{ marginTop: 8 }} title="您已反馈不匹配，工作人员正在处理。" />
      )}
      {started && (
        <>
          <Divider titlePlacement="start" plain style={{ margin: '8px 0' }}>
            辅导记录
          </Divider>
          {detail.isError && <Alert type="error" showIcon title={readApiError(detail.error).message} />}
          {d && <SessionList sessions={d.sessions} mySide={d.mySide} canRate onRate={setRating} />}
          {d && d.sessions.length > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              每次辅导后可为导师评分（1–5 分），每次辅导只能评价一次。
            </Typography.Text>
          )}
        </>
      )}
      <SessionLogModal pairingId={logging} onClose={() => setLogging(null)} />
      <RateModal session={rating} onClose={() => setRating(null)} />
      <ReasonModal
        request={reason}
        pending={flag.isPending || endEarly.isPending}
        onClose={() => setReason(null)}
      />
    </Card>
  );
}
