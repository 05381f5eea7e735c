import { formatFen, SCHEME_LABELS, type Scheme } from '@fund/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import type { RouterOutputs } from '../../shared/api-types';
import { readApiError } from '../../shared/errors';
import { Page } from '../../shared/Page';
import { useTRPC } from '../../shared/trpc';
import { CaseStatusTag } from './CaseStatusTag';

type Item = RouterOutputs['cases']['mine']['items'][number];

const PAGE_SIZE = 20;

/** 我的申报: the enterprise's cases, newest change first, each with its status and amount. */
export function MyCasesPage() {
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const q = useQuery({
    ...trpc.cases.mine.queryOptions({ page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  return (
    <Page
      title="我的申报"
      crumbs={[{ title: '可申报项目', to: '/funding' }]}
      subtitle="从草稿到拨付，每一件申报的办理进度。点击申报编号查看详情。"
      extra={
        <Link to="/funding">
          <Button type="primary">在线申报</Button>
        </Link>
      }
    >
      {q.isError && (
        <Alert type="error" showIcon title={readApiError(q.error).message} style={{ marginBottom: 16 }} />
      )}
      <Card>
        <Table<Item>
          rowKey="id"
          loading={q.isPending || (q.isFetching && q.isPlaceholderData)}
          dataSource={q.data?.items ?? []}
          locale={{ emptyText: '还没有申报。可在「可申报项目」中选择项目在线申报。' }}
          scroll={{ x: 880 }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: q.data?.total ?? 0,
            showTotal: (t) => `共 ${t} 件`,
            onChange: setPage,
            showSizeChanger: false,
          }}
          columns={[
            {
              title: '申报编号',
              dataIndex: 'caseNo',
              render: (no: string, r) => <Link to={`/funding/cases/${r.id}`}>{no}</Link>,
            },
            { title: '项目', dataIndex: 'programmeName' },
            { title: '类型', dataIndex: 'scheme', render: (s: Scheme) => SCHEME_LABELS[s] },
            { title: '状态', dataIndex: 'status', render: (_, r) => <CaseStatusTag status={r.status} /> },
            {
              title: '金额',
              dataIndex: 'amountFen',
              align: 'right',
              render: (f: number | null) =>
                f === null ? <Typography.Text type="secondary">提交后计算</Typography.Text> : formatFen(f),
            },
            {
              title: '提交时间',
              dataIndex: 'submittedAt',
              render: (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '—'),
            },
            {
              title: '最近更新',
              dataIndex: 'updatedAt',
              render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
            },
          ]}
        />
      </Card>
    </Page>
  );
}
