import { RatePct } from '@fund/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormAlert } from '../../shared/FormAlert';
import { readApiError } from '../../shared/errors';
import { useTRPC } from '../../shared/trpc';
import type { LprItem } from './types';

type Field = 'effectiveOn' | 'ratePct' | 'source' | 'reason';
const DEFAULT_SOURCE = '全国银行间同业拆借中心公告';

/** Adds a quotation; a date already in the table is a correction and needs a reason. */
export function AddLprModal({
  open,
  entries,
  today,
  onClose,
}: {
  open: boolean;
  entries: readonly LprItem[];
  today: string;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [date, setDate] = useState<Dayjs | null>(null);
  const [rate, setRate] = useState('');
  const [source, setSource] = useState(DEFAULT_SOURCE);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const iso = date?.format('YYYY-MM-DD');
  const existing = entries.find((e) => e.effectiveOn === iso);

  const reset = () => {
    setDate(null);
    setRate('');
    setSource(DEFAULT_SOURCE);
    setReason('');
    setErrors({});
    setGeneral([]);
  };
  const add = useMutation(
    trpc.policy.lpr.add.mutationOptions({
      onSuccess: async (saved) => {
        void message.success(
          existing
            ? `已将 ${saved.effectiveOn} 的 1 年期 LPR 更正为 ${saved.ratePct}%`
            : `已录入 ${saved.effectiveOn} 起的 1 年期 LPR ${saved.ratePct}%`,
        );
        await queryClient.invalidateQueries({ queryKey: trpc.policy.lpr.pathKey() });
        reset();
        onClose();
      },
      onError: (error) => {
        const e = readApiError(error);
        const fields = Object.keys(e.fieldErrors);
        setErrors(
          Object.fromEntries(fields.map((f) => [f.split('.')[0], e.fieldErrors[f]])) as Partial<
            Record<Field, string>
          >,
        );
        setGeneral(fields.length > 0 ? [] : [e.message]);
      },
    }),
  );

  const onOk = () => {
    const next: Partial<Record<Field, string>> = {};
    if (!iso) next.effectiveOn = '请选择报价日';
    if (!RatePct.safeParse(rate.trim()).success) next.ratePct = '请填写百分比数值，如 3.00（表示 3.00%）';
    if (source.trim().length < 2) next.source = '请填写发布来源';
    if (existing && reason.trim().length < 2) next.reason = '该日已有报价，更正须填写原因';
    setErrors(next);
    setGeneral([]);
    if (Object.keys(next).length > 0 || !iso) return;
    add.mutate({
      effectiveOn: iso,
      ratePct: rate.trim(),
      source: source.trim(),
      ...(existing ? { reason: reason.trim() } : {}),
    });
  };
  const item = (f: Field) => ({
    validateStatus: errors[f] ? ('error' as const) : undefined,
    help: errors[f],
  });

  return (
    <Modal
      open={open}
      title="录入 1 年期 LPR 报价"
      okText="保存"
      cancelText="取消"
      onOk={onOk}
      onCancel={() => {
        reset();
        onClose();
      }}
      confirmLoading={add.isPending}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label="报价日（自该日起适用）" required {...item('effectiveOn')}>
          <DatePicker
            value={date}
            onChange={setDate}
            disabledDate={(d) => d.isAfter(dayjs(today), 'day')}
            aria-label="报价日"
            style={{ width: 200 }}
          />
        </Form.Item>
        {existing && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={`${existing.effectiveOn} 已有报价 ${existing.ratePct}%（${existing.origin === 'bundled' ? '系统内置' : '管理员录入'}）。保存将更正该报价，更正前后的利率和原因记入审计日志。`}
          />
        )}
        <Form.Item label="1 年期 LPR" required {...item('ratePct')} extra="按公告填写两位小数">
          <Input
            value={rate}
            onChange={(e) => setRate(e.target.value)}
            placeholder="如 3.00"
            suffix="%"
            style={{ width: 200 }}
            aria-label="1 年期 LPR"
          />
        </Form.Item>
        <Form.Item label="发布来源" required {...item('source')}>
          <Input
            value={source}
            onChange={(e) => setSource(e.target.value)}
            maxLength={200}
            aria-label="发布来源"
          />
        </Form.Item>
        {existing && (
          <Form.Item label="更正原因" required {...item('reason')}>
            <Input.TextArea
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              maxLength={500}
              autoSize={{ minRows: 2 }}
              aria-label="更正原因"
            />
          </Form.Item>
        )}
      </Form>
      <FormAlert messages={general} />
    </Modal>
  );
}
