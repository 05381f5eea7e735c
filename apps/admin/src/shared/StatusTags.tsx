import { Tag } from 'antd';

/** Verification state of an enterprise account (domain-rules.md §2: unverified accounts may look but not apply). */
export function VerificationTag({ verification }: { verification: 'unverified' | 'verified' }) {
  return verification === 'verified' ? <Tag color="success">已核验</Tag> : <Tag color="warning">待核验</Tag>;
}

export function SizeTag({ label }: { label: string | null }) {
  return label ? <Tag color="blue">{label}企业</Tag> : <Tag>未划型</Tag>;
}

export function StageTag({ label }: { label: string }) {
  return <Tag color="geekblue">{label}</Tag>;
}
