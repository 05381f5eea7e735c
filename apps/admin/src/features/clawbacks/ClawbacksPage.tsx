import { can, CLAWBACK_GROUND_LABELS, formatFen } from '@fund/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Segmented, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useAuth } from '../../shared/auth';
import { readApiError } from '../../shared/errors';
import { ClawbackModal, type ClawbackTarget } from '../../shared/funding/ClawbackModal';
import type { CaseListItem, ClawbackItem } from '../../shared/funding/types';
import { Page } from '../../shared/Page';
import { useTRPC } from '../../shared/trpc';
import { RecoveryModal } from './RecoveryModal';

function ClawbackRecords({ mayRecordRecovery }: { mayRecordRecovery: boolean }) {
  const trpc = useTRPC();
  const [outstandingOnly, setOutstandingOnly] = useState(true);
  const [page, setPage] = useState(1);
  const [recovering, setRecovering] = useState<ClawbackItem | null>(null);
  const list = useQuery({
    ...trpc.clawbacks.list.queryOptions({ outstandingOnly, page, pageSize: 20 }),
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<ClawbackItem> = [
    {
      title: '案件',
      dataIndex: 'caseNo',
      width: 150,
      render: (v: string, r) => <Link to={`/review/cases/${r.caseId}`}>{v}</Link>,
    },
    { title: '企业', dataIndex: 'enterpriseName', ellipsis: true },
    {
      title: '追回情形',
      dataIndex: 'ground',
      width: 200,
      render: (g: ClawbackItem['ground'], r) => (
        <>
          <div>{CLAWBACK_GROUND_LABELS[g]}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.reason}
            {r.movedOutOn ? `（迁出日 ${r.movedOutOn}）` : ''}
          </Typography.Text>
        </>
      ),
    },
    {
      title: '应追回',
      dataIndex: 'amountFen',
      align: 'right',
      width: 130,
      render: (v: number) => formatFen(v),
    },
    {
      title: '已到账',
      dataIndex: 'recoveredFen',
      align: 'right',
      width: 130,
      render: (v: number) => formatFen(v),
    },
    {
      title: '待追回',
      dataIndex: 'outstandingFen',
      align: 'right',
      width: 130,
      render: (v: number) =>
        v > 0 ? <Typography.Text strong>{formatFen(v)}</Typography.Text> : <Tag color="success">已追回</Tag>,
    },
    {
      title: '登记时间',
      dataIndex: 'recordedAt',
      width: 140,
      render: (v: string) => dayjs(v).format('YYYY-MM-DD'),
    },
    ...(mayRecordRecovery
      ? [
          {
            title: '操作',
            key: 'x',
            width: 110,
            render: (_: unknown, r: ClawbackItem) =>
              r.outstandingFen > 0 ? (
                <Button size="small" type="primary" onClick={() => setRecovering(r)}>
                  登记到账
                </Button>
              ) : null,
          },
        ]
      : []),
  ];
  return (
    <Card>
      <Segmented
        value={outstandingOnly ? 'outstanding' : 'all'}
        options={[
          { value: 'outstanding', label: '待追回' },
          { value: 'all', label: '全部' },
        ]}
        onChange={(v) => {
          setOutstandingOnly(v === 'outstanding');
          setPage(1);
        }}
        style={{ marginBottom: 12 }}
      />
      {list.isError && <Alert type="error" showIcon title={readApiError(list.error).message} />}
      <Table<ClawbackItem>
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        locale={{ emptyText: outstandingOnly ? '暂无待追回的款项' : '暂无追回记录' }}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showTotal: (t) => `共 ${t} 条`,
        }}
      />
      <RecoveryModal item={recovering} onClose={() => setRecovering(null)} />
    </Card>
  );
}

function PaidAwards() {
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const [target, setTarget] = useState<ClawbackTarget | null>(null);
  const list = useQuery({
    ...trpc.review.queue.queryOptions({ status: 'disbursed', page, pageSize: 50 }),
    placeholderData: keepPreviousData,
  });
  // Clawback is a rule of 以奖代投 only; the server refuses others. Other schemes are simply not listed here.
  const rows = (list.data?.items ?? []).filter((i) => i.scheme === 'award-in-lieu-of-investment');
  const columns: TableColumnsType<CaseListItem> = [
    {
      title: '案件',
      dataIndex: 'caseNo',
      width: 150,
      render: (v: string, r) => <Link to={`/review/cases/${r.id}`}>{v}</Link>,
    },
    { title: '企业', dataIndex: 'enterpriseName', ellipsis: true },
    { title: '项目', dataIndex: 'programmeName', ellipsis: true },
    {
      title: '奖励金额',
      dataIndex: 'amountFen',
      align: 'right',
      width: 140,
      render: (v: number | null) => (v === null ? '—' : formatFen(v)),
    },
    {
      title: '操作',
      key: 'x',
      width: 110,
      render: (_, r) => (
        <Button size="small" danger onClick={() => setTarget({ caseId: r.id, caseNo: r.caseNo })}>
          登记追回
        </Button>
      ),
    },
  ];
  return (
    <Card>
      {list.isError && <Alert type="error" showIcon title={readApiError(list.error).message} />}
      <Table<CaseListItem>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={list.isFetching}
        locale={{ emptyText: '暂无已拨付的以奖代投奖励' }}
        pagination={{ current: page, pageSize: 50, total: list.data?.total ?? 0, onChange: setPage }}
      />
      <ClawbackModal target={target} onClose={() => setTarget(null)} />
    </Card>
  );
}

export function ClawbacksPage() {
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  if (!me) return null;
  const mayClawBack = can(me.roles, 'application.review');
  const tab = mayClawBack && params.get('tab') === 'awards' ? 'awards' : 'records';
  return (
    <Page
      title="追回"
      subtitle="以奖代投奖励在申报材料虚假或注册地迁出本区时追回；追回金额由系统按冻结参数计算，到账后返还项目预算。"
    >
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'awards' ? { tab: k } : {})}
        items={[
          {
            key: 'records',
            label: '追回记录',
            children: <ClawbackRecords mayRecordRecovery={can(me.roles, 'payment.record')} />,
          },
          ...(mayClawBack
            ? [{ key: 'awards', label: '登记追回（已拨付奖励）', children: <PaidAwards /> }]
            : []),
        ]}
      />
    </Page>
  );
}
