import { Descriptions, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import type { RequestView } from './types';

export function TopicTags({ labels }: { labels: readonly string[] }) {
  return (
    <Space size={[0, 4]} wrap>
      {labels.map((t) => (
        <Tag key={t} color="blue">
          {t}
        </Tag>
      ))}
    </Space>
  );
}

/** What a mentee asked for: who, topics, industry, stage, preferred kind, description. */
export function RequestSummary({ request: r }: { request: RequestView }) {
  return (
    <Descriptions
      column={{ xs: 1, md: 2 }}
      size="small"
      items={[
        { key: 'mentee', label: '学员', children: r.menteeName },
        {
          key: 'kind',
          label: '学员类型',
          children: r.managerTitle ? `${r.menteeKindLabel}（${r.managerTitle}）` : r.menteeKindLabel,
        },
        { key: 'topics', label: '辅导需求', children: <TopicTags labels={r.topicLabels} /> },
        { key: 'industry', label: '所属行业', children: r.industryLabel },
        { key: 'stage', label: '发展阶段', children: r.stageLabel },
        { key: 'pref', label: '希望的导师类型', children: r.preferredKindLabel ?? '不限' },
        { key: 'status', label: '需求状态', children: r.statusLabel },
        { key: 'at', label: '提交时间', children: dayjs(r.createdAt).format('YYYY-MM-DD HH:mm') },
        { key: 'desc', label: '需求描述', span: 2, children: r.description },
      ]}
    />
  );
}
