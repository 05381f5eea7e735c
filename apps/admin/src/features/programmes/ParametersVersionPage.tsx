import { ProgrammeParameters, SCHEME_LABELS } from '@fund/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Result, Space } from 'antd';
import { useEffect } from 'react';
import { useNavigate, useParams } from 'react-router';
import { z } from 'zod';
import { readApiError } from '../../shared/errors';
import { FormAlert } from '../../shared/FormAlert';
import { Page } from '../../shared/Page';
import { PageLoading } from '../../shared/PageLoading';
import { useTRPC } from '../../shared/trpc';
import { useSchemaForm, type ToInput } from '../../shared/use-schema-form';
import { fromDraft, toDraft } from './parameters-form';
import { ParametersFields } from './ParametersFields';

const Schema = z.object({ parameters: ProgrammeParameters });
type Values = { parameters: Record<string, unknown> };
const toInput: ToInput<Values> = (v) => {
  const { value, errors } = fromDraft(v.parameters);
  return { input: { parameters: value }, errors };
};

export function ParametersVersionPage() {
  const id = Number(useParams().id);
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { modal } = App.useApp();
  const programme = useQuery(trpc.programmes.get.queryOptions({ programmeId: id }, { enabled: id > 0 }));
  const { form, general, validate, onValuesChange, showServerError } = useSchemaForm<
    Values,
    z.infer<typeof Schema>
  >(Schema, toInput);
  const save = useMutation(trpc.programmes.newVersion.mutationOptions({ onError: showServerError }));
  const p = programme.data;
  useEffect(() => {
    if (p) form.setFieldsValue({ parameters: toDraft(p.parameters) });
  }, [p, form]);

  if (programme.isError) return <Result status="warning" title={readApiError(programme.error).message} />;
  if (!p) return <PageLoading />;
  const mode = p.parameters.scheme === 'loan-interest-subsidy' ? p.parameters.mode : 'lpr-spread';

  const onFinish = () => {
    const input = validate();
    if (!input) return;
    save.mutate(
      { programmeId: p.id, parameters: input.parameters },
      {
        onSuccess: (r) => {
          void queryClient.invalidateQueries({ queryKey: trpc.programmes.list.queryKey() });
          void queryClient.invalidateQueries({ queryKey: trpc.programmes.get.queryKey() });
          modal.success({
            title: r.version === p.version ? `已修改第 ${r.version} 版参数` : `已发布第 ${r.version} 版参数`,
            content:
              r.version === p.version
                ? '该版本尚无申报，已直接修改。'
                : `此前提交的申报仍按第 ${p.version} 版参数计算；新提交的申报适用第 ${r.version} 版。`,
            okText: '返回项目列表',
            onOk: () => void navigate('/programmes'),
          });
        },
      },
    );
  };

  return (
    <Page
      title="调整参数"
      subtitle={`${p.name}（${SCHEME_LABELS[p.scheme]}，当前第 ${p.version} 版）`}
      crumbs={[{ title: '项目管理', to: '/programmes' }]}
      width={960}
    >
      <Alert
        type="info"
        showIcon
        title="参数版本说明"
        description={`已提交的申报冻结了提交时的参数版本，修改参数不会改变它们的计算金额。若已有申报使用第 ${p.version} 版，保存后将生成第 ${p.version + 1} 版，只对之后提交的申报生效；若尚无申报，则直接修改第 ${p.version} 版。`}
        style={{ marginBottom: 16 }}
      />
      <Form<Values>
        name="parameters"
        form={form}
        layout="vertical"
        onValuesChange={onValuesChange}
        onFinish={onFinish}
      >
        <Card style={{ marginBottom: 16 }}>
          <ParametersFields scheme={p.scheme} mode={mode} />
        </Card>
        <FormAlert messages={general} />
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            保存参数
          </Button>
          <Button onClick={() => void navigate('/programmes')}>取消</Button>
        </Space>
      </Form>
    </Page>
  );
}
