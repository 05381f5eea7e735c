import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, Input, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { FounderListItem } from '../../shared/api-types';
import { readApiError } from '../../shared/errors';
import { Page } from '../../shared/Page';
import { useTRPC } from '../../shared/trpc';
import { optional, useListParams } from '../../shared/use-list-params';

const FILTERS = ['q'] as const;

const columns: TableColumnsType<FounderListItem> = [
  { title: '姓名', dataIndex: 'name', width: 120 },
  { title: '学校', dataIndex: 'school', ellipsis: true },
  { title: '毕业年份', dataIndex: 'graduationYear', width: 100 },
  { title: '身份证号码', dataIndex: 'idNumberMasked', width: 200 },
  { title: '手机号码', dataIndex: 'mobileMasked', width: 140 },
  {
    title: '注册时间',
    dataIndex: 'createdAt',
    width: 150,
    render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm'),
  },
];

export function FounderListPage() {
  const trpc = useTRPC();
  const { page, pageSize, filters, setFilters, setPage, pageSizeOptions } = useListParams(FILTERS);
  const list = useQuery({
    ...trpc.founders.list.queryOptions({ q: optional(filters.q), page, pageSize }),
    placeholderData: keepPreviousData,
  });
  return (
    <Page title="个人创业者" subtitle="身份证号码和手机号码脱敏显示。">
      <Card>
        <Input.Search
          key={filters.q}
          defaultValue={filters.q}
          placeholder="姓名或学校"
          aria-label="搜索个人创业者"
          allowClear
          enterButton="查询"
          onSearch={(q) => setFilters({ q })}
          style={{ maxWidth: 420, marginBottom: 16 }}
        />
        {list.isError && (
          <Alert
            type="error"
            showIcon
            title={readApiError(list.error).message}
            style={{ marginBottom: 16 }}
          />
        )}
        <Table<FounderListItem>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          locale={{ emptyText: filters.q ? '没有符合条件的个人创业者' : '暂无个人创业者' }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions,
            showTotal: (total) => `共 ${total} 人`,
            onChange: setPage,
          }}
        />
      </Card>
    </Page>
  );
}
