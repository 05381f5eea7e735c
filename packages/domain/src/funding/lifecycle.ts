import { z } from 'zod';
import { can, type Action, type Role } from '../auth/permissions';
import type { UserId } from '../auth/schemas';
import { addDays, compareIsoDate, IsoDate } from '../dates';
import { conflict, forbidden, invalid, type DomainError } from '../errors';
import { fen, formatFen, type Fen } from '../money';
import { CLAWBACK_GROUND_LABELS, clawbackAmount, type ClawbackGround } from './award';
import { chinaDateOf, isNoticeOver, type NoticePeriod, type ResolvedObjection } from './notice';
import { NonNegativeFen, type Scheme } from './programme';

/**
 * The one workflow (architecture.md): enterprise applications (贷款贴息, 以奖代投) and centre claims (政府购买服务)
 * share one lifecycle, a discriminated union of states, moved only by the transition functions below. Each takes
 * the case, the acting user and the request's clock (`now`, an ISO instant) and returns the next state, or throws a
 * DomainError: `AUTH.FORBIDDEN` when the actor's roles do not allow the action, `FUNDING.ILLEGAL_TRANSITION` when
 * the case is not in a state the action starts from, and a specific code when a case rule refuses it.
 *
 *   draft → submitted ⇄ returned          submitted → recommended → in_notice → approved → disbursed → clawed_back
 *                                          any before approved → rejected | withdrawn
 *   upheld objection with a changed amount: in_notice → recommended (published again in a new notice)
 *
 * An open objection is a fact about the case (it blocks approval), not a state: the service counts open objections
 * and passes the count in.
 */

/** The acting user: who (for case rules such as separation of duties) and with which roles (permissions). */
export interface Actor {
  id: UserId;
  roles: readonly Role[];
}

