import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, Flex, Input, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { readApiError } from '../../shared/errors';
import type { VerificationQueueItem } from '../../shared/funding/types';
import { Page } from '../../shared/Page';
import { VerificationTag } from '../../shared/StatusTags';
import { useTRPC } from '../../shared/trpc';
import { optional, useListParams } from '../../shared/use-list-params';
import { EnterpriseVerifyDrawer } from './EnterpriseVerifyDrawer';

const FILTERS = ['q', 'scope'] as const;

const columns: TableColumnsType<VerificationQueueItem> = [
  {
    title: '企业名称',
    dataIndex: 'name',
    render: (v: string, r) => (
      <Space size={4} wrap>
        <Typography.Link>{v}</Typography.Link>
        {r.dishonest && <Tag color="red">失信</Tag>}
      </Space>
    ),
  },
  {
    title: '统一社会信用代码',
    dataIndex: 'uscc',
    width: 200,
    render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
  },
  {
    title: '企业核验',
    dataIndex: 'verification',
    width: 100,
    render: (v: VerificationQueueItem['verification']) => <VerificationTag verification={v} />,
  },
  {
    title: '营业执照',
    dataIndex: 'licenceUploadedAt',
    width: 160,
    render: (v: string | null) =>
      v ? (
        `${dayjs(v).format('YYYY-MM-DD HH:mm')} 上传`
      ) : (
        <Typography.Text type="secondary">未上传</Typography.Text>
      ),
  },
  {
    title: '收款账户',
    dataIndex: 'pendingBankAccounts',
    width: 120,
    render: (n: number) =>
      n > 0 ? (
        <Tag color="warning">{n} 个待核验</Tag>
      ) : (
        <Typography.Text type="secondary">无待核验</Typography.Text>
      ),
  },
];

export function VerificationPage() {
  const trpc = useTRPC();
  const { page, pageSize, filters, setFilters, setPage, pageSizeOptions } = useListParams(FILTERS);
  const pendingOnly = filters.scope !== 'all';
  const list = useQuery({
    ...trpc.verification.queue.queryOptions({ q: optional(filters.q), pendingOnly, page, pageSize }),
    placeholderData: keepPreviousData,
  });
  const [openId, setOpenId] = useState<number | null>(null);

  return (
    <Page
      title="企业核验"
      subtitle="核对企业上传的营业执照和收款账户；核验结果和失信标记均需填写意见，记入审计日志。"
    >
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Segmented
            value={pendingOnly ? 'pending' : 'all'}
            options={[
              { value: 'pending', label: '待核验' },
              { value: 'all', label: '全部企业' },
            ]}
            onChange={(v) => setFilters({ scope: v === 'all' ? 'all' : '' })}
          />
          <Input.Search
            key={filters.q}
            defaultValue={filters.q}
            placeholder="企业名称或统一社会信用代码"
            aria-label="搜索企业"
            allowClear
            enterButton="查询"
            onSearch={(q) => setFilters({ q })}
            style={{ maxWidth: 420 }}
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
        <Table<VerificationQueueItem>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          locale={{ emptyText: pendingOnly ? '暂无待核验的企业' : '没有符合条件的企业' }}
          onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions,
            showTotal: (total) => `共 ${total} 家`,
            onChange: setPage,
          }}
        />
      </Card>
      <EnterpriseVerifyDrawer enterpriseId={openId} onClose={() => setOpenId(null)} />
    </Page>
  );
}
