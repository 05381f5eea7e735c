import { CalculatorOutlined, SaveOutlined } from '@ant-design/icons';
import type { MilestoneKind, RequiredDocument } from '@fund/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Space, Steps, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
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
  draftData,
  emptyValues,
  milestoneKindsOf,
  schemaFor,
  toApplicationInput,
  valuesFromData,
  type ApplicationKind,
  type ApplicationValues,
} from './application-form';
import { CaseStatusTag } from './CaseStatusTag';
import { DocumentChecklist, LICENCE_KIND, type AttachedDocument } from './DocumentChecklist';
import { EligibilityAlert, EstimateResult, type CalculatorResult } from './EstimateResult';

type CaseView = RouterOutputs['cases']['get'];

type Target = {
  programmeId: number;
  programmeName: string;
  schemeLabel: string;
  kind: ApplicationKind;
  milestoneKinds: readonly MilestoneKind[];
  requiredDocuments: readonly RequiredDocument[];
  existing: CaseView | null;
};

function ApplyForm({ target, licenceOnFile }: { target: Target; licenceOnFile: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { kind, existing } = target;
  const { form, general, validate, onValuesChange } = useSchemaForm<ApplicationValues, unknown>(
    schemaFor(kind),
    toApplicationInput(kind),
  );
  const [caseId, setCaseId] = useState<number | undefined>(existing?.id);
  const [caseNo, setCaseNo] = useState<string | undefined>(existing?.caseNo);
  const [docs, setDocs] = useState<AttachedDocument[]>(existing?.documents ?? []);
  const [step, setStep] = useState<0 | 1>(0);
  const [preview, setPreview] = useState<CalculatorResult | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const saveDraft = useMutation(trpc.cases.saveDraft.mutationOptions());
  const submit = useMutation(trpc.cases.submit.mutationOptions());
  const resubmit = useMutation(trpc.cases.resubmit.mutationOptions());
  const returned = existing?.status === 'returned';

  const save = async (data: Record<string, unknown>) => {
    const saved = await saveDraft.mutateAsync({
      ...(caseId === undefined ? {} : { caseId }),
      programmeId: target.programmeId,
      data,
      documentIds: docs.map((d) => d.id),
    });
    setCaseId(saved.id);
    setCaseNo(saved.caseNo);
    void queryClient.invalidateQueries({ queryKey: trpc.cases.mine.queryKey() });
    return saved;
  };

  const onSaveDraft = () => {
    setErrors([]);
    save(draftData(kind, form.getFieldsValue(true) as ApplicationValues))
      .then((s) => void message.success(`草稿已保存（申报编号 ${s.caseNo}）`))
      .catch((e: unknown) => setErrors([readApiError(e).message]));
  };

  const onPreview = () => {
    setErrors([]);
    const data = validate();
    if (data === null) return;
    setBusy(true);
    save(data as Record<string, unknown>)
      .then((saved) =>
        queryClient.fetchQuery({
          ...trpc.cases.calculator.queryOptions({
            programmeId: target.programmeId,
            data: data as Record<string, unknown>,
            caseId: saved.id,
          }),
          staleTime: 0,
        }),
      )
      .then((rows) => {
        const row = rows[0];
        if (!row) {
          setErrors(['该项目已不在受理期内，无法计算金额']);
          return;
        }
        setPreview(row);
        setStep(1);
        window.scrollTo({ top: 0 });
      })
      .catch((e: unknown) => setErrors([readApiError(e).message]))
      .finally(() => setBusy(false));
  };

  const onConfirm = () => {
    if (caseId === undefined) return;
    setErrors([]);
    (returned ? resubmit : submit).mutate(
      { caseId },
      {
        onSuccess: () => {
          void message.success(returned ? '已重新提交，请等待审核' : '申报已提交，请等待审核');
          void queryClient.invalidateQueries({ queryKey: trpc.cases.mine.queryKey() });
          void queryClient.invalidateQueries({ queryKey: trpc.cases.get.queryKey({ caseId }) });
          void navigate(`/funding/cases/${caseId}`);
        },
        onError: (e) => setErrors([readApiError(e).message]),
      },
    );
  };

  const pending = submit.isPending || resubmit.isPending;
  const blocked = preview !== null && (!preview.eligible || preview.estimateProblem !== null);

  return (
    <>
      <Steps
        current={step}
        style={{ marginBottom: 24 }}
        items={[{ title: '填写申报信息' }, { title: '确认金额并提交' }, { title: '等待审核' }]}
      />
      {existing?.status === 'returned' && existing.returns.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="退回修改意见"
          description={existing.returns[existing.returns.length - 1]!.reason}
        />
      )}
      <div hidden={step !== 0}>
        <Form
          form={form}
          layout="vertical"
          initialValues={existing ? valuesFromData(existing.data) : emptyValues(kind, target.milestoneKinds)}
          onValuesChange={onValuesChange}
          aria-label="申报信息"
        >
          <Card title="申报信息" style={{ marginBottom: 16 }}>
            <ApplicationFields kind={kind} milestoneKinds={target.milestoneKinds} />
          </Card>
        </Form>
        <Card title="申报材料" style={{ marginBottom: 16 }}>
          <Typography.Paragraph type="secondary">
            每项材料可上传 PDF、PNG 或 JPG 文件（不超过10MB）；同一项有多份的，可多次上传。
          </Typography.Paragraph>
          <DocumentChecklist
            required={target.requiredDocuments}
            attached={docs}
            licenceOnFile={licenceOnFile}
            onAdd={(d) => setDocs((xs) => [...xs, d])}
            onRemove={(id) => setDocs((xs) => xs.filter((x) => x.id !== id))}
          />
        </Card>
        <FormAlert messages={[...general, ...errors]} />
        <Space wrap>
          <Button icon={<SaveOutlined />} onClick={onSaveDraft} loading={saveDraft.isPending && !busy}>
            保存草稿
          </Button>
          <Button type="primary" icon={<CalculatorOutlined />} onClick={onPreview} loading={busy}>
            计算并预览
          </Button>
          {caseNo && <Typography.Text type="secondary">申报编号：{caseNo}</Typography.Text>}
        </Space>
      </div>
      {step === 1 && preview && (
        <>
          <Card title="确认申报金额" style={{ marginBottom: 16 }}>
            <Flex vertical gap={16}>
              <EligibilityAlert result={preview} />
              <EstimateResult result={preview} />
            </Flex>
          </Card>
          <Card title="申报材料" style={{ marginBottom: 16 }}>
            <DocumentChecklist
              required={target.requiredDocuments}
              attached={docs}
              licenceOnFile={licenceOnFile}
            />
          </Card>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title="提交后，本项目当前的政策参数即随申报固定；审核期间不能修改，如被退回可按意见修改后重新提交。"
          />
          <FormAlert messages={errors} />
          <Space wrap>
            <Button onClick={() => setStep(0)}>返回修改</Button>
            <Button type="primary" onClick={onConfirm} loading={pending} disabled={blocked}>
              确认提交
            </Button>
            {blocked && (
              <Typography.Text type="danger">不符合申报条件或金额无法计算，暂不能提交</Typography.Text>
            )}
          </Space>
        </>
      )}
    </>
  );
}

