import {
  districtLabel,
  formatFen,
  formatFenAsWan,
  SIZE_METRIC_LABELS,
  sizeMetricsFor,
  type SizeMetric,
} from '@fund/domain';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import type { EnterpriseProfile } from '../../shared/api-types';
import { readApiError } from '../../shared/errors';
import { Page } from '../../shared/Page';
import { PageLoading } from '../../shared/PageLoading';
import { SizeTag, StageTag, VerificationTag } from '../../shared/StatusTags';
import { useTRPC } from '../../shared/trpc';
import { SIZE_DATA_SOURCE_LABELS } from './labels';
import { ReadinessCard } from './ReadinessCard';

function money(fenValue: number | null): string {
  return fenValue === null ? '未填写' : `${formatFenAsWan(fenValue)}（${formatFen(fenValue)}）`;
}

function sizeItems(e: EnterpriseProfile): DescriptionsProps['items'] {
  const used = new Set<SizeMetric>(sizeMetricsFor(e.industry));
  const label = (m: SizeMetric) => (
    <Space size={4}>
      {SIZE_METRIC_LABELS[m]}
      {used.has(m) && <Tag color="blue">划型指标</Tag>}
    </Space>
  );
  return [
    {
      key: 'employees',
      label: label('employees'),
      children: e.employees === null ? '未填写' : `${e.employees} 人`,
    },
    { key: 'revenue', label: label('revenue'), children: money(e.revenueFen) },
    { key: 'totalAssets', label: label('totalAssets'), children: money(e.totalAssetsFen) },
    { key: 'year', label: '数据年度', children: `${e.reportingYear} 年` },
    { key: 'source', label: '数据来源', children: SIZE_DATA_SOURCE_LABELS[e.sizeDataSource] },
    { key: 'size', label: '企业规模', children: e.sizeLabel ?? e.sizeProblem ?? '未划型' },
  ];
}

function basicItems(e: EnterpriseProfile): DescriptionsProps['items'] {
  return [
    {
      key: 'uscc',
      label: '统一社会信用代码',
      children: <Typography.Text copyable>{e.uscc}</Typography.Text>,
    },
    { key: 'name', label: '企业名称', children: e.name },
    { key: 'legal', label: '法定代表人', children: e.legalRepresentative },
    { key: 'industry', label: '所属行业', children: e.industryLabel },
    { key: 'established', label: '成立日期', children: e.establishedOn },
    {
      key: 'district',
      label: '注册地',
      children: (
        <Space size={4}>
          {districtLabel(e.registeredDistrictCode)}
          {!e.inDistrict && <Tag color="error">不在本区</Tag>}
        </Space>
      ),
    },
    { key: 'contact', label: '联系人', children: e.contactName },
    { key: 'mobile', label: '联系电话', children: e.contactMobileMasked },
    { key: 'created', label: '注册时间', children: dayjs(e.createdAt).format('YYYY-MM-DD HH:mm') },
  ];
}

export function MyEnterprisePage() {
  const trpc = useTRPC();
  const q = useQuery(trpc.enterprises.mine.queryOptions());
  if (q.isPending) return <PageLoading />;
  if (q.isError) {
    return (
      <Page title="我的企业">
        <Alert type="error" showIcon title={readApiError(q.error).message} />
      </Page>
    );
  }
  const e = q.data;
  return (
    <Page
      title="我的企业"
      extra={
        <Space wrap>
          <Link to="/enterprise/verification">
            <Button>企业核验</Button>
          </Link>
          <Link to="/funding">
            <Button type="primary">可申报项目</Button>
          </Link>
        </Space>
      }
      subtitle={
        <Space size={8} wrap>
          <Typography.Text strong>{e.name}</Typography.Text>
          <VerificationTag verification={e.verification} />
          <SizeTag label={e.sizeLabel} />
          <StageTag label={e.stageLabel} />
          {e.dishonest && <Tag color="error">失信名单</Tag>}
        </Space>
      }
    >
      {e.verification === 'unverified' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="企业信息待核验"
          description="工作人员核验营业执照和法定代表人信息之前，您可以查看政策和资料，但暂不能申报项目。"
        />
      )}
      <ReadinessCard missing={e.missing} />
      <Card title="企业信息" style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} items={basicItems(e)} />
      </Card>
      <Card title="规模数据">
        <Descriptions column={{ xs: 1, md: 2 }} items={sizeItems(e)} />
      </Card>
    </Page>
  );
}
