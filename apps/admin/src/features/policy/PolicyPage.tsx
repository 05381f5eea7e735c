import { can } from '@fund/domain';
import { Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useAuth } from '../../shared/auth';
import { Page } from '../../shared/Page';
import { CalendarTab } from './CalendarTab';
import { LprTab } from './LprTab';

const TABS = ['calendar', 'lpr'] as const;
type TabKey = (typeof TABS)[number];

/** 政策参数: the working-day calendar and the LPR table, entered as data (docs/decisions/009-policy-data.md). */
export function PolicyPage() {
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  if (!me) return null;
  const manage = can(me.roles, 'policy.manage');
  const tab: TabKey = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as TabKey)
    : 'calendar';
  return (
    <Page
      title="政策参数"
      subtitle="公示期、导师响应期限按国务院办公厅公布的放假安排计算工作日；贷款贴息按合同签订日适用的 1 年期 LPR 计算。平台不会自动联网获取，须由系统管理员按官方文件录入。"
    >
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'calendar' ? {} : { tab: key }, { replace: true })}
        items={[
          { key: 'calendar', label: '节假日安排', children: <CalendarTab manage={manage} /> },
          { key: 'lpr', label: 'LPR 报价', children: <LprTab manage={manage} /> },
        ]}
      />
    </Page>
  );
}
