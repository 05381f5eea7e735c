import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { DEFAULT_PARAMETERS } from '../funding/programme';
import {
  computeCentreClaim,
  claimPeriodLabel,
  periodMonths,
  type CentreClaimMonthInput,
  type ClaimAllocation,
  type PresenceRecord,
} from './claim';
import type { CentreEvent } from './events';

function thrown(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

const rule = DEFAULT_PARAMETERS('centre-service');

/**
 * A centre log for one month: `total` workstations, the first `free` designated free, the first `allocated`
 * allocated for the whole month (free terms on free desks), every free occupant present 20 days.
 */
function log(month: string, total = 10, free = 3, allocated = 9): CentreClaimMonthInput {
  const workstations = Array.from({ length: total }, (_, i) => ({
    id: i + 1,
    code: `A-${String(i + 1).padStart(3, '0')}`,
    designation: i < free ? ('free' as const) : ('preferential' as const),
    createdOn: '2025-01-01',
    retiredOn: null,
  }));
  const allocations: ClaimAllocation[] = Array.from({ length: allocated }, (_, i) => ({
    id: i + 1,
    workstationId: i + 1,
    startsOn: '2025-06-01',
    endsOn: null,
    terms: i < free ? ('free' as const) : ('preferential' as const),
    occupantKey: `enterprise:${i + 1}`,
    occupantEligible: true,
  }));
  const presence: PresenceRecord[] = allocations
    .filter((a) => a.terms === 'free')
    .map((a) => ({ allocationId: a.id, month, daysPresent: 20 }));
  return { month, workstations, allocations, presence, events: [] };
}

/** The March log with allocation 1 replaced and its presence set. */
function withFirstDesk(
  allocation: Partial<ClaimAllocation>,
  presence: Omit<PresenceRecord, 'month' | 'allocationId'>,
): CentreClaimMonthInput {
  const m = log('2026-03');
  return {
    ...m,
    allocations: m.allocations.map((a) => (a.id === 1 ? { ...a, ...allocation } : a)),
    presence: m.presence.map((p) =>
      p.allocationId === 1 ? { allocationId: 1, month: '2026-03', ...presence } : p,
    ),
  };
}

const march = (months: CentreClaimMonthInput[], alreadyClaimedMonths: string[] = []) =>
  computeCentreClaim({ period: { kind: 'month', start: '2026-03' }, rule, months, alreadyClaimedMonths });

describe('free workstation-months', () => {
  it('pays 300元 for each free workstation allocated the whole month to a present, eligible occupant', () => {
    const result = march([log('2026-03')]);
    expect(result.amountFen).toBe(90_000);
    expect(result.lines).toEqual([
      {
        month: '2026-03',
        item: 'free-workstation-month',
        label: '2026-03 免费工位服务（工位·月）',
        quantity: 3,
        unitFen: 30_000,
        amountFen: 90_000,
      },
    ]);
    expect(result.workstationMonths.map((w) => w.workstationCode)).toEqual(['A-001', 'A-002', 'A-003']);
  });

  it('counts a free workstation-month when allocated 15 days and present 8 days', () => {
    const result = march([withFirstDesk({ startsOn: '2026-03-17' }, { daysPresent: 8 })]);
    expect(result.months[0]!.workstationMonths).toBe(3);
    expect(result.workstationMonths[0]).toMatchObject({
      workstationCode: 'A-001',
      allocatedDays: 15,
      daysPresent: 8,
      attested: false,
    });
  });

  it('does not count a free workstation allocated only 14 days of the month', () => {
    const result = march([withFirstDesk({ startsOn: '2026-03-18' }, { daysPresent: 8 })]);
    expect(result.months[0]!.workstationMonths).toBe(2);
    expect(result.amountFen).toBe(60_000);
    expect(result.uncountedWorkstationMonths).toEqual([
      {
        month: '2026-03',
        workstationId: 1,
        workstationCode: 'A-001',
        occupantKey: 'enterprise:1',
        reason: '免费分配 14 天，不足 15 天',
      },
    ]);
    expect(result.lines[0]!.note).toBe('另有 1 个免费分配未达条件，未计入（见明细）');
  });

  it('does not count an occupant present only 7 days, unless the manager attested presence', () => {
    const seven = march([withFirstDesk({}, { daysPresent: 7 })]);
    expect(seven.months[0]!.workstationMonths).toBe(2);
    expect(seven.uncountedWorkstationMonths[0]!.reason).toBe('在驻 7 天，不足 8 天，且无管理员出勤确认');

    const attested = march([withFirstDesk({}, { daysPresent: 7, attested: true })]);
    expect(attested.months[0]!.workstationMonths).toBe(3);
    expect(attested.workstationMonths[0]).toMatchObject({ daysPresent: 7, attested: true });
    expect(march([withFirstDesk({}, { attested: true })]).workstationMonths[0]).toMatchObject({
      daysPresent: null,
      attested: true,
    });
  });

  it('does not count an occupant without any presence record', () => {
    const m = log('2026-03');
    const result = march([{ ...m, presence: m.presence.filter((p) => p.allocationId !== 1) }]);
    expect(result.uncountedWorkstationMonths[0]!.reason).toBe('无出勤记录，也无管理员出勤确认');
  });

  it('does not count an occupant that is not eligible', () => {
    const result = march([withFirstDesk({ occupantEligible: false }, { daysPresent: 20 })]);
    expect(result.uncountedWorkstationMonths[0]!.reason).toBe('入驻对象不符合扶持条件');
  });

  it('lists free workstations not allocated free as not counted, and never pays a preferential workstation', () => {
    const all = log('2026-03', 10, 4, 10);
    const m: CentreClaimMonthInput = {
      ...all,
      // A-004 (free) stays empty; A-005 (preferential) is let at no rent, which the centre may do but §6 does not pay.
      allocations: all.allocations
        .filter((a) => a.id !== 4)
        .map((a) => (a.id === 5 ? { ...a, terms: 'free' as const } : a)),
      presence: [
        ...all.presence.filter((p) => p.allocationId !== 4),
        { allocationId: 5, month: '2026-03', daysPresent: 20 },
      ],
    };
    const result = march([m]);
    expect(result.months[0]!.workstationMonths).toBe(3);
    expect(result.uncountedWorkstationMonths).toEqual([
      {
        month: '2026-03',
        workstationId: 4,
        workstationCode: 'A-004',
        occupantKey: null,
        reason: '本月未免费分配',
      },
    ]);
  });

  it('counts one workstation once a month even when two occupants each qualify', () => {
    const m = log('2026-03');
    const result = march([
      {
        ...m,
        allocations: [
          ...m.allocations.map((a) => (a.id === 1 ? { ...a, endsOn: '2026-03-15' } : a)),
          {
            id: 100,
            workstationId: 1,
            startsOn: '2026-03-16',
            endsOn: null,
            terms: 'free',
            occupantKey: 'founder:7',
            occupantEligible: true,
          },
        ],
        presence: [...m.presence, { allocationId: 100, month: '2026-03', daysPresent: 10 }],
      },
    ]);
    expect(result.months[0]!.workstationMonths).toBe(3);
    expect(result.workstationMonths[0]).toMatchObject({
      workstationCode: 'A-001',
      occupantKey: 'founder:7',
      allocatedDays: 16,
    });
    expect(result.uncountedWorkstationMonths).toEqual([
      {
        month: '2026-03',
        workstationId: 1,
        workstationCode: 'A-001',
        occupantKey: 'enterprise:1',
        reason: '同一工位同一月份只计一次',
      },
    ]);
  });

  it('applies presence logged per workstation only when one occupant used it that month', () => {
    const m = log('2026-03');
    const single = march([
      {
        ...m,
        presence: [
          ...m.presence.filter((p) => p.allocationId !== 1),
          { workstationId: 1, month: '2026-03', daysPresent: 9 },
        ],
      },
    ]);
    expect(single.workstationMonths[0]).toMatchObject({ workstationCode: 'A-001', daysPresent: 9 });

    const shared = march([
      {
        ...m,
        allocations: [
          ...m.allocations.map((a) => (a.id === 1 ? { ...a, endsOn: '2026-03-05' } : a)),
          {
            id: 100,
            workstationId: 1,
            startsOn: '2026-03-06',
            endsOn: null,
            terms: 'free',
            occupantKey: 'founder:7',
            occupantEligible: true,
          },
        ],
        presence: [
          ...m.presence.filter((p) => p.allocationId !== 1),
          { workstationId: 1, month: '2026-03', daysPresent: 20 },
        ],
      },
    ]);
    expect(shared.uncountedWorkstationMonths.find((u) => u.occupantKey === 'founder:7')!.reason).toBe(
      '本月该工位有多个入驻对象，按工位登记的出勤无法区分，请按分配记录登记',
    );
  });
});

describe('public-interest events', () => {
  const events: CentreEvent[] = [
    { id: 1, title: '融资路演辅导', date: '2026-03-10', kind: 'public-interest', attendeeCount: 10 },
    { id: 2, title: '财税政策讲座', date: '2026-03-12', kind: 'public-interest', attendeeCount: 9 },
    {
      id: 3,
      title: '电商运营培训班',
      date: '2026-03-20',
      kind: 'training-class',
      attendeeCount: 40,
      sector: '电子商务',
    },
  ];

  it('pays 2,000元 for an event with 10 signed-in attendees and nothing for one with 9', () => {
    const result = march([{ ...log('2026-03'), events }]);
    expect(result.lines[1]).toEqual({
      month: '2026-03',
      item: 'public-interest-event',
      label: '2026-03 公益性创业辅导活动（场）',
      quantity: 1,
      unitFen: 200_000,
      amountFen: 200_000,
      note: '另有 1 场签到不足 10 人，未计入',
    });
    expect(result.amountFen).toBe(290_000);
    expect(result.events.map((e) => [e.eventId, e.counted, e.reason])).toEqual([
      [1, true, null],
      [2, false, '签到 9 人，不足 10 人'],
      [3, false, '创业培训班不按次补助（计入培训班目标）'],
    ]);
  });
});

describe('monthly thresholds', () => {
  it('pays a month with 30% of workstations designated free and nothing for one with 29%, saying why', () => {
    const at30 = march([log('2026-03', 100, 30, 100)]);
    expect(at30.amountFen).toBe(30 * 30_000);
    expect(at30.ineligibleMonths).toEqual([]);

    const at29 = march([
      {
        ...log('2026-03', 100, 29, 100),
        events: [{ date: '2026-03-10', kind: 'public-interest', attendeeCount: 50 }],
      },
    ]);
    expect(at29.amountFen).toBe(0);
    expect(at29.lines).toEqual([]);
    expect(at29.ineligibleMonths).toEqual([
      { month: '2026-03', reasons: ['免费工位占比 29.00%（29/100），低于 30%'] },
    ]);
    expect(at29.events[0]).toMatchObject({ counted: false, reason: '该月未达到申报条件' });
  });

  it('pays a month with 80% of workstations allocated and nothing for one with 79%', () => {
    expect(march([log('2026-03', 100, 30, 80)]).amountFen).toBe(30 * 30_000);
    const at79 = march([log('2026-03', 100, 30, 79)]);
    expect(at79.amountFen).toBe(0);
    expect(at79.months[0]).toMatchObject({
      eligible: false,
      reasons: ['工位使用率 79.00%（79/100），低于 80%'],
      workstationMonths: 0,
    });
  });
});

describe('claim periods', () => {
  it('refuses a month already claimed', () => {
    const e = thrown(() => march([log('2026-03')], ['2026-01', '2026-03']));
    expect(e.code).toBe('CENTRES.MONTH_ALREADY_CLAIMED');
    expect(e.kind).toBe('conflict');
    expect(e.message).toBe('2026-03 已申报过，不能重复申报');
  });

  it('refuses a quarter containing an already claimed month', () => {
    const e = thrown(() =>
      computeCentreClaim({
        period: { kind: 'quarter', start: '2026-01' },
        rule,
        months: [],
        alreadyClaimedMonths: ['2026-02'],
      }),
    );
    expect(e.message).toBe('2026-02 已申报过，不能重复申报');
  });

  it('adds up the eligible months of a quarter and says why the others count nothing', () => {
    const result = computeCentreClaim({
      period: { kind: 'quarter', start: '2026-01' },
      rule,
      months: [log('2026-01'), log('2026-02', 10, 2, 9), log('2026-03')],
      alreadyClaimedMonths: ['2025-12'],
      asOf: '2026-04-01',
    });
    expect(result.periodLabel).toBe('2026年第一季度');
    expect(result.months.map((m) => [m.month, m.eligible, m.amountFen])).toEqual([
      ['2026-01', true, 90_000],
      ['2026-02', false, 0],
      ['2026-03', true, 90_000],
    ]);
    expect(result.amountFen).toBe(180_000);
    expect(result.ineligibleMonths).toEqual([
      { month: '2026-02', reasons: ['免费工位占比 20.00%（2/10），低于 30%'] },
    ]);
  });

  it('lists the months of a period', () => {
    expect(periodMonths({ kind: 'month', start: '2026-03' })).toEqual(['2026-03']);
    expect(periodMonths({ kind: 'quarter', start: '2025-10' })).toEqual(['2025-10', '2025-11', '2025-12']);
    expect(claimPeriodLabel({ kind: 'month', start: '2026-03' })).toBe('2026年3月');
    expect(claimPeriodLabel({ kind: 'quarter', start: '2025-10' })).toBe('2025年第四季度');
  });

  it('refuses a quarter that does not start a calendar quarter', () => {
    expect(thrown(() => periodMonths({ kind: 'quarter', start: '2026-02' })).message).toBe(
      '按季度申报应从 1、4、7 或 10 月开始，收到 2026-02',
    );
  });

  it('refuses a month that has not ended yet', () => {
    const e = thrown(() =>
      computeCentreClaim({
        period: { kind: 'month', start: '2026-03' },
        rule,
        months: [log('2026-03')],
        alreadyClaimedMonths: [],
        asOf: '2026-03-31',
      }),
    );
    expect(e.code).toBe('CENTRES.MONTH_NOT_ENDED');
    expect(e.message).toBe('2026-03 尚未结束，月份结束后才能申报');
  });

  it('refuses missing, duplicate or foreign month logs', () => {
    expect(
      thrown(() =>
        computeCentreClaim({
          period: { kind: 'quarter', start: '2026-01' },
          rule,
          months: [log('2026-01')],
          alreadyClaimedMonths: [],
        }),
      ).message,
    ).toBe('缺少 2026-02、2026-03 的工位和活动台账');
    expect(thrown(() => march([log('2026-03'), log('2026-03')])).code).toBe('CENTRES.DUPLICATE_MONTH');
    expect(thrown(() => march([log('2026-03'), log('2026-04')])).message).toBe(
      '2026-04 不在本次申报期（2026-03）内',
    );
  });
});

describe('bad presence records', () => {
  it('refuses impossible or duplicate presence', () => {
    expect(thrown(() => march([withFirstDesk({}, { daysPresent: 32 })])).message).toBe(
      '在驻天数应为 0–31 之间的整数，收到 32',
    );
    const m = log('2026-03');
    expect(
      thrown(() =>
        march([{ ...m, presence: [...m.presence, { allocationId: 1, month: '2026-03', daysPresent: 3 }] }]),
      ).code,
    ).toBe('CENTRES.DUPLICATE_PRESENCE');
    expect(thrown(() => march([{ ...m, presence: [{ allocationId: 1, month: '2026-03' }] }])).message).toBe(
      '出勤记录须填写在驻天数，或由管理员确认整月在驻',
    );
    expect(
      thrown(() =>
        march([
          { ...m, presence: [{ allocationId: 1, workstationId: 1, month: '2026-03', daysPresent: 9 }] },
        ]),
      ).message,
    ).toBe('出勤记录须对应一条分配记录或一个工位（二选一）');
    expect(
      thrown(() => march([{ ...m, presence: [{ allocationId: 77, month: '2026-03', daysPresent: 9 }] }]))
        .message,
    ).toBe('2026-03 的出勤记录引用了不存在的分配记录');
  });
});

test.prop([fc.integer({ min: 1, max: 40 }), fc.nat(), fc.nat()])(
  'pays exactly the free, allocated workstations of a month that meets both thresholds, and nothing otherwise',
  (total, f, a) => {
    const free = f % (total + 1);
    const allocated = a % (total + 1);
    const result = march([log('2026-03', total, free, allocated)]);
    const eligible = free * 100 >= 30 * total && allocated * 100 >= 80 * total;
    expect(result.amountFen).toBe(eligible ? Math.min(free, allocated) * 30_000 : 0);
    expect(result.amountFen).toBe(result.lines.reduce((s, l) => s + l.amountFen, 0));
  },
);
