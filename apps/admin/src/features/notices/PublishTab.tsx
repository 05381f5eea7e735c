import { formatFen } from '@fund/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Row,
  Table,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { readApiError } from '../../shared/errors';
import { FormAlert } from '../../shared/FormAlert';
import type { CaseListItem } from '../../shared/funding/types';
import { useTRPC } from '../../shared/trpc';

type Values = { title?: string; publishedOn?: Dayjs | null; objectionContact?: string };

const columns: TableColumnsType<CaseListItem> = [
  {
    title: '案件编号',
    dataIndex: 'caseNo',
    width: 150,
    render: (v: string, r) => <Link to={`/review/cases/${r.id}`}>{v}</Link>,
  },
  {
    title: '申报企业',
    dataIndex: 'enterpriseName',
    render: (v: string, r) => (
      <>
        <div>{v}</div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {r.uscc} · {r.programmeName}
        </Typography.Text>
      </>
    ),
  },
  {
    title: '推荐金额',
    dataIndex: 'amountFen',
    width: 140,
    align: 'right',
    render: (v: number | null) => (v === null ? '—' : formatFen(v)),
  },
];

export function PublishTab() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { modal } = App.useApp();
  const recommended = useQuery(
    trpc.review.queue.queryOptions({ status: 'recommended', page: 1, pageSize: 100 }),
  );
  const programmes = useQuery(trpc.programmes.list.queryOptions());
  const [selected, setSelected] = useState<number[]>([]);
  const [errors, setErrors] = useState<string[]>([]);
  const [form] = Form.useForm<Values>();
  const publishedOn = Form.useWatch('publishedOn', form);
  const publish = useMutation(trpc.notices.publish.mutationOptions());

  const items = recommended.data?.items ?? [];
  // The notice length is each programme's parameter (§8); the longest among the selected cases applies.
  const workingDays = useMemo(() => {
    const byId = new Map((programmes.data ?? []).map((p) => [p.id, p.parameters.noticeWorkingDays]));
    const days = items.filter((i) => selected.includes(i.id)).map((i) => byId.get(i.programmeId) ?? 1);
    return days.length > 0 ? Math.max(...days) : null;
  }, [programmes.data, items, selected]);
  // Computed by the server on the effective calendar (bundled years plus those the administrator entered, ADR 009).
  const periodQuery = useQuery({
    ...trpc.notices.previewPeriod.queryOptions({
      publishedOn: publishedOn ? publishedOn.format('YYYY-MM-DD') : '',
      workingDays: workingDays ?? 1,
    }),
    enabled: Boolean(publishedOn),
    retry: false,
  });
  const preview = {
    value: publishedOn ? (periodQuery.data ?? null) : null,
    error: publishedOn && periodQuery.error ? readApiError(periodQuery.error).message : null,
  };

  const submit = () => {
    const v = form.getFieldsValue();
    if (selected.length === 0) return setErrors(['请在上方勾选要公示的案件']);
    if (!v.publishedOn) return setErrors(['请选择发布日期']);
    setErrors([]);
    publish.mutate(
      {
        caseIds: selected,
        publishedOn: v.publishedOn.format('YYYY-MM-DD'),
        title: (v.title ?? '').trim(),
        objectionContact: (v.objectionContact ?? '').trim(),
      },
      {
        onSuccess: (r) => {
          setSelected([]);
          void queryClient.invalidateQueries();
          modal.success({
            title: '公示已发布',
            content: `共 ${selected.length} 个案件进入公示，公示期至 ${r.endsOn}，异议受理截止 ${r.endsOn}。公示期结束后由财政局审批。`,
            okText: '知道了',
          });
        },
        onError: (e) => {
          const err = readApiError(e);
          setErrors(
            Object.values(err.fieldErrors).length > 0 ? Object.values(err.fieldErrors) : [err.message],
          );
        },
      },
    );
  };

  return (
    <Row gutter={16}>
      <Col xs={24} xl={16}>
        <Card title="已推荐、待公示的案件" size="small" style={{ marginBottom: 16 }}>
          {recommended.isError && (
            <Alert type="error" showIcon title={readApiError(recommended.error).message} />
          )}
          <Table<CaseListItem>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={items}
            loading={recommended.isFetching}
            rowSelection={{
              selectedRowKeys: selected,
              onChange: (keys) => setSelected(keys.map(Number)),
              getCheckboxProps: (r) => ({ 'aria-label': `选择 ${r.caseNo}` }),
            }}
            locale={{ emptyText: '暂无待公示的案件' }}
            pagination={false}
          />
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card title="发布公示" size="small">
          <Form<Values>
            form={form}
            layout="vertical"
            name="publishNotice"
            initialValues={{
              title: `${dayjs().year()}年度中小微企业发展引导基金拟支持名单公示`,
              publishedOn: dayjs(),
              objectionContact: '岳阳楼区中小微企业发展引导基金办公室 0730-8888888',
            }}
          >
            <Form.Item label="公示标题" name="title" required>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item label="发布日期" name="publishedOn" required>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item label="异议受理联系方式" name="objectionContact" required>
              <Input maxLength={200} />
            </Form.Item>
          </Form>
          {preview.error && (
            <Alert type="error" showIcon title={preview.error} style={{ marginBottom: 12 }} />
          )}
          {preview.value && (
            <Descriptions
              size="small"
              bordered
              column={1}
              style={{ marginBottom: 12 }}
              items={[
                { key: 'n', label: '已选案件', children: `${selected.length} 件` },
                {
                  key: 'd',
                  label: '公示期',
                  children: workingDays
                    ? `${preview.value.startsOn} 至 ${preview.value.endsOn}（${workingDays} 个工作日）`
                    : '请先选择案件',
                },
                {
                  key: 'o',
                  label: '异议截止',
                  children: workingDays ? preview.value.objectionDeadline : '—',
                },
              ]}
            />
          )}
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            公示期按工作日历（含调休）计算，发布当日不计入；公示期结束后次日起方可审批拨付。
          </Typography.Paragraph>
          <FormAlert messages={errors} />
          <Button type="primary" block onClick={submit} loading={publish.isPending}>
            发布公示
          </Button>
        </Card>
      </Col>
    </Row>
  );
}
