/**
 * The bridge between a `funding_case` row and the domain's lifecycle union (packages/domain/src/funding/lifecycle.ts).
 * Services load a row, turn it into a `FundingCase`, call a domain transition (which owns every rule), and write the
 * returned state back with `columnsOf`. No transition rule lives here.
 */
import { fen, type FundingCase } from '@fund/domain';
import type { Selectable } from 'kysely';
import type { FundingCaseTable } from './funding.tables';

export type CaseRow = Selectable<FundingCaseTable>;

function req<T>(value: T | null, column: string, row: CaseRow): T {
  if (value === null) throw new Error(`funding_case ${row.id}: ${column} is null in status ${row.status}`);
  return value;
}

export function toFundingCase(r: CaseRow): FundingCase {
  const core = { id: r.id, programmeId: r.programme_id, scheme: r.scheme };
  const submission = () => ({
    firstSubmittedAt: req(r.first_submitted_at, 'first_submitted_at', r),
    submittedAt: req(r.submitted_at, 'submitted_at', r),
    submittedBy: req(r.submitted_by, 'submitted_by', r),
    computedAmountFen: fen(req(r.computed_amount_fen, 'computed_amount_fen', r)),
    returnCount: r.return_count,
  });
  const recommendation = () => ({
    recommendedBy: req(r.recommended_by, 'recommended_by', r),
    recommendedAt: req(r.recommended_at, 'recommended_at', r),
    amountFen: fen(req(r.recommended_amount_fen, 'recommended_amount_fen', r)),
    adjustmentReason: r.adjustment_reason,
    noticeRound: r.notice_round,
  });
  const notice = () => ({
    noticeId: req(r.notice_id, 'notice_id', r),
    publishedOn: req(r.published_on, 'published_on', r),
    noticeEndsOn: req(r.notice_ends_on, 'notice_ends_on', r),
  });
  const approval = () => ({
    approvedBy: req(r.approved_by, 'approved_by', r),
    approvedAt: req(r.approved_at, 'approved_at', r),
  });
  const disbursement = () => ({
    disbursedBy: req(r.disbursed_by, 'disbursed_by', r),
    disbursedAt: req(r.disbursed_at, 'disbursed_at', r),
    voucherNo: req(r.voucher_no, 'voucher_no', r),
    paidOn: req(r.paid_on, 'paid_on', r),
  });
  switch (r.status) {
    case 'draft':
      return { ...core, status: 'draft' };
    case 'submitted':
      return { ...core, ...submission(), status: 'submitted' };
    case 'returned':
      return {
        ...core,
        ...submission(),
        status: 'returned',
        returnedBy: req(r.returned_by, 'returned_by', r),
        returnedAt: req(r.returned_at, 'returned_at', r),
        returnReason: req(r.return_reason, 'return_reason', r),
      };
    case 'recommended':
      return { ...core, ...submission(), ...recommendation(), status: 'recommended' };
    case 'in_notice':
      return { ...core, ...submission(), ...recommendation(), ...notice(), status: 'in_notice' };
    case 'approved':
      return {
        ...core,
        ...submission(),
        ...recommendation(),
        ...notice(),
        ...approval(),
        status: 'approved',
      };
    case 'disbursed':
      return {
        ...core,
        ...submission(),
        ...recommendation(),
        ...notice(),
        ...approval(),
        ...disbursement(),
        status: 'disbursed',
      };
    case 'rejected':
      return {
        ...core,
        status: 'rejected',
        rejectedBy: req(r.closed_by, 'closed_by', r),
        rejectedAt: req(r.closed_at, 'closed_at', r),
        reason: req(r.close_reason, 'close_reason', r),
        stageOfRejection: r.close_kind === 'finance' ? 'finance' : 'review',
        rejectedFrom: req(r.closed_from, 'closed_from', r),
        computedAmountFen: r.computed_amount_fen === null ? null : fen(r.computed_amount_fen),
      };
    case 'withdrawn':
      return {
        ...core,
        status: 'withdrawn',
        withdrawnBy: r.close_kind === 'objection' ? 'objection' : 'applicant',
        withdrawnByUser: req(r.closed_by, 'closed_by', r),
        withdrawnAt: req(r.closed_at, 'closed_at', r),
        reason: req(r.close_reason, 'close_reason', r),
        withdrawnFrom: req(r.closed_from, 'closed_from', r),
        objectionId: r.objection_id,
        computedAmountFen: r.computed_amount_fen === null ? null : fen(r.computed_amount_fen),
      };
    case 'clawed_back': {
      const cb = JSON.parse(req(r.clawback_json, 'clawback_json', r)) as {
        clawedBackBy: number;
        clawedBackAt: string;
        clawbackGround: 'false-material' | 'moved-out';
        clawbackReason: string;
        movedOutOn: string | null;
        fullMonthsElapsed: number | null;
      };
      return {
        ...core,
        ...submission(),
        ...recommendation(),
        ...notice(),
        ...approval(),
        ...disbursement(),
        ...cb,
        clawbackFen: fen(req(r.clawback_fen, 'clawback_fen', r)),
        status: 'clawed_back',
      };
    }
    default:
      return r.status satisfies never;
  }
}

