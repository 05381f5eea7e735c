import { can } from '@fund/domain';
import { useQuery } from '@tanstack/react-query';
import { Alert, Descriptions, Tabs, Tag } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { useAuth } from '../../shared/auth';
import { readApiError } from '../../shared/errors';
import { Page } from '../../shared/Page';
import { PageLoading } from '../../shared/PageLoading';
import { useTRPC } from '../../shared/trpc';
import { AllocationsTab } from './allocations/AllocationsTab';
import { ClaimsTab } from './claims/ClaimsTab';
import { EventsTab } from './events/EventsTab';
import { ImportTab } from './imports/ImportTab';
import { KpiTab } from './kpis/KpiTab';
import { OccupancyTab } from './occupancy/OccupancyTab';
import { OverviewTab } from './OverviewTab';
import { WorkstationsTab } from './workstations/WorkstationsTab';

const TABS = [
  { key: 'overview', label: '概况与设施' },
  { key: 'workstations', label: '工位' },
  { key: 'allocations', label: '入驻分配' },
  { key: 'occupancy', label: '出勤登记' },
  { key: 'import', label: '批量导入' },
  { key: 'events', label: '活动台账' },
  { key: 'kpis', label: '月度指标' },
  { key: 'claims', label: '服务补助申报' },
] as const;
type TabKey = (typeof TABS)[number]['key'];

function isTab(v: string | null): v is TabKey {
  return TABS.some((t) => t.key === v);
}

/** One centre's ledger: every tab is a sub-feature; the tab lives in the URL so a bookmark or 返回 lands on it. */
export function CentreDetailPage() {
  const trpc = useTRPC();
  const { me } = useAuth();
  const centreId = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const tab: TabKey = isTab(params.get('tab')) ? (params.get('tab') as TabKey) : 'overview';
  const centre = useQuery({
    ...trpc.centres.get.queryOptions({ centreId }),
    enabled: Number.isInteger(centreId) && centreId > 0,
  });
  const crumbs = [{ title: '创业创新中心', to: '/centres' }];

  if (centre.isError) {
    return (
      <Page title="中心台账" crumbs={crumbs}>
        <Alert type="error" showIcon title={readApiError(centre.error).message} />
      </Page>
    );
  }
  if (!centre.data) return <PageLoading />;
  const c = centre.data;
  // The server decides again on every write; this only hides buttons a reader could not use.
  const operable = !!me && can(me.roles, 'centre.operate') && c.managers.some((m) => m.userId === me.id);

  const body = (key: TabKey) => {
    switch (key) {
      case 'overview':
        return <OverviewTab centre={c} manageable={!!me && can(me.roles, 'centre.manage')} />;
      case 'workstations':
        return <WorkstationsTab centreId={c.id} operable={operable} />;
      case 'allocations':
        return <AllocationsTab centreId={c.id} operable={operable} />;
      case 'occupancy':
        return <OccupancyTab centreId={c.id} operable={operable} />;
      case 'import':
        return <ImportTab centreId={c.id} operable={operable} />;
      case 'events':
        return <EventsTab centreId={c.id} operable={operable} />;
      case 'kpis':
        return <KpiTab centreId={c.id} />;
      case 'claims':
        return <ClaimsTab centre={c} operable={operable} />;
      default:
        return key satisfies never;
    }
  };

  return (
    <Page
      title={c.name}
      crumbs={crumbs}
      subtitle={
        <>
          {c.kindLabel} · {c.address}{' '}
          {c.recognised ? <Tag color="success">{c.recognitionLevelLabel}认定</Tag> : <Tag>未认定</Tag>}
        </>
      }
      width={1320}
    >
      <Descriptions
        size="small"
        column={4}
        style={{ marginBottom: 8 }}
        items={[
          { key: 'ws', label: '在用工位', children: `${c.workstations} 个` },
          { key: 'free', label: '免费工位', children: `${c.freeWorkstations} 个` },
          { key: 'alloc', label: '今日已分配', children: `${c.allocatedWorkstations} 个` },
          {
            key: 'm',
            label: '管理员',
            children: c.managers.map((m) => m.displayName).join('、') || '未指定',
          },
        ]}
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key })}
        destroyOnHidden
        items={TABS.map((t) => ({
          key: t.key,
          label: t.label,
          children: t.key === tab ? body(t.key) : null,
        }))}
      />
    </Page>
  );
}
