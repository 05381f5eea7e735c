import { formatFen } from '@fund/domain';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { readApiError } from '../../shared/errors';
import type { ProgrammeWithBudget } from '../../shared/funding/types';
import { Page } from '../../shared/Page';
import { useTRPC } from '../../shared/trpc';
import { AllocateModal } from './AllocateModal';

const money = (v: number) => <span style={{ whiteSpace: 'nowrap' }}>{formatFen(v)}</span>;

export function ProgrammeListPage() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const list = useQuery(trpc.programmes.list.queryOptions());
  const [allocating, setAllocating] = useState<ProgrammeWithBudget | null>(null);

  const columns: TableColumnsType<ProgrammeWithBudget> = [
    {
      title: '项目',
      dataIndex: 'name',
      render: (v: string, r) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{v}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.schemeLabel} · {r.fiscalYear}年度 · 第{r.version}版参数
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: '申报期',
      key: 'window',
      width: 130,
      render: (_, r) => (
        <Space direction="vertical" size={0}>
          <span>{r.opensOn}</span>
          <span>至 {r.closesOn}</span>
          {r.open ? <Tag color="success">申报中</Tag> : <Tag>未在申报期</Tag>}
        </Space>
      ),
    },
    { title: '已下达', dataIndex: ['budget', 'allocatedFen'], align: 'right', render: money },
    { title: '已占用', dataIndex: ['budget', 'committedFen'], align: 'right', render: money },
    { title: '已拨付', dataIndex: ['budget', 'paidFen'], align: 'right', render: money },
    { title: '已追回', dataIndex: ['budget', 'recoveredFen'], align: 'right', render: money },
    {
      title: '可用',
      dataIndex: ['budget', 'availableFen'],
      align: 'right',
      render: (v: number) => <Typography.Text strong>{formatFen(v)}</Typography.Text>,
    },
    {
      title: '操作',
      key: 'actions',
      width: 110,
      render: (_, r) => (
        <Space direction="vertical" size={4}>
          <Button
            size="small"
            type="link"
            onClick={() => setAllocating(r)}
            aria-label={`下达预算：${r.name}`}
          >
            下达预算
          </Button>
          <Button
            size="small"
            type="link"
            onClick={() => void navigate(`/programmes/${r.id}/parameters`)}
            aria-label={`调整参数：${r.name}`}
          >
            调整参数
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Page
      title="项目管理"
      subtitle="已占用 = 已审批通过的金额（含已拨付）；可用 = 已下达 + 已追回 − 已占用。"
      extra={
        <Button type="primary" onClick={() => void navigate('/programmes/new')}>
          新建项目
        </Button>
      }
    >
      <Card>
        {list.isError && (
          <Alert
            type="error"
            showIcon
            title={readApiError(list.error).message}
            style={{ marginBottom: 16 }}
          />
        )}
        <Table<ProgrammeWithBudget>
          rowKey="id"
          columns={columns}
          dataSource={list.data ?? []}
          loading={list.isFetching}
          locale={{ emptyText: '暂无项目，请点击“新建项目”' }}
          pagination={false}
        />
      </Card>
      <AllocateModal programme={allocating} onClose={() => setAllocating(null)} />
    </Page>
  );
}
