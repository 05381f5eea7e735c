import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { RouterOutputs } from '../../shared/api-types';
import { readApiError } from '../../shared/errors';
import { Page } from '../../shared/Page';
import { useTRPC } from '../../shared/trpc';

type Notice = RouterOutputs['notices']['publicList'][number];

const PAGE_SIZE = 20;

/** 公示 (public, no sign-in): the notices of recommended awards (§8), newest first. */
export function NoticeListPage() {
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const q = useQuery({
    ...trpc.notices.publicList.queryOptions({ page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const rows = q.data ?? [];
  return (
    <Page
      title="公示公告"
      subtitle="拟扶持企业名单在拨付前向社会公示。对公示内容有异议的，可在异议期内实名提出。"
    >
      {q.isError && (
        <Alert type="error" showIcon title={readApiError(q.error).message} style={{ marginBottom: 16 }} />
      )}
      <Card>
        <Table<Notice>
          rowKey="id"
          loading={q.isPending}
          dataSource={rows}
          locale={{ emptyText: '暂无公示' }}
          scroll={{ x: 760 }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            // The list has no total: offer a next page while this one is full.
            total: (page - 1) * PAGE_SIZE + rows.length + (rows.length === PAGE_SIZE ? 1 : 0),
            onChange: setPage,
            showSizeChanger: false,
          }}
          columns={[
            {
              title: '标题',
              dataIndex: 'title',
              render: (t: string, n) => <Link to={`/notices/${n.id}`}>{t}</Link>,
            },
            { title: '发布日期', dataIndex: 'publishedOn', width: 120 },
            { title: '公示期至', dataIndex: 'endsOn', width: 120 },
            { title: '企业数', dataIndex: 'cases', width: 80, align: 'right' },
            {
              title: '异议',
              dataIndex: 'objectionOpen',
              width: 180,
              render: (o: boolean, n) =>
                o ? <Tag color="processing">受理中（至 {n.objectionDeadline}）</Tag> : <Tag>已截止</Tag>,
            },
          ]}
        />
      </Card>
    </Page>
  );
}
