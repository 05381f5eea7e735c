import { ClawBackInput, RefuseByFinanceInput } from '@fund/domain';
import { router, withPermission } from '../../trpc';
import * as finance from './finance.service';
import {
  ApproveInput,
  BatchRef,
  ClawbackList,
  CreateBatch,
  FinanceQueue,
  RecordPayment,
  RecordRecovery,
} from './funding.schemas';

export const financeRouter = router({
  queue: withPermission('application.approve')
    .input(FinanceQueue)
    .query(({ ctx, input }) => finance.queue(ctx, input)),
  approve: withPermission('application.approve')
    .input(ApproveInput)
    .mutation(({ ctx, input }) => finance.approve(ctx, input)),
  refuse: withPermission('application.approve')
    .input(RefuseByFinanceInput)
    .mutation(({ ctx, input }) => finance.refuse(ctx, input)),
  createBatch: withPermission('payment.record')
    .input(CreateBatch)
    .mutation(({ ctx, input }) => finance.createBatch(ctx, input)),
  // A mutation on purpose: the unmasked export writes an audit event (no side effects on GET).
  exportBatch: withPermission('payment.record')
    .input(BatchRef)
    .mutation(({ ctx, input }) => finance.exportBatch(ctx, input.batchId)),
  recordPayment: withPermission('payment.record')
    .input(RecordPayment)
    .mutation(({ ctx, input }) => finance.recordPayment(ctx, input)),
});

export const clawbacksRouter = router({
  // domain permissionFor('clawBack') = application.review: a reviewer establishes the ground.
  record: withPermission('application.review')
    .input(ClawBackInput)
    .mutation(({ ctx, input }) => finance.recordClawback(ctx, input)),
  // Read-only list for both sides: the reviewer who records a clawback and finance who records the money back.
  list: withPermission('programme.view')
    .input(ClawbackList)
    .query(({ ctx, input }) => finance.clawbackList(ctx, input)),
  recordRecovery: withPermission('payment.record')
    .input(RecordRecovery)
    .mutation(({ ctx, input }) => finance.recordRecovery(ctx, input)),
});
