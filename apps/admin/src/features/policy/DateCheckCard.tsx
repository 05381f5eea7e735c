import { useQuery } from '@tanstack/react-query';
import { Alert, Card, DatePicker, Descriptions, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { readApiError } from '../../shared/errors';
import { useTRPC } from '../../shared/trpc';

const KIND_COLORS: Record<string, string> = {
  法定节假日: 'red',
  调休上班: 'orange',
  周末: 'default',
  工作日: 'green',
};

/** A clerk's tool: is a date a working day, and which working days follow (the 5th ends a 5-day 公示). */
export function DateCheckCard() {
  const trpc = useTRPC();
  const [date, setDate] = useState<Dayjs | null>(null);
  const iso = date?.format('YYYY-MM-DD');
  const check = useQuery({
    ...trpc.policy.calendar.check.queryOptions({ date: iso ?? '' }),
    enabled: iso !== undefined,
  });
  const r = check.data;
  return (
    <Card title="工作日查询">
      <Space align="center" wrap style={{ marginBottom: 16 }}>
        <span>选择日期</span>
        <DatePicker value={date} onChange={setDate} aria-label="查询日期" placeholder="请选择日期" />
        <Typography.Text type="secondary">
          查看该日是否为工作日，以及其后 5 个工作日（不含当日）。
        </Typography.Text>
      </Space>
      {check.isError && <Alert type="error" showIcon title={readApiError(check.error).message} />}
      {r && (
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label="日期">
            {r.date} {r.weekday}
          </Descriptions.Item>
          <Descriptions.Item label="结论">
            {r.covered && r.kindLabel ? (
              <Space>
                <Tag color={KIND_COLORS[r.kindLabel]}>{r.kindLabel}</Tag>
                {r.workingDay ? '是工作日，计入公示期和响应期限' : '不是工作日，不计入公示期和响应期限'}
              </Space>
            ) : (
              '无法确定'
            )}
          </Descriptions.Item>
          <Descriptions.Item label="其后工作日">
            {r.nextWorkingDays.length > 0
              ? r.nextWorkingDays.map((d, i) => `第${i + 1}个：${d}（${dayjs(d).format('dddd')}）`).join('；')
              : '—'}
          </Descriptions.Item>
          {r.problem && (
            <Descriptions.Item label="说明">
              <Typography.Text type="warning">{r.problem}</Typography.Text>
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
    </Card>
  );
}