export const CASE_STATUSES = [
  'draft',
  'submitted',
  'returned',
  'recommended',
  'in_notice',
  'approved',
  'disbursed',
  'rejected',
  'withdrawn',
  'clawed_back',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABELS: Readonly<Record<CaseStatus, string>> = {
  draft: '草稿',
  submitted: '已提交',
  returned: '退回修改',
  recommended: '已推荐',
  in_notice: '公示中',
  approved: '已审批',
  disbursed: '已拨付',
  rejected: '未通过',
  withdrawn: '已撤回',
  clawed_back: '已追回',
};

/** States a case can still leave; the others are final (clawed_back is final too). */
export const OPEN_CASE_STATUSES: readonly CaseStatus[] = [
  'draft',
  'submitted',
  'returned',
  'recommended',
  'in_notice',
  'approved',
  'disbursed',
];

// ─── states ─────────────────────────────────────────────────────────────────────────────────────────────────────

interface CaseCore {
  id: number;
  programmeId: number;
  scheme: Scheme;
}

/** The latest submission: who, when, and the amount the scheme's calculator gave under the frozen parameters. */
interface SubmissionFacts {
  firstSubmittedAt: string;
  submittedAt: string;
  submittedBy: UserId;
  computedAmountFen: Fen;
  /** How many times the case has been returned for correction. */
  returnCount: number;
}

interface RecommendationFacts {
  recommendedBy: UserId;
  recommendedAt: string;
  /** The amount recommended, equal to the computed amount unless adjusted with a reason. */
  amountFen: Fen;
  adjustmentReason: string | null;
  /** How many notices the case has been published in so far (an upheld objection publishes it again). */
  noticeRound: number;
}

interface NoticeFacts {
  noticeId: number;
  publishedOn: string;
  /** The last day of the 公示; approval and payment only from the next day (§8). */
  noticeEndsOn: string;
}

interface ApprovalFacts {
  approvedBy: UserId;
  approvedAt: string;
}

interface DisbursementFacts {
  disbursedBy: UserId;
  disbursedAt: string;
  voucherNo: string;
  paidOn: string;
}

export interface DraftCase extends CaseCore {
  status: 'draft';
}
export interface SubmittedCase extends CaseCore, SubmissionFacts {
  status: 'submitted';
}
export interface ReturnedCase extends CaseCore, SubmissionFacts {
  status: 'returned';
  returnedBy: UserId;
  returnedAt: string;
  returnReason: string;
}
export interface RecommendedCase extends CaseCore, SubmissionFacts, RecommendationFacts {
  status: 'recommended';
}
export interface InNoticeCase extends CaseCore, SubmissionFacts, RecommendationFacts, NoticeFacts {
  status: 'in_notice';
}
export interface ApprovedCase
  extends CaseCore, SubmissionFacts, RecommendationFacts, NoticeFacts, ApprovalFacts {
  status: 'approved';
}
export interface DisbursedCase
  extends CaseCore, SubmissionFacts, RecommendationFacts, NoticeFacts, ApprovalFacts, DisbursementFacts {
  status: 'disbursed';
}
export type StageOfRejection = 'review' | 'finance';
export interface RejectedCase extends CaseCore {
  status: 'rejected';
  rejectedBy: UserId;
  rejectedAt: string;
  reason: string;
  stageOfRejection: StageOfRejection;
  rejectedFrom: CaseStatus;
  computedAmountFen: Fen | null;
}
export type WithdrawnBy = 'applicant' | 'objection';
export interface WithdrawnCase extends CaseCore {
  status: 'withdrawn';
  withdrawnBy: WithdrawnBy;
  withdrawnByUser: UserId;
  withdrawnAt: string;
  reason: string;
  withdrawnFrom: CaseStatus;
  /** The upheld objection, when `withdrawnBy` is 'objection'. */
  objectionId: number | null;
  computedAmountFen: Fen | null;
}
export interface ClawedBackCase
  extends CaseCore, SubmissionFacts, RecommendationFacts, NoticeFacts, ApprovalFacts, DisbursementFacts {
  status: 'clawed_back';
  clawedBackBy: UserId;
  clawedBackAt: string;
  clawbackGround: ClawbackGround;
  clawbackReason: string;
  clawbackFen: Fen;
  movedOutOn: string | null;
  fullMonthsElapsed: number | null;
}

export type FundingCase =
  | DraftCase
  | SubmittedCase
  | ReturnedCase
  | RecommendedCase
  | InNoticeCase
  | ApprovedCase
  | DisbursedCase
  | RejectedCase
  | WithdrawnCase
  | ClawedBackCase;

/** A new case, before the database gives it an id. */
export function newDraft(core: { programmeId: number; scheme: Scheme }): Omit<DraftCase, 'id'> {
  return { programmeId: core.programmeId, scheme: core.scheme, status: 'draft' };
}

// ─── actions: who may do what from where ────────────────────────────────────────────────────────────────────────

export const CASE_ACTIONS = [
  'submit',
  'resubmit',
  'returnForCorrection',
  'recommend',
  'publishInNotice',
  'approve',
  'refuseByFinance',
  'disburse',
  'reject',
  'withdraw',
  'upholdObjectionWithAdjustment',
  'upholdObjectionWithWithdrawal',
  'clawBack',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export const CASE_ACTION_LABELS: Readonly<Record<CaseAction, string>> = {
  submit: '提交申请',
  resubmit: '重新提交',
  returnForCorrection: '退回修改',
  recommend: '推荐',
  publishInNotice: '发布公示',
  approve: '审批通过',
  refuseByFinance: '财政审核不通过',
  disburse: '拨付',
  reject: '审核不通过',
  withdraw: '撤回申请',
  upholdObjectionWithAdjustment: '异议成立并调整金额',
  upholdObjectionWithWithdrawal: '异议成立并撤销',
  clawBack: '追回奖励',
};

/** The states each action starts from. "Any before approved" (architecture.md) excludes drafts for reviewers, who never see them. */
export const ACTION_FROM: Readonly<Record<CaseAction, readonly CaseStatus[]>> = {
  submit: ['draft', 'returned'],
  resubmit: ['returned'],
  returnForCorrection: ['submitted'],
  recommend: ['submitted'],
  publishInNotice: ['recommended'],
  approve: ['in_notice'],
  refuseByFinance: ['in_notice'],
  disburse: ['approved'],
  reject: ['submitted', 'returned', 'recommended', 'in_notice'],
  withdraw: ['draft', 'submitted', 'returned', 'recommended', 'in_notice'],
  upholdObjectionWithAdjustment: ['in_notice'],
  upholdObjectionWithWithdrawal: ['in_notice'],
  clawBack: ['disbursed'],
};

/**
 * The permission (auth/permissions.ts) each action needs. The applicant side of a centre claim is the centre's
 * manager; ownership of the enterprise or centre is a row rule the service checks.
 */
export function permissionFor(action: CaseAction, scheme: Scheme): Action {
  switch (action) {
    case 'submit':
    case 'resubmit':
    case 'withdraw':
      return scheme === 'centre-service' ? 'claim.submit' : 'application.apply';
    case 'returnForCorrection':
    case 'recommend':
    case 'reject':
    case 'clawBack':
      return 'application.review';
    case 'publishInNotice':
    case 'upholdObjectionWithAdjustment':
    case 'upholdObjectionWithWithdrawal':
      return 'notice.publish';
    case 'approve':
    case 'refuseByFinance':
      return 'application.approve';
    case 'disburse':
      return 'payment.record';
    default:
      return action satisfies never;
  }
}

/** Facts about a case that are not its state: the open objections to it (§8). */
export interface CaseFacts {
  openObjections: number;
}

function illegalTransition(c: FundingCase, action: CaseAction): DomainError {
  return conflict(
    'FUNDING.ILLEGAL_TRANSITION',
    `案件当前状态为「${CASE_STATUS_LABELS[c.status]}」，不能${CASE_ACTION_LABELS[action]}`,
    { caseId: c.id, status: c.status, action },
  );
}

/**
 * Why `actor` may not take `action` on `c` today, or null if nothing in the case stands in the way. The single
 * source of the rules for both the transition functions and `allowedActions`.
 */
function refusal(
  action: CaseAction,
  c: FundingCase,
  actor: Actor,
  today: string,
  facts: CaseFacts,
): DomainError | null {
  if (!can(actor.roles, permissionFor(action, c.scheme))) {
    return forbidden('AUTH.FORBIDDEN', `您没有${CASE_ACTION_LABELS[action]}的权限`, { action });
  }
  if (!ACTION_FROM[action].includes(c.status)) return illegalTransition(c, action);
  switch (action) {
    case 'approve':
    case 'refuseByFinance':
      if (c.status !== 'in_notice') return illegalTransition(c, action);
      // §10: who recommended this case cannot decide on it as finance (a rule about the case, not about roles).
      if (actor.id === c.recommendedBy) {
        return forbidden('FUNDING.SEPARATION_OF_DUTIES', '推荐该案件的人员不能审批同一案件', {
          caseId: c.id,
        });
      }
      if (action === 'approve') {
        // §8: approval and payment only after the last notice day, and only when every objection is closed.
        if (!isNoticeOver({ endsOn: c.noticeEndsOn }, today)) {
          return conflict(
            'FUNDING.NOTICE_PERIOD_RUNNING',
            `公示期至 ${c.noticeEndsOn} 结束，${addDays(c.noticeEndsOn, 1)} 起方可审批`,
            { caseId: c.id, noticeEndsOn: c.noticeEndsOn, today },
          );
        }
        if (facts.openObjections > 0) {
          return conflict(
            'FUNDING.OBJECTION_OPEN',
            `该案件有 ${facts.openObjections} 条异议尚未处理完毕，暂不能审批`,
            {
              caseId: c.id,
              openObjections: facts.openObjections,
            },
          );
        }
      }
      return null;
    case 'clawBack':
      // §5: clawback is a rule of 以奖代投 only.
      if (c.scheme !== 'award-in-lieu-of-investment') {
        return conflict('FUNDING.CLAWBACK_NOT_APPLICABLE', '只有以奖代投的奖励可以追回', {
          caseId: c.id,
          scheme: c.scheme,
        });
      }
      return null;
    case 'submit':
    case 'resubmit':
    case 'returnForCorrection':
    case 'recommend':
    case 'publishInNotice':
    case 'disburse':
    case 'reject':
    case 'withdraw':
    case 'upholdObjectionWithAdjustment':
    case 'upholdObjectionWithWithdrawal':
      return null;
    default:
      return action satisfies never;
  }
}

function guard(
  action: CaseAction,
  c: FundingCase,
  by: Actor,
  now: string,
  facts: CaseFacts = { openObjections: 0 },
): string {
  const today = chinaDateOf(now);
  const refused = refusal(action, c, by, today, facts);
  if (refused) throw refused;
  return today;
}

/**
 * The actions `actorId` with `actorRoles` can take on the case today, in workflow order (for the UI's buttons).
 * Derived from the same rules as the transitions. Without `facts`, actions that depend on objections (approve, and
 * upholding an objection) are not offered: deny by default. A returned case offers `resubmit`, not `submit`.
 */
export function allowedActions(
  c: FundingCase,
  actorRoles: readonly Role[],
  actorId: UserId,
  today: string,
  facts?: CaseFacts,
): CaseAction[] {
  const actor: Actor = { id: actorId, roles: actorRoles };
  return CASE_ACTIONS.filter((action) => {
    switch (action) {
      case 'approve':
        if (facts === undefined) return false;
        break;
      case 'upholdObjectionWithAdjustment':
      case 'upholdObjectionWithWithdrawal':
        if (facts === undefined || facts.openObjections === 0) return false;
        break;
      case 'submit':
        if (c.status === 'returned') return false;
        break;
      case 'resubmit':
      case 'returnForCorrection':
      case 'recommend':
      case 'publishInNotice':
      case 'refuseByFinance':
      case 'disburse':
      case 'reject':
      case 'withdraw':
      case 'clawBack':
        break;
      default:
        return action satisfies never;
    }
    return refusal(action, c, actor, today, facts ?? { openObjections: 0 }) === null;
  });
}

// ─── inputs (declared once: the router's .input() and the admin forms) ──────────────────────────────────────────

export const FundingCaseRef = z.object({ caseId: z.number({ error: '缺少案件编号' }).int().positive() });
export type FundingCaseRef = z.infer<typeof FundingCaseRef>;

const Reason = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(2, { error: `${label}至少2个字` })
    .max(500, { error: `${label}不能超过500个字` });

export const ReturnForCorrectionInput = FundingCaseRef.extend({ reason: Reason('退回原因') });
export type ReturnForCorrectionInput = z.infer<typeof ReturnForCorrectionInput>;
export const RecommendInput = FundingCaseRef.extend({
  amountFen: NonNegativeFen,
  adjustmentReason: Reason('调整理由').nullable().optional(),
});
export type RecommendInput = z.infer<typeof RecommendInput>;
export const PublishNoticeInput = z.object({
  caseIds: z
    .array(z.number().int().positive())
    .min(1, { error: '请选择要公示的案件' })
    .max(500, { error: '一次公示不能超过500个案件' }),
  publishedOn: IsoDate,
});
export type PublishNoticeInput = z.infer<typeof PublishNoticeInput>;
export const RejectInput = FundingCaseRef.extend({ reason: Reason('不通过理由') });
export type RejectInput = z.infer<typeof RejectInput>;
export const RefuseByFinanceInput = FundingCaseRef.extend({ reason: Reason('不通过理由') });
export type RefuseByFinanceInput = z.infer<typeof RefuseByFinanceInput>;
export const WithdrawInput = FundingCaseRef.extend({ reason: Reason('撤回原因') });
export type WithdrawInput = z.infer<typeof WithdrawInput>;
export const DisburseInput = FundingCaseRef.extend({
  voucherNo: z
    .string({ error: '请填写支付凭证号' })
    .trim()
    .min(1, { error: '请填写支付凭证号' })
    .max(64, { error: '支付凭证号不能超过64个字符' }),
  paidOn: IsoDate,
});
export type DisburseInput = z.infer<typeof DisburseInput>;
export const ClawBackInput = z.discriminatedUnion('ground', [
  FundingCaseRef.extend({ ground: z.literal('false-material'), reason: Reason('追回理由') }),
  FundingCaseRef.extend({ ground: z.literal('moved-out'), movedOutOn: IsoDate, reason: Reason('追回理由') }),
]);
export type ClawBackInput = z.infer<typeof ClawBackInput>;

function parseArgs<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw invalid('FUNDING.INVALID_INPUT', issues.map((i) => i.message).join('；'), { issues });
  }
  return parsed.data;
}

