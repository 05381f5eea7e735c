import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, List, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { readApiError } from '../../shared/errors';
import { Page } from '../../shared/Page';
import { useTRPC } from '../../shared/trpc';

const PAGE_SIZE = 20;

/** 消息: what happened to the enterprise's cases (returned, published, paid …); opening one marks it read. */
export function NotificationsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const q = useQuery(trpc.notifications.list.queryOptions({ page, pageSize: PAGE_SIZE }));
  const unread = useQuery(trpc.notifications.unreadCount.queryOptions());
  const markRead = useMutation(trpc.notifications.markRead.mutationOptions());
  const mark = (ids?: number[]) =>
    markRead.mutate(ids ? { ids } : {}, {
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.notifications.list.queryKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.notifications.unreadCount.queryKey() });
      },
    });
  const items = q.data ?? [];
  const count = unread.data?.count ?? 0;
  return (
    <Page
      title="消息"
      subtitle={count > 0 ? `${count} 条未读` : '没有未读消息'}
      extra={
        <Button onClick={() => mark()} disabled={count === 0} loading={markRead.isPending}>
          全部标为已读
        </Button>
      }
      width={900}
    >
      {q.isError && (
        <Alert type="error" showIcon title={readApiError(q.error).message} style={{ marginBottom: 16 }} />
      )}
      <Card>
        <List
          loading={q.isPending}
          dataSource={items}
          locale={{ emptyText: '暂无消息' }}
          renderItem={(n) => (
            <List.Item
              actions={[
                ...(n.caseId !== null
                  ? [
                      <Link
                        key="open"
                        to={`/funding/cases/${n.caseId}`}
                        onClick={() => !n.read && mark([n.id])}
                      >
                        查看申报
                      </Link>,
                    ]
                  : []),
                ...(!n.read
                  ? [
                      <Button key="read" type="link" size="small" onClick={() => mark([n.id])}>
                        标为已读
                      </Button>,
                    ]
                  : []),
              ]}
            >
              <Space direction="vertical" size={2}>
                <Space>
                  {!n.read && (
                    <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                      未读
                    </Tag>
                  )}
                  <Typography.Text strong={!n.read}>{n.text}</Typography.Text>
                </Space>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {dayjs(n.createdAt).format('YYYY-MM-DD HH:mm')}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
        <Space style={{ marginTop: 16 }}>
          <Button disabled={page === 1} onClick={() => setPage((p) => p - 1)}>
            上一页
          </Button>
          <Typography.Text type="secondary">第 {page} 页</Typography.Text>
          <Button disabled={items.length < PAGE_SIZE} onClick={() => setPage((p) => p + 1)}>
            下一页
          </Button>
        </Space>
      </Card>
    </Page>
  );
}
