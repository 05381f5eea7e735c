import { Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { Page } from '../../shared/Page';
import { ObjectionsTab } from './ObjectionsTab';
import { PublishTab } from './PublishTab';

export function NoticesPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'objections' ? 'objections' : 'publish';
  return (
    <Page title="公示管理" subtitle="勾选已推荐的案件发布公示；公示期内收到的实名异议在此处理。">
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'objections' ? { tab: k } : {})}
        items={[
          { key: 'publish', label: '发布公示', children: <PublishTab /> },
          { key: 'objections', label: '异议处理', children: <ObjectionsTab /> },
        ]}
      />
    </Page>
  );
}