// ─── carried facts ──────────────────────────────────────────────────────────────────────────────────────────────

function coreOf(c: FundingCase): CaseCore {
  return { id: c.id, programmeId: c.programmeId, scheme: c.scheme };
}
function submissionOf(c: SubmissionFacts): SubmissionFacts {
  const { firstSubmittedAt, submittedAt, submittedBy, computedAmountFen, returnCount } = c;
  return { firstSubmittedAt, submittedAt, submittedBy, computedAmountFen, returnCount };
}
function recommendationOf(c: RecommendationFacts): RecommendationFacts {
  const { recommendedBy, recommendedAt, amountFen, adjustmentReason, noticeRound } = c;
  return { recommendedBy, recommendedAt, amountFen, adjustmentReason, noticeRound };
}
function noticeOf(c: NoticeFacts): NoticeFacts {
  const { noticeId, publishedOn, noticeEndsOn } = c;
  return { noticeId, publishedOn, noticeEndsOn };
}
function approvalOf(c: ApprovalFacts): ApprovalFacts {
  return { approvedBy: c.approvedBy, approvedAt: c.approvedAt };
}
function disbursementOf(c: DisbursementFacts): DisbursementFacts {
  const { disbursedBy, disbursedAt, voucherNo, paidOn } = c;
  return { disbursedBy, disbursedAt, voucherNo, paidOn };
}
function computedAmountOf(c: FundingCase): Fen | null {
  return 'computedAmountFen' in c ? c.computedAmountFen : null;
}

