import { can, type Role } from '@fund/domain';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic } from 'antd';
import { useNavigate } from 'react-router';
import { useTRPC } from '../../shared/trpc';

const one = { page: 1, pageSize: 1 } as const;

function Stat({
  title,
  value,
  loading,
  to,
}: {
  title: string;
  value?: number;
  loading: boolean;
  to: string;
}) {
  const navigate = useNavigate();
  return (
    <Col xs={24} sm={12} lg={6}>
      <Card hoverable onClick={() => void navigate(to)} role="link" aria-label={`${title}，前往办理`}>
        <Statistic title={title} value={value ?? '—'} loading={loading} />
      </Card>
    </Col>
  );
}

/** The funding work waiting for the user's role (queue sizes from the queues' `total`). */
export function FundingStats({ roles }: { roles: readonly Role[] }) {
  const trpc = useTRPC();
  const verifies = can(roles, 'enterprise.verify');
  const reviews = can(roles, 'application.review');
  const publishes = can(roles, 'notice.publish');
  const approves = can(roles, 'application.approve');
  const pays = can(roles, 'payment.record');
  const toVerify = useQuery({ ...trpc.verification.queue.queryOptions(one), enabled: verifies });
  const toReview = useQuery({
    ...trpc.review.queue.queryOptions({ ...one, status: 'submitted' }),
    enabled: reviews,
  });
  const toPublish = useQuery({
    ...trpc.review.queue.queryOptions({ ...one, status: 'recommended' }),
    enabled: publishes,
  });
  const objections = useQuery({
    ...trpc.objections.list.queryOptions({ page: 1, pageSize: 100, status: 'open' }),
    enabled: publishes,
  });
  const inNotice = useQuery({
    ...trpc.finance.queue.queryOptions({ ...one, status: 'in_notice' }),
    enabled: approves,
  });
  const toPay = useQuery({
    ...trpc.finance.queue.queryOptions({ ...one, status: 'approved' }),
    enabled: pays,
  });
  if (!verifies && !reviews && !publishes && !approves && !pays) return null;
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      {verifies && (
        <Stat
          title="待核验材料（执照/账户）"
          value={toVerify.data?.total}
          loading={toVerify.isPending}
          to="/verification"
        />
      )}
      {reviews && (
        <Stat title="待审核申报" value={toReview.data?.total} loading={toReview.isPending} to="/review" />
      )}
      {publishes && (
        <Stat title="待公示案件" value={toPublish.data?.total} loading={toPublish.isPending} to="/notices" />
      )}
      {publishes && (
        <Stat
          title="待处理异议"
          value={objections.data?.length}
          loading={objections.isPending}
          to="/notices?tab=objections"
        />
      )}
      {approves && (
        <Stat
          title="公示中（待审批）"
          value={inNotice.data?.total}
          loading={inNotice.isPending}
          to="/finance"
        />
      )}
      {pays && (
        <Stat title="待拨付" value={toPay.data?.total} loading={toPay.isPending} to="/finance?tab=approved" />
      )}
    </Row>
  );
}
