import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Statistic, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { readApiError } from '../../shared/errors';
import { useTRPC } from '../../shared/trpc';
import { AddLprModal } from './AddLprModal';
import type { LprItem } from './types';

const time = (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '—');

export function LprTab({ manage }: { manage: boolean }) {
  const trpc = useTRPC();
  const overview = useQuery(trpc.policy.lpr.list.queryOptions());
  const [adding, setAdding] = useState(false);
  const data = overview.data;

  const columns: TableColumnsType<LprItem> = [
    { title: '报价日（起适用）', dataIndex: 'effectiveOn', width: 150 },
    { title: '1 年期 LPR', dataIndex: 'ratePct', width: 110, render: (r: string) => `${r}%` },
    {
      title: '来源',
      key: 'origin',
      width: 120,
      render: (_, e) =>
        e.origin === 'bundled' ? (
          <Tag>系统内置</Tag>
        ) : (
          <Tag color="blue">{e.correctsBundled ? '管理员更正' : '管理员录入'}</Tag>
        ),
    },
    {
      title: '发布来源',
      dataIndex: 'source',
      render: (source: string, e) => (
        <>
          <div>{source}</div>
          {e.reason && <Typography.Text type="secondary">更正原因：{e.reason}</Typography.Text>}
        </>
      ),
    },
    {
      title: '录入人 / 时间',
      key: 'entered',
      width: 190,
      render: (_, e) => (e.enteredByName ? `${e.enteredByName} ${time(e.enteredAt)}` : '—'),
    },
  ];

  return (
    <Flex vertical gap={16}>
      {overview.isError && <Alert type="error" showIcon title={readApiError(overview.error).message} />}
      <Card>
        <Flex justify="space-between" align="center" wrap gap={16}>
          <Statistic
            title={data ? `今天（${data.today}）适用的 1 年期 LPR` : '今天适用的 1 年期 LPR'}
            value={data ? `${data.current.ratePct}%` : '—'}
            loading={overview.isPending}
            suffix={
              data && (
                <Typography.Text type="secondary" style={{ fontSize: 14 }}>
                  自 {data.current.effectiveOn} 起
                </Typography.Text>
              )
            }
          />
          {manage && (
            <Button type="primary" onClick={() => setAdding(true)} disabled={!data}>
              录入 LPR 报价
            </Button>
          )}
        </Flex>
        <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
          贷款贴息按合同签订日当天适用的报价计算：签订日在报价日当天或之后即适用该报价。全国银行间同业拆借中心每月
          20 日（遇节假日顺延）公布，报价未变的月份无需录入。
        </Typography.Paragraph>
      </Card>
      <Card title="历次报价">
        <Table<LprItem>
          rowKey="effectiveOn"
          columns={columns}
          dataSource={data?.entries ?? []}
          loading={overview.isFetching}
          pagination={{ pageSize: 10, showTotal: (total) => `共 ${total} 次调整` }}
          size="middle"
        />
      </Card>
      {data && (
        <AddLprModal
          open={adding}
          entries={data.entries}
          today={data.today}
          onClose={() => setAdding(false)}
        />
      )}
    </Flex>
  );
}
