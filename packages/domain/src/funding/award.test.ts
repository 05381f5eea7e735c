import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { fen } from '../money';
import {
  awardForFinancing,
  awardForMilestone,
  capToYearlyRemaining,
  clawbackAmount,
  milestoneKeys,
} from './award';
import { DEFAULT_AWARD_TIERS, DEFAULT_PARAMETERS, type AwardParameters } from './programme';

const WAN = 1_000_000; // 1万元 in fen

function thrown(f: () => unknown): DomainError {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('awardForFinancing (§5 default tiers: lower bound inclusive, upper exclusive)', () => {
  it.each([
    [0, 0],
    [50 * WAN - 100, 0], // 49.9999万
    [50 * WAN - 1, 0],
    [50 * WAN, 10 * WAN],
    [100 * WAN - 1, 10 * WAN],
    [100 * WAN, 20 * WAN],
    [200 * WAN - 1, 20 * WAN],
    [200 * WAN, 30 * WAN],
    [500 * WAN - 1, 30 * WAN],
    [500 * WAN, 40 * WAN],
    [1000 * WAN - 1, 40 * WAN],
    [1000 * WAN, 50 * WAN],
    [100_000 * WAN, 50 * WAN],
  ])('awards %i fen of financing %i fen', (financing, award) => {
    expect(awardForFinancing(financing, DEFAULT_AWARD_TIERS).awardFen).toBe(award);
  });

  it('gives the reason when the financing is below the first tier', () => {
    const r = awardForFinancing(50 * WAN - 100, DEFAULT_AWARD_TIERS);
    expect(r.tier).toBeNull();
    expect(r.reason).toBe('融资金额 49.9999万元 低于最低奖励档位 50万元，不予奖励');
  });

  it('names the tier in the working', () => {
    const r = awardForFinancing(100 * WAN, DEFAULT_AWARD_TIERS);
    expect(r.reason).toBeNull();
    expect(r.working).toContainEqual({ label: '奖励档位', value: '100万元（含）至200万元（不含）' });
    expect(r.working).toContainEqual({ label: '奖励金额', value: '¥200,000.00' });
  });

  it('awards nothing in a gap between configured tiers, with the reason', () => {
    const tiers = [
      { fromFen: fen(50 * WAN), toFenExclusive: fen(100 * WAN), awardFen: fen(10 * WAN) },
      { fromFen: fen(200 * WAN), toFenExclusive: null, awardFen: fen(30 * WAN) },
    ];
    const r = awardForFinancing(150 * WAN, tiers);
    expect(r.awardFen).toBe(0);
    expect(r.reason).toContain('不在任何奖励档位内');
  });

  it('refuses overlapping tiers and a negative or fractional amount', () => {
    const overlapping = [
      { fromFen: fen(0), toFenExclusive: fen(100), awardFen: fen(1) },
      { fromFen: fen(50), toFenExclusive: null, awardFen: fen(2) },
    ];
    expect(thrown(() => awardForFinancing(60, overlapping)).code).toBe('FUNDING.INVALID_PARAMETERS');
    expect(thrown(() => awardForFinancing(-1, DEFAULT_AWARD_TIERS)).code).toBe('FUNDING.INVALID_AMOUNT');
    expect(thrown(() => awardForFinancing(1.5, DEFAULT_AWARD_TIERS)).code).toBe('FUNDING.INVALID_AMOUNT');
  });
});

describe('awardForMilestone', () => {
  const params: AwardParameters = {
    ...DEFAULT_PARAMETERS('award-in-lieu-of-investment'),
    milestoneKinds: ['equity-financing', 'revenue', 'jobs', 'patents'],
    revenueMilestone: { thresholdFen: fen(2000 * WAN), awardFen: fen(10 * WAN) },
    jobsMilestone: { minNewJobs: 20, awardFen: fen(5 * WAN) },
    patentsMilestone: { minPatents: 2, awardFen: fen(8 * WAN) },
  };

  it('awards equity financing by tier', () => {
    const r = awardForMilestone(
      {
        kind: 'equity-financing',
        financingFen: fen(300 * WAN),
        financedOn: '2025-05-06',
        investorName: '岳阳创投基金',
      },
      params,
    );
    expect(r.awardFen).toBe(30 * WAN);
    expect(r.working[0]).toEqual({ label: '里程碑', value: '首次外部股权融资' });
  });

  it('awards revenue at the threshold and not below it', () => {
    expect(
      awardForMilestone({ kind: 'revenue', revenueYear: 2024, revenueFen: fen(2000 * WAN) }, params).awardFen,
    ).toBe(10 * WAN);
    const below = awardForMilestone(
      { kind: 'revenue', revenueYear: 2024, revenueFen: fen(2000 * WAN - 1) },
      params,
    );
    expect(below.awardFen).toBe(0);
    expect(below.reason).toContain('未达到 2000万元');
  });

  it('awards jobs created (从业人员 increase) at the threshold', () => {
    const data = { kind: 'jobs', baselineOn: '2024-01-01', measuredOn: '2025-01-01' } as const;
    expect(awardForMilestone({ ...data, employeesBefore: 10, employeesAfter: 30 }, params).awardFen).toBe(
      5 * WAN,
    );
    expect(awardForMilestone({ ...data, employeesBefore: 10, employeesAfter: 29 }, params).awardFen).toBe(0);
  });

  it('awards invention patents granted at the threshold', () => {
    expect(
      awardForMilestone({ kind: 'patents', patentNumbers: ['ZL202310123456.7', 'ZL202310123457.5'] }, params)
        .awardFen,
    ).toBe(8 * WAN);
    expect(awardForMilestone({ kind: 'patents', patentNumbers: ['ZL202310123456.7'] }, params).awardFen).toBe(
      0,
    );
  });

  it('refuses a milestone kind the programme does not offer', () => {
    const error = thrown(() =>
      awardForMilestone(
        { kind: 'revenue', revenueYear: 2024, revenueFen: fen(1) },
        DEFAULT_PARAMETERS('award-in-lieu-of-investment'),
      ),
    );
    expect(error.code).toBe('FUNDING.MILESTONE_NOT_OFFERED');
  });

  it('identifies the same milestone so that it is awarded at most once (§3)', () => {
    expect(
      milestoneKeys(
        { kind: 'equity-financing', financingFen: fen(1), financedOn: '2025-01-01', investorName: '某创投' },
        params,
      ),
    ).toEqual(['equity-financing:first']);
    expect(milestoneKeys({ kind: 'patents', patentNumbers: ['zl 202310123456.7'] }, params)).toEqual([
      'patent:ZL202310123456.7',
    ]);
    expect(milestoneKeys({ kind: 'revenue', revenueYear: 2025, revenueFen: fen(1) }, params)).toEqual([
      `revenue:${2000 * WAN}`,
    ]);
  });
});

describe('clawbackAmount (§5)', () => {
  const award = 30 * WAN; // 30万元
  const paidOn = '2025-01-15';

  it.each([
    ['2025-01-15', 0, 30 * WAN], // same day: nothing has elapsed, the whole award
    ['2025-02-14', 0, 30 * WAN], // one day short of a full month
    ['2025-02-15', 1, 29_166_667], // 30万 × 35/36 = 291,666.666… 元 → 291,666.67
    ['2027-12-15', 35, 833_333], // 30万 × 1/36 = 8,333.333… 元 → 8,333.33
    ['2028-01-14', 35, 833_333],
    ['2028-01-15', 36, 0],
    ['2028-02-15', 37, 0],
  ])('recovers pro rata when moved out on %s (%i full months)', (movedOutOn, months, expected) => {
    const r = clawbackAmount({ awardFen: award, paidOn, movedOutOn, falseMaterial: false });
    expect(r.fullMonthsElapsed).toBe(months);
    expect(r.amountFen).toBe(expected);
    expect(r.ground).toBe('moved-out');
  });

  it('rounds half up to the fen', () => {
    // 100.01 元 × 35/36 = 97.2319… 元 → 97.23; 0.18 元 × 1/36 = 0.005 元 → 0.01 (half up).
    expect(
      clawbackAmount({ awardFen: 10_001, paidOn, movedOutOn: '2025-02-15', falseMaterial: false }).amountFen,
    ).toBe(9_723);
    expect(
      clawbackAmount({ awardFen: 18, paidOn, movedOutOn: '2027-12-15', falseMaterial: false }).amountFen,
    ).toBe(1);
  });

  it('recovers the whole award for false material, whenever found', () => {
    expect(clawbackAmount({ awardFen: award, paidOn, movedOutOn: null, falseMaterial: true })).toMatchObject({
      amountFen: award,
      ground: 'false-material',
    });
    expect(
      clawbackAmount({ awardFen: award, paidOn, movedOutOn: '2030-01-01', falseMaterial: true }).amountFen,
    ).toBe(award);
  });

  it('recovers nothing when the enterprise has neither moved nor lied', () => {
    expect(clawbackAmount({ awardFen: award, paidOn, movedOutOn: null, falseMaterial: false })).toMatchObject(
      { amountFen: 0, ground: null },
    );
  });

  it('uses the programme clawback period when given', () => {
    expect(
      clawbackAmount({
        awardFen: 24 * WAN,
        paidOn,
        movedOutOn: '2026-01-15',
        falseMaterial: false,
        clawbackMonths: 24,
      }).amountFen,
    ).toBe(12 * WAN);
  });

  it('refuses a move dated before the payment', () => {
    expect(
      thrown(() =>
        clawbackAmount({ awardFen: award, paidOn, movedOutOn: '2024-12-31', falseMaterial: false }),
      ).code,
    ).toBe('DATE.ORDER');
  });
});

describe('capToYearlyRemaining (§3 yearly cap)', () => {
  it('keeps an amount within what is left of the cap', () => {
    expect(capToYearlyRemaining(20 * WAN, 50 * WAN)).toEqual({ amountFen: 20 * WAN, reducedByFen: 0 });
  });

  it('cuts an amount to what is left of the cap', () => {
    expect(capToYearlyRemaining(30 * WAN, 20 * WAN)).toEqual({ amountFen: 20 * WAN, reducedByFen: 10 * WAN });
  });

  it('gives nothing once the cap is reached', () => {
    expect(capToYearlyRemaining(30 * WAN, 0)).toEqual({ amountFen: 0, reducedByFen: 30 * WAN });
    expect(capToYearlyRemaining(30 * WAN, -5)).toEqual({ amountFen: 0, reducedByFen: 30 * WAN });
  });
});
