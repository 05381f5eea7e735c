import { formatFen } from '@fund/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { readApiError } from '../../shared/errors';
import { ApproveModal, type ApproveTarget } from '../../shared/funding/ApproveModal';
import { downloadBase64, XLSX_MIME } from '../../shared/funding/download';
import { ReasonModal } from '../../shared/funding/ReasonModal';
import type { FinanceQueueItem } from '../../shared/funding/types';
import { Page } from '../../shared/Page';
import { useTRPC } from '../../shared/trpc';
import { PaymentModal } from './PaymentModal';

type Tab = 'in_notice' | 'approved' | 'disbursed';
const TABS: { key: Tab; label: string }[] = [
  { key: 'in_notice', label: '待审批（公示中）' },
  { key: 'approved', label: '待拨付' },
  { key: 'disbursed', label: '已拨付' },
];

export function FinancePage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.some((t) => t.key === params.get('tab')) ? (params.get('tab') as Tab) : 'in_notice';
  const programmeId = Number(params.get('programmeId')) || undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const programmes = useQuery(trpc.programmes.list.queryOptions());
  const list = useQuery({
    ...trpc.finance.queue.queryOptions({ status: tab, programmeId, page, pageSize: 50 }),
    placeholderData: keepPreviousData,
  });
  const [approving, setApproving] = useState<ApproveTarget | null>(null);
  const [refusing, setRefusing] = useState<FinanceQueueItem | null>(null);
  const [paying, setPaying] = useState<FinanceQueueItem | null>(null);
  const [selected, setSelected] = useState<number[]>([]);
  const refuse = useMutation(trpc.finance.refuse.mutationOptions());
  const createBatch = useMutation(trpc.finance.createBatch.mutationOptions());
  const exportBatch = useMutation(trpc.finance.exportBatch.mutationOptions());

  const set = (next: Record<string, string | undefined>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    setParams(p);
  };

  const onCreateBatch = () =>
    createBatch.mutate(
      { disbursementIds: selected },
      {
        onSuccess: (r) => {
          setSelected([]);
          void queryClient.invalidateQueries({ queryKey: trpc.finance.queue.queryKey() });
          void message.success(`已生成拨付批次 ${r.batchNo}，共 ${selected.length} 笔`);
        },
        onError: (e) => void message.error(readApiError(e).message),
      },
    );

  const onExport = (batchId: number) => {
    modal.confirm({
      title: '导出银行文件',
      content: (
        <>
          <Typography.Paragraph>
            银行文件含<Typography.Text strong>完整银行账号</Typography.Text>
            （未脱敏）。导出属于敏感个人信息的明文导出，系统将以您的名义记入审计日志（批次、笔数、合计金额）。
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            请仅用于向代理银行提交支付，妥善保管，用后删除。
          </Typography.Paragraph>
        </>
      ),
      okText: '确认导出（记入审计）',
      cancelText: '取消',
      onOk: async () => {
        try {
          const file = await exportBatch.mutateAsync({ batchId });
          downloadBase64(file.base64, file.fileName, XLSX_MIME);
          void message.success(`已导出 ${file.fileName}：${file.rows} 笔，合计 ${formatFen(file.totalFen)}`);
        } catch (e) {
          void message.error(readApiError(e).message);
        }
      },
    });
  };

  const base: TableColumnsType<FinanceQueueItem> = [
    {
      title: '案件编号',
      dataIndex: 'caseNo',
      width: 150,
      render: (v: string, r) => <Link to={`/review/cases/${r.id}`}>{v}</Link>,
    },
    {
      title: '申报企业',
      dataIndex: 'enterpriseName',
      ellipsis: true,
      render: (v: string, r) => (
        <Flex vertical>
          <span>{v}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.uscc}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: '项目', dataIndex: 'programmeName', ellipsis: true },
    {
      title: '金额',
      dataIndex: 'amountFen',
      width: 140,
      align: 'right',
      render: (v: number | null) =>
        v === null ? '—' : <Typography.Text strong>{formatFen(v)}</Typography.Text>,
    },
  ];
  const actions: TableColumnsType<FinanceQueueItem>[number] = {
    title: '操作',
    key: 'actions',
    width: tab === 'in_notice' ? 190 : 260,
    render: (_, r) => {
      if (tab === 'in_notice') {
        return (
          <Space>
            <Button
              size="small"
              type="primary"
              aria-label={`审批通过 ${r.caseNo}`}
              onClick={() =>
                setApproving({
                  caseId: r.id,
                  caseNo: r.caseNo,
                  enterpriseName: r.enterpriseName,
                  amountFen: r.amountFen,
                })
              }
            >
              审批通过
            </Button>
            <Button size="small" danger onClick={() => setRefusing(r)}>
              不通过
            </Button>
          </Space>
        );
      }
      if (tab === 'approved') {
        return (
          <Space wrap>
            {r.batchId ? (
              <>
                <Tag color="blue">批次 {r.batchId}</Tag>
                <Button size="small" onClick={() => onExport(r.batchId!)} loading={exportBatch.isPending}>
                  导出银行文件
                </Button>
              </>
            ) : (
              <Tag>未编入批次</Tag>
            )}
            <Button
              size="small"
              type="primary"
              aria-label={`登记付款 ${r.caseNo}`}
              onClick={() => setPaying(r)}
            >
              登记付款
            </Button>
          </Space>
        );
      }
      return <Tag color="success">已拨付</Tag>;
    },
  };
  const columns = [...base, actions];
  const selectable = tab === 'approved';

  return (
    <Page
      title="财政审批"
      subtitle="公示期满且无未处理异议的案件方可审批；审批占用预算，付款登记后案件办结。审批和付款均防重复提交。"
    >
      <Tabs
        activeKey={tab}
        onChange={(k) => {
          setSelected([]);
          set({ tab: k === 'in_notice' ? undefined : k, page: undefined });
        }}
        items={TABS.map((t) => ({ key: t.key, label: t.label }))}
      />
      <Card>
        <Flex gap={12} wrap justify="space-between" style={{ marginBottom: 16 }}>
          <Select
            aria-label="项目"
            value={programmeId ?? 0}
            options={[
              { value: 0, label: '全部项目' },
              ...(programmes.data ?? []).map((p) => ({ value: p.id, label: p.name })),
            ]}
            onChange={(v: number) => set({ programmeId: v ? String(v) : undefined, page: undefined })}
            style={{ minWidth: 260 }}
          />
          {selectable && (
            <Button
              type="primary"
              disabled={selected.length === 0}
              loading={createBatch.isPending}
              onClick={onCreateBatch}
            >
              生成拨付批次{selected.length > 0 ? `（${selected.length} 笔）` : ''}
            </Button>
          )}
        </Flex>
        {list.isError && (
          <Alert
            type="error"
            showIcon
            title={readApiError(list.error).message}
            style={{ marginBottom: 16 }}
          />
        )}
        <Table<FinanceQueueItem>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          rowSelection={
            selectable
              ? {
                  selectedRowKeys: (list.data?.items ?? [])
                    .filter((i) => i.disbursementId !== null && selected.includes(i.disbursementId))
                    .map((i) => i.id),
                  onChange: (_, rows) => setSelected(rows.map((r) => r.disbursementId!).filter(Boolean)),
                  getCheckboxProps: (r) => ({
                    disabled: r.batchId !== null || r.paid,
                    'aria-label': `选择 ${r.caseNo}`,
                  }),
                }
              : undefined
          }
          locale={{
            emptyText:
              tab === 'in_notice'
                ? '暂无公示中的案件'
                : tab === 'approved'
                  ? '暂无待拨付的案件'
                  : '暂无已拨付的案件',
          }}
          pagination={{
            current: page,
            pageSize: 50,
            total: list.data?.total ?? 0,
            showTotal: (total) => `共 ${total} 件`,
            onChange: (p) => set({ page: String(p) }),
          }}
        />
      </Card>
      <ApproveModal target={approving} onClose={() => setApproving(null)} />
      <PaymentModal item={paying} onClose={() => setPaying(null)} />
      <ReasonModal
        open={refusing !== null}
        title={refusing ? `财政审核不通过：${refusing.caseNo}` : ''}
        okText="确认不通过"
        label="不通过理由"
        danger
        pending={refuse.isPending}
        onSubmit={async (reason) => {
          await refuse.mutateAsync({ caseId: refusing!.id, reason });
          void message.success('已作财政审核不通过处理');
          void queryClient.invalidateQueries({ queryKey: trpc.finance.queue.queryKey() });
        }}
        onClose={() => setRefusing(null)}
      />
    </Page>
  );
}
