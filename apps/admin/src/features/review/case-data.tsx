/** Shows an application's data (as the applicant entered it) with Chinese labels; amounts in fen as ¥. */
import { formatFen, LOAN_MODE_LABELS, MILESTONE_LABELS } from '@fund/domain';
import { Descriptions, Table, Typography } from 'antd';
import type { ReactNode } from 'react';

const LABELS: Record<string, string> = {
  mode: '贴息方式',
  bankName: '贷款银行',
  contractNo: '贷款合同编号',
  contractSignedOn: '签约日期',
  maturityOn: '到期日',
  principalFen: '贷款本金',
  contractRatePct: '合同利率（%）',
  segments: '计息区间',
  start: '起始日',
  endExclusive: '截止日（不含）',
  interestPayments: '付息记录',
  periodStart: '付息期起',
  periodEndExclusive: '付息期止（不含）',
  interestPaidFen: '实付利息',
  kind: '里程碑类型',
  financingFen: '融资金额',
  financedOn: '到账日期',
  investorName: '投资方',
  revenueYear: '营业收入年度',
  revenueFen: '营业收入',
  baselineOn: '基准日期',
  employeesBefore: '基准从业人员',
  measuredOn: '统计日期',
  employeesAfter: '现有从业人员',
  patentNumbers: '专利号',
};

const VALUE_LABELS: Record<string, Readonly<Record<string, string>>> = {
  mode: LOAN_MODE_LABELS,
  kind: MILESTONE_LABELS,
};

function show(key: string, v: unknown): ReactNode {
  if (v === null || v === undefined || v === '') return '—';
  if (key.endsWith('Fen') && typeof v === 'number') return formatFen(v);
  if (typeof v === 'string' && VALUE_LABELS[key]?.[v]) return VALUE_LABELS[key][v];
  if (Array.isArray(v)) {
    if (v.every((x) => typeof x !== 'object')) return v.join('、');
    const rows = v as Record<string, unknown>[];
    const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    return (
      <Table
        size="small"
        pagination={false}
        rowKey={(_, i) => String(i)}
        dataSource={rows}
        columns={keys.map((k) => ({
          title: LABELS[k] ?? k,
          dataIndex: k,
          render: (x: unknown) => show(k, x),
        }))}
      />
    );
  }
  if (typeof v === 'object') return <Typography.Text code>{JSON.stringify(v)}</Typography.Text>;
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '—';
}

export function CaseData({ data }: { data: unknown }) {
  if (typeof data !== 'object' || data === null)
    return <Typography.Text type="secondary">无申报数据</Typography.Text>;
  const entries = Object.entries(data as Record<string, unknown>);
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      items={entries.map(([k, v]) => ({ key: k, label: LABELS[k] ?? k, children: show(k, v) }))}
    />
  );
}
