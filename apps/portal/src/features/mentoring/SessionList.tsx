import { MENTOR_TOPIC_LABELS, PAIRING_PARTY_LABELS, SESSION_MODE_LABELS } from '@fund/domain';
import { Button, Empty, List, Space, Tag, Typography } from 'antd';
import type { SessionView } from './types';

/**
 * Sessions of a pairing with both sides' ratings. `mySide` rates; a session it has already rated shows its score
 * instead of the button (one rating per side and session).
 */
export function SessionList({
  sessions,
  mySide,
  canRate,
  onRate,
}: {
  sessions: readonly SessionView[];
  mySide: 'mentor' | 'mentee' | null;
  canRate: boolean;
  onRate: (s: SessionView) => void;
}) {
  if (sessions.length === 0)
    return <Empty description="尚未登记辅导记录" image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <List
      dataSource={[...sessions].reverse()}
      rowKey="id"
      renderItem={(s, i) => {
        const mine = mySide === null ? undefined : s.ratings.find((r) => r.party === mySide);
        return (
          <List.Item
            aria-label={`第 ${sessions.length - i} 次辅导 ${s.date}`}
            actions={
              mySide !== null && canRate && !mine
                ? [
                    <Button key="rate" size="small" onClick={() => onRate(s)}>
                      评价
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space size={8} wrap>
                  <span>
                    第 {sessions.length - i} 次 · {s.date}
                  </span>
                  <Tag>{SESSION_MODE_LABELS[s.mode]}</Tag>
                  <Typography.Text type="secondary">{s.durationMinutes} 分钟</Typography.Text>
                  {s.topics.map((t) => (
                    <Tag key={t} color="blue">
                      {MENTOR_TOPIC_LABELS[t]}
                    </Tag>
                  ))}
                </Space>
              }
              description={
                <Space direction="vertical" size={2} style={{ width: '100%' }}>
                  {s.notes && <Typography.Text>{s.notes}</Typography.Text>}
                  {s.agreedActions.length > 0 && (
                    <Typography.Text type="secondary">约定事项：{s.agreedActions.join('；')}</Typography.Text>
                  )}
                  <Space size={12} wrap>
                    {s.ratings.length === 0 ? (
                      <Typography.Text type="secondary">暂无评价</Typography.Text>
                    ) : (
                      s.ratings.map((r) => (
                        <Typography.Text key={r.id}>
                          {PAIRING_PARTY_LABELS[r.party]}评分：{r.score} 分
                          {r.comment ? `（${r.comment}）` : ''}
                        </Typography.Text>
                      ))
                    )}
                  </Space>
                </Space>
              }
            />
          </List.Item>
        );
      }}
    />
  );
}
