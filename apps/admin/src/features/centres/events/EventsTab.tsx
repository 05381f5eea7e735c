import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Flex, Progress, Row, Select, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { readApiError } from '../../../shared/errors';
import { useTRPC } from '../../../shared/trpc';
import type { EventItem } from '../types';
import { CreateEventModal } from './CreateEventModal';

export function EventsTab({ centreId, operable }: { centreId: number; operable: boolean }) {
  const trpc = useTRPC();
  const thisYear = dayjs().year();
  const [year, setYear] = useState(thisYear);
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const list = useQuery({
    ...trpc.centres.events.list.queryOptions({ centreId, year, page, pageSize: 20 }),
    placeholderData: keepPreviousData,
  });
  const progress = useQuery(trpc.centres.events.trainingProgress.queryOptions({ centreId, year }));

  return (
    <>
      <Flex gap={12} justify="space-between" style={{ marginBottom: 12 }}>
        <Select
          aria-label="年度"
          value={year}
          style={{ width: 120 }}
          options={[0, 1, 2].map((n) => ({ value: thisYear - n, label: `${thisYear - n} 年` }))}
          onChange={(v: number) => {
            setYear(v);
            setPage(1);
          }}
        />
        {operable && (
          <Button type="primary" onClick={() => setCreating(true)}>
            登记活动
          </Button>
        )}
      </Flex>
      <Row gutter={16}>
        <Col xs={24} xl={17}>
          {list.isError && (
            <Alert
              type="error"
              showIcon
              title={readApiError(list.error).message}
              style={{ marginBottom: 12 }}
            />
          )}
          <Table<EventItem>
            rowKey="id"
            size="small"
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            locale={{ emptyText: '本年度暂无活动' }}
            pagination={{
              current: page,
              pageSize: 20,
              total: list.data?.total ?? 0,
              onChange: setPage,
              showTotal: (t) => `共 ${t} 场`,
            }}
            columns={[
              { title: '日期', dataIndex: 'date', width: 100 },
              { title: '活动名称', dataIndex: 'title', ellipsis: true },
              {
                title: '类型',
                dataIndex: 'kindLabel',
                width: 150,
                render: (v: string, r) => (
                  <Tag color={r.kind === 'public-interest' ? 'purple' : 'cyan'}>{v}</Tag>
                ),
              },
              { title: '行业领域', dataIndex: 'sector', width: 100, render: (v: string | null) => v ?? '—' },
              {
                title: '主讲人/导师',
                dataIndex: 'speaker',
                width: 120,
                ellipsis: true,
                render: (v: string) => v || '—',
              },
              { title: '签到人数', dataIndex: 'attendeeCount', width: 80, align: 'right' },
            ]}
          />
        </Col>
        <Col xs={24} xl={7}>
          <Card size="small" title={`${year} 年创业培训班目标`}>
            {progress.data ? (
              <>
                <Typography.Paragraph type="secondary">
                  每个行业领域每年至少 {progress.data.target} 期；已达标 {progress.data.sectorsMet} /{' '}
                  {progress.data.sectors.length} 个领域。
                </Typography.Paragraph>
                {progress.data.sectors.length === 0 && (
                  <Typography.Text type="secondary">本年度尚未举办培训班</Typography.Text>
                )}
                {progress.data.sectors.map((s) => (
                  <div key={s.sector} style={{ marginBottom: 8 }}>
                    <Flex justify="space-between">
                      <span>{s.sector}</span>
                      <span>
                        {s.classes} / {s.target} 期{' '}
                        {s.met ? (
                          <Tag color="success">已达标</Tag>
                        ) : (
                          <Tag color="warning">还差 {s.remaining} 期</Tag>
                        )}
                      </span>
                    </Flex>
                    <Progress
                      percent={Math.min(100, Math.round((s.classes / s.target) * 100))}
                      showInfo={false}
                      status={s.met ? 'success' : 'active'}
                    />
                  </div>
                ))}
              </>
            ) : (
              progress.isError && <Alert type="error" showIcon title={readApiError(progress.error).message} />
            )}
          </Card>
        </Col>
      </Row>
      <CreateEventModal centreId={centreId} open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
