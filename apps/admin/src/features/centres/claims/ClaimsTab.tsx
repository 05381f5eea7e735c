import { CentreClaimPeriod, CLAIM_PERIOD_KIND_LABELS, formatFen, type ClaimPeriodKind } from '@fund/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Collapse,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Popconfirm,
  Radio,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import { readApiError } from '../../../shared/errors';
import { useTRPC } from '../../../shared/trpc';
import { lastMonth, monthLabel } from '../months';
import type { CentreDetail, ClaimItem, ClaimPreview } from '../types';

const quarterStart = (d: dayjs.Dayjs) =>
  `${d.year()}-${String(Math.floor(d.month() / 3) * 3 + 1).padStart(2, '0')}`;

/**
 * 政府购买服务 claim: choose a month or a quarter, read the working line by line (the server's calculator on the
 * logs), submit it under an open centre-service programme; below, the centre's claims and where they are.
 */
export function ClaimsTab({ centre, operable }: { centre: CentreDetail; operable: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [kind, setKind] = useState<ClaimPeriodKind>('month');
  const [start, setStart] = useState(lastMonth());
  const [programmeId, setProgrammeId] = useState<number | undefined>();
  const period = { kind, start };
  const periodOk = CentreClaimPeriod.safeParse(period).success;
  const preview = useQuery({
    ...trpc.centres.claims.preview.queryOptions({ centreId: centre.id, period }),
    enabled: periodOk,
  });
  const programmes = useQuery(trpc.centres.claims.programmes.queryOptions({ centreId: centre.id }));
  const chosenProgramme = programmeId ?? programmes.data?.[0]?.id;
  const claims = useQuery(trpc.centres.claims.list.queryOptions({ centreId: centre.id, pageSize: 50 }));
  const submit = useMutation(
    trpc.centres.claims.submit.mutationOptions({
      onSuccess: async (r) => {
        void message.success(`已提交申报 ${r.caseNo}，金额 ${formatFen(r.amountFen)}，等待区人社局审核`);
        await queryClient.invalidateQueries({ queryKey: trpc.centres.pathKey() });
      },
      onError: (e) => void message.error(readApiError(e).message),
    }),
  );

  // A refused period (already claimed, not ended) shows the reason only, never the previous period's working.
  const p = preview.isError ? undefined : preview.data;
  const canSubmit = operable && p !== undefined && p.amountFen > 0 && chosenProgramme !== undefined;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" title="申报服务补助">
        <Form layout="inline" style={{ rowGap: 12 }}>
          <Form.Item label="申报周期">
            <Radio.Group
              value={kind}
              onChange={(e) => {
                const k = e.target.value as ClaimPeriodKind;
                setKind(k);
                if (k === 'quarter') setStart(quarterStart(dayjs().subtract(3, 'month')));
              }}
              options={Object.entries(CLAIM_PERIOD_KIND_LABELS).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <Form.Item label={kind === 'month' ? '申报月份' : '申报季度'}>
            <DatePicker
              picker={kind}
              aria-label={kind === 'month' ? '申报月份' : '申报季度'}
              allowClear={false}
              value={dayjs(`${start}-01`)}
              disabledDate={(d) => d.isAfter(dayjs(), 'month')}
              onChange={(d) => d && setStart(kind === 'month' ? d.format('YYYY-MM') : quarterStart(d))}
            />
          </Form.Item>
          <Form.Item label="申报项目">
            <Select
              aria-label="申报项目"
              style={{ width: 320 }}
              value={chosenProgramme}
              loading={programmes.isFetching}
              placeholder="暂无开放的政府购买服务项目"
              options={(programmes.data ?? []).map((x) => ({
                value: x.id,
                label: `${x.name}（${x.opensOn} 至 ${x.closesOn}）`,
              }))}
              onChange={(v: number) => setProgrammeId(v)}
            />
          </Form.Item>
        </Form>
        {programmes.data?.length === 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 12 }}
            title="当前没有开放申报的政府购买服务项目，可先预览计算结果"
          />
        )}
      </Card>

      {preview.isError && (
        <Alert type="warning" showIcon role="alert" title={readApiError(preview.error).message} />
      )}
      {preview.isFetching && !p && <Card loading />}
      {p && (
        <ClaimWorking
          preview={p}
          action={
            operable && (
              <Popconfirm
                title={`提交${p.periodLabel}服务补助申报？`}
                description={`申报金额 ${formatFen(p.amountFen)}；提交后${p.periodLabel}的台账将锁定，审核退回后才能修改。`}
                okText="提交"
                cancelText="取消"
                disabled={!canSubmit}
                onConfirm={() =>
                  submit.mutate({
                    centreId: centre.id,
                    period,
                    programmeId: chosenProgramme!,
                    expectedAmountFen: p.amountFen,
                  })
                }
              >
                <Button type="primary" disabled={!canSubmit} loading={submit.isPending}>
                  提交申报
                </Button>
              </Popconfirm>
            )
          }
        />
      )}

      <Card size="small" title="本中心的申报">
        {claims.isError && <Alert type="error" showIcon title={readApiError(claims.error).message} />}
        <Table<ClaimItem>
          aria-label="本中心的申报"
          rowKey="id"
          size="small"
          dataSource={claims.data?.items ?? []}
          loading={claims.isFetching}
          pagination={false}
          locale={{ emptyText: '尚未提交过申报' }}
          columns={[
            { title: '申报编号', dataIndex: 'caseNo', width: 170, render: (v: string | null) => v ?? '—' },
            {
              title: '申报期间',
              width: 220,
              render: (_, r) =>
                `${CLAIM_PERIOD_KIND_LABELS[r.periodKind]} · ${r.months.map(monthLabel).join('、')}`,
            },
            {
              title: '申报金额',
              dataIndex: 'amountFen',
              width: 130,
              align: 'right',
              render: (v: number) => formatFen(v),
            },
            {
              title: '状态',
              dataIndex: 'statusLabel',
              width: 120,
              render: (v: string | null) => <Tag color="processing">{v ?? '—'}</Tag>,
            },
            {
              title: '台账',
              dataIndex: 'locksLogs',
              width: 100,
              render: (v: boolean) => (v ? <Tag>已锁定</Tag> : <Tag color="warning">可更正</Tag>),
            },
            {
              title: '提交时间',
              dataIndex: 'createdAt',
              render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm'),
            },
          ]}
        />
      </Card>
    </Space>
  );
}

