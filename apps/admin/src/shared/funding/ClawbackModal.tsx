import { CLAWBACK_GROUND_LABELS, formatFen } from '@fund/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTRPC } from '../trpc';
import { ReasonModal } from './ReasonModal';

export type ClawbackTarget = { caseId: number; caseNo: string };

const groundOptions = Object.entries(CLAWBACK_GROUND_LABELS).map(([value, label]) => ({ value, label }));

/** 以奖代投 追回: the ground and reason are recorded; the amount is computed by the server from the frozen parameters. */
export function ClawbackModal({ target, onClose }: { target: ClawbackTarget | null; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { modal } = App.useApp();
  const record = useMutation(trpc.clawbacks.record.mutationOptions());
  return (
    <ReasonModal
      open={target !== null}
      title={target ? `登记追回：${target.caseNo}` : ''}
      okText="登记追回"
      label="追回理由"
      danger
      hint="追回金额由系统按申报时冻结的参数计算（迁出本区的按已满月数折算）；登记后企业将被标记并收到通知。"
      pending={record.isPending}
      onSubmit={async (reason, values) => {
        const ground = values.ground === 'moved-out' ? 'moved-out' : 'false-material';
        const movedOut = values.movedOutOn as Dayjs | undefined;
        const r = await record.mutateAsync(
          ground === 'moved-out'
            ? {
                caseId: target!.caseId,
                ground,
                movedOutOn: movedOut ? movedOut.format('YYYY-MM-DD') : '',
                reason,
              }
            : { caseId: target!.caseId, ground, reason },
        );
        void queryClient.invalidateQueries();
        modal.success({
          title: '已登记追回',
          content: `应追回金额 ${formatFen(r.amountFen)}。款项到账后由财政局登记到账，返还项目预算。`,
          okText: '知道了',
        });
      }}
      onClose={onClose}
    >
      <Form.Item label="追回情形" name="ground" initialValue="false-material" required>
        <Radio.Group options={groundOptions} />
      </Form.Item>
      <Form.Item
        noStyle
        shouldUpdate={(a: Record<string, unknown>, b: Record<string, unknown>) => a.ground !== b.ground}
      >
        {({ getFieldValue }) =>
          getFieldValue('ground') === 'moved-out' ? (
            <Form.Item label="迁出日期" name="movedOutOn" required>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          ) : null
        }
      </Form.Item>
    </ReasonModal>
  );
}
