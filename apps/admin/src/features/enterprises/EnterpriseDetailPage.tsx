import {
  districtLabel,
  formatFen,
  formatFenAsWan,
  SIZE_METRIC_LABELS,
  sizeMetricsFor,
  type SizeMetric,
} from '@fund/domain';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Space, Tag, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import dayjs from 'dayjs';
import { useParams } from 'react-router';
import type { EnterpriseProfile } from '../../shared/api-types';
import { readApiError } from '../../shared/errors';
import { Page } from '../../shared/Page';
import { PageLoading } from '../../shared/PageLoading';
import { SizeTag, StageTag, VerificationTag } from '../../shared/StatusTags';
import { useTRPC } from '../../shared/trpc';
import { SIZE_DATA_SOURCE_LABELS } from './labels';

const crumbs = [{ title: '企业管理', to: '/enterprises' }];

function money(v: number | null): string {
  return v === null ? '未填写' : `${formatFenAsWan(v)}（${formatFen(v)}）`;
}

function items(e: EnterpriseProfile): DescriptionsProps['items'] {
  const used = new Set<SizeMetric>(sizeMetricsFor(e.industry));
  const metric = (m: SizeMetric) => (
    <Space size={4}>
      {SIZE_METRIC_LABELS[m]}
      {used.has(m) && <Tag color="blue">划型指标</Tag>}
    </Space>
  );
  return [
    {
      key: 'uscc',
      label: '统一社会信用代码',
      children: <Typography.Text copyable>{e.uscc}</Typography.Text>,
    },
    { key: 'legal', label: '法定代表人', children: e.legalRepresentative },
    { key: 'industry', label: '所属行业', children: e.industryLabel },
    { key: 'established', label: '成立日期', children: e.establishedOn },
    {
      key: 'district',
      label: '登记地',
      children: (
        <Space size={4}>
          {districtLabel(e.registeredDistrictCode)}
          <Tag color={e.inDistrict ? 'success' : 'error'}>{e.inDistrict ? '本区' : '不在本区'}</Tag>
        </Space>
      ),
    },
    { key: 'contact', label: '联系人', children: `${e.contactName}（${e.contactMobileMasked}）` },
    {
      key: 'year',
      label: '规模数据年度',
      children: `${e.reportingYear} 年（${SIZE_DATA_SOURCE_LABELS[e.sizeDataSource]}）`,
    },
    { key: 'size', label: '企业规模', children: e.sizeLabel ?? e.sizeProblem ?? '未划型' },
    {
      key: 'employees',
      label: metric('employees'),
      children: e.employees === null ? '未填写' : `${e.employees} 人`,
    },
    { key: 'revenue', label: metric('revenue'), children: money(e.revenueFen) },
    { key: 'assets', label: metric('totalAssets'), children: money(e.totalAssetsFen) },
    { key: 'created', label: '注册时间', children: dayjs(e.createdAt).format('YYYY-MM-DD HH:mm') },
  ];
}

export function EnterpriseDetailPage() {
  const trpc = useTRPC();
  const id = Number(useParams().id);
  const valid = Number.isSafeInteger(id) && id > 0;
  const q = useQuery({ ...trpc.enterprises.get.queryOptions({ id }), enabled: valid });
  if (!valid) {
    return (
      <Page title="企业详情" crumbs={crumbs}>
        <Alert type="error" showIcon title="企业编号无效" />
      </Page>
    );
  }
  if (q.isPending) return <PageLoading />;
  if (q.isError) {
    return (
      <Page title="企业详情" crumbs={crumbs}>
        <Alert type="error" showIcon title={readApiError(q.error).message} />
      </Page>
    );
  }
  const e = q.data;
  return (
    <Page
      title={e.name}
      crumbs={crumbs}
      subtitle={
        <Space size={8} wrap>
          <VerificationTag verification={e.verification} />
          <SizeTag label={e.sizeLabel} />
          <StageTag label={e.stageLabel} />
          {e.dishonest && <Tag color="error">失信名单</Tag>}
        </Space>
      }
    >
      {e.usccOverrideReason && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="该企业的统一社会信用代码未通过校验码校验，由工作人员例外登记"
          description={`例外说明：${e.usccOverrideReason}`}
        />
      )}
      <Card
        title={e.missing.length > 0 ? `申报前尚缺（${e.missing.length} 项）` : '申报条件'}
        style={{ marginBottom: 16 }}
      >
        {e.missing.length === 0 ? (
          <Typography.Text type="success">资料已齐全，可以申报。</Typography.Text>
        ) : (
          <ol style={{ margin: 0, paddingInlineStart: 20, lineHeight: 2 }}>
            {e.missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ol>
        )}
      </Card>
      <Card title="企业信息">
        <Descriptions column={{ xs: 1, md: 2 }} items={items(e)} />
      </Card>
    </Page>
  );
}
