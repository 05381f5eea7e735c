import { Pagination, WithdrawInput } from '@fund/domain';
import { authedProcedure, router, withPermission } from '../../trpc';
import * as cases from './cases.service';
import { AnswerReturn, Calculator, CaseRef, MarkRead, SaveDraft } from './funding.schemas';
import * as notifications from './notifications.service';

const applicant = withPermission('application.apply');

export const casesRouter = router({
  calculator: applicant.input(Calculator).query(({ ctx, input }) => cases.calculator(ctx, input)),
  saveDraft: applicant.input(SaveDraft).mutation(({ ctx, input }) => cases.saveDraft(ctx, input)),
  submit: applicant.input(CaseRef).mutation(({ ctx, input }) => cases.submit(ctx, input.caseId)),
  answerReturn: applicant.input(AnswerReturn).mutation(({ ctx, input }) => cases.answerReturn(ctx, input)),
  resubmit: applicant.input(CaseRef).mutation(({ ctx, input }) => cases.resubmit(ctx, input.caseId)),
  withdraw: applicant.input(WithdrawInput).mutation(({ ctx, input }) => cases.withdraw(ctx, input)),
  mine: applicant.input(Pagination).query(({ ctx, input }) => cases.mine(ctx, input)),
  // Own enterprise's case, or staff: the service decides per row (someone else's → NOT_FOUND).
  get: authedProcedure.input(CaseRef).query(({ ctx, input }) => cases.get(ctx, input.caseId)),
});

export const notificationsRouter = router({
  list: authedProcedure.input(Pagination).query(({ ctx, input }) => notifications.list(ctx, input)),
  unreadCount: authedProcedure.query(({ ctx }) => notifications.unreadCount(ctx)),
  markRead: authedProcedure.input(MarkRead).mutation(({ ctx, input }) => notifications.markRead(ctx, input)),
});
