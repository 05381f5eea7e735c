import { formatFen } from '@fund/domain';
import { useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Descriptions, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { IdempotentActionModal } from '../../shared/funding/IdempotentActionModal';
import type { FinanceQueueItem } from '../../shared/funding/types';
import { useTRPCClient } from '../../shared/trpc';

type Values = { voucherNo?: string; paidOn?: Dayjs | null };

/** 登记付款: once per disbursement (payment UNIQUE + idempotency key kept until a definite answer). */
export function PaymentModal({ item, onClose }: { item: FinanceQueueItem | null; onClose: () => void }) {
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (item) form.setFieldsValue({ voucherNo: '', paidOn: dayjs() });
  }, [item, form]);
  const read = () => {
    const v = form.getFieldsValue();
    return { voucherNo: (v.voucherNo ?? '').trim(), paidOn: v.paidOn ? v.paidOn.format('YYYY-MM-DD') : '' };
  };
  const validate = () => {
    const { voucherNo, paidOn } = read();
    form.setFields([
      { name: 'voucherNo', errors: voucherNo ? [] : ['请填写支付凭证号'] },
      { name: 'paidOn', errors: paidOn ? [] : ['请选择支付日期'] },
    ]);
    return Boolean(voucherNo && paidOn);
  };
  return (
    <IdempotentActionModal
      target={
        item?.disbursementId ? { action: 'finance.recordPayment', objectId: item.disbursementId } : null
      }
      title={item ? `登记付款：${item.caseNo}` : ''}
      okText="确认登记付款"
      validate={validate}
      run={(idempotencyKey) =>
        client.finance.recordPayment.mutate({
          disbursementId: item!.disbursementId!,
          ...read(),
          idempotencyKey,
        })
      }
      isAlreadyDone={(e) => e.domainCode === 'FUNDING.ALREADY_PAID'}
      onAlreadyDone={() => void queryClient.invalidateQueries()}
      onDone={(r, replayed) => {
        void queryClient.invalidateQueries();
        onClose();
        if (replayed) {
          modal.info({
            title: '此前的付款登记已生效',
            content: `服务器确认该请求此前已办理（按同一请求编号返回原结果），未重复登记：${formatFen(r.amountFen)}。`,
            okText: '知道了',
          });
        } else {
          void message.success(`已登记付款 ${formatFen(r.amountFen)}，企业将收到拨付通知`);
        }
      }}
      onClose={onClose}
    >
      {item && (
        <Descriptions
          size="small"
          bordered
          column={1}
          style={{ marginBottom: 12 }}
          items={[
            { key: 'e', label: '收款企业', children: item.enterpriseName },
            {
              key: 'a',
              label: '拨付金额',
              children: item.amountFen === null ? '—' : formatFen(item.amountFen),
            },
          ]}
        />
      )}
      <Form form={form} layout="vertical" name="recordPayment" preserve={false}>
        <Form.Item label="支付凭证号" name="voucherNo" required extra="国库集中支付凭证或银行回单上的编号">
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item label="支付日期" name="paidOn" required>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </IdempotentActionModal>
  );
}