/** Narrowing for TypeScript after `guard` has checked the state at run time. */
function expect<S extends CaseStatus>(
  c: FundingCase,
  action: CaseAction,
  ...statuses: S[]
): Extract<FundingCase, { status: S }> {
  if (!(statuses as CaseStatus[]).includes(c.status)) throw illegalTransition(c, action);
  return c as Extract<FundingCase, { status: S }>;
}

// ─── transitions ────────────────────────────────────────────────────────────────────────────────────────────────

/** The outcome of the eligibility check that precedes a submission (checkEligibility, or a centre claim's check). */
export interface SubmissionCheck {
  eligible: boolean;
  failures: readonly { code: string; message: string }[];
}

export interface SubmitArgs {
  /** The scheme calculator's result under the parameters frozen now (§3). */
  computedAmountFen: Fen;
  eligibility: SubmissionCheck;
}

/**
 * draft | returned → submitted. Refused (`FUNDING.NOT_ELIGIBLE`, with every reason) unless the eligibility check
 * passed; a correction answering a return is not a new application, so the programme's closing date does not stop it.
 */
export function submit(c: FundingCase, by: Actor, now: string, args: SubmitArgs): SubmittedCase {
  guard('submit', c, by, now);
  const from = expect(c, 'submit', 'draft', 'returned');
  return submitFrom(from, by, now, args);
}

