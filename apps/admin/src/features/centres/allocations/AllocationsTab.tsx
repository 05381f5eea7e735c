import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Space, Switch, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { readApiError } from '../../../shared/errors';
import { useTRPC } from '../../../shared/trpc';
import { today } from '../months';
import type { AllocationItem } from '../types';
import { AllocateModal } from './AllocateModal';
import { ChangeAllocationModal, type ChangeKind } from './ChangeAllocationModal';

export function AllocationsTab({ centreId, operable }: { centreId: number; operable: boolean }) {
  const trpc = useTRPC();
  const [currentOnly, setCurrentOnly] = useState(true);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [allocating, setAllocating] = useState(false);
  const [change, setChange] = useState<{ kind: ChangeKind; allocation: AllocationItem | null }>({
    kind: 'end',
    allocation: null,
  });
  const list = useQuery({
    ...trpc.centres.allocations.list.queryOptions({
      centreId,
      on: currentOnly ? today() : undefined,
      page,
      pageSize,
    }),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<AllocationItem> = [
    {
      title: '工位',
      dataIndex: 'workstationCode',
      width: 90,
      render: (v: string) => <Typography.Text strong>{v}</Typography.Text>,
    },
    {
      title: '入驻对象',
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <span>
            {r.occupantName} <Tag>{r.occupantTypeLabel}</Tag>
          </span>
          {r.occupantType === 'team' && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.school} · 联系人 {r.contactName} · 身份证 {r.idNumberMasked} · 手机 {r.mobileMasked}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: '使用方式',
      dataIndex: 'termsLabel',
      width: 100,
      render: (v: string, r) => <Tag color={r.terms === 'free' ? 'green' : 'blue'}>{v}</Tag>,
    },
    { title: '开始日期', dataIndex: 'startsOn', width: 110 },
    { title: '结束日期', dataIndex: 'endsOn', width: 110, render: (v: string | null) => v ?? '长期' },
    ...(operable
      ? ([
          {
            title: '操作',
            width: 170,
            render: (_, r) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setChange({ kind: 'end', allocation: r })}>
                  结束
                </Button>
                <Button type="link" size="small" onClick={() => setChange({ kind: 'extend', allocation: r })}>
                  延期
                </Button>
                <Button type="link" size="small" onClick={() => setChange({ kind: 'move', allocation: r })}>
                  调换
                </Button>
              </Space>
            ),
          },
        ] satisfies TableColumnsType<AllocationItem>)
      : []),
  ];

  return (
    <>
      <Flex gap={12} wrap justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Space>
          <Switch
            checked={currentOnly}
            onChange={(v) => {
              setCurrentOnly(v);
              setPage(1);
            }}
            aria-label="只看今日在驻"
          />
          <span>只看今日在驻</span>
        </Space>
        {operable && (
          <Button type="primary" onClick={() => setAllocating(true)}>
            分配工位
          </Button>
        )}
      </Flex>
      {list.isError && (
        <Alert type="error" showIcon title={readApiError(list.error).message} style={{ marginBottom: 12 }} />
      )}
      <Table<AllocationItem>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        locale={{ emptyText: '暂无分配记录' }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (t) => `共 ${t} 条`,
          onChange: (p, s) => {
            setPage(s === pageSize ? p : 1);
            setPageSize(s);
          },
        }}
      />
      <AllocateModal centreId={centreId} open={allocating} onClose={() => setAllocating(false)} />
      <ChangeAllocationModal
        centreId={centreId}
        kind={change.kind}
        allocation={change.allocation}
        onClose={() => setChange((c) => ({ ...c, allocation: null }))}
      />
    </>
  );
}
