import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Form, Input, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { AuditEventView } from '../../shared/api-types';
import { readApiError } from '../../shared/errors';
import { Page } from '../../shared/Page';
import { useTRPC } from '../../shared/trpc';
import { optional, useListParams } from '../../shared/use-list-params';
import { useVerifyChain } from './VerifyChain';

const FILTERS = ['action', 'objectType', 'from', 'to'] as const;
const DAY = 'YYYY-MM-DD';

const columns: TableColumnsType<AuditEventView> = [
  { title: '序号', dataIndex: 'seq', width: 80 },
  {
    title: '时间',
    dataIndex: 'at',
    width: 170,
    render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss'),
  },
  { title: '操作人', dataIndex: 'actorName', width: 120, render: (v: string | null) => v ?? '系统' },
  {
    title: '操作',
    dataIndex: 'action',
    width: 200,
    render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
  },
  {
    title: '对象',
    key: 'object',
    width: 160,
    render: (_, e) => (e.objectId ? `${e.objectType} #${e.objectId}` : e.objectType),
  },
  { title: '摘要', dataIndex: 'summary', ellipsis: true },
];

function Payload({ payload }: { payload: unknown }) {
  if (payload === null || payload === undefined)
    return <Typography.Text type="secondary">无附加数据</Typography.Text>;
  return (
    <pre
      style={{
        margin: 0,
        maxHeight: 320,
        overflow: 'auto',
        fontSize: 12,
        background: '#fafafa',
        padding: 12,
      }}
    >
      {JSON.stringify(payload, null, 2)}
    </pre>
  );
}

type FilterValues = { action?: string; objectType?: string; range?: [Dayjs | null, Dayjs | null] | null };

export function AuditLogPage() {
  const trpc = useTRPC();
  const { page, pageSize, filters, setFilters, setPage, pageSizeOptions } = useListParams(FILTERS);
  const verify = useVerifyChain();
  const list = useQuery({
    ...trpc.audit.list.queryOptions({
      action: optional(filters.action),
      objectType: optional(filters.objectType),
      from: optional(filters.from),
      to: optional(filters.to),
      page,
      pageSize,
    }),
    placeholderData: keepPreviousData,
  });

  const onSearch = (v: FilterValues) =>
    setFilters({
      action: v.action ?? '',
      objectType: v.objectType ?? '',
      from: v.range?.[0]?.format(DAY) ?? '',
      to: v.range?.[1]?.format(DAY) ?? '',
    });
  const range: [Dayjs | null, Dayjs | null] | null =
    filters.from || filters.to
      ? [filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]
      : null;

  return (
    <Page title="审计日志" subtitle="所有业务操作按时间顺序记录，并以哈希链防篡改。" extra={verify.button}>
      {verify.result}
      <Card>
        <Form<FilterValues>
          name="auditFilter"
          key={`${filters.action}|${filters.objectType}|${filters.from}|${filters.to}`}
          layout="inline"
          initialValues={{ action: filters.action, objectType: filters.objectType, range }}
          onFinish={onSearch}
          style={{ marginBottom: 16, rowGap: 12 }}
        >
          <Form.Item label="操作" name="action">
            <Input placeholder="如 auth.signIn" allowClear style={{ width: 180 }} />
          </Form.Item>
          <Form.Item label="对象类型" name="objectType">
            <Input placeholder="如 enterprise" allowClear style={{ width: 150 }} />
          </Form.Item>
          <Form.Item label="日期" name="range">
            <DatePicker.RangePicker allowEmpty={[true, true]} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit">
              查询
            </Button>
          </Form.Item>
          <Form.Item>
            <Button onClick={() => setFilters({ action: '', objectType: '', from: '', to: '' })}>重置</Button>
          </Form.Item>
        </Form>
        {list.isError && (
          <Alert
            type="error"
            showIcon
            title={readApiError(list.error).message}
            style={{ marginBottom: 16 }}
          />
        )}
        <Table<AuditEventView>
          rowKey="seq"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          expandable={{ expandedRowRender: (e) => <Payload payload={e.payload} /> }}
          locale={{ emptyText: '没有符合条件的记录' }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions,
            showTotal: (total) => `共 ${total} 条`,
            onChange: setPage,
          }}
        />
      </Card>
    </Page>
  );
}
