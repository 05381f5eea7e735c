import { CASE_STATUS_LABELS, type CaseStatus } from '@fund/domain';
import { Tag } from 'antd';

const COLORS: Record<CaseStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  recommended: 'cyan',
  in_notice: 'purple',
  approved: 'blue',
  disbursed: 'success',
  rejected: 'error',
  withdrawn: 'default',
  clawed_back: 'magenta',
};

export function CaseStatusTag({ status }: { status: CaseStatus }) {
  return <Tag color={COLORS[status]}>{CASE_STATUS_LABELS[status]}</Tag>;
}
