import { formatFen } from '@fund/domain';
import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Typography } from 'antd';
import { IdempotentActionModal } from '../../shared/funding/IdempotentActionModal';
import type { ProgrammeWithBudget } from '../../shared/funding/types';
import { moneyField } from '../../shared/money';
import { MoneyInput } from '../../shared/MoneyInput';
import { useTRPC, useTRPCClient } from '../../shared/trpc';

type Values = { amount?: string; memo?: string };

/** 下达预算: an allocation entry in the programme's ledger (idempotent, audited). */
export function AllocateModal({
  programme,
  onClose,
}: {
  programme: ProgrammeWithBudget | null;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();

  const read = () => {
    const v = form.getFieldsValue();
    const amount = moneyField(v.amount ?? '', ['amount']);
    return { amountFen: amount.fen, amountError: amount.error, memo: (v.memo ?? '').trim() };
  };
  const validate = () => {
    const { amountFen, amountError, memo } = read();
    form.setFields([
      {
        name: 'amount',
        errors: amountError ? amountError.errors : amountFen === null ? ['请填写下达金额'] : [],
      },
      { name: 'memo', errors: memo.length < 2 ? ['请填写下达说明（如预算文号）'] : [] },
    ]);
    return amountFen !== null && !amountError && memo.length >= 2;
  };

  return (
    <IdempotentActionModal
      target={programme ? { action: 'budget.allocate', objectId: programme.id } : null}
      title={programme ? `下达预算：${programme.name}` : ''}
      okText="确认下达"
      validate={validate}
      run={(idempotencyKey) => {
        const { amountFen, memo } = read();
        return client.budget.allocate.mutate({
          programmeId: programme!.id,
          amountFen: amountFen!,
          memo,
          idempotencyKey,
        });
      }}
      onDone={(r, replayed) => {
        void queryClient.invalidateQueries({ queryKey: trpc.programmes.list.queryKey() });
        void message.success(
          `${replayed ? '此前的下达已生效（未重复下达），' : '预算已下达，'}可用额度 ${formatFen(r.budget.availableFen)}`,
        );
        form.resetFields();
        onClose();
      }}
      onClose={onClose}
    >
      {programme && (
        <Typography.Paragraph type="secondary">
          当前已下达 {formatFen(programme.budget.allocatedFen)}，可用{' '}
          {formatFen(programme.budget.availableFen)}。下达记录写入预算台账，不可修改。
        </Typography.Paragraph>
      )}
      <Form name="allocate" form={form} layout="vertical" preserve={false}>
        <Form.Item label="下达金额" name="amount" required>
          <MoneyInput />
        </Form.Item>
        <Form.Item label="下达说明" name="memo" required extra="如预算批复文号，将记入审计日志">
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </IdempotentActionModal>
  );
}
