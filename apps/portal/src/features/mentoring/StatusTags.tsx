import type { PairingStatus } from '@fund/domain';
import { Tag, Typography } from 'antd';

const STATUS_COLORS: Record<PairingStatus, string> = {
  proposed: 'processing',
  active: 'success',
  completed: 'blue',
  declined: 'default',
  ended_early: 'warning',
};

export function PairingStatusTag({
  pairing,
}: {
  pairing: { status: PairingStatus; statusLabel: string; overdue: boolean };
}) {
  if (pairing.overdue) return <Tag color="warning">导师逾期未回复，工作人员重新安排中</Tag>;
  return <Tag color={STATUS_COLORS[pairing.status]}>{pairing.statusLabel}</Tag>;
}

export function DeadlineText({ pairing }: { pairing: { responseDueOn: string; overdue: boolean } }) {
  return (
    <Typography.Text type={pairing.overdue ? 'danger' : 'secondary'}>
      导师须于 {pairing.responseDueOn} 前回复{pairing.overdue ? '（已逾期）' : ''}
    </Typography.Text>
  );
}
