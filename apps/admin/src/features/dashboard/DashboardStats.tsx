import { can, type Role } from '@fund/domain';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic } from 'antd';
import { useNavigate } from 'react-router';
import { useTRPC } from '../../shared/trpc';

function StatCard({
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
      <Card hoverable onClick={() => void navigate(to)} role="link" aria-label={`${title}，查看列表`}>
        <Statistic title={title} value={value ?? '—'} loading={loading} />
      </Card>
    </Col>
  );
}

const one = { page: 1, pageSize: 1 } as const;

/** Counts read from the list procedures' `total`, only for the lists the user may see. */
export function DashboardStats({ roles }: { roles: readonly Role[] }) {
  const trpc = useTRPC();
  const seesEnterprises = can(roles, 'enterprise.list');
  const seesFounders = can(roles, 'founder.list');
  const all = useQuery({ ...trpc.enterprises.list.queryOptions(one), enabled: seesEnterprises });
  const unverified = useQuery({
    ...trpc.enterprises.list.queryOptions({ ...one, verification: 'unverified' }),
    enabled: seesEnterprises,
  });
  const founders = useQuery({ ...trpc.founders.list.queryOptions(one), enabled: seesFounders });
  if (!seesEnterprises && !seesFounders) return null;
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      {seesEnterprises && (
        <StatCard title="已注册企业" value={all.data?.total} loading={all.isPending} to="/enterprises" />
      )}
      {seesEnterprises && (
        <StatCard
          title="待核验企业"
          value={unverified.data?.total}
          loading={unverified.isPending}
          to="/enterprises?verification=unverified"
        />
      )}
      {seesFounders && (
        <StatCard
          title="个人创业者"
          value={founders.data?.total}
          loading={founders.isPending}
          to="/founders"
        />
      )}
    </Row>
  );
}
