/** Review (区人社局 / 区商粮局 经办人): the queue, returns for correction, rejection and recommendation (domain rules). */
import {
  formatFen,
  recommend as recommendCase,
  reject as rejectCase,
  returnForCorrection as returnCase,
  type RecommendInput,
  type RejectInput,
  type ReturnForCorrectionInput,
} from '@fund/domain';
import { recordAudit } from '../../audit/audit.service';
import { inTransaction } from '../../trpc';
import type { AuthedContext } from '../auth/auth.service';
import { columnsOf, toFundingCase } from './case-state';
import { findCaseRow, listQueue, releaseOnceOnly, updateCase } from './cases.queries';
import { actorOf, caseNotFound, notifyEnterprise, nowIso, pageOf } from './funding.common';
import type { ReviewQueue } from './funding.schemas';

export async function queue(ctx: AuthedContext, input: ReviewQueue) {
  const { limit, offset } = pageOf(input);
  return listQueue(ctx.db, {
    statuses: input.status ? [input.status] : ['submitted'],
    programmeId: input.programmeId,
    limit,
    offset,
  });
}

export async function returnForCorrection(
  ctx: AuthedContext,
  input: ReturnForCorrectionInput,
): Promise<{ ok: true }> {
  return inTransaction(ctx, async (trx) => {
    const row = await findCaseRow(trx, input.caseId);
    if (!row) throw caseNotFound();
    const next = returnCase(toFundingCase(row), actorOf(ctx), nowIso(ctx), { reason: input.reason });
    await updateCase(trx, row.id, columnsOf(next), ctx.now);
    await trx
      .insertInto('case_return')
      .values({
        case_id: row.id,
        reason: next.returnReason,
        returned_by: ctx.user.id,
        returned_at: next.returnedAt,
        answer: null,
        answered_by: null,
        answered_at: null,
      })
      .execute();
    await notifyEnterprise(
      trx,
      row.enterprise_id,
      row.id,
      `您的申报 ${row.case_no} 被退回修改：${next.returnReason}`,
      ctx.now,
    );
    await recordAudit(trx, ctx, {
      action: 'funding.case.return',
      objectType: 'funding_case',
      objectId: row.id,
      summary: `退回申报 ${row.case_no} 修改：${next.returnReason}`,
      details: { reason: next.returnReason },
    });
    return { ok: true as const };
  });
}

export async function reject(ctx: AuthedContext, input: RejectInput): Promise<{ ok: true }> {
  return inTransaction(ctx, async (trx) => {
    const row = await findCaseRow(trx, input.caseId);
    if (!row) throw caseNotFound();
    const next = rejectCase(toFundingCase(row), actorOf(ctx), nowIso(ctx), { reason: input.reason });
    await updateCase(trx, row.id, columnsOf(next), ctx.now);
    await releaseOnceOnly(trx, row.id);
    await notifyEnterprise(
      trx,
      row.enterprise_id,
      row.id,
      `您的申报 ${row.case_no} 审核未通过：${next.reason}`,
      ctx.now,
    );
    await recordAudit(trx, ctx, {
      action: 'funding.case.reject',
      objectType: 'funding_case',
      objectId: row.id,
      summary: `审核不通过 ${row.case_no}：${next.reason}`,
      details: { reason: next.reason },
    });
    return { ok: true as const };
  });
}

export async function recommend(
  ctx: AuthedContext,
  input: RecommendInput,
): Promise<{ ok: true; amountFen: number }> {
  return inTransaction(ctx, async (trx) => {
    const row = await findCaseRow(trx, input.caseId);
    if (!row) throw caseNotFound();
    const next = recommendCase(toFundingCase(row), actorOf(ctx), nowIso(ctx), {
      amountFen: input.amountFen,
      adjustmentReason: input.adjustmentReason ?? null,
    });
    await updateCase(trx, row.id, columnsOf(next), ctx.now);
    await recordAudit(trx, ctx, {
      action: 'funding.case.recommend',
      objectType: 'funding_case',
      objectId: row.id,
      summary: `推荐 ${row.case_no}，金额 ${formatFen(next.amountFen)}${next.adjustmentReason ? `（调整理由：${next.adjustmentReason}）` : ''}`,
      details: {
        amountFen: next.amountFen,
        computedAmountFen: next.computedAmountFen,
        adjustmentReason: next.adjustmentReason,
      },
    });
    return { ok: true as const, amountFen: next.amountFen };
  });
}
