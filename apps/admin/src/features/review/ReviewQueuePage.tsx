import { CASE_STATUSES, CASE_STATUS_LABELS, formatFen, type CaseStatus } from '@fund/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, Flex, Select, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { Link, useNavigate } from 'react-router';
import { readApiError } from '../../shared/errors';
import { CaseStatusTag } from '../../shared/funding/CaseStatusTag';
import type { CaseListItem } from '../../shared/funding/types';
import { Page } from '../../shared/Page';
import { useTRPC } from '../../shared/trpc';
import { useListParams } from '../../shared/use-list-params';

const FILTERS = ['programmeId', 'status'] as const;

/** Reviewers never see drafts (architecture.md); the queue defaults to 已提交. */
const statusOptions = CASE_STATUSES.filter((s) => s !== 'draft').map((s) => ({
  value: s,
  label: CASE_STATUS_LABELS[s],
}));

function isStatus(v: string): v is CaseStatus {
  return (CASE_STATUSES as readonly string[]).includes(v);
}

const columns: TableColumnsType<CaseListItem> = [
  {
    title: '案件编号',
    dataIndex: 'caseNo',
    width: 150,
    render: (v: string, r) => (
      <Link to={`/review/cases/${r.id}`} onClick={(e) => e.stopPropagation()}>
        {v}
      </Link>
    ),
  },
  {
    title: '申报企业',
    dataIndex: 'enterpriseName',
    ellipsis: true,
    render: (v: string, r) => (
      <Flex vertical>
        <span>{v}</span>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {r.uscc}
        </Typography.Text>
      </Flex>
    ),
  },
  { title: '项目', dataIndex: 'programmeName', ellipsis: true },
  {
    title: '金额',
    dataIndex: 'amountFen',
    align: 'right',
    width: 140,
    render: (v: number | null) => (v === null ? '—' : formatFen(v)),
  },
  { title: '状态', dataIndex: 'status', width: 100, render: (v: CaseStatus) => <CaseStatusTag status={v} /> },
  {
    title: '提交时间',
    dataIndex: 'submittedAt',
    width: 150,
    render: (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '—'),
  },
];

export function ReviewQueuePage() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const { page, pageSize, filters, setFilters, setPage, pageSizeOptions } = useListParams(FILTERS);
  const programmes = useQuery(trpc.programmes.list.queryOptions());
  const status: CaseStatus = isStatus(filters.status) ? filters.status : 'submitted';
  const programmeId = Number(filters.programmeId) || undefined;
  const list = useQuery({
    ...trpc.review.queue.queryOptions({ programmeId, status, page, pageSize }),
    placeholderData: keepPreviousData,
  });

  return (
    <Page
      title="审核"
      subtitle="按提交先后排列。点击案件进入审核页：核对材料与计算过程后退回修改、审核不通过或推荐。"
    >
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Select
            aria-label="项目"
            value={programmeId ?? 0}
            options={[
              { value: 0, label: '全部项目' },
              ...(programmes.data ?? []).map((p) => ({ value: p.id, label: p.name })),
            ]}
            onChange={(v: number) => setFilters({ programmeId: v ? String(v) : '' })}
            style={{ minWidth: 260 }}
          />
          <Select
            aria-label="案件状态"
            value={status}
            options={statusOptions}
            onChange={(v: string) => setFilters({ status: v === 'submitted' ? '' : v })}
            style={{ width: 140 }}
          />
        </Flex>
        {list.isError && (
          <Alert
            type="error"
            showIcon
            title={readApiError(list.error).message}
            style={{ marginBottom: 16 }}
          />
        )}
        <Table<CaseListItem>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          locale={{ emptyText: `暂无${CASE_STATUS_LABELS[status]}的案件` }}
          onRow={(r) => ({
            onClick: () => void navigate(`/review/cases/${r.id}`),
            style: { cursor: 'pointer' },
          })}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions,
            showTotal: (total) => `共 ${total} 件`,
            onChange: setPage,
          }}
        />
      </Card>
    </Page>
  );
}