/** returned → submitted, after the applicant has corrected what the reviewer asked for. */
export function resubmit(c: FundingCase, by: Actor, now: string, args: SubmitArgs): SubmittedCase {
  guard('resubmit', c, by, now);
  return submitFrom(expect(c, 'resubmit', 'returned'), by, now, args);
}

function submitFrom(c: DraftCase | ReturnedCase, by: Actor, now: string, args: SubmitArgs): SubmittedCase {
  const computedAmountFen = fen(args.computedAmountFen);
  if (computedAmountFen < 0)
    throw invalid('FUNDING.INVALID_AMOUNT', '计算金额不能为负数', { computedAmountFen });
  const blocking = args.eligibility.failures.filter(
    (f) => !(c.status === 'returned' && f.code === 'ELIGIBILITY.PROGRAMME_NOT_OPEN'),
  );
  if (blocking.length > 0 || (!args.eligibility.eligible && c.status === 'draft')) {
    throw conflict(
      'FUNDING.NOT_ELIGIBLE',
      `不符合申报条件：${blocking.map((f) => f.message).join('；') || '资格审查未通过'}`,
      {
        failures: blocking,
      },
    );
  }
  const firstSubmittedAt = c.status === 'returned' ? c.firstSubmittedAt : now;
  const returnCount = c.status === 'returned' ? c.returnCount : 0;
  return {
    ...coreOf(c),
    status: 'submitted',
    firstSubmittedAt,
    submittedAt: now,
    submittedBy: by.id,
    computedAmountFen,
    returnCount,
  };
}

/** submitted → returned, with the reason the applicant must answer. */
export function returnForCorrection(
  c: FundingCase,
  by: Actor,
  now: string,
  args: { reason: string },
): ReturnedCase {
  guard('returnForCorrection', c, by, now);
  const from = expect(c, 'returnForCorrection', 'submitted');
  const { reason } = parseArgs(ReturnForCorrectionInput.omit({ caseId: true }), args);
  return {
    ...coreOf(from),
    ...submissionOf(from),
    status: 'returned',
    returnCount: from.returnCount + 1,
    returnedBy: by.id,
    returnedAt: now,
    returnReason: reason,
  };
}

/**
 * submitted → recommended. The amount is the computed one unless the reviewer adjusts it, which needs a reason; it
 * can be lowered, never raised above what the policy gives (data that understate the entitlement are returned for
 * correction instead).
 */
export function recommend(
  c: FundingCase,
  by: Actor,
  now: string,
  args: { amountFen: number; adjustmentReason?: string | null },
): RecommendedCase {
  guard('recommend', c, by, now);
  const from = expect(c, 'recommend', 'submitted');
  const { amountFen, adjustmentReason } = parseArgs(RecommendInput.omit({ caseId: true }), args);
  const reason = checkedAdjustment(amountFen, from.computedAmountFen, adjustmentReason ?? null);
  return {
    ...coreOf(from),
    ...submissionOf(from),
    status: 'recommended',
    recommendedBy: by.id,
    recommendedAt: now,
    amountFen,
    adjustmentReason: reason,
    noticeRound: 0,
  };
}

function checkedAdjustment(amountFen: Fen, computedAmountFen: Fen, reason: string | null): string | null {
  if (amountFen > computedAmountFen) {
    throw invalid(
      'FUNDING.AMOUNT_ABOVE_ENTITLEMENT',
      `推荐金额 ${formatFen(amountFen)} 高于按政策计算的金额 ${formatFen(computedAmountFen)}；如申报数据有误，请退回修改`,
      { amountFen, computedAmountFen },
    );
  }
  if (amountFen !== computedAmountFen && reason === null) {
    throw invalid(
      'FUNDING.ADJUSTMENT_REASON_REQUIRED',
      `推荐金额 ${formatFen(amountFen)} 与计算金额 ${formatFen(computedAmountFen)} 不一致，请填写调整理由`,
      { amountFen, computedAmountFen },
    );
  }
  // An unadjusted amount needs no reason, and keeps none.
  return amountFen === computedAmountFen ? null : reason;
}

