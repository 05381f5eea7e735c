import { fenToYuanString, formatFen } from '@fund/domain';
import { useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { IdempotentActionModal } from '../../shared/funding/IdempotentActionModal';
import type { ClawbackItem } from '../../shared/funding/types';
import { moneyField } from '../../shared/money';
import { MoneyInput } from '../../shared/MoneyInput';
import { useTRPCClient } from '../../shared/trpc';

type Values = { amount?: string; receivedOn?: Dayjs | null };

/** 追回款到账: returns the money to the programme's budget (idempotent like every money movement). */
export function RecoveryModal({ item, onClose }: { item: ClawbackItem | null; onClose: () => void }) {
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (item) form.setFieldsValue({ amount: fenToYuanString(item.outstandingFen), receivedOn: dayjs() });
  }, [item, form]);
  const read = () => {
    const v = form.getFieldsValue();
    const m = moneyField(v.amount ?? '', ['amount']);
    return { m, receivedOn: v.receivedOn ? v.receivedOn.format('YYYY-MM-DD') : '' };
  };
  const validate = () => {
    const { m, receivedOn } = read();
    form.setFields([
      { name: 'amount', errors: m.error ? m.error.errors : m.fen === null ? ['请填写到账金额'] : [] },
      { name: 'receivedOn', errors: receivedOn ? [] : ['请选择到账日期'] },
    ]);
    return m.fen !== null && !m.error && Boolean(receivedOn);
  };
  return (
    <IdempotentActionModal
      target={item ? { action: 'clawbacks.recordRecovery', objectId: item.id } : null}
      title={item ? `登记追回款到账：${item.caseNo}` : ''}
      okText="确认到账"
      validate={validate}
      run={(idempotencyKey) => {
        const { m, receivedOn } = read();
        return client.clawbacks.recordRecovery.mutate({
          clawbackId: item!.id,
          amountFen: m.fen!,
          receivedOn,
          idempotencyKey,
        });
      }}
      onDone={(r, replayed) => {
        void queryClient.invalidateQueries();
        onClose();
        void message.success(
          `${replayed ? '此前的到账登记已生效（未重复登记），' : '已登记到账，'}尚待追回 ${formatFen(r.outstandingFen)}`,
        );
      }}
      onClose={onClose}
    >
      {item && (
        <Typography.Paragraph>
          应追回 {formatFen(item.amountFen)}，已到账 {formatFen(item.recoveredFen)}，尚待追回{' '}
          <Typography.Text strong>{formatFen(item.outstandingFen)}</Typography.Text>。到账金额将返还项目预算。
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" name="recordRecovery" preserve={false}>
        <Form.Item label="到账金额" name="amount" required>
          <MoneyInput />
        </Form.Item>
        <Form.Item label="到账日期" name="receivedOn" required>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </IdempotentActionModal>
  );
}
