import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Flex, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { readApiError } from '../../../shared/errors';
import { useTRPC } from '../../../shared/trpc';
import { saveBase64File } from '../download';
import { monthLabel, monthsAgo, thisMonth } from '../months';
import type { MonthlyKpis } from '../types';
import { KpiChart } from './KpiChart';

const pct = (value: string, met: boolean, min: string) => (
  <span title={`目标 ≥ ${min}%`}>
    {value}% {met ? <Tag color="success">达标</Tag> : <Tag color="error">未达标</Tag>}
  </span>
);

const columns: TableColumnsType<MonthlyKpis> = [
  { title: '月份', dataIndex: 'month', width: 100, fixed: 'left', render: (m: string) => monthLabel(m) },
  { title: '在用工位', dataIndex: 'workstations', width: 90, align: 'right' },
  { title: '免费工位', dataIndex: 'freeDesignated', width: 90, align: 'right' },
  {
    title: '免费工位占比',
    width: 150,
    render: (_, r) => pct(r.freeSharePct, r.meetsFreeShare, r.minFreeSharePct),
  },
  { title: '已分配', dataIndex: 'allocated', width: 80, align: 'right' },
  {
    title: '工位使用率',
    width: 150,
    render: (_, r) => pct(r.occupancyPct, r.meetsOccupancy, r.minOccupancyPct),
  },
  { title: '在孵企业/团队', dataIndex: 'incubatedOccupants', width: 120, align: 'right' },
  { title: '新入驻', dataIndex: 'newEntrants', width: 80, align: 'right' },
  { title: '退出', dataIndex: 'exits', width: 70, align: 'right' },
  { title: '活动场次', dataIndex: 'events', width: 90, align: 'right' },
  { title: '签到人次', dataIndex: 'attendees', width: 90, align: 'right' },
];

export function KpiTab({ centreId }: { centreId: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [range, setRange] = useState<[string, string]>([monthsAgo(6), thisMonth()]);
  const [exporting, setExporting] = useState(false);
  const query = { centreId, from: range[0], to: range[1] };
  const kpis = useQuery(trpc.centres.kpis.monthly.queryOptions(query));

  const exportXlsx = async () => {
    setExporting(true);
    try {
      saveBase64File(await queryClient.fetchQuery(trpc.centres.kpis.export.queryOptions(query)));
    } catch (e) {
      void message.error(readApiError(e).message);
    } finally {
      setExporting(false);
    }
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Flex justify="space-between" gap={12} wrap>
        <DatePicker.RangePicker
          picker="month"
          aria-label="统计月份"
          allowClear={false}
          value={[dayjs(`${range[0]}-01`), dayjs(`${range[1]}-01`)]}
          onChange={(v) => {
            if (v?.[0] && v[1]) setRange([v[0].format('YYYY-MM'), v[1].format('YYYY-MM')]);
          }}
        />
        <Button onClick={() => void exportXlsx()} loading={exporting}>
          导出 Excel
        </Button>
      </Flex>
      {kpis.isError && <Alert type="error" showIcon title={readApiError(kpis.error).message} />}
      {kpis.data && (
        <Card size="small">
          <KpiChart months={kpis.data.months} />
        </Card>
      )}
      <Table<MonthlyKpis>
        rowKey="month"
        size="small"
        columns={columns}
        dataSource={kpis.data?.months ?? []}
        loading={kpis.isFetching}
        pagination={false}
        scroll={{ x: 1100 }}
      />
    </Space>
  );
}
