import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Flex, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { readApiError } from '../../shared/errors';
import { Page } from '../../shared/Page';
import { useTRPC } from '../../shared/trpc';
import { optional, useListParams } from '../../shared/use-list-params';
import { CreateMentorModal } from './CreateMentorModal';
import { LoadBar } from './MentoringTags';
import { availabilityOptions, kindOptions, topicOptions } from './options';
import type { MentorView } from './types';

const FILTERS = ['q', 'kind', 'topic', 'availability', 'hasRoom'] as const;

const columns: TableColumnsType<MentorView> = [
  {
    title: '导师',
    dataIndex: 'name',
    width: 230,
    render: (_: string, m) => (
      <Space direction="vertical" size={0}>
        <Typography.Text strong>{m.name}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {m.organisation}
        </Typography.Text>
        {m.title && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {m.title}
          </Typography.Text>
        )}
      </Space>
    ),
  },
  { title: '类型', dataIndex: 'kindLabel', width: 110 },
  {
    title: '辅导主题',
    dataIndex: 'topicLabels',
    render: (v: string[]) => (
      <Space size={[0, 4]} wrap>
        {v.map((t) => (
          <Tag key={t}>{t}</Tag>
        ))}
      </Space>
    ),
  },
  {
    title: '擅长行业',
    dataIndex: 'industryLabels',
    width: 200,
    render: (v: string[]) => <Typography.Text style={{ fontSize: 13 }}>{v.join('、')}</Typography.Text>,
  },
  { title: '名额占用', key: 'load', width: 200, render: (_, m) => <LoadBar load={m.load} /> },
  {
    title: '接受结对',
    dataIndex: 'availabilityLabel',
    width: 120,
    render: (v: string, m) => <Tag color={m.availability === 'accepting' ? 'success' : 'default'}>{v}</Tag>,
  },
];

function isOneOf<T extends string>(options: readonly { value: T }[], v: string): v is T {
  return options.some((o) => o.value === v);
}

/** 导师库: every mentor with the places taken today (active + awaiting an answer) against the capacity. */
export function MentorListPage() {
  const trpc = useTRPC();
  const { page, pageSize, filters, setFilters, setPage, pageSizeOptions } = useListParams(FILTERS);
  const [creating, setCreating] = useState(false);
  const list = useQuery({
    ...trpc.mentoring.mentors.list.queryOptions({
      q: optional(filters.q),
      kind: isOneOf(kindOptions, filters.kind) ? filters.kind : undefined,
      topic: isOneOf(topicOptions, filters.topic) ? filters.topic : undefined,
      availability:
        filters.availability === 'accepting' || filters.availability === 'paused'
          ? filters.availability
          : undefined,
      hasRoom: filters.hasRoom === '1' ? true : undefined,
      page,
      pageSize,
    }),
    placeholderData: keepPreviousData,
  });

  return (
    <Page
      title="导师库"
      subtitle="名额占用 = 在带学员 + 待导师确认的结对邀请；已满的导师不会出现在匹配推荐中。"
      extra={
        <Button type="primary" onClick={() => setCreating(true)}>
          新建导师
        </Button>
      }
    >
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <Input.Search
            key={filters.q}
            defaultValue={filters.q}
            placeholder="导师姓名或工作单位"
            aria-label="搜索导师"
            allowClear
            enterButton="查询"
            onSearch={(q) => setFilters({ q })}
            style={{ maxWidth: 320 }}
          />
          <Select
            aria-label="导师类型"
            value={filters.kind}
            options={[{ value: '', label: '全部类型' }, ...kindOptions]}
            onChange={(kind: string) => setFilters({ kind })}
            style={{ width: 150 }}
          />
          <Select
            aria-label="辅导主题"
            value={filters.topic}
            options={[{ value: '', label: '全部主题' }, ...topicOptions]}
            onChange={(topic: string) => setFilters({ topic })}
            style={{ width: 150 }}
          />
          <Select
            aria-label="接受结对"
            value={filters.availability}
            options={[{ value: '', label: '全部状态' }, ...availabilityOptions]}
            onChange={(availability: string) => setFilters({ availability })}
            style={{ width: 150 }}
          />
          <Checkbox
            checked={filters.hasRoom === '1'}
            onChange={(e) => setFilters({ hasRoom: e.target.checked ? '1' : '' })}
          >
            只看有空余名额
          </Checkbox>
        </Flex>
        {list.isError && (
          <Alert
            type="error"
            showIcon
            title={readApiError(list.error).message}
            style={{ marginBottom: 16 }}
          />
        )}
        <Table<MentorView>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          locale={{ emptyText: '没有符合条件的导师' }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions,
            showTotal: (total) => `共 ${total} 位导师`,
            onChange: setPage,
          }}
        />
      </Card>
      <CreateMentorModal open={creating} onClose={() => setCreating(false)} />
    </Page>
  );
}