/** The columns that represent `c` (the row's other columns — data, working, timestamps — are the service's). */
export function columnsOf(c: FundingCase): Partial<CaseRow> {
  const out: Partial<CaseRow> = { status: c.status };
  if ('submittedAt' in c) {
    Object.assign(out, {
      first_submitted_at: c.firstSubmittedAt,
      submitted_at: c.submittedAt,
      submitted_by: c.submittedBy,
      computed_amount_fen: c.computedAmountFen,
      return_count: c.returnCount,
    });
  }
  if (c.status === 'returned') {
    Object.assign(out, {
      returned_by: c.returnedBy,
      returned_at: c.returnedAt,
      return_reason: c.returnReason,
    });
  }
  if ('recommendedBy' in c) {
    Object.assign(out, {
      recommended_by: c.recommendedBy,
      recommended_at: c.recommendedAt,
      recommended_amount_fen: c.amountFen,
      adjustment_reason: c.adjustmentReason,
      notice_round: c.noticeRound,
    });
  }
  if ('noticeId' in c) {
    Object.assign(out, {
      notice_id: c.noticeId,
      published_on: c.publishedOn,
      notice_ends_on: c.noticeEndsOn,
    });
  } else if (c.status === 'recommended') {
    // Back to recommended after an upheld objection: the old notice no longer applies (published again later).
    Object.assign(out, { notice_id: null, published_on: null, notice_ends_on: null });
  }
  if ('approvedBy' in c) Object.assign(out, { approved_by: c.approvedBy, approved_at: c.approvedAt });
  if ('disbursedBy' in c) {
    Object.assign(out, {
      disbursed_by: c.disbursedBy,
      disbursed_at: c.disbursedAt,
      voucher_no: c.voucherNo,
      paid_on: c.paidOn,
    });
  }
  if (c.status === 'rejected') {
    Object.assign(out, {
      closed_by: c.rejectedBy,
      closed_at: c.rejectedAt,
      close_reason: c.reason,
      closed_from: c.rejectedFrom,
      close_kind: c.stageOfRejection,
    });
  }
  if (c.status === 'withdrawn') {
    Object.assign(out, {
      closed_by: c.withdrawnByUser,
      closed_at: c.withdrawnAt,
      close_reason: c.reason,
      closed_from: c.withdrawnFrom,
      close_kind: c.withdrawnBy,
      objection_id: c.objectionId,
    });
  }
  if (c.status === 'clawed_back') {
    Object.assign(out, {
      clawback_fen: c.clawbackFen,
      clawback_json: JSON.stringify({
        clawedBackBy: c.clawedBackBy,
        clawedBackAt: c.clawedBackAt,
        clawbackGround: c.clawbackGround,
        clawbackReason: c.clawbackReason,
        movedOutOn: c.movedOutOn,
        fullMonthsElapsed: c.fullMonthsElapsed,
      }),
    });
  }
  return out;
}
