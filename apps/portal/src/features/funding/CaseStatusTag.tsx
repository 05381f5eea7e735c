import { CASE_STATUS_LABELS, type CaseStatus } from '@fund/domain';
import { Tag } from 'antd';
import { CASE_STATUS_COLORS } from './labels';

export function CaseStatusTag({ status }: { status: CaseStatus }) {
  return <Tag color={CASE_STATUS_COLORS[status]}>{CASE_STATUS_LABELS[status]}</Tag>;
}
