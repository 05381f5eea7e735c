import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { fen } from '../money';
import {
  ACTION_FROM,
  allowedActions,
  applyObjectionResolution,
  approve,
  CASE_ACTIONS,
  CASE_STATUS_LABELS,
  CASE_STATUSES,
  clawBack,
  disburse,
  newDraft,
  publishInNotice,
  recommend,
  refuseByFinance,
  reject,
  resubmit,
  returnForCorrection,
  submit,
  upholdObjectionWithAdjustment,
  upholdObjectionWithWithdrawal,
  withdraw,
  type Actor,
  type CaseAction,
  type CaseStatus,
  type FundingCase,
} from './lifecycle';
import { lodgeObjection, noticePeriod, resolveObjection, type OpenObjection } from './notice';
import type { Scheme } from './programme';

const applicant: Actor = { id: 1, roles: ['applicant'] };
const reviewer: Actor = { id: 2, roles: ['reviewer'] };
const finance: Actor = { id: 3, roles: ['finance'] };
const otherReviewer: Actor = { id: 4, roles: ['reviewer'] };
const manager: Actor = { id: 5, roles: ['centre_manager'] };
/** A small office: one person holding both roles (§10). */
const reviewerAndFinance: Actor = { id: 7, roles: ['reviewer', 'finance'] };

const ELIGIBLE = { eligible: true, failures: [] };
const COMPUTED = fen(10_000_000); // 10万元

// Published Fri 2025-09-26 for 5 working days: 9/28 (Sun) is a 调休 working day and 10/1–10/8 are off → ends 10-10.
const PERIOD = noticePeriod('2025-09-26', 5);
const AT = {
  submitted: '2025-09-01T02:00:00Z',
  returned: '2025-09-03T02:00:00Z',
  recommended: '2025-09-10T02:00:00Z',
  published: '2025-09-26T01:00:00Z',
  approved: '2025-10-11T01:00:00Z',
  disbursed: '2025-10-15T02:00:00Z',
  later: '2025-10-20T02:00:00Z',
};

function draft(scheme: Scheme = 'award-in-lieu-of-investment'): FundingCase {
  return { id: 42, ...newDraft({ programmeId: 7, scheme }) };
}

/** A case in `status`, reached through the real transitions. */
function caseIn(status: CaseStatus, scheme: Scheme = 'award-in-lieu-of-investment'): FundingCase {
  const owner = scheme === 'centre-service' ? manager : applicant;
  const d = draft(scheme);
  if (status === 'draft') return d;
  if (status === 'withdrawn') return withdraw(d, owner, AT.submitted, { reason: '企业决定放弃申报' });
  const s = submit(d, owner, AT.submitted, { computedAmountFen: COMPUTED, eligibility: ELIGIBLE });
  if (status === 'submitted') return s;
  if (status === 'returned')
    return returnForCorrection(s, reviewer, AT.returned, { reason: '请补充投资协议原件扫描件' });
  if (status === 'rejected') return reject(s, reviewer, AT.returned, { reason: '材料不符合要求' });
  const r = recommend(s, reviewer, AT.recommended, { amountFen: COMPUTED });
  if (status === 'recommended') return r;
  const n = publishInNotice(r, reviewer, AT.published, { noticeId: 9, period: PERIOD });
  if (status === 'in_notice') return n;
  const a = approve(n, finance, AT.approved, { openObjections: 0, budgetRemainingFen: fen(1_000_000_000) });
  if (status === 'approved') return a;
  const p = disburse(a, finance, AT.disbursed, { voucherNo: 'ZF-2025-0001', paidOn: '2025-10-15' });
  if (status === 'disbursed') return p;
  return clawBack(p, reviewer, AT.later, { ground: 'false-material', reason: '融资协议系伪造' });
}

