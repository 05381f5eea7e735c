import { can, VERIFICATION_LABELS, type EnterpriseVerification } from '@fund/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Input, Select, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { Link, useNavigate } from 'react-router';
import type { EnterpriseListItem } from '../../shared/api-types';
import { useAuth } from '../../shared/auth';
import { readApiError } from '../../shared/errors';
import { Page } from '../../shared/Page';
import { SizeTag, StageTag, VerificationTag } from '../../shared/StatusTags';
import { useTRPC } from '../../shared/trpc';
import { optional, useListParams } from '../../shared/use-list-params';

const FILTERS = ['q', 'verification'] as const;

const verificationOptions = [
  { value: '', label: '全部核验状态' },
  ...Object.entries(VERIFICATION_LABELS).map(([value, label]) => ({ value, label })),
];

const columns: TableColumnsType<EnterpriseListItem> = [
  {
    title: '企业名称',
    dataIndex: 'name',
    ellipsis: true,
    render: (v: string, r) => (
      <Link to={`/enterprises/${r.id}`} onClick={(e) => e.stopPropagation()}>
        {v}
      </Link>
    ),
  },
  {
    title: '统一社会信用代码',
    dataIndex: 'uscc',
    width: 200,
    render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
  },
  { title: '所属行业', dataIndex: 'industryLabel', ellipsis: true, width: 180 },
  { title: '规模', dataIndex: 'sizeLabel', width: 90, render: (v: string | null) => <SizeTag label={v} /> },
  { title: '阶段', dataIndex: 'stageLabel', width: 110, render: (v: string) => <StageTag label={v} /> },
  {
    title: '核验状态',
    dataIndex: 'verification',
    width: 100,
    render: (v: EnterpriseListItem['verification']) => <VerificationTag verification={v} />,
  },
  {
    title: '注册时间',
    dataIndex: 'createdAt',
    width: 150,
    render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm'),
  },
];

function isVerification(v: string): v is EnterpriseVerification {
  return v in VERIFICATION_LABELS;
}

export function EnterpriseListPage() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const { me } = useAuth();
  const { page, pageSize, filters, setFilters, setPage, pageSizeOptions } = useListParams(FILTERS);
  const list = useQuery({
    ...trpc.enterprises.list.queryOptions({
      q: optional(filters.q),
      verification: isVerification(filters.verification) ? filters.verification : undefined,
      page,
      pageSize,
    }),
    placeholderData: keepPreviousData,
  });

  return (
    <Page
      title="企业管理"
      extra={
        me && can(me.roles, 'enterprise.registerByStaff') ? (
          <Button type="primary" onClick={() => void navigate('/enterprises/new')}>
            登记企业
          </Button>
        ) : undefined
      }
    >
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
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
          <Select
            aria-label="核验状态"
            value={filters.verification}
            options={verificationOptions}
            onChange={(verification: string) => setFilters({ verification })}
            style={{ width: 160 }}
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
        <Table<EnterpriseListItem>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          locale={{ emptyText: filters.q || filters.verification ? '没有符合条件的企业' : '暂无企业' }}
          onRow={(r) => ({
            onClick: () => void navigate(`/enterprises/${r.id}`),
            style: { cursor: 'pointer' },
          })}
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
    </Page>
  );
}
