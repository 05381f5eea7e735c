import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { fen } from '../money';
import { newDraft, publishInNotice, recommend, submit, type Actor, type FundingCase } from './lifecycle';
import {
  chinaDateOf,
  firstDayAfterNotice,
  isIsoInstant,
  isNoticeOver,
  isObjectionWindowOpen,
  lodgeObjection,
  noticePeriod,
  ObjectionInput,
  openObjectionCount,
  resolveObjection,
  type Objection,
  type OpenObjection,
} from './notice';

const reviewer: Actor = { id: 2, roles: ['reviewer'] };
const finance: Actor = { id: 3, roles: ['finance'] };

function thrown(f: () => unknown): DomainError {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

function inNotice(): FundingCase {
  const d: FundingCase = { id: 42, ...newDraft({ programmeId: 7, scheme: 'loan-interest-subsidy' }) };
  const s = submit(d, { id: 1, roles: ['applicant'] }, '2025-09-01T02:00:00Z', {
    computedAmountFen: fen(405_556),
    eligibility: { eligible: true, failures: [] },
  });
  const r = recommend(s, reviewer, '2025-09-10T02:00:00Z', { amountFen: fen(405_556) });
  return publishInNotice(r, reviewer, '2025-09-26T01:00:00Z', {
    noticeId: 9,
    period: noticePeriod('2025-09-26', 5),
  });
}

const OBJECTION = {
  caseId: 42,
  name: '王小红',
  contact: '138 1234 5678',
  reasons: '该企业贷款实际用于购买理财产品，不符合贴息用途',
};

describe('noticePeriod (§8, §9)', () => {
  it('ends 5 working days after Fri 2025-09-26 on 2025-10-10 across the National Day holiday', () => {
    expect(noticePeriod('2025-09-26', 5)).toEqual({
      publishedOn: '2025-09-26',
      startsOn: '2025-09-27',
      endsOn: '2025-10-10',
      objectionDeadline: '2025-10-10',
      workingDays: 5,
    });
  });

  it('ends 5 working days after Fri 2025-01-24 on 2025-02-07 across the Spring Festival', () => {
    expect(noticePeriod('2025-01-24', 5).endsOn).toBe('2025-02-07');
  });

  it('counts an ordinary week as five working days', () => {
    expect(noticePeriod('2025-06-09', 5).endsOn).toBe('2025-06-16');
  });

  it('refuses a year the calendar does not cover rather than guessing', () => {
    expect(thrown(() => noticePeriod('2031-03-03', 5)).code).toBe('CALENDAR.YEAR_NOT_COVERED');
  });

  it('refuses a period of zero working days', () => {
    expect(thrown(() => noticePeriod('2025-06-09', 0)).code).toBe('FUNDING.INVALID_NOTICE_PERIOD');
  });
});

describe('isNoticeOver', () => {
  const period = noticePeriod('2025-09-26', 5);

  it('is not over on the last notice day and is over the day after', () => {
    expect(isNoticeOver(period, '2025-10-09')).toBe(false);
    expect(isNoticeOver(period, '2025-10-10')).toBe(false);
    expect(isNoticeOver(period, '2025-10-11')).toBe(true);
    expect(firstDayAfterNotice(period)).toBe('2025-10-11');
  });

  it('accepts objections from publication through the deadline', () => {
    expect(isObjectionWindowOpen(period, '2025-09-25')).toBe(false);
    expect(isObjectionWindowOpen(period, '2025-09-26')).toBe(true);
    expect(isObjectionWindowOpen(period, '2025-10-10')).toBe(true);
    expect(isObjectionWindowOpen(period, '2025-10-11')).toBe(false);
  });
});

describe('chinaDateOf', () => {
  it('gives the civil date in Beijing time', () => {
    expect(chinaDateOf('2025-10-10T15:59:59Z')).toBe('2025-10-10');
    expect(chinaDateOf('2025-10-10T16:00:00Z')).toBe('2025-10-11');
    expect(chinaDateOf('2025-10-11T00:30:00+08:00')).toBe('2025-10-11');
  });

  it('refuses an instant without an offset or with an impossible date', () => {
    expect(isIsoInstant('2025-10-10T09:00:00')).toBe(false);
    expect(isIsoInstant('2025-02-30T09:00:00Z')).toBe(false);
    expect(thrown(() => chinaDateOf('2025-10-10')).code).toBe('DATE.INVALID_INSTANT');
  });
});

describe('ObjectionInput', () => {
  it('stores a mobile number without spaces', () => {
    expect(ObjectionInput.parse(OBJECTION).contact).toBe('13812345678');
  });

  it('accepts a landline with area code and an e-mail address', () => {
    expect(ObjectionInput.safeParse({ ...OBJECTION, contact: '0730-8221234' }).success).toBe(true);
    expect(ObjectionInput.safeParse({ ...OBJECTION, contact: 'wang@example.cn' }).success).toBe(true);
  });

  it('requires a real name: anonymous objections are refused', () => {
    const r = ObjectionInput.safeParse({ ...OBJECTION, name: '匿名群众' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('异议须实名提出，不受理匿名异议');
    expect(ObjectionInput.safeParse({ ...OBJECTION, name: '' }).success).toBe(false);
  });

  it('requires contact details and reasons', () => {
    const r = ObjectionInput.safeParse({ ...OBJECTION, contact: '随便', reasons: '不同意' });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path[0])).toEqual(['contact', 'reasons']);
  });
});

describe('lodgeObjection', () => {
  it('records an objection during the notice period', () => {
    expect(lodgeObjection(inNotice(), OBJECTION, '2025-10-09T02:00:00Z')).toEqual({
      caseId: 42,
      name: '王小红',
      contact: '13812345678',
      reasons: OBJECTION.reasons,
      status: 'open',
      lodgedAt: '2025-10-09T02:00:00Z',
    });
  });

  it('accepts an objection until the end of the deadline day in Beijing time', () => {
    expect(lodgeObjection(inNotice(), OBJECTION, '2025-10-10T15:59:00Z').status).toBe('open');
    expect(thrown(() => lodgeObjection(inNotice(), OBJECTION, '2025-10-10T16:00:00Z')).code).toBe(
      'FUNDING.OBJECTION_WINDOW_CLOSED',
    );
  });

  it('refuses an objection to a case that is not under notice', () => {
    const d: FundingCase = { id: 42, ...newDraft({ programmeId: 7, scheme: 'loan-interest-subsidy' }) };
    expect(thrown(() => lodgeObjection(d, OBJECTION, '2025-10-09T02:00:00Z')).code).toBe(
      'FUNDING.NOT_IN_NOTICE',
    );
  });

  it('refuses an anonymous objection with the invalid kind', () => {
    const error = thrown(() =>
      lodgeObjection(inNotice(), { ...OBJECTION, name: '匿名' }, '2025-10-09T02:00:00Z'),
    );
    expect(error).toMatchObject({ code: 'FUNDING.INVALID_OBJECTION', kind: 'invalid' });
  });
});

describe('resolveObjection', () => {
  const open: OpenObjection = { id: 5, ...lodgeObjection(inNotice(), OBJECTION, '2025-10-09T02:00:00Z') };

  it.each([
    ['upheld-withdraw', {}],
    ['upheld-adjust', { adjustedAmountFen: 300_000 }],
    ['dismissed', {}],
  ] as const)('records the outcome %s with its answer', (outcome, extra) => {
    const resolved = resolveObjection(open, reviewer, '2025-10-10T02:00:00Z', {
      objectionId: 5,
      outcome,
      answer: '经核查，答复如下',
      ...extra,
    } as never);
    expect(resolved).toMatchObject({
      status: 'resolved',
      outcome,
      resolvedBy: 2,
      answer: '经核查，答复如下',
      adjustedAmountFen: outcome === 'upheld-adjust' ? 300_000 : null,
    });
  });

  it('requires the adjusted amount when the amount is to be adjusted', () => {
    const error = thrown(() =>
      resolveObjection(open, reviewer, '2025-10-10T02:00:00Z', {
        objectionId: 5,
        outcome: 'upheld-adjust',
        answer: '核减金额',
      } as never),
    );
    expect(error.code).toBe('FUNDING.INVALID_OBJECTION_RESOLUTION');
  });

  it('refuses to resolve an objection twice', () => {
    const once = resolveObjection(open, reviewer, '2025-10-10T02:00:00Z', {
      objectionId: 5,
      outcome: 'dismissed',
      answer: '异议不成立',
    });
    expect(
      thrown(() =>
        resolveObjection(once, reviewer, '2025-10-10T03:00:00Z', {
          objectionId: 5,
          outcome: 'dismissed',
          answer: '异议不成立',
        }),
      ).code,
    ).toBe('FUNDING.OBJECTION_ALREADY_RESOLVED');
  });

  it('refuses a user who does not handle notices', () => {
    expect(
      thrown(() =>
        resolveObjection(open, finance, '2025-10-10T02:00:00Z', {
          objectionId: 5,
          outcome: 'dismissed',
          answer: '异议不成立',
        }),
      ).code,
    ).toBe('AUTH.FORBIDDEN');
  });

  it('counts the open objections that block approval', () => {
    const closed = resolveObjection(open, reviewer, '2025-10-10T02:00:00Z', {
      objectionId: 5,
      outcome: 'dismissed',
      answer: '异议不成立',
    });
    const all: Objection[] = [open, { ...open, id: 6 }, closed];
    expect(openObjectionCount(all)).toBe(2);
  });
});
