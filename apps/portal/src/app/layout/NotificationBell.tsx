import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge } from 'antd';
import { Link } from 'react-router';
import { useAuth } from '../../shared/auth';
import { useTRPC } from '../../shared/trpc';

/** 消息 with the unread count, re-read every minute and whenever the window regains focus. */
export function NotificationBell() {
  const { me } = useAuth();
  const trpc = useTRPC();
  const signedIn = !!me && !me.mustChangePassword;
  const q = useQuery({
    ...trpc.notifications.unreadCount.queryOptions(),
    enabled: signedIn,
    refetchInterval: 60_000,
  });
  if (!signedIn) return null;
  const count = q.data?.count ?? 0;
  return (
    <Link
      to="/messages"
      aria-label={count > 0 ? `消息（${count} 条未读）` : '消息'}
      style={{ color: '#fff', display: 'flex', alignItems: 'center', gap: 12, flex: 'none' }}
    >
      <Badge count={count} size="small" overflowCount={99}>
        <BellOutlined style={{ color: '#fff', fontSize: 18 }} />
      </Badge>
      <span>消息</span>
    </Link>
  );
}