/**
 * recommended → in_notice, in the notice `noticeId` whose period was computed by `noticePeriod` (§8). A notice
 * cannot be backdated: that would shorten the period the public has to object.
 */
export function publishInNotice(
  c: FundingCase,
  by: Actor,
  now: string,
  args: { noticeId: number; period: NoticePeriod },
): InNoticeCase {
  const today = guard('publishInNotice', c, by, now);
  const from = expect(c, 'publishInNotice', 'recommended');
  const { noticeId, period } = args;
  if (!Number.isSafeInteger(noticeId) || noticeId <= 0) {
    throw invalid('FUNDING.INVALID_INPUT', '公示编号无效', { noticeId });
  }
  if (compareIsoDate(period.publishedOn, today) < 0) {
    throw invalid(
      'FUNDING.NOTICE_BACKDATED',
      `公示发布日期 ${period.publishedOn} 早于今天（${today}），公示不能倒签`,
      {
        publishedOn: period.publishedOn,
        today,
      },
    );
  }
  if (compareIsoDate(period.endsOn, period.publishedOn) <= 0) {
    throw invalid('FUNDING.INVALID_NOTICE_PERIOD', '公示结束日期应晚于发布日期', { period });
  }
  return {
    ...coreOf(from),
    ...submissionOf(from),
    ...recommendationOf(from),
    status: 'in_notice',
    noticeRound: from.noticeRound + 1,
    noticeId,
    publishedOn: period.publishedOn,
    noticeEndsOn: period.endsOn,
  };
}

export interface ApproveArgs {
  /** Objections to this case not yet resolved (§8: any blocks approval). */
  openObjections: number;
  /** What is left of the programme's budget; approval commits the amount and the budget never goes negative. */
  budgetRemainingFen: Fen;
}

/**
 * in_notice → approved, by finance: only after the last notice day (§8), with no open objection, by someone other
 * than the recommender (§10), and within the remaining budget. The service commits the budget in the same
 * transaction with a conditional update, so concurrent approvals cannot overdraw it either.
 */
export function approve(c: FundingCase, by: Actor, now: string, args: ApproveArgs): ApprovedCase {
  if (!Number.isSafeInteger(args.openObjections) || args.openObjections < 0) {
    throw invalid('FUNDING.INVALID_INPUT', '未处理异议数应为非负整数', {
      openObjections: args.openObjections,
    });
  }
  guard('approve', c, by, now, { openObjections: args.openObjections });
  const from = expect(c, 'approve', 'in_notice');
  const budget = fen(args.budgetRemainingFen);
  if (from.amountFen > budget) {
    throw conflict(
      'FUNDING.BUDGET_EXCEEDED',
      `项目预算余额 ${formatFen(Math.max(0, budget))} 不足以支付本案金额 ${formatFen(from.amountFen)}`,
      { caseId: from.id, amountFen: from.amountFen, budgetRemainingFen: budget },
    );
  }
  return {
    ...coreOf(from),
    ...submissionOf(from),
    ...recommendationOf(from),
    ...noticeOf(from),
    status: 'approved',
    approvedBy: by.id,
    approvedAt: now,
  };
}

/**
 * in_notice → rejected by finance with a reason. Finance decides before approval ("any before approved" →
 * rejected); an approved case is paid or, for 以奖代投, clawed back later. The recommender cannot do it either (§10).
 */
export function refuseByFinance(
  c: FundingCase,
  by: Actor,
  now: string,
  args: { reason: string },
): RejectedCase {
  guard('refuseByFinance', c, by, now);
  const from = expect(c, 'refuseByFinance', 'in_notice');
  const { reason } = parseArgs(RefuseByFinanceInput.omit({ caseId: true }), args);
  return rejected(from, by, now, reason, 'finance');
}

/** submitted | returned | recommended | in_notice → rejected by a reviewer, with a reason. */
export function reject(c: FundingCase, by: Actor, now: string, args: { reason: string }): RejectedCase {
  guard('reject', c, by, now);
  const from = expect(c, 'reject', 'submitted', 'returned', 'recommended', 'in_notice');
  const { reason } = parseArgs(RejectInput.omit({ caseId: true }), args);
  return rejected(from, by, now, reason, 'review');
}

function rejected(
  c: FundingCase,
  by: Actor,
  now: string,
  reason: string,
  stageOfRejection: StageOfRejection,
): RejectedCase {
  return {
    ...coreOf(c),
    status: 'rejected',
    rejectedBy: by.id,
    rejectedAt: now,
    reason,
    stageOfRejection,
    rejectedFrom: c.status,
    computedAmountFen: computedAmountOf(c),
  };
}

