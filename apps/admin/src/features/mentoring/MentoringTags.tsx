import type { PairingStatus } from '@fund/domain';
import { Progress, Space, Tag, Tooltip, Typography } from 'antd';
import type { MentorLoad } from './types';

const STATUS_COLORS: Record<PairingStatus, string> = {
  proposed: 'processing',
  active: 'success',
  completed: 'blue',
  declined: 'default',
  ended_early: 'warning',
};

/** A pairing's status; a proposal past its response deadline says so (the server decides `overdue`). */
export function PairingStatusTag({
  pairing,
}: {
  pairing: { status: PairingStatus; statusLabel: string; overdue: boolean };
}) {
  if (pairing.overdue) return <Tag color="error">逾期未回复</Tag>;
  return <Tag color={STATUS_COLORS[pairing.status]}>{pairing.statusLabel}</Tag>;
}

/** The response deadline of a proposal, red once it has passed. */
export function DeadlineText({ pairing }: { pairing: { responseDueOn: string; overdue: boolean } }) {
  return (
    <Typography.Text type={pairing.overdue ? 'danger' : undefined}>
      {pairing.responseDueOn} 前回复{pairing.overdue ? '（已逾期）' : ''}
    </Typography.Text>
  );
}

/**
 * Places taken against the capacity: active (solid) plus proposals awaiting an answer (lighter). Full is red: the
 * complaint the scheme answers is mentors taking more mentees than they agreed to.
 */
export function LoadBar({ load, width = 180 }: { load: MentorLoad; width?: number }) {
  const pct = (n: number) => Math.min(100, Math.round((n / Math.max(1, load.capacity)) * 100));
  return (
    <Tooltip
      title={`在带 ${load.active} 人，待确认 ${load.proposed} 人，可带教 ${load.capacity} 人，剩余 ${load.free} 个名额`}
    >
      <div style={{ width }} aria-label={`名额占用 ${load.taken}/${load.capacity}`}>
        <Progress
          percent={pct(load.taken)}
          success={{ percent: pct(load.active) }}
          status={load.full ? 'exception' : 'normal'}
          showInfo={false}
          size="small"
        />
        <Space size={6} style={{ fontSize: 12 }}>
          <Typography.Text style={{ fontSize: 12 }} type={load.full ? 'danger' : undefined}>
            {load.taken}/{load.capacity}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            在带 {load.active} · 待确认 {load.proposed}
          </Typography.Text>
          {load.full && <Tag color="error">已满</Tag>}
        </Space>
      </div>
    </Tooltip>
  );
}