/** Each action with an actor allowed to take it and valid arguments, at a time when its time rules pass. */
const ATTEMPTS: Record<CaseAction, (c: FundingCase) => FundingCase> = {
  submit: (c) => submit(c, applicant, AT.later, { computedAmountFen: COMPUTED, eligibility: ELIGIBLE }),
  resubmit: (c) => resubmit(c, applicant, AT.later, { computedAmountFen: COMPUTED, eligibility: ELIGIBLE }),
  returnForCorrection: (c) => returnForCorrection(c, otherReviewer, AT.later, { reason: '请补充材料' }),
  recommend: (c) => recommend(c, otherReviewer, AT.later, { amountFen: COMPUTED }),
  publishInNotice: (c) => publishInNotice(c, otherReviewer, AT.published, { noticeId: 10, period: PERIOD }),
  approve: (c) =>
    approve(c, finance, AT.later, { openObjections: 0, budgetRemainingFen: fen(1_000_000_000) }),
  refuseByFinance: (c) => refuseByFinance(c, finance, AT.later, { reason: '资金用途不符合规定' }),
  disburse: (c) => disburse(c, finance, AT.later, { voucherNo: 'ZF-2025-0002', paidOn: '2025-10-20' }),
  reject: (c) => reject(c, otherReviewer, AT.later, { reason: '不符合申报条件' }),
  withdraw: (c) => withdraw(c, applicant, AT.later, { reason: '企业主动撤回' }),
  upholdObjectionWithAdjustment: (c) =>
    upholdObjectionWithAdjustment(c, otherReviewer, AT.later, {
      objectionId: 1,
      amountFen: fen(5_000_000),
      reason: '融资到账金额核减',
    }),
  upholdObjectionWithWithdrawal: (c) =>
    upholdObjectionWithWithdrawal(c, otherReviewer, AT.later, {
      objectionId: 1,
      reason: '经核实融资系关联方出资',
    }),
  clawBack: (c) => clawBack(c, otherReviewer, AT.later, { ground: 'false-material', reason: '申报材料虚假' }),
};

const LEGAL: Record<CaseAction, Partial<Record<CaseStatus, CaseStatus>>> = {
  submit: { draft: 'submitted', returned: 'submitted' },
  resubmit: { returned: 'submitted' },
  returnForCorrection: { submitted: 'returned' },
  recommend: { submitted: 'recommended' },
  publishInNotice: { recommended: 'in_notice' },
  approve: { in_notice: 'approved' },
  refuseByFinance: { in_notice: 'rejected' },
  disburse: { approved: 'disbursed' },
  reject: { submitted: 'rejected', returned: 'rejected', recommended: 'rejected', in_notice: 'rejected' },
  withdraw: {
    draft: 'withdrawn',
    submitted: 'withdrawn',
    returned: 'withdrawn',
    recommended: 'withdrawn',
    in_notice: 'withdrawn',
  },
  upholdObjectionWithAdjustment: { in_notice: 'recommended' },
  upholdObjectionWithWithdrawal: { in_notice: 'withdrawn' },
  clawBack: { disbursed: 'clawed_back' },
};

