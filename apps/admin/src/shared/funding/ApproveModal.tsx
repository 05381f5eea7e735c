import { CASE_STATUS_LABELS, formatFen } from '@fund/domain';
import { useQueryClient } from '@tanstack/react-query';
import { App, Descriptions, Typography } from 'antd';
import { useTRPC, useTRPCClient } from '../trpc';
import { IdempotentActionModal } from './IdempotentActionModal';

/** A refused transition from a state the approval leads to means it was approved before (another tab, a colleague). */
const DONE = new RegExp(`「(${CASE_STATUS_LABELS.approved}|${CASE_STATUS_LABELS.disbursed})」`);

export type ApproveTarget = {
  caseId: number;
  caseNo: string;
  enterpriseName: string;
  amountFen: number | null;
};

/** 财政审批通过: commits the budget and creates the disbursement, once (idempotency key kept until a definite answer). */
export function ApproveModal({ target, onClose }: { target: ApproveTarget | null; onClose: () => void }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();
  const refresh = () => void queryClient.invalidateQueries();
  return (
    <IdempotentActionModal
      target={target ? { action: 'finance.approve', objectId: target.caseId } : null}
      title={target ? `审批通过：${target.caseNo}` : ''}
      okText="确认审批通过"
      run={(idempotencyKey) => client.finance.approve.mutate({ caseId: target!.caseId, idempotencyKey })}
      isAlreadyDone={(e) => e.domainCode === 'FUNDING.ILLEGAL_TRANSITION' && DONE.test(e.message)}
      onAlreadyDone={refresh}
      onDone={(r, replayed) => {
        refresh();
        void queryClient.invalidateQueries({ queryKey: trpc.finance.queue.queryKey() });
        onClose();
        if (replayed) {
          modal.info({
            title: '此前的审批已生效',
            content: `服务器确认该请求此前已办理（按同一请求编号返回原结果），未重复审批：${formatFen(r.amountFen)}，拨付单号 ${r.disbursementId}。`,
            okText: '知道了',
          });
        } else {
          void message.success(`已审批通过，占用预算 ${formatFen(r.amountFen)}，已生成拨付单`);
        }
      }}
      onClose={onClose}
    >
      {target && (
        <>
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              { key: 'e', label: '申报企业', children: target.enterpriseName },
              {
                key: 'a',
                label: '拨付金额',
                children: target.amountFen === null ? '—' : formatFen(target.amountFen),
              },
            ]}
            style={{ marginBottom: 12 }}
          />
          <Typography.Paragraph>
            审批通过后将占用项目预算并生成拨付单。公示期未结束、存在未处理的异议、预算不足，或您本人推荐过该案件时，系统将拒绝审批并说明原因。
          </Typography.Paragraph>
        </>
      )}
    </IdempotentActionModal>
  );
}
