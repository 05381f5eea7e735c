import { CalculatorOutlined, FileTextOutlined } from '@ant-design/icons';
import { formatFen, formatFenAsWan, OPEN_CASE_STATUSES } from '@fund/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Collapse, Empty, Flex, Form, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { RouterOutputs } from '../../shared/api-types';
import { readApiError } from '../../shared/errors';
import { FormAlert } from '../../shared/FormAlert';
import { Page } from '../../shared/Page';
import { PageLoading } from '../../shared/PageLoading';
import { useTRPC } from '../../shared/trpc';
import { useSchemaForm } from '../../shared/use-schema-form';
import { ApplicationFields } from './ApplicationFields';
import {
  applicationKindOf,
  emptyValues,
  milestoneKindsOf,
  schemaFor,
  toApplicationInput,
  type ApplicationKind,
  type ApplicationValues,
} from './application-form';
import { EligibilityAlert, EstimateResult, type CalculatorResult } from './EstimateResult';

type Programme = RouterOutputs['programmes']['open'][number];
type MyCase = RouterOutputs['cases']['mine']['items'][number];

/** 政策计算器: the same fields as the application, computed by the server with the domain's calculator. */
function Calculator({ programme, kind }: { programme: Programme; kind: ApplicationKind }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const milestoneKinds = milestoneKindsOf(programme.parameters);
  const { form, general, validate, onValuesChange } = useSchemaForm<ApplicationValues, unknown>(
    schemaFor(kind),
    toApplicationInput(kind),
  );
  const [result, setResult] = useState<CalculatorResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const estimate = () => {
    const data = validate();
    if (data === null) return;
    setBusy(true);
    setProblem(null);
    queryClient
      .fetchQuery(
        trpc.cases.calculator.queryOptions({
          programmeId: programme.id,
          data: data as Record<string, unknown>,
        }),
      )
      .then((rows) => setResult(rows[0] ?? null))
      .catch((e: unknown) => setProblem(readApiError(e).message))
      .finally(() => setBusy(false));
  };

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={emptyValues(kind, milestoneKinds)}
      onValuesChange={onValuesChange}
      aria-label={`${programme.name}试算`}
    >
      <ApplicationFields kind={kind} milestoneKinds={milestoneKinds} />
      <FormAlert messages={problem ? [...general, problem] : general} />
      <Button icon={<CalculatorOutlined />} onClick={estimate} loading={busy} style={{ marginBottom: 16 }}>
        试算金额
      </Button>
      {result && <EstimateResult result={result} />}
    </Form>
  );
}

function ApplyButton({ programme, mine }: { programme: Programme; mine: MyCase | undefined }) {
  if (!mine) {
    return (
      <Link to={`/funding/apply/${programme.id}`}>
        <Button type="primary" icon={<FileTextOutlined />}>
          在线申报
        </Button>
      </Link>
    );
  }
  const editable = mine.status === 'draft' || mine.status === 'returned';
  return (
    <Link to={editable ? `/funding/cases/${mine.id}/edit` : `/funding/cases/${mine.id}`}>
      <Button type={editable ? 'primary' : 'default'} icon={<FileTextOutlined />}>
        {editable ? `继续填写（${mine.caseNo}）` : `查看我的申报（${mine.caseNo}）`}
      </Button>
    </Link>
  );
}

function ProgrammeCard({
  programme,
  check,
  mine,
}: {
  programme: Programme;
  check: CalculatorResult | undefined;
  /** The enterprise's own live case in this programme, if any. */
  mine: MyCase | undefined;
}) {
  const kind = applicationKindOf(programme.parameters);
  const docs = programme.parameters.requiredDocuments;
  return (
    <Card
      title={
        <Space wrap>
          <span>{programme.name}</span>
          <Tag color="blue">{programme.schemeLabel}</Tag>
        </Space>
      }
      extra={<ApplyButton programme={programme} mine={mine} />}
      style={{ marginBottom: 16 }}
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">
          申报时间：{programme.opensOn} 至 {programme.closesOn} · {programme.fiscalYear} 年度
        </Typography.Text>
        {check ? (
          <>
            <EligibilityAlert result={check} />
            <Typography.Text type="secondary">
              本企业 {programme.fiscalYear} 年度累计扶持剩余额度：
              {formatFenAsWan(check.remainingYearlyCapFen)}（{formatFen(check.remainingYearlyCapFen)}）
            </Typography.Text>
          </>
        ) : (
          <Alert type="info" showIcon title="正在判断申报条件…" />
        )}
        <Collapse
          items={[
            {
              key: 'guide',
              label: '申报指南',
              children: (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                  {programme.guidelines.trim() || '暂无申报指南'}
                </Typography.Paragraph>
              ),
            },
            {
              key: 'docs',
              label: `申报材料清单（${docs.length} 项）`,
              children: (
                <List
                  size="small"
                  dataSource={docs}
                  renderItem={(d) => (
                    <List.Item>
                      <Space>
                        {d.required ? <Tag color="red">必交</Tag> : <Tag>选交</Tag>}
                        {d.label}
                      </Space>
                    </List.Item>
                  )}
                />
              ),
            },
            ...(kind
              ? [
                  {
                    key: 'calc',
                    label: '政策计算器：试算可获金额',
                    children: <Calculator programme={programme} kind={kind} />,
                  },
                ]
              : []),
          ]}
        />
      </Flex>
    </Card>
  );
}

/** 可申报项目: every open programme, whether the enterprise may apply (and why not), guidelines, checklist, calculator. */
export function ProgrammesPage() {
  const trpc = useTRPC();
  const open = useQuery(trpc.programmes.open.queryOptions());
  const checks = useQuery(trpc.cases.calculator.queryOptions({}));
  const myCases = useQuery(trpc.cases.mine.queryOptions({ page: 1, pageSize: 100 }));
  if (open.isPending) return <PageLoading />;
  const crumbs = [{ title: '我的企业', to: '/enterprise' }];
  if (open.isError) {
    return (
      <Page title="可申报项目" crumbs={crumbs}>
        <Alert type="error" showIcon title={readApiError(open.error).message} />
      </Page>
    );
  }
  const byId = new Map((checks.data ?? []).map((c) => [c.programmeId, c]));
  const unverified = (checks.data ?? []).some((c) =>
    c.failures.some((f) => f.code === 'ELIGIBILITY.UNVERIFIED'),
  );
  return (
    <Page
      title="可申报项目"
      crumbs={crumbs}
      subtitle="正在受理的扶持项目。系统按本企业的核验信息逐项判断申报条件，并可按您填写的数据试算金额。"
      extra={
        <Link to="/funding/cases">
          <Button>我的申报</Button>
        </Link>
      }
    >
      {checks.isError && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`暂时无法判断申报条件：${readApiError(checks.error).message}`}
        />
      )}
      {unverified && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="企业信息尚未核验"
          description="上传营业执照并填写收款银行账户，工作人员核验通过后即可申报。"
          action={
            <Link to="/enterprise/verification">
              <Button size="small" type="primary">
                去完成企业核验
              </Button>
            </Link>
          }
        />
      )}
      {open.data.length === 0 ? (
        <Card>
          <Empty description="目前没有正在受理的项目，请关注后续通知" />
        </Card>
      ) : (
        open.data.map((p) => (
          <ProgrammeCard
            key={p.id}
            programme={p}
            check={byId.get(p.id)}
            mine={(myCases.data?.items ?? []).find(
              (c) => c.programmeId === p.id && OPEN_CASE_STATUSES.includes(c.status),
            )}
          />
        ))
      )}
    </Page>
  );
}
