import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import { readApiError } from '../../shared/errors';
import { Page } from '../../shared/Page';
import { PageLoading } from '../../shared/PageLoading';
import { useTRPC } from '../../shared/trpc';
import { PairingCard } from './PairingCard';
import type { RequestView } from './types';

const REQUEST_COLORS: Record<RequestView['status'], string> = {
  open: 'processing',
  paired: 'success',
  closed: 'default',
};

function RequestCard({ r }: { r: RequestView }) {
  const who = r.managerName ? `为 ${r.managerName}（${r.managerTitle ?? ''}）申请` : r.menteeName;
  // The live pairing comes first; declined proposals stay visible as history.
  return (
    <Card
      style={{ marginBottom: 16 }}
      role="region"
      aria-label={`导师需求：${who}`}
      title={
        <Space size={8} wrap>
          <span>{who}</span>
          <Tag color={REQUEST_COLORS[r.status]}>{r.statusLabel}</Tag>
        </Space>
      }
      extra={
        <Typography.Text type="secondary">提交于 {dayjs(r.createdAt).format('YYYY-MM-DD')}</Typography.Text>
      }
    >
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Space size={[4, 4]} wrap>
          {r.topicLabels.map((t) => (
            <Tag key={t} color="blue">
              {t}
            </Tag>
          ))}
          <Typography.Text type="secondary">
            {r.industryLabel} · {r.stageLabel} · 希望导师：{r.preferredKindLabel ?? '不限'}
          </Typography.Text>
        </Space>
        <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 2, expandable: true, symbol: '展开' }}>
          {r.description}
        </Typography.Paragraph>
        {r.status === 'open' && (
          <Alert type="info" showIcon title="工作人员正在为您匹配导师，匹配后导师将在规定期限内确认。" />
        )}
        {r.pairings.map((p) => (
          <PairingCard key={p.id} pairing={p} />
        ))}
      </Space>
    </Card>
  );
}

/** 我的导师: my requests, each with its pairings (mentor, status, deadline, sessions, ratings). */
export function MyMentorsPage() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const q = useQuery(trpc.mentoring.requests.mine.queryOptions());
  const extra = (
    <Button type="primary" onClick={() => void navigate('/mentoring/find')}>
      找导师
    </Button>
  );
  if (q.isPending) return <PageLoading />;
  if (q.isError) {
    return (
      <Page title="我的导师" extra={extra}>
        <Alert type="error" showIcon title={readApiError(q.error).message} />
      </Page>
    );
  }
  const live = q.data.filter((r) => r.status !== 'closed');
  const closed = q.data.filter((r) => r.status === 'closed');
  return (
    <Page title="我的导师" subtitle="查看导师需求和结对进展，登记辅导并为每次辅导评分。" extra={extra}>
      {q.data.length === 0 && (
        <Card>
          <Empty description="还没有提交过导师需求">
            <Button type="primary" onClick={() => void navigate('/mentoring/find')}>
              找导师
            </Button>
          </Empty>
        </Card>
      )}
      {live.map((r) => (
        <RequestCard key={r.id} r={r} />
      ))}
      {closed.length > 0 && (
        <>
          <Typography.Title level={5}>已结束</Typography.Title>
          {closed.map((r) => (
            <RequestCard key={r.id} r={r} />
          ))}
        </>
      )}
    </Page>
  );
}