function thrown(f: () => unknown): DomainError {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('the case lifecycle, every state × every action', () => {
  const cells = CASE_STATUSES.flatMap((status) =>
    CASE_ACTIONS.map((action) => ({ status, action, to: LEGAL[action][status] })),
  );

  it('declares the same legal moves as the table the tests check', () => {
    for (const action of CASE_ACTIONS) {
      expect([...ACTION_FROM[action]].sort()).toEqual(Object.keys(LEGAL[action]).sort());
    }
  });

  it.each(cells.filter((c) => c.to !== undefined))(
    'moves a $status case to $to on $action',
    ({ status, action, to }) => {
      const before = caseIn(status);
      const after = ATTEMPTS[action](before);
      expect(after.status).toBe(to);
      expect(after.id).toBe(before.id);
      expect(after.programmeId).toBe(before.programmeId);
    },
  );

  it.each(cells.filter((c) => c.to === undefined))(
    'refuses $action on a $status case',
    ({ status, action }) => {
      const before = caseIn(status);
      const error = thrown(() => ATTEMPTS[action](before));
      expect(error.code).toBe('FUNDING.ILLEGAL_TRANSITION');
      expect(error.kind).toBe('conflict');
      expect(error.message).toContain(`「${CASE_STATUS_LABELS[status]}」`);
    },
  );

  it('names the current state and the attempted action in Chinese', () => {
    const error = thrown(() => withdraw(caseIn('disbursed'), applicant, AT.later, { reason: '不想要了' }));
    expect(error.message).toBe('案件当前状态为「已拨付」，不能撤回申请');
  });
});

describe('separation of duties (§10)', () => {
  it('refuses approval by the reviewer who recommended the case, even when that user also holds the finance role', () => {
    const s = caseIn('submitted');
    const r = recommend(s, reviewerAndFinance, AT.recommended, { amountFen: COMPUTED });
    const n = publishInNotice(r, reviewerAndFinance, AT.published, { noticeId: 9, period: PERIOD });
    const error = thrown(() =>
      approve(n, reviewerAndFinance, AT.approved, { openObjections: 0, budgetRemainingFen: COMPUTED }),
    );
    expect(error.code).toBe('FUNDING.SEPARATION_OF_DUTIES');
    expect(error.kind).toBe('forbidden');
    expect(error.message).toBe('推荐该案件的人员不能审批同一案件');
  });

  it('refuses a finance refusal by the recommender too', () => {
    const s = caseIn('submitted');
    const r = recommend(s, reviewerAndFinance, AT.recommended, { amountFen: COMPUTED });
    const n = publishInNotice(r, reviewerAndFinance, AT.published, { noticeId: 9, period: PERIOD });
    expect(
      thrown(() => refuseByFinance(n, reviewerAndFinance, AT.approved, { reason: '不符合规定' })).code,
    ).toBe('FUNDING.SEPARATION_OF_DUTIES');
  });

  it('lets a person with both roles approve a case someone else recommended', () => {
    const n = caseIn('in_notice');
    const a = approve(n, reviewerAndFinance, AT.approved, {
      openObjections: 0,
      budgetRemainingFen: COMPUTED,
    });
    expect(a).toMatchObject({ status: 'approved', approvedBy: 7, recommendedBy: 2 });
  });

  it('applies to whoever recommended last: the reviewer who adjusted after an objection cannot approve', () => {
    const n = caseIn('in_notice');
    const adjusted = upholdObjectionWithAdjustment(n, reviewerAndFinance, AT.published, {
      objectionId: 3,
      amountFen: fen(5_000_000),
      reason: '融资金额核减',
    });
    const again = publishInNotice(adjusted, reviewer, AT.published, { noticeId: 11, period: PERIOD });
    expect(
      thrown(() =>
        approve(again, reviewerAndFinance, AT.later, { openObjections: 0, budgetRemainingFen: COMPUTED }),
      ).code,
    ).toBe('FUNDING.SEPARATION_OF_DUTIES');
  });
});

describe('approval and the 公示 period (§8)', () => {
  const n = () => caseIn('in_notice');
  const ok = { openObjections: 0, budgetRemainingFen: fen(1_000_000_000) };

  it('computes the notice of Fri 2025-09-26 to end on 2025-10-10 on the official calendar', () => {
    expect(PERIOD).toEqual({
      publishedOn: '2025-09-26',
      startsOn: '2025-09-27',
      endsOn: '2025-10-10',
      objectionDeadline: '2025-10-10',
      workingDays: 5,
    });
  });

  it('refuses approval on the last notice day, 2025-10-10', () => {
    const error = thrown(() => approve(n(), finance, '2025-10-10T09:00:00+08:00', ok));
    expect(error.code).toBe('FUNDING.NOTICE_PERIOD_RUNNING');
    expect(error.kind).toBe('conflict');
    expect(error.message).toContain('2025-10-11 起方可审批');
  });

  it('allows approval on the day after, 2025-10-11', () => {
    expect(approve(n(), finance, '2025-10-11T09:00:00+08:00', ok).status).toBe('approved');
  });

  it('counts days in Beijing time: 16:00Z on 2025-10-10 is already 2025-10-11 in Yueyang', () => {
    expect(thrown(() => approve(n(), finance, '2025-10-10T15:59:59Z', ok)).code).toBe(
      'FUNDING.NOTICE_PERIOD_RUNNING',
    );
    expect(approve(n(), finance, '2025-10-10T16:00:00Z', ok).status).toBe('approved');
  });

  it('refuses approval while an objection is open', () => {
    const error = thrown(() => approve(n(), finance, AT.later, { ...ok, openObjections: 1 }));
    expect(error.code).toBe('FUNDING.OBJECTION_OPEN');
    expect(error.kind).toBe('conflict');
  });

  it('refuses approval beyond the remaining budget', () => {
    const error = thrown(() =>
      approve(n(), finance, AT.later, { ...ok, budgetRemainingFen: fen(9_999_999) }),
    );
    expect(error.code).toBe('FUNDING.BUDGET_EXCEEDED');
    expect(approve(n(), finance, AT.later, { ...ok, budgetRemainingFen: COMPUTED }).status).toBe('approved');
  });

  it('refuses a backdated notice, which would shorten the objection period', () => {
    const r = caseIn('recommended');
    const error = thrown(() =>
      publishInNotice(r, reviewer, '2025-09-29T02:00:00Z', { noticeId: 9, period: PERIOD }),
    );
    expect(error.code).toBe('FUNDING.NOTICE_BACKDATED');
  });

  it('records the notice and counts the rounds of publication', () => {
    expect(caseIn('in_notice')).toMatchObject({
      noticeId: 9,
      publishedOn: '2025-09-26',
      noticeEndsOn: '2025-10-10',
      noticeRound: 1,
    });
  });
});

describe('objections (§8)', () => {
  const objection = (caseId = 42): OpenObjection => ({
    id: 5,
    ...lodgeObjection(
      caseIn('in_notice'),
      {
        caseId,
        name: '李明',
        contact: '13812345678',
        reasons: '该企业的融资实际来自法定代表人的亲属，不属于外部股权融资',
      },
      '2025-09-30T02:00:00Z',
    ),
  });

  it('withdraws the case when an objection is upheld that way', () => {
    const resolved = resolveObjection(objection(), reviewer, AT.later, {
      objectionId: 5,
      outcome: 'upheld-withdraw',
      answer: '经核实异议属实',
    });
    const after = applyObjectionResolution(caseIn('in_notice'), resolved, reviewer, AT.later);
    expect(after).toMatchObject({
      status: 'withdrawn',
      withdrawnBy: 'objection',
      objectionId: 5,
      withdrawnFrom: 'in_notice',
    });
  });

  it('sends the case back to recommended with the new amount, to be published again', () => {
    const resolved = resolveObjection(objection(), reviewer, AT.later, {
      objectionId: 5,
      outcome: 'upheld-adjust',
      answer: '核减关联方出资部分',
      adjustedAmountFen: fen(5_000_000),
    });
    const after = applyObjectionResolution(caseIn('in_notice'), resolved, reviewer, AT.later);
    expect(after).toMatchObject({
      status: 'recommended',
      amountFen: 5_000_000,
      adjustmentReason: '核减关联方出资部分',
      noticeRound: 1,
    });
    expect(after).not.toHaveProperty('noticeId');
  });

  it('leaves the case in notice when the objection is dismissed', () => {
    const c = caseIn('in_notice');
    const resolved = resolveObjection(objection(), reviewer, AT.later, {
      objectionId: 5,
      outcome: 'dismissed',
      answer: '经核实异议不成立',
    });
    expect(applyObjectionResolution(c, resolved, reviewer, AT.later)).toBe(c);
  });

  it('refuses to apply an objection outcome to a case no longer under notice, or to another case', () => {
    const resolved = resolveObjection(objection(), reviewer, AT.later, {
      objectionId: 5,
      outcome: 'dismissed',
      answer: '经核实异议不成立',
    });
    expect(
      thrown(() => applyObjectionResolution(caseIn('approved'), resolved, reviewer, AT.later)).code,
    ).toBe('FUNDING.NOT_IN_NOTICE');
    expect(
      thrown(() => applyObjectionResolution({ ...caseIn('in_notice'), id: 43 }, resolved, reviewer, AT.later))
        .code,
    ).toBe('FUNDING.INVALID_INPUT');
  });

  it('refuses an adjustment that does not change the amount', () => {
    const error = thrown(() =>
      upholdObjectionWithAdjustment(caseIn('in_notice'), reviewer, AT.later, {
        objectionId: 1,
        amountFen: COMPUTED,
        reason: '无变化',
      }),
    );
    expect(error.code).toBe('FUNDING.ADJUSTMENT_UNCHANGED');
  });
});

describe('submission', () => {
  it('freezes the computed amount and who submitted when', () => {
    const s = submit(draft(), applicant, AT.submitted, {
      computedAmountFen: COMPUTED,
      eligibility: ELIGIBLE,
    });
    expect(s).toEqual({
      id: 42,
      programmeId: 7,
      scheme: 'award-in-lieu-of-investment',
      status: 'submitted',
      firstSubmittedAt: AT.submitted,
      submittedAt: AT.submitted,
      submittedBy: 1,
      computedAmountFen: COMPUTED,
      returnCount: 0,
    });
  });

  it('refuses an ineligible submission with every reason', () => {
    const eligibility = {
      eligible: false,
      failures: [
        { code: 'ELIGIBILITY.SIZE_LARGE', message: '大型企业不在扶持范围' },
        { code: 'ELIGIBILITY.DISHONEST', message: '企业已被列入失信名单，不能申报' },
      ],
    };
    const error = thrown(() =>
      submit(draft(), applicant, AT.submitted, { computedAmountFen: COMPUTED, eligibility }),
    );
    expect(error.code).toBe('FUNDING.NOT_ELIGIBLE');
    expect(error.message).toContain('大型企业不在扶持范围');
    expect(error.message).toContain('失信');
  });

  it('accepts a correction after the programme has closed, since it answers a return', () => {
    const eligibility = {
      eligible: false,
      failures: [{ code: 'ELIGIBILITY.PROGRAMME_NOT_OPEN', message: '当前不在申报期内' }],
    };
    const again = resubmit(caseIn('returned'), applicant, AT.later, {
      computedAmountFen: fen(9_000_000),
      eligibility,
    });
    expect(again).toMatchObject({
      status: 'submitted',
      firstSubmittedAt: AT.submitted,
      submittedAt: AT.later,
      returnCount: 1,
      computedAmountFen: 9_000_000,
    });
    expect(
      thrown(() => submit(draft(), applicant, AT.later, { computedAmountFen: COMPUTED, eligibility })).code,
    ).toBe('FUNDING.NOT_ELIGIBLE');
  });

  it('requires a reason to return a case for correction', () => {
    expect(
      thrown(() => returnForCorrection(caseIn('submitted'), reviewer, AT.later, { reason: ' ' })).code,
    ).toBe('FUNDING.INVALID_INPUT');
    expect(caseIn('returned')).toMatchObject({
      returnReason: '请补充投资协议原件扫描件',
      returnedBy: 2,
      returnCount: 1,
    });
  });

  it('lets the centre manager, not an enterprise user, submit a centre claim', () => {
    const d = draft('centre-service');
    expect(
      submit(d, manager, AT.submitted, { computedAmountFen: COMPUTED, eligibility: ELIGIBLE }).status,
    ).toBe('submitted');
    const error = thrown(() =>
      submit(d, applicant, AT.submitted, { computedAmountFen: COMPUTED, eligibility: ELIGIBLE }),
    );
    expect(error).toMatchObject({ code: 'AUTH.FORBIDDEN', kind: 'forbidden' });
  });
});

describe('recommendation', () => {
  it('takes the computed amount without a reason', () => {
    expect(recommend(caseIn('submitted'), reviewer, AT.later, { amountFen: COMPUTED })).toMatchObject({
      status: 'recommended',
      amountFen: COMPUTED,
      adjustmentReason: null,
      recommendedBy: 2,
    });
  });

  it('requires a reason to adjust the computed amount', () => {
    const error = thrown(() =>
      recommend(caseIn('submitted'), reviewer, AT.later, { amountFen: fen(8_000_000) }),
    );
    expect(error.code).toBe('FUNDING.ADJUSTMENT_REASON_REQUIRED');
    const r = recommend(caseIn('submitted'), reviewer, AT.later, {
      amountFen: fen(8_000_000),
      adjustmentReason: '部分融资未到账',
    });
    expect(r).toMatchObject({ amountFen: 8_000_000, adjustmentReason: '部分融资未到账' });
  });

  it('refuses an amount above what the policy gives, and a negative one', () => {
    expect(
      thrown(() =>
        recommend(caseIn('submitted'), reviewer, AT.later, {
          amountFen: fen(10_000_001),
          adjustmentReason: '奖励',
        }),
      ).code,
    ).toBe('FUNDING.AMOUNT_ABOVE_ENTITLEMENT');
    expect(
      thrown(() =>
        recommend(caseIn('submitted'), reviewer, AT.later, { amountFen: -1, adjustmentReason: '奖励' }),
      ).code,
    ).toBe('FUNDING.INVALID_INPUT');
  });

  it('allows recommending zero with a reason', () => {
    expect(
      recommend(caseIn('submitted'), reviewer, AT.later, {
        amountFen: fen(0),
        adjustmentReason: '里程碑未达成',
      }).amountFen,
    ).toBe(0);
  });

  it('refuses a recommendation by a user without the reviewer role', () => {
    expect(
      thrown(() => recommend(caseIn('submitted'), finance, AT.later, { amountFen: COMPUTED })).code,
    ).toBe('AUTH.FORBIDDEN');
    expect(
      thrown(() => recommend(caseIn('submitted'), applicant, AT.later, { amountFen: COMPUTED })).code,
    ).toBe('AUTH.FORBIDDEN');
  });
});

describe('rejection and withdrawal', () => {
  it('records a finance refusal as rejected at the finance stage, and a reviewer refusal at review', () => {
    expect(
      refuseByFinance(caseIn('in_notice'), finance, AT.later, { reason: '不符合资金管理办法' }),
    ).toMatchObject({
      status: 'rejected',
      stageOfRejection: 'finance',
      rejectedFrom: 'in_notice',
      rejectedBy: 3,
      computedAmountFen: COMPUTED,
    });
    expect(caseIn('rejected')).toMatchObject({
      stageOfRejection: 'review',
      rejectedFrom: 'submitted',
      reason: '材料不符合要求',
    });
  });

  it('records an applicant withdrawal with its reason', () => {
    expect(
      withdraw(caseIn('recommended'), applicant, AT.later, { reason: '已获得其他资金支持' }),
    ).toMatchObject({
      status: 'withdrawn',
      withdrawnBy: 'applicant',
      withdrawnByUser: 1,
      reason: '已获得其他资金支持',
      objectionId: null,
    });
  });

  it('refuses a withdrawal without a reason', () => {
    expect(thrown(() => withdraw(caseIn('submitted'), applicant, AT.later, { reason: '' })).code).toBe(
      'FUNDING.INVALID_INPUT',
    );
  });
});

describe('disbursement and clawback', () => {
  it('records the voucher and the payment date', () => {
    expect(caseIn('disbursed')).toMatchObject({
      status: 'disbursed',
      voucherNo: 'ZF-2025-0001',
      paidOn: '2025-10-15',
      disbursedBy: 3,
    });
  });

  it('refuses a payment date in the future or before approval', () => {
    const a = caseIn('approved');
    expect(
      thrown(() => disburse(a, finance, AT.disbursed, { voucherNo: 'X1', paidOn: '2025-10-16' })).code,
    ).toBe('FUNDING.PAYMENT_DATE_IN_FUTURE');
    expect(
      thrown(() => disburse(a, finance, AT.disbursed, { voucherNo: 'X1', paidOn: '2025-10-10' })).code,
    ).toBe('FUNDING.PAYMENT_BEFORE_APPROVAL');
  });

  it('claws back the whole award for false material', () => {
    expect(caseIn('clawed_back')).toMatchObject({ clawbackGround: 'false-material', clawbackFen: COMPUTED });
  });

  it('claws back pro rata for a move out of the district within 36 months of payment', () => {
    // Paid 2025-10-15; 12 full months on 2026-10-15 → 10万 × 24/36 = 66,666.67 元.
    const c = clawBack(caseIn('disbursed'), reviewer, '2026-10-20T02:00:00Z', {
      ground: 'moved-out',
      movedOutOn: '2026-10-15',
      reason: '注册地迁至长沙市',
      clawbackMonths: 36,
    });
    expect(c).toMatchObject({
      status: 'clawed_back',
      clawbackFen: 6_666_667,
      fullMonthsElapsed: 12,
      movedOutOn: '2026-10-15',
    });
  });

  it('refuses a clawback when 36 full months have passed', () => {
    const error = thrown(() =>
      clawBack(caseIn('disbursed'), reviewer, '2028-11-01T02:00:00Z', {
        ground: 'moved-out',
        movedOutOn: '2028-10-15',
        reason: '注册地迁出',
        clawbackMonths: 36,
      }),
    );
    expect(error.code).toBe('FUNDING.NOTHING_TO_CLAW_BACK');
  });

  it('refuses a clawback of a loan interest subsidy, which only 以奖代投 has', () => {
    const error = thrown(() =>
      clawBack(caseIn('disbursed', 'loan-interest-subsidy'), reviewer, AT.later, {
        ground: 'false-material',
        reason: '虚假',
      }),
    );
    expect(error).toMatchObject({ code: 'FUNDING.CLAWBACK_NOT_APPLICABLE', kind: 'conflict' });
  });
});

describe('allowedActions', () => {
  const today = '2025-10-20';
  const none = { openObjections: 0 };

  it('offers the applicant submit or withdraw on a draft, and resubmit (not submit) on a returned case', () => {
    expect(allowedActions(caseIn('draft'), ['applicant'], 1, today, none)).toEqual(['submit', 'withdraw']);
    expect(allowedActions(caseIn('returned'), ['applicant'], 1, today, none)).toEqual([
      'resubmit',
      'withdraw',
    ]);
  });

  it('offers the reviewer return, recommend and reject on a submitted case', () => {
    expect(allowedActions(caseIn('submitted'), ['reviewer'], 2, today, none)).toEqual([
      'returnForCorrection',
      'recommend',
      'reject',
    ]);
  });

  it('offers finance approval only after the notice period, without open objections, and not to the recommender', () => {
    const n = caseIn('in_notice');
    expect(allowedActions(n, ['finance'], 3, '2025-10-10', none)).toEqual(['refuseByFinance']);
    expect(allowedActions(n, ['finance'], 3, '2025-10-11', none)).toEqual(['approve', 'refuseByFinance']);
    expect(allowedActions(n, ['finance'], 3, '2025-10-11', { openObjections: 2 })).toEqual([
      'refuseByFinance',
    ]);
    expect(allowedActions(n, ['reviewer', 'finance'], 2, '2025-10-11', none)).toEqual(['reject']);
  });

  it('offers objection outcomes only while an objection is open', () => {
    const n = caseIn('in_notice');
    expect(allowedActions(n, ['reviewer'], 4, today, none)).toEqual(['reject']);
    expect(allowedActions(n, ['reviewer'], 4, today, { openObjections: 1 })).toEqual([
      'reject',
      'upholdObjectionWithAdjustment',
      'upholdObjectionWithWithdrawal',
    ]);
  });

  it('does not offer approval when the objection facts are unknown (deny by default)', () => {
    expect(allowedActions(caseIn('in_notice'), ['finance'], 3, '2025-10-11')).toEqual(['refuseByFinance']);
  });

  it('offers clawback of a paid 以奖代投 award to a reviewer but not of a loan subsidy', () => {
    expect(allowedActions(caseIn('disbursed'), ['reviewer'], 2, today, none)).toEqual(['clawBack']);
    expect(
      allowedActions(caseIn('disbursed', 'loan-interest-subsidy'), ['reviewer'], 2, today, none),
    ).toEqual([]);
  });

  it('offers nothing on a final state, and nothing to an auditor', () => {
    for (const status of ['rejected', 'withdrawn', 'clawed_back'] as const) {
      expect(
        allowedActions(caseIn(status), ['reviewer', 'finance', 'applicant', 'admin'], 9, today, none),
      ).toEqual([]);
    }
    for (const status of CASE_STATUSES)
      expect(allowedActions(caseIn(status), ['auditor'], 9, today, { openObjections: 1 })).toEqual([]);
  });

  it('agrees with the transitions: every offered action succeeds', () => {
    for (const status of CASE_STATUSES) {
      const c = caseIn(status);
      for (const action of allowedActions(c, ['applicant', 'reviewer', 'finance'], 99, '2025-10-20', {
        openObjections: 0,
      })) {
        expect(() => ATTEMPTS[action](c)).not.toThrow();
      }
    }
  });
});
