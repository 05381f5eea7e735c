import { fenToYuanString, formatFen } from '@fund/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { readApiError } from '../../shared/errors';
import { FormAlert } from '../../shared/FormAlert';
import type { CaseDetail } from '../../shared/funding/types';
import { moneyField } from '../../shared/money';
import { MoneyInput } from '../../shared/MoneyInput';
import { useTRPC } from '../../shared/trpc';

type Values = { amount?: string; adjustmentReason?: string };

/** 推荐: at the computed amount, or adjusted with a reason (the domain refuses an adjustment without one). */
export function RecommendModal({ c, open, onClose }: { c: CaseDetail; open: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [errors, setErrors] = useState<string[]>([]);
  const recommend = useMutation(trpc.review.recommend.mutationOptions());
  const computed = c.computedAmountFen ?? 0;
  useEffect(() => {
    if (open) {
      setErrors([]);
      form.setFieldsValue({ amount: fenToYuanString(computed), adjustmentReason: '' });
    }
  }, [open, computed, form]);
  const amountText = Form.useWatch('amount', form);
  const typed = moneyField(amountText ?? '', ['amount']).fen;
  const adjusted = typed !== null && typed !== computed;

  const ok = () => {
    const amount = moneyField((form.getFieldValue('amount') as string | undefined) ?? '', ['amount']);
    if (amount.fen === null) {
      form.setFields([{ name: 'amount', errors: amount.error?.errors ?? ['请填写推荐金额'] }]);
      return;
    }
    const reason = ((form.getFieldValue('adjustmentReason') as string | undefined) ?? '').trim();
    recommend.mutate(
      {
        caseId: c.id,
        amountFen: amount.fen,
        adjustmentReason: amount.fen !== computed ? reason || null : null,
      },
      {
        onSuccess: (r) => {
          void message.success(`已推荐，金额 ${formatFen(r.amountFen)}，可在公示管理中发布公示`);
          void queryClient.invalidateQueries();
          onClose();
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
    <Modal
      open={open}
      title={`推荐：${c.caseNo}`}
      okText="确认推荐"
      cancelText="取消"
      confirmLoading={recommend.isPending}
      onOk={ok}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>
        系统计算金额：<Typography.Text strong>{formatFen(computed)}</Typography.Text>
        。推荐金额与计算金额不同时，须填写调整理由。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" name="recommend" preserve={false}>
        <Form.Item label="推荐金额" name="amount" required>
          <MoneyInput />
        </Form.Item>
        {adjusted && (
          <Form.Item
            label="调整理由"
            name="adjustmentReason"
            required
            extra="将记入审计日志，并随案件公示前复核"
          >
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        )}
      </Form>
      <FormAlert messages={errors} />
    </Modal>
  );
}
