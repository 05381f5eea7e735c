import { formatFen, WORKSTATION_DESIGNATION_LABELS } from '@fund/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { readApiError } from '../../../shared/errors';
import { useTRPC } from '../../../shared/trpc';
import type { WorkstationItem } from '../types';
import { BulkCreateModal } from './BulkCreateModal';

const STATUS_OPTIONS = [
  { value: '', label: '全部状态' },
  { value: 'vacant', label: '空置' },
  { value: 'allocated', label: '已分配' },
  { value: 'retired', label: '已停用' },
] as const;
type Status = (typeof STATUS_OPTIONS)[number]['value'];

const columns: TableColumnsType<WorkstationItem> = [
  {
    title: '工位编号',
    dataIndex: 'code',
    width: 100,
    render: (v: string) => <Typography.Text strong>{v}</Typography.Text>,
  },
  { title: '区域', dataIndex: 'zone', width: 150 },
  { title: '类型', dataIndex: 'kindLabel', width: 130 },
  {
    title: '性质',
    dataIndex: 'designationLabel',
    width: 100,
    render: (v: string, r) => <Tag color={r.designation === 'free' ? 'green' : 'blue'}>{v}</Tag>,
  },
  {
    title: '月租金',
    dataIndex: 'monthlyRentFen',
    width: 110,
    align: 'right',
    render: (v: number) => formatFen(v),
  },
  {
    title: '当前使用',
    render: (_, r) =>
      r.retiredOn ? (
        <Typography.Text type="secondary">{r.retiredOn} 起停用</Typography.Text>
      ) : r.current ? (
        <span>
          {r.current.occupantName}
          <Typography.Text type="secondary">
            （{r.current.startsOn} 至 {r.current.endsOn ?? '长期'}）
          </Typography.Text>
        </span>
      ) : (
        <Tag>空置</Tag>
      ),
  },
];

export function WorkstationsTab({ centreId, operable }: { centreId: number; operable: boolean }) {
  const trpc = useTRPC();
  const [zone, setZone] = useState('');
  const [designation, setDesignation] = useState<'' | 'free' | 'preferential'>('');
  const [status, setStatus] = useState<Status>('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [bulkOpen, setBulkOpen] = useState(false);
  const list = useQuery({
    ...trpc.centres.workstations.list.queryOptions({
      centreId,
      zone: zone || undefined,
      designation: designation || undefined,
      status: status || undefined,
      page,
      pageSize,
    }),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <Flex gap={12} wrap justify="space-between" style={{ marginBottom: 12 }}>
        <Flex gap={12} wrap>
          <Select
            aria-label="区域"
            value={zone}
            style={{ width: 180 }}
            options={[
              { value: '', label: '全部区域' },
              ...(list.data?.zones ?? []).map((z) => ({ value: z, label: z })),
            ]}
            onChange={(v: string) => {
              setZone(v);
              setPage(1);
            }}
          />
          <Select
            aria-label="工位性质"
            value={designation}
            style={{ width: 140 }}
            options={[
              { value: '', label: '全部性质' },
              ...Object.entries(WORKSTATION_DESIGNATION_LABELS).map(([value, label]) => ({ value, label })),
            ]}
            onChange={(v: '' | 'free' | 'preferential') => {
              setDesignation(v);
              setPage(1);
            }}
          />
          <Select
            aria-label="使用状态"
            value={status}
            style={{ width: 130 }}
            options={STATUS_OPTIONS.map((o) => ({ ...o }))}
            onChange={(v: Status) => {
              setStatus(v);
              setPage(1);
            }}
          />
        </Flex>
        {operable && (
          <Button type="primary" onClick={() => setBulkOpen(true)}>
            批量新增工位
          </Button>
        )}
      </Flex>
      {list.isError && (
        <Alert type="error" showIcon title={readApiError(list.error).message} style={{ marginBottom: 12 }} />
      )}
      <Table<WorkstationItem>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        locale={{ emptyText: '暂无工位' }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (t) => `共 ${t} 个工位`,
          onChange: (p, s) => {
            setPage(s === pageSize ? p : 1);
            setPageSize(s);
          },
        }}
      />
      <BulkCreateModal centreId={centreId} open={bulkOpen} onClose={() => setBulkOpen(false)} />
    </>
  );
}