/** 在线申报: new (`/funding/apply/:programmeId`) or a draft / returned case (`/funding/cases/:caseId/edit`). */
export function ApplyPage() {
  const params = useParams();
  const trpc = useTRPC();
  const caseId = params.caseId ? Number(params.caseId) : undefined;
  const open = useQuery(trpc.programmes.open.queryOptions());
  const existing = useQuery({
    ...trpc.cases.get.queryOptions({ caseId: caseId ?? 0 }),
    enabled: caseId !== undefined,
  });
  const mine = useQuery(trpc.verification.mine.queryOptions());
  const crumbs = [
    { title: '可申报项目', to: '/funding' },
    ...(caseId ? [{ title: '我的申报', to: '/funding/cases' }] : []),
  ];
  if (open.isPending || (caseId !== undefined && existing.isPending)) return <PageLoading />;
  const error = open.error ?? (caseId !== undefined ? existing.error : null);
  if (error) {
    return (
      <Page title="在线申报" crumbs={crumbs}>
        <Alert type="error" showIcon title={readApiError(error).message} />
      </Page>
    );
  }
  const c = caseId !== undefined ? (existing.data ?? null) : null;
  const programmeId = c ? c.programmeId : Number(params.programmeId);
  const programme = open.data?.find((p) => p.id === programmeId);
  const kind = programme ? applicationKindOf(programme.parameters) : null;
  if (!programme || !kind) {
    return (
      <Page title="在线申报" crumbs={crumbs}>
        <Alert
          type="warning"
          showIcon
          title="该项目不在受理期内或不接受企业申报"
          action={<Link to="/funding">查看可申报项目</Link>}
        />
      </Page>
    );
  }
  if (c && c.status !== 'draft' && c.status !== 'returned') {
    return (
      <Page title="在线申报" crumbs={crumbs}>
        <Alert
          type="info"
          showIcon
          title={`该申报当前状态为「${c.statusLabel}」，不能修改`}
          action={<Link to={`/funding/cases/${c.id}`}>查看申报</Link>}
        />
      </Page>
    );
  }
  const licenceOnFile = (mine.data?.documents ?? []).some((d) => d.kind === LICENCE_KIND);
  return (
    <Page
      title="在线申报"
      crumbs={crumbs}
      subtitle={
        <Space wrap>
          <Typography.Text strong>{programme.name}</Typography.Text>
          <Typography.Text type="secondary">{programme.schemeLabel}</Typography.Text>
          {c && <CaseStatusTag status={c.status} />}
          {c && <Typography.Text type="secondary">申报编号 {c.caseNo}</Typography.Text>}
        </Space>
      }
      width={1000}
    >
      <ApplyForm
        key={c?.id ?? 'new'}
        licenceOnFile={licenceOnFile}
        target={{
          programmeId: programme.id,
          programmeName: programme.name,
          schemeLabel: programme.schemeLabel,
          kind,
          milestoneKinds: milestoneKindsOf(programme.parameters),
          requiredDocuments: programme.parameters.requiredDocuments,
          existing: c,
        }}
      />
    </Page>
  );
}