/**
 * approved → disbursed, recording the payment voucher. The payment date can be neither before the approval day nor
 * in the future.
 */
export function disburse(
  c: FundingCase,
  by: Actor,
  now: string,
  args: { voucherNo: string; paidOn: string },
): DisbursedCase {
  const today = guard('disburse', c, by, now);
  const from = expect(c, 'disburse', 'approved');
  const { voucherNo, paidOn } = parseArgs(DisburseInput.omit({ caseId: true }), args);
  const approvedOn = chinaDateOf(from.approvedAt);
  if (compareIsoDate(paidOn, today) > 0) {
    throw invalid('FUNDING.PAYMENT_DATE_IN_FUTURE', `拨付日期 ${paidOn} 晚于今天（${today}）`, {
      paidOn,
      today,
    });
  }
  if (compareIsoDate(paidOn, approvedOn) < 0) {
    throw invalid('FUNDING.PAYMENT_BEFORE_APPROVAL', `拨付日期 ${paidOn} 早于审批日期 ${approvedOn}`, {
      paidOn,
      approvedOn,
    });
  }
  return {
    ...coreOf(from),
    ...submissionOf(from),
    ...recommendationOf(from),
    ...noticeOf(from),
    ...approvalOf(from),
    status: 'disbursed',
    disbursedBy: by.id,
    disbursedAt: now,
    voucherNo,
    paidOn,
  };
}

/** Any state before approval → withdrawn, at the applicant's request, with a reason. */
export function withdraw(c: FundingCase, by: Actor, now: string, args: { reason: string }): WithdrawnCase {
  guard('withdraw', c, by, now);
  const from = expect(c, 'withdraw', 'draft', 'submitted', 'returned', 'recommended', 'in_notice');
  const { reason } = parseArgs(WithdrawInput.omit({ caseId: true }), args);
  return withdrawn(from, by, now, reason, 'applicant', null);
}

function withdrawn(
  c: FundingCase,
  by: Actor,
  now: string,
  reason: string,
  withdrawnBy: WithdrawnBy,
  objectionId: number | null,
): WithdrawnCase {
  return {
    ...coreOf(c),
    status: 'withdrawn',
    withdrawnBy,
    withdrawnByUser: by.id,
    withdrawnAt: now,
    reason,
    withdrawnFrom: c.status,
    objectionId,
    computedAmountFen: computedAmountOf(c),
  };
}

const objectionIdOk = (objectionId: number) => Number.isSafeInteger(objectionId) && objectionId > 0;

/**
 * in_notice → recommended with a changed amount after an upheld objection (§8); the reviewer who changes it becomes
 * the recommender, and the case must be published again in a new notice.
 */
export function upholdObjectionWithAdjustment(
  c: FundingCase,
  by: Actor,
  now: string,
  args: { objectionId: number; amountFen: number; reason: string },
): RecommendedCase {
  guard('upholdObjectionWithAdjustment', c, by, now);
  const from = expect(c, 'upholdObjectionWithAdjustment', 'in_notice');
  if (!objectionIdOk(args.objectionId))
    throw invalid('FUNDING.INVALID_INPUT', '缺少异议编号', { objectionId: args.objectionId });
  const { amountFen, adjustmentReason } = parseArgs(RecommendInput.omit({ caseId: true }), {
    amountFen: args.amountFen,
    adjustmentReason: args.reason,
  });
  if (amountFen === from.amountFen) {
    throw invalid(
      'FUNDING.ADJUSTMENT_UNCHANGED',
      `调整后的金额与公示金额 ${formatFen(from.amountFen)} 相同；金额不变的，应按异议不成立处理`,
      {
        amountFen,
      },
    );
  }
  const reason = checkedAdjustment(amountFen, from.computedAmountFen, adjustmentReason ?? null);
  return {
    ...coreOf(from),
    ...submissionOf(from),
    status: 'recommended',
    recommendedBy: by.id,
    recommendedAt: now,
    amountFen,
    adjustmentReason: reason,
    noticeRound: from.noticeRound,
  };
}

/** in_notice → withdrawn after an upheld objection (§8). */
export function upholdObjectionWithWithdrawal(
  c: FundingCase,
  by: Actor,
  now: string,
  args: { objectionId: number; reason: string },
): WithdrawnCase {
  guard('upholdObjectionWithWithdrawal', c, by, now);
  const from = expect(c, 'upholdObjectionWithWithdrawal', 'in_notice');
  if (!objectionIdOk(args.objectionId))
    throw invalid('FUNDING.INVALID_INPUT', '缺少异议编号', { objectionId: args.objectionId });
  const { reason } = parseArgs(WithdrawInput.omit({ caseId: true }), { reason: args.reason });
  return withdrawn(from, by, now, reason, 'objection', args.objectionId);
}