function ClaimWorking({ preview: p, action }: { preview: ClaimPreview; action: ReactNode }) {
  return (
    <Card
      size="small"
      title={`${p.periodLabel}计算明细`}
      extra={<Typography.Text type="secondary">{p.parametersSource}</Typography.Text>}
    >
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Statistic title="可申报金额" value={formatFen(p.amountFen)} />
        {action}
      </Flex>
      {p.ineligibleMonths.map((m) => (
        <Alert
          key={m.month}
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`${monthLabel(m.month)}不符合申报条件`}
          description={m.reasons.join('；')}
        />
      ))}
      <Table
        aria-label="申报计算明细"
        size="small"
        rowKey={(l) => `${l.month}-${l.item}`}
        dataSource={p.lines}
        pagination={false}
        locale={{ emptyText: '没有符合条件的补助项目' }}
        columns={[
          { title: '项目', dataIndex: 'label' },
          { title: '数量', dataIndex: 'quantity', width: 80, align: 'right' },
          {
            title: '单价',
            dataIndex: 'unitFen',
            width: 120,
            align: 'right',
            render: (v: number) => formatFen(v),
          },
          {
            title: '金额',
            dataIndex: 'amountFen',
            width: 140,
            align: 'right',
            render: (v: number) => formatFen(v),
          },
          { title: '说明', dataIndex: 'note', render: (v?: string) => v ?? '' },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={3}>
              <Typography.Text strong>合计</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <Typography.Text strong>{formatFen(p.amountFen)}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} />
          </Table.Summary.Row>
        )}
      />
      <Collapse
        size="small"
        style={{ marginTop: 12 }}
        items={[
          {
            key: 'months',
            label: '月度指标核对',
            children: (
              <Descriptions
                size="small"
                column={1}
                items={p.months.map((m) => ({
                  key: m.month,
                  label: monthLabel(m.month),
                  children: (
                    <span>
                      免费工位占比 {m.kpis.freeSharePct}%（目标 ≥{m.kpis.minFreeSharePct}%），使用率{' '}
                      {m.kpis.occupancyPct}%（目标 ≥{m.kpis.minOccupancyPct}%），计入工位·月{' '}
                      {m.workstationMonths} 个，计入活动 {m.qualifyingEvents} 场{' '}
                      {m.eligible ? <Tag color="success">符合条件</Tag> : <Tag color="error">不符合条件</Tag>}
                    </span>
                  ),
                }))}
              />
            ),
          },
          {
            key: 'uncounted',
            label: `未计入的工位·月（${p.uncountedWorkstationMonths.length}）`,
            children: (
              <Table
                size="small"
                rowKey={(u) => `${u.month}-${u.workstationId}-${u.occupantKey ?? ''}`}
                dataSource={p.uncountedWorkstationMonths}
                pagination={{ pageSize: 10 }}
                columns={[
                  { title: '月份', dataIndex: 'month', width: 100 },
                  { title: '工位', dataIndex: 'workstationCode', width: 100 },
                  { title: '原因', dataIndex: 'reason' },
                ]}
              />
            ),
          },
          {
            key: 'events',
            label: `活动（${p.events.length}）`,
            children: (
              <Table
                size="small"
                rowKey={(e) => `${e.month}-${e.eventId ?? e.title ?? ''}-${e.date}`}
                dataSource={p.events}
                pagination={false}
                columns={[
                  { title: '日期', dataIndex: 'date', width: 110 },
                  { title: '活动', dataIndex: 'title' },
                  { title: '签到', dataIndex: 'attendeeCount', width: 70, align: 'right' },
                  {
                    title: '是否计入',
                    width: 260,
                    render: (_, e) =>
                      e.counted ? <Tag color="success">计入</Tag> : <span>不计入：{e.reason}</span>,
                  },
                ]}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
