import { OBJECTION_OUTCOME_LABELS, ResolveObjectionInput, type ObjectionOutcome } from '@fund/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Radio, Segmented, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { readApiError } from '../../shared/errors';
import { FormAlert } from '../../shared/FormAlert';
import type { ObjectionItem } from '../../shared/funding/types';
import { moneyField } from '../../shared/money';
import { MoneyInput } from '../../shared/MoneyInput';
import { useTRPC } from '../../shared/trpc';
import { useSchemaForm, type ToInput } from '../../shared/use-schema-form';

/** `adjustedAmountFen` holds the typed text (元/万元); it is parsed to fen for the schema. */
type Values = { outcome?: ObjectionOutcome; answer?: string; adjustedAmountFen?: string };

const outcomeOptions = Object.entries(OBJECTION_OUTCOME_LABELS).map(([value, label]) => ({ value, label }));

function ResolveModal({ objection, onClose }: { objection: ObjectionItem | null; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const toInput: ToInput<Values> = (v) => {
    const money = moneyField(v.adjustedAmountFen ?? '', ['adjustedAmountFen']);
    return {
      input: {
        objectionId: objection?.id,
        outcome: v.outcome,
        answer: v.answer,
        ...(v.outcome === 'upheld-adjust' ? { adjustedAmountFen: money.fen ?? undefined } : {}),
      },
      errors: v.outcome === 'upheld-adjust' && money.error ? [money.error] : [],
    };
  };
  const { form, general, validate, onValuesChange, showServerError } = useSchemaForm<
    Values,
    ResolveObjectionInput
  >(ResolveObjectionInput, toInput);
  const resolve = useMutation(trpc.objections.resolve.mutationOptions({ onError: showServerError }));
  const outcome = Form.useWatch('outcome', form);
  const ok = () => {
    const input = validate();
    if (!input) return;
    resolve.mutate(input, {
      onSuccess: () => {
        void message.success('异议已处理，结果已记录');
        void queryClient.invalidateQueries();
        onClose();
      },
    });
  };
  return (
    <Modal
      open={objection !== null}
      title={objection ? `处理异议 #${objection.id}（${objection.caseNo}）` : ''}
      okText="提交处理结果"
      cancelText="取消"
      confirmLoading={resolve.isPending}
      onOk={ok}
      onCancel={onClose}
      destroyOnHidden
      width={600}
    >
      {objection && (
        <Alert
          type="info"
          style={{ marginBottom: 12 }}
          title={`异议人 ${objection.name}（${objection.contactMasked}），${dayjs(objection.lodgedAt).format('YYYY-MM-DD HH:mm')} 提出`}
          description={objection.reasons}
        />
      )}
      <Form
        form={form}
        layout="vertical"
        name="resolveObjection"
        onValuesChange={onValuesChange}
        preserve={false}
      >
        <Form.Item label="处理结果" name="outcome" required>
          <Radio.Group
            options={outcomeOptions}
            style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
          />
        </Form.Item>
        {outcome === 'upheld-adjust' && (
          <Form.Item
            label="调整后金额"
            name="adjustedAmountFen"
            required
            extra="调整后案件回到“已推荐”，需重新发布公示"
          >
            <MoneyInput placeholder="如 15000" />
          </Form.Item>
        )}
        <Form.Item label="答复意见" name="answer" required extra="将答复异议人并记入审计日志">
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      </Form>
      <FormAlert messages={general} />
    </Modal>
  );
}

export function ObjectionsTab() {
  const trpc = useTRPC();
  const [status, setStatus] = useState<'open' | 'resolved'>('open');
  const [resolving, setResolving] = useState<ObjectionItem | null>(null);
  const list = useQuery(trpc.objections.list.queryOptions({ status, page: 1, pageSize: 100 }));
  const columns: TableColumnsType<ObjectionItem> = [
    {
      title: '案件',
      dataIndex: 'caseNo',
      width: 150,
      render: (v: string, r) => <Link to={`/review/cases/${r.caseId}`}>{v}</Link>,
    },
    {
      title: '异议人',
      dataIndex: 'name',
      width: 150,
      render: (v: string, r) => (
        <>
          <div>{v}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.contactMasked}
          </Typography.Text>
        </>
      ),
    },
    { title: '异议理由', dataIndex: 'reasons', ellipsis: true },
    {
      title: '提出时间',
      dataIndex: 'lodgedAt',
      width: 150,
      render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm'),
    },
    {
      title: status === 'open' ? '操作' : '处理结果',
      key: 'x',
      width: 220,
      render: (_, r) =>
        r.status === 'open' ? (
          <Button size="small" type="primary" onClick={() => setResolving(r)}>
            处理
          </Button>
        ) : (
          <>
            <Tag>{r.outcomeLabel}</Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.resolution}
            </Typography.Text>
          </>
        ),
    },
  ];
  return (
    <Card size="small">
      <Segmented
        value={status}
        options={[
          { value: 'open', label: '待处理' },
          { value: 'resolved', label: '已处理' },
        ]}
        onChange={(v) => setStatus(v as 'open' | 'resolved')}
        style={{ marginBottom: 12 }}
      />
      {list.isError && <Alert type="error" showIcon title={readApiError(list.error).message} />}
      <Table<ObjectionItem>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data ?? []}
        loading={list.isFetching}
        locale={{ emptyText: status === 'open' ? '暂无待处理的异议' : '暂无已处理的异议' }}
        pagination={false}
      />
      <ResolveModal objection={resolving} onClose={() => setResolving(null)} />
    </Card>
  );
}
