import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Checkbox, DatePicker, Form, Modal, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormAlert } from '../../../shared/FormAlert';
import { readApiError } from '../../../shared/errors';
import { useTRPC } from '../../../shared/trpc';
import type { AllocationItem } from '../types';

export type ChangeKind = 'end' | 'extend' | 'move';
const TITLES: Record<ChangeKind, string> = { end: '结束分配', extend: '延长分配', move: '调换工位' };

type Values = { date?: Dayjs | null; openEnded?: boolean; toWorkstationId?: number };

/** End, extend or move one allocation; the rules (overlaps, locked months) are the server's. */
export function ChangeAllocationModal({
  centreId,
  allocation,
  kind,
  onClose,
}: {
  centreId: number;
  allocation: AllocationItem | null;
  kind: ChangeKind;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [errors, setErrors] = useState<string[]>([]);
  const openEnded = Form.useWatch('openEnded', form);
  const vacant = useQuery({
    ...trpc.centres.workstations.list.queryOptions({ centreId, status: 'vacant', pageSize: 100 }),
    enabled: allocation !== null && kind === 'move',
  });
  const done = async (text: string) => {
    void message.success(text);
    await queryClient.invalidateQueries({ queryKey: trpc.centres.pathKey() });
    onClose();
  };
  const onError = (e: unknown) => setErrors([readApiError(e).message]);
  const end = useMutation(
    trpc.centres.allocations.end.mutationOptions({ onSuccess: () => done('分配已结束'), onError }),
  );
  const extend = useMutation(
    trpc.centres.allocations.extend.mutationOptions({ onSuccess: () => done('分配已延长'), onError }),
  );
  const move = useMutation(
    trpc.centres.allocations.move.mutationOptions({ onSuccess: () => done('已调换工位'), onError }),
  );

  const onOk = () => {
    if (!allocation) return;
    const v = form.getFieldsValue();
    const date = v.date?.format('YYYY-MM-DD');
    if (kind === 'extend' && v.openEnded) {
      extend.mutate({ allocationId: allocation.id, endsOn: null });
      return;
    }
    if (!date) {
      setErrors([kind === 'move' ? '请选择调换日期' : '请选择日期']);
      return;
    }
    if (kind === 'end') end.mutate({ allocationId: allocation.id, endsOn: date });
    else if (kind === 'extend') extend.mutate({ allocationId: allocation.id, endsOn: date });
    else if (!v.toWorkstationId) setErrors(['请选择目标工位']);
    else move.mutate({ allocationId: allocation.id, toWorkstationId: v.toWorkstationId, on: date });
  };

  return (
    <Modal
      open={allocation !== null}
      title={TITLES[kind]}
      okText="确定"
      cancelText="取消"
      onOk={onOk}
      onCancel={onClose}
      confirmLoading={end.isPending || extend.isPending || move.isPending}
      destroyOnHidden
      afterOpenChange={(o) => !o && setErrors([])}
    >
      {allocation && (
        <Typography.Paragraph type="secondary">
          工位 {allocation.workstationCode} · {allocation.occupantName} · {allocation.startsOn} 至{' '}
          {allocation.endsOn ?? '长期'}
        </Typography.Paragraph>
      )}
      <Form name="changeAllocation" form={form} layout="vertical" preserve={false}>
        {kind === 'move' && (
          <Form.Item label="目标工位" name="toWorkstationId" required>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={(vacant.data?.items ?? []).map((w) => ({
                value: w.id,
                label: `${w.code} · ${w.designationLabel} · ${w.zone}`,
              }))}
              placeholder="选择空置工位"
            />
          </Form.Item>
        )}
        <Form.Item
          label={
            kind === 'end' ? '最后使用日' : kind === 'extend' ? '新的结束日期' : '调换日期（新工位起用日）'
          }
          name="date"
          required={!(kind === 'extend' && openEnded)}
        >
          <DatePicker style={{ width: '100%' }} disabled={kind === 'extend' && openEnded} />
        </Form.Item>
        {kind === 'extend' && (
          <Form.Item name="openEnded" valuePropName="checked">
            <Checkbox>改为长期（不设结束日期）</Checkbox>
          </Form.Item>
        )}
        <FormAlert messages={errors} />
      </Form>
    </Modal>
  );
}