/**
 * Moves the case as a resolved objection says (§8): upheld-withdraw → withdrawn; upheld-adjust → recommended with
 * the new amount (to publish again); dismissed → unchanged (the case proceeds).
 */
export function applyObjectionResolution(
  c: FundingCase,
  resolution: ResolvedObjection,
  by: Actor,
  now: string,
): FundingCase {
  if (resolution.caseId !== c.id) {
    throw invalid('FUNDING.INVALID_INPUT', '异议所针对的案件与当前案件不一致', {
      caseId: c.id,
      objectionCaseId: resolution.caseId,
    });
  }
  switch (resolution.outcome) {
    case 'upheld-withdraw':
      return upholdObjectionWithWithdrawal(c, by, now, {
        objectionId: resolution.id,
        reason: resolution.answer,
      });
    case 'upheld-adjust':
      if (resolution.adjustedAmountFen === null) {
        throw invalid('FUNDING.INVALID_INPUT', '异议成立并调整金额时须填写调整后的金额', {
          objectionId: resolution.id,
        });
      }
      return upholdObjectionWithAdjustment(c, by, now, {
        objectionId: resolution.id,
        amountFen: resolution.adjustedAmountFen,
        reason: resolution.answer,
      });
    case 'dismissed':
      if (c.status !== 'in_notice') {
        throw conflict(
          'FUNDING.NOT_IN_NOTICE',
          `案件当前状态为「${CASE_STATUS_LABELS[c.status]}」，不在公示期，无法处理异议`,
          {
            caseId: c.id,
            status: c.status,
          },
        );
      }
      return c;
    default:
      return resolution.outcome satisfies never;
  }
}

export type ClawBackArgs =
  | { ground: 'false-material'; reason: string }
  | { ground: 'moved-out'; movedOutOn: string; reason: string; clawbackMonths: number };

/**
 * disbursed → clawed_back, 以奖代投 only (§5): the whole award for false material; pro rata for a move out of the
 * district within `clawbackMonths` (the programme's frozen parameter) of payment. Nothing to recover is refused.
 */
export function clawBack(c: FundingCase, by: Actor, now: string, args: ClawBackArgs): ClawedBackCase {
  const today = guard('clawBack', c, by, now);
  const from = expect(c, 'clawBack', 'disbursed');
  const { reason } = parseArgs(z.object({ reason: Reason('追回理由') }), { reason: args.reason });
  let movedOutOn: string | null = null;
  if (args.ground === 'moved-out') {
    movedOutOn = parseArgs(z.object({ movedOutOn: IsoDate }), { movedOutOn: args.movedOutOn }).movedOutOn;
    if (compareIsoDate(movedOutOn, today) > 0) {
      throw invalid('FUNDING.INVALID_INPUT', `迁出日期 ${movedOutOn} 晚于今天（${today}）`, {
        movedOutOn,
        today,
      });
    }
    if (compareIsoDate(movedOutOn, from.paidOn) < 0) {
      throw invalid(
        'FUNDING.INVALID_INPUT',
        `迁出日期 ${movedOutOn} 早于拨付日期 ${from.paidOn}，不适用按比例追回`,
        {
          movedOutOn,
          paidOn: from.paidOn,
        },
      );
    }
  }
  const result = clawbackAmount({
    awardFen: from.amountFen,
    paidOn: from.paidOn,
    movedOutOn,
    falseMaterial: args.ground === 'false-material',
    ...(args.ground === 'moved-out' ? { clawbackMonths: args.clawbackMonths } : {}),
  });
  if (result.amountFen === 0) {
    throw conflict(
      'FUNDING.NOTHING_TO_CLAW_BACK',
      `${CLAWBACK_GROUND_LABELS[args.ground]}：${result.explanation}`,
      {
        caseId: from.id,
      },
    );
  }
  return {
    ...coreOf(from),
    ...submissionOf(from),
    ...recommendationOf(from),
    ...noticeOf(from),
    ...approvalOf(from),
    ...disbursementOf(from),
    status: 'clawed_back',
    clawedBackBy: by.id,
    clawedBackAt: now,
    clawbackGround: args.ground,
    clawbackReason: reason,
    clawbackFen: result.amountFen,
    movedOutOn,
    fullMonthsElapsed: result.fullMonthsElapsed,
  };
}

/** The amount a case finally stands at, for lists and reports: recommended/approved/paid amount, else the computed one. */
export function caseAmountFen(c: FundingCase): Fen | null {
  return 'amountFen' in c ? c.amountFen : computedAmountOf(c);
}
