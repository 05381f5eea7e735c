import { formatFen, MILESTONE_LABELS, type MilestoneKind } from '@fund/domain';
import { Descriptions, Table } from 'antd';
import type { DescriptionsProps } from 'antd';

type Stored = Record<string, unknown>;

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : '未填写');
const fen = (v: unknown) => (typeof v === 'number' ? formatFen(v) : '未填写');
const num = (v: unknown, unit: string) => (typeof v === 'number' ? `${v}${unit}` : '未填写');
const rows = (v: unknown): Stored[] => (Array.isArray(v) ? (v as Stored[]) : []);

/** What the enterprise declared, read back with the form's labels (a draft may be incomplete). */
export function ApplicationSummary({ scheme, data }: { scheme: string; data: unknown }) {
  const d = (typeof data === 'object' && data !== null ? data : {}) as Stored;
  if (scheme === 'loan-interest-subsidy') {
    const items: DescriptionsProps['items'] = [
      { key: 'bank', label: '贷款银行', children: str(d.bankName) },
      { key: 'no', label: '贷款合同编号', children: str(d.contractNo) },
      { key: 'signed', label: '签约日期', children: str(d.contractSignedOn) },
      { key: 'maturity', label: '到期日', children: str(d.maturityOn) },
      { key: 'principal', label: '贷款本金', children: fen(d.principalFen) },
      {
        key: 'rate',
        label: '合同利率',
        children: typeof d.contractRatePct === 'string' ? `${d.contractRatePct}%` : '未填写',
      },
    ];
    const segments = rows(d.segments);
    const payments = rows(d.interestPayments);
    return (
      <>
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} />
        {segments.length > 0 && (
          <Table
            style={{ marginTop: 12 }}
            size="small"
            bordered
            pagination={false}
            rowKey={(_, i) => String(i)}
            title={() => '还款分段'}
            dataSource={segments}
            columns={[
              { title: '未偿本金', render: (_, s) => fen(s.principalFen) },
              { title: '开始日期', render: (_, s) => str(s.start) },
              { title: '结束日期（不含当日）', render: (_, s) => str(s.endExclusive) },
            ]}
          />
        )}
        {payments.length > 0 && (
          <Table
            style={{ marginTop: 12 }}
            size="small"
            bordered
            pagination={false}
            rowKey={(_, i) => String(i)}
            title={() => '实付利息'}
            dataSource={payments}
            columns={[
              { title: '计息开始日期', render: (_, p) => str(p.periodStart) },
              { title: '计息结束日期（不含当日）', render: (_, p) => str(p.periodEndExclusive) },
              { title: '实付利息', render: (_, p) => fen(p.interestPaidFen) },
            ]}
          />
        )}
      </>
    );
  }
  const kind = typeof d.kind === 'string' && d.kind in MILESTONE_LABELS ? (d.kind as MilestoneKind) : null;
  const items: DescriptionsProps['items'] = [
    { key: 'kind', label: '里程碑类型', children: kind ? MILESTONE_LABELS[kind] : '未选择' },
  ];
  switch (kind) {
    case 'equity-financing':
      items.push(
        { key: 'f', label: '融资金额', children: fen(d.financingFen) },
        { key: 'on', label: '融资到账日期', children: str(d.financedOn) },
        { key: 'inv', label: '投资方名称', children: str(d.investorName) },
      );
      break;
    case 'revenue':
      items.push(
        { key: 'y', label: '营业收入所属年度', children: num(d.revenueYear, ' 年') },
        { key: 'r', label: '营业收入', children: fen(d.revenueFen) },
      );
      break;
    case 'jobs':
      items.push(
        { key: 'b', label: '基准日期', children: str(d.baselineOn) },
        { key: 'bn', label: '基准日从业人员', children: num(d.employeesBefore, ' 人') },
        { key: 'm', label: '统计日期', children: str(d.measuredOn) },
        { key: 'mn', label: '现有从业人员', children: num(d.employeesAfter, ' 人') },
      );
      break;
    case 'patents':
      items.push({
        key: 'p',
        label: '授权发明专利号',
        children: Array.isArray(d.patentNumbers) ? (d.patentNumbers as string[]).join('、') : '未填写',
      });
      break;
    case null:
      break;
    default:
      return kind satisfies never;
  }
  return <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} />;
}
