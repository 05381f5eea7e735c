import { PrinterOutlined } from '@ant-design/icons';
import { formatFen, ObjectionInput } from '@fund/domain';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Result,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import type { RouterOutputs } from '../../shared/api-types';
import { readApiError } from '../../shared/errors';
import { FormAlert } from '../../shared/FormAlert';
import { Page } from '../../shared/Page';
import { PageLoading } from '../../shared/PageLoading';
import { useTRPC } from '../../shared/trpc';
import { useSchemaForm } from '../../shared/use-schema-form';
import './print.css';

type Notice = RouterOutputs['notices']['publicGet'];
type Entry = Notice['entries'][number];
type ObjectionValues = { caseId?: number; name?: string; contact?: string; reasons?: string };

function ObjectionForm({ notice }: { notice: Notice }) {
  const trpc = useTRPC();
  const lodge = useMutation(trpc.objections.lodge.mutationOptions());
  const { form, general, validate, onValuesChange, showServerError } = useSchemaForm<
    ObjectionValues,
    ObjectionInput
  >(ObjectionInput);
  const [done, setDone] = useState(false);
  const current = notice.entries.filter((e) => e.current);
  if (done) {
    return (
      <Result
        status="success"
        title="异议已提交"
        subTitle="我们将核实后与您联系，并将处理结果答复您。感谢您的监督。"
        extra={
          <Button
            onClick={() => {
              form.resetFields();
              setDone(false);
            }}
          >
            再提一条异议
          </Button>
        }
      />
    );
  }
  return (
    <Form
      form={form}
      layout="vertical"
      style={{ maxWidth: 720 }}
      onValuesChange={onValuesChange}
      initialValues={current.length === 1 ? { caseId: current[0]!.caseId } : {}}
      onFinish={() => {
        const input = validate();
        if (input === null) return;
        lodge.mutate(input, { onSuccess: () => setDone(true), onError: showServerError });
      }}
      aria-label="提出异议"
    >
      <Form.Item name="caseId" label="异议对象" required>
        <Select
          placeholder="请选择公示名单中的企业"
          options={current.map((e) => ({
            value: e.caseId,
            label: `${e.enterpriseName}（${e.programmeName}，${formatFen(e.amountFen)}）`,
          }))}
        />
      </Form.Item>
      <Form.Item name="name" label="姓名或单位名称" required extra="异议须实名提出：请填写真实姓名或单位全称">
        <Input maxLength={50} autoComplete="name" />
      </Form.Item>
      <Form.Item
        name="contact"
        label="联系方式"
        required
        extra="手机号码、带区号的固定电话或电子邮箱，仅用于核实和答复"
      >
        <Input maxLength={100} autoComplete="tel" />
      </Form.Item>
      <Form.Item
        name="reasons"
        label="异议理由"
        required
        extra="请具体说明异议的事实和理由（10–2000字），有证明材料的请注明"
      >
        <Input.TextArea rows={5} maxLength={2000} showCount />
      </Form.Item>
      <FormAlert messages={general} />
      <Button type="primary" htmlType="submit" loading={lodge.isPending}>
        提交异议
      </Button>
    </Form>
  );
}

/** One notice (§8): enterprise, USCC, programme, amount, objection contact and deadline; printable; objections. */
export function NoticePage() {
  const { noticeId } = useParams();
  const trpc = useTRPC();
  const q = useQuery(trpc.notices.publicGet.queryOptions({ noticeId: Number(noticeId) }));
  const crumbs = [{ title: '公示公告', to: '/notices' }];
  if (q.isPending) return <PageLoading />;
  if (q.isError) {
    return (
      <Page title="公示" crumbs={crumbs}>
        <Alert type="error" showIcon title={readApiError(q.error).message} />
      </Page>
    );
  }
  const n = q.data;
  return (
    <Page
      title={n.title}
      crumbs={crumbs}
      extra={
        <Button icon={<PrinterOutlined />} onClick={() => window.print()} className="no-print">
          打印
        </Button>
      }
    >
      <div className="notice-print">
        <Card style={{ marginBottom: 16 }}>
          <Descriptions
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'pub', label: '发布日期', children: n.publishedOn },
              { key: 'end', label: '公示期', children: `自发布次日起至 ${n.endsOn}` },
              { key: 'deadline', label: '异议截止日期', children: n.objectionDeadline },
              { key: 'contact', label: '异议受理联系方式', children: n.objectionContact },
            ]}
          />
          <Typography.Paragraph style={{ marginTop: 12 }}>
            经企业申报、主管部门审核，拟对下列企业给予扶持，现予公示。公示期间，任何单位和个人对公示内容有异议的，可在异议截止日期前以实名方式提出，并提供联系方式和具体理由。
          </Typography.Paragraph>
          <Table<Entry>
            rowKey="caseId"
            size="small"
            bordered
            pagination={false}
            dataSource={n.entries}
            scroll={{ x: 860 }}
            columns={[
              { title: '序号', width: 60, render: (_, __, i) => i + 1 },
              { title: '企业名称', dataIndex: 'enterpriseName' },
              { title: '统一社会信用代码', dataIndex: 'uscc', width: 190 },
              { title: '扶持项目', dataIndex: 'programmeName' },
              { title: '扶持类型', dataIndex: 'schemeLabel', width: 100 },
              {
                title: '拟扶持金额',
                dataIndex: 'amountFen',
                align: 'right',
                width: 140,
                render: (f: number) => formatFen(f),
              },
              {
                title: '状态',
                dataIndex: 'statusLabel',
                width: 140,
                render: (s: string, e) =>
                  e.current ? s : <Typography.Text type="secondary">{s}</Typography.Text>,
              },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            异议受理：{n.objectionContact}；异议截止日期：{n.objectionDeadline}。
          </Typography.Paragraph>
        </Card>
      </div>
      <Card title="提出异议" className="no-print">
        {n.objectionOpen ? (
          <ObjectionForm notice={n} />
        ) : (
          <Space direction="vertical">
            <Typography.Text type="secondary">
              异议期已于 {n.objectionDeadline} 截止（或尚未开始），本公示不再受理异议。
            </Typography.Text>
          </Space>
        )}
      </Card>
    </Page>
  );
}
