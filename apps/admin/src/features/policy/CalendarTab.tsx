import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { readApiError } from '../../shared/errors';
import { useTRPC } from '../../shared/trpc';
import { DateCheckCard } from './DateCheckCard';
import type { CalendarYearItem } from './types';
import { YearScheduleModal, type YearEditing } from './YearScheduleModal';

const time = (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '—');

export function CalendarTab({ manage }: { manage: boolean }) {
  const trpc = useTRPC();
  const overview = useQuery(trpc.policy.calendar.list.queryOptions());
  const [editing, setEditing] = useState<YearEditing | null>(null);
  const data = overview.data;
  const lastYear = data?.years.at(-1)?.year;

  const columns: TableColumnsType<CalendarYearItem> = [
    { title: '年份', dataIndex: 'year', width: 90, render: (y: number) => `${y} 年` },
    { title: '放假天数', dataIndex: 'holidayCount', width: 100, render: (n: number) => `${n} 天` },
    { title: '调休上班天数', dataIndex: 'workdayCount', width: 120, render: (n: number) => `${n} 天` },
    {
      title: '来源',
      key: 'origin',
      width: 130,
      render: (_, y) =>
        y.origin === 'bundled' ? (
          <Tag>系统内置</Tag>
        ) : (
          <Tag color="blue">{y.replacesBundled ? '管理员替换' : '管理员录入'}</Tag>
        ),
    },
    {
      title: '依据文件',
      dataIndex: 'source',
      render: (source: string, y) => (
        <>
          <div>{source}</div>
          {y.reason && <Typography.Text type="secondary">替换原因：{y.reason}</Typography.Text>}
        </>
      ),
    },
    {
      title: '录入人 / 时间',
      key: 'entered',
      width: 190,
      render: (_, y) => (y.enteredByName ? `${y.enteredByName} ${time(y.enteredAt)}` : '—'),
    },
    {
      title: '操作',
      key: 'actions',
      width: 140,
      render: (_, y) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing({ year: y.year, mode: 'view' })}>
            查看
          </Button>
          {manage && (
            <Button type="link" size="small" onClick={() => setEditing({ year: y.year, mode: 'replace' })}>
              替换
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      {data?.warning && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={data.warning}
          description={
            manage
              ? `请在国务院办公厅发布《关于${data.nextYear}年部分节假日安排的通知》后，点击“录入 ${data.nextYear} 年安排”，按通知原文逐日录入。`
              : '请联系系统管理员按国务院办公厅的通知录入。'
          }
          action={
            manage && !data.nextYearCovered ? (
              <Button type="primary" onClick={() => setEditing({ year: data.nextYear, mode: 'new' })}>
                录入 {data.nextYear} 年安排
              </Button>
            ) : undefined
          }
        />
      )}
      {overview.isError && <Alert type="error" showIcon title={readApiError(overview.error).message} />}
      <Card
        title="已录入的年度放假安排"
        extra={
          manage && (
            <Button
              onClick={() =>
                setEditing({
                  year: data?.nextYearCovered ? (lastYear ?? 0) + 1 : (data?.nextYear ?? 0),
                  mode: 'new',
                })
              }
              disabled={!data}
            >
              录入新一年安排
            </Button>
          )
        }
      >
        <Typography.Paragraph type="secondary">
          工作日 =
          调休上班日，或不在放假日期中的周一至周五。未录入的年份无法计算工作日，涉及该年份的公示和导师响应期限将被拒绝，而不会按周一至周五推算。
          {lastYear !== undefined && ` 目前可计算至 ${lastYear} 年 12 月 31 日。`}
        </Typography.Paragraph>
        <Table<CalendarYearItem>
          rowKey="year"
          columns={columns}
          dataSource={data ? [...data.years].reverse() : []}
          loading={overview.isFetching}
          pagination={false}
          size="middle"
        />
      </Card>
      <DateCheckCard />
      <YearScheduleModal editing={editing} onClose={() => setEditing(null)} />
    </Flex>
  );
}
