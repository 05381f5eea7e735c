import { fc, test } from '@fast-check/vitest';
import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { addDays, compareIsoDate, daysBetween } from '../dates';
import { DomainError } from '../errors';
import {
  computeInterestShareSubsidy,
  computeLoanInterestSubsidy,
  type LoanInterestSubsidyInput,
  type LoanInterestSubsidyRule,
} from './loan-interest';

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

/** The §4 default: borrower bears LPR − 150BP, no subsidy above LPR + 50BP, 300万元 cap, 360-day basis. */
const DEFAULT_RULE: LoanInterestSubsidyRule = {
  floorBelowLprBp: 150,
  ceilingOverLprBp: 50,
  amountCapFen: 300_000_000,
  dayBasis: 360,
};

/** The §4 worked example: 200,000 yuan at 3.95%, signed 2024-03-15, for one year. */
const EXAMPLE: LoanInterestSubsidyInput = {
  contractSignedOn: '2024-03-15',
  contractRatePct: '3.95',
  segments: [{ principalFen: 20_000_000, start: '2024-03-15', endExclusive: '2025-03-15' }],
  rule: DEFAULT_RULE,
};

const withRule = (
  rule: Partial<LoanInterestSubsidyRule>,
  input: Partial<LoanInterestSubsidyInput> = {},
): LoanInterestSubsidyInput => ({
  ...EXAMPLE,
  ...input,
  rule: { ...DEFAULT_RULE, ...rule },
});

describe('computeLoanInterestSubsidy', () => {
  it('reproduces the §4 worked example: 2.00% on 200,000 yuan for 365 days is 4,055.56 yuan', () => {
    const r = computeLoanInterestSubsidy(EXAMPLE);
    expect(r).toMatchObject({
      lprPct: '3.45',
      lprEffectiveOn: '2023-08-21',
      floorPct: '1.95',
      ceilingPct: '3.95',
      subsidyRatePct: '2.00',
      days: 365,
      subsidyFen: 405_556,
    });
    expect(r.lines).toEqual([
      {
        start: '2024-03-15',
        endExclusive: '2025-03-15',
        clippedAtMaturity: false,
        days: 365,
        principalFen: 20_000_000,
        cappedPrincipalFen: 20_000_000,
        subsidyFen: 405_556,
      },
    ]);
  });

  it('keeps the LPR of the signing date although the LPR falls twice during the loan', () => {
    // 2024-07-22 → 3.35% and 2024-10-21 → 3.10% fall inside the period; the 3.45% of 2024-03-15 holds throughout.
    const r = computeLoanInterestSubsidy({ ...EXAMPLE, contractRatePct: '3.45' });
    expect(r.lprPct).toBe('3.45');
    expect(r.subsidyRatePct).toBe('1.50'); // 3.45 − 1.95
    const later = computeLoanInterestSubsidy({
      ...EXAMPLE,
      contractSignedOn: '2024-10-21',
      contractRatePct: '3.45',
      segments: [{ principalFen: 20_000_000, start: '2024-10-21', endExclusive: '2025-10-21' }],
    });
    expect(later.lprPct).toBe('3.10');
    expect(later.subsidyRatePct).toBe('1.85'); // 3.45 − 1.60
  });

  it('applies an LPR published on the signing day itself', () => {
    const segment = { principalFen: 1_000_000, start: '2024-07-22', endExclusive: '2025-07-22' };
    const onTheDay = computeLoanInterestSubsidy({
      ...EXAMPLE,
      contractSignedOn: '2024-07-22',
      contractRatePct: '3.50',
      segments: [segment],
    });
    expect(onTheDay).toMatchObject({
      lprPct: '3.35',
      floorPct: '1.85',
      subsidyRatePct: '1.65',
      subsidyFen: 16_729,
    }); // 16,729.17
    const dayBefore = computeLoanInterestSubsidy({
      ...EXAMPLE,
      contractSignedOn: '2024-07-21',
      contractRatePct: '3.50',
      segments: [segment],
    });
    expect(dayBefore).toMatchObject({ lprPct: '3.45', subsidyRatePct: '1.55' });
  });

  it('subsidises only the capped principal when the loan is above the 300万元 cap', () => {
    const r = computeLoanInterestSubsidy({
      ...EXAMPLE,
      segments: [{ principalFen: 500_000_000, start: '2024-03-15', endExclusive: '2025-03-15' }],
    });
    expect(r.lines[0]).toMatchObject({ principalFen: 500_000_000, cappedPrincipalFen: 300_000_000 });
    expect(r.subsidyFen).toBe(6_083_333); // 3,000,000 × 2% × 365/360 = 60,833.33 yuan
  });

  it('counts no days on or after maturity (展期/逾期 are not subsidised)', () => {
    const r = computeLoanInterestSubsidy({ ...EXAMPLE, maturityOn: '2024-09-15' });
    expect(r.days).toBe(184);
    expect(r.subsidyFen).toBe(204_444); // 400,000 × 184/360 = 204,444.44 fen
    expect(r.lines[0]).toMatchObject({ endExclusive: '2024-09-15', clippedAtMaturity: true, days: 184 });

    const atEnd = computeLoanInterestSubsidy({ ...EXAMPLE, maturityOn: '2025-03-15' });
    expect(atEnd).toMatchObject({ days: 365, subsidyFen: 405_556 });
    expect(atEnd.lines[0]!.clippedAtMaturity).toBe(false);

    const afterMaturity = computeLoanInterestSubsidy({
      ...EXAMPLE,
      maturityOn: '2024-09-15',
      segments: [
        { principalFen: 20_000_000, start: '2024-03-15', endExclusive: '2024-09-15' },
        { principalFen: 20_000_000, start: '2024-09-15', endExclusive: '2025-03-15' },
      ],
    });
    expect(afterMaturity.lines[1]).toMatchObject({
      endExclusive: '2024-09-15',
      days: 0,
      subsidyFen: 0,
      clippedAtMaturity: true,
    });
    expect(afterMaturity.subsidyFen).toBe(204_444);
  });

  it('pays less on a 365-day basis than on the 360-day basis', () => {
    expect(computeLoanInterestSubsidy(withRule({ dayBasis: 365 })).subsidyFen).toBe(400_000);
    expect(computeLoanInterestSubsidy(withRule({ dayBasis: 360 })).subsidyFen).toBe(405_556);
  });

  it('subsidises from zero when the rule has no floor (the borrower bears nothing)', () => {
    const r = computeLoanInterestSubsidy(withRule({ floorBelowLprBp: null }));
    expect(r).toMatchObject({ floorPct: '0.00', subsidyRatePct: '3.95', subsidyFen: 800_972 }); // 8,009.72 yuan
  });

  it('subsidises up to the contract rate when the rule has no ceiling', () => {
    const capped = computeLoanInterestSubsidy({ ...EXAMPLE, contractRatePct: '4.50' });
    expect(capped).toMatchObject({ ceilingPct: '3.95', subsidyRatePct: '2.00' });
    const uncapped = computeLoanInterestSubsidy(
      withRule({ ceilingOverLprBp: null }, { contractRatePct: '4.50' }),
    );
    expect(uncapped).toMatchObject({ ceilingPct: '4.50', subsidyRatePct: '2.55', subsidyFen: 517_083 });
  });

  it('pays nothing when the contract rate is below the floor', () => {
    const r = computeLoanInterestSubsidy({ ...EXAMPLE, contractRatePct: '1.80' });
    expect(r).toMatchObject({ subsidyRatePct: '0.00', subsidyFen: 0, days: 365 });
  });

  it('never lets the floor go below zero when the LPR is under 150BP', () => {
    const r = computeLoanInterestSubsidy({
      ...EXAMPLE,
      contractRatePct: '1.40',
      lprTable: [{ effectiveOn: '2020-01-01', ratePct: '1.00' }],
    });
    expect(r).toMatchObject({ lprPct: '1.00', floorPct: '0.00', ceilingPct: '1.50', subsidyRatePct: '1.40' });
  });

  it('sums segments of amortising principal, each rounded to the fen, in date order', () => {
    const r = computeLoanInterestSubsidy({
      ...EXAMPLE,
      segments: [
        { principalFen: 10_000_000, start: '2024-09-15', endExclusive: '2025-03-15' },
        { principalFen: 20_000_000, start: '2024-03-15', endExclusive: '2024-09-15' },
      ],
    });
    expect(r.lines.map((l) => [l.start, l.days, l.subsidyFen])).toEqual([
      ['2024-03-15', 184, 204_444], // 204,444.44
      ['2024-09-15', 181, 100_556], // 100,555.56
    ]);
    expect(r).toMatchObject({ days: 365, subsidyFen: 305_000 });
  });

  it('rounds half a fen up and anything less down', () => {
    const oneDay = (principalFen: number) =>
      computeLoanInterestSubsidy({
        ...EXAMPLE,
        segments: [{ principalFen, start: '2024-03-15', endExclusive: '2024-03-16' }],
      }).subsidyFen;
    expect(oneDay(9_000)).toBe(1); // 9,000 × 2% / 360 = 0.5 fen
    expect(oneDay(8_999)).toBe(0);
  });

  it('accepts rates written with or without trailing zeros', () => {
    for (const rate of ['3.95', '3.950', '3.9500'])
      expect(computeLoanInterestSubsidy({ ...EXAMPLE, contractRatePct: rate }).subsidyFen).toBe(405_556);
    expect(computeLoanInterestSubsidy({ ...EXAMPLE, contractRatePct: '4' }).subsidyRatePct).toBe('2.00');
  });

  it('returns zero for a loan with no outstanding segments', () => {
    expect(computeLoanInterestSubsidy({ ...EXAMPLE, segments: [] })).toMatchObject({
      days: 0,
      subsidyFen: 0,
      lines: [],
    });
  });

  describe('refuses bad input with a stable code', () => {
    const code = (input: LoanInterestSubsidyInput) => errorOf(() => computeLoanInterestSubsidy(input)).code;
    const seg = (s: Partial<LoanInterestSubsidyInput['segments'][number]>) => ({
      ...EXAMPLE,
      segments: [{ ...EXAMPLE.segments[0]!, ...s }],
    });

    it('FUNDING.INVALID_RATE for a rate that is not a plain decimal from 0 to 100', () => {
      for (const rate of ['3,95', '-1', 'abc', '', '100.5', '1e1'])
        expect(code({ ...EXAMPLE, contractRatePct: rate }), rate).toBe('FUNDING.INVALID_RATE');
      expect(
        errorOf(() => computeLoanInterestSubsidy({ ...EXAMPLE, contractRatePct: '3,95' })).message,
      ).toContain('贷款合同利率');
    });

    it('FUNDING.NEGATIVE_PRINCIPAL for a negative principal', () => {
      expect(code(seg({ principalFen: -1 }))).toBe('FUNDING.NEGATIVE_PRINCIPAL');
    });

    it('FUNDING.INVALID_AMOUNT for a principal that is not a safe integer of fen', () => {
      for (const p of [1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1, Number.POSITIVE_INFINITY])
        expect(code(seg({ principalFen: p })), String(p)).toBe('FUNDING.INVALID_AMOUNT');
    });

    it('FUNDING.SEGMENT_ORDER for a segment that ends on or before its start', () => {
      expect(code(seg({ endExclusive: '2024-03-15' }))).toBe('FUNDING.SEGMENT_ORDER');
      expect(code(seg({ endExclusive: '2024-03-14' }))).toBe('FUNDING.SEGMENT_ORDER');
    });

    it('FUNDING.SEGMENT_OVERLAP for segments that share a day', () => {
      const overlapping = {
        ...EXAMPLE,
        segments: [
          { principalFen: 1, start: '2024-03-15', endExclusive: '2024-06-16' },
          { principalFen: 1, start: '2024-06-15', endExclusive: '2024-09-15' },
        ],
      };
      expect(code(overlapping)).toBe('FUNDING.SEGMENT_OVERLAP');
    });

    it('DATE.INVALID for a malformed or impossible date', () => {
      expect(code({ ...EXAMPLE, contractSignedOn: '2024-02-30' })).toBe('DATE.INVALID');
      expect(code(seg({ start: '2024-3-15' }))).toBe('DATE.INVALID');
      expect(code({ ...EXAMPLE, maturityOn: '2025/03/15' })).toBe('DATE.INVALID');
      expect(
        errorOf(() => computeLoanInterestSubsidy(seg({ endExclusive: '2025-02-29' }))).message,
      ).toContain('第 1 段结束日期');
    });

    it('FUNDING.LPR_NOT_FOUND for a contract signed before the first LPR quotation', () => {
      const early = {
        ...EXAMPLE,
        contractSignedOn: '2019-01-02',
        segments: [{ principalFen: 1, start: '2019-01-02', endExclusive: '2019-02-02' }],
      };
      expect(code(early)).toBe('FUNDING.LPR_NOT_FOUND');
    });

    it('FUNDING.SEGMENT_BEFORE_SIGNING and FUNDING.MATURITY_BEFORE_SIGNING for periods before the contract exists', () => {
      expect(code(seg({ start: '2024-03-14' }))).toBe('FUNDING.SEGMENT_BEFORE_SIGNING');
      expect(code({ ...EXAMPLE, maturityOn: '2024-03-15' })).toBe('FUNDING.MATURITY_BEFORE_SIGNING');
    });

    it('FUNDING.INVALID_RULE for a rule outside its domain', () => {
      expect(code(withRule({ floorBelowLprBp: -1 }))).toBe('FUNDING.INVALID_RULE');
      expect(code(withRule({ ceilingOverLprBp: 12.5 }))).toBe('FUNDING.INVALID_RULE');
      expect(code(withRule({ amountCapFen: -100 }))).toBe('FUNDING.INVALID_RULE');
      expect(code(withRule({ dayBasis: 366 as 365 }))).toBe('FUNDING.INVALID_RULE');
    });

    it('MONEY.OVERFLOW rather than an imprecise number when the subsidy exceeds safe integer fen', () => {
      const huge = withRule(
        { floorBelowLprBp: null, ceilingOverLprBp: null, amountCapFen: null },
        {
          contractRatePct: '100',
          segments: [
            { principalFen: Number.MAX_SAFE_INTEGER, start: '2024-03-15', endExclusive: '2034-03-15' },
          ],
        },
      );
      expect(code(huge)).toBe('MONEY.OVERFLOW');
    });

    it('refuses with kind invalid, so the API answers BAD_REQUEST', () => {
      expect(errorOf(() => computeLoanInterestSubsidy({ ...EXAMPLE, contractRatePct: 'abc' })).kind).toBe(
        'invalid',
      );
    });
  });

  // Rates as exact strings from whole hundredths of a basis point (no float formatting involved).
  const rateArb = fc
    .integer({ min: 0, max: 200_000 })
    .map((n) => `${Math.floor(n / 10_000)}.${String(n % 10_000).padStart(4, '0')}`);
  const bpArb = fc.option(fc.integer({ min: 0, max: 500 }), { nil: null });
  const signedArb = fc.integer({ min: 0, max: 2_600 }).map((n) => addDays('2019-08-20', n));
  const segmentsArb = fc.array(
    fc.record({
      gap: fc.integer({ min: 0, max: 60 }),
      days: fc.integer({ min: 1, max: 400 }),
      principalFen: fc.integer({ min: 0, max: 10_000_000_000 }),
    }),
    { maxLength: 6 },
  );

  test.prop({
    signedOn: signedArb,
    contractRatePct: rateArb,
    floorBelowLprBp: bpArb,
    ceilingOverLprBp: bpArb,
    amountCapFen: fc.option(fc.integer({ min: 0, max: 5_000_000_000 }), { nil: null }),
    dayBasis: fc.constantFrom(360 as const, 365 as const),
    shape: segmentsArb,
    maturityAfter: fc.option(fc.integer({ min: 1, max: 1_500 }), { nil: null }),
  })('is never negative and never above the interest at the contract rate', (p) => {
    let cursor = p.signedOn;
    const segments = p.shape.map((s) => {
      const start = addDays(cursor, s.gap);
      cursor = addDays(start, s.days);
      return { principalFen: s.principalFen, start, endExclusive: cursor };
    });
    const maturityOn = p.maturityAfter === null ? null : addDays(p.signedOn, p.maturityAfter);
    const r = computeLoanInterestSubsidy({
      contractSignedOn: p.signedOn,
      contractRatePct: p.contractRatePct,
      maturityOn,
      segments,
      rule: {
        floorBelowLprBp: p.floorBelowLprBp,
        ceilingOverLprBp: p.ceilingOverLprBp,
        amountCapFen: p.amountCapFen,
        dayBasis: p.dayBasis,
      },
    });

    // Contract-rate interest per segment on the days that may be subsidised, rounded half-up to the fen.
    const contractInterest = segments.map((s) => {
      const end =
        maturityOn !== null && compareIsoDate(maturityOn, s.endExclusive) < 0 ? maturityOn : s.endExclusive;
      const days = Math.max(0, daysBetween(s.start, end));
      return new Decimal(s.principalFen)
        .times(p.contractRatePct)
        .times(days)
        .div(100 * p.dayBasis)
        .toDecimalPlaces(0, Decimal.ROUND_HALF_UP)
        .toNumber();
    });
    expect(r.subsidyFen).toBeGreaterThanOrEqual(0);
    expect(r.subsidyFen).toBeLessThanOrEqual(contractInterest.reduce((a, b) => a + b, 0));
    r.lines.forEach((line, i) => {
      expect(line.subsidyFen).toBeGreaterThanOrEqual(0);
      expect(line.subsidyFen).toBeLessThanOrEqual(contractInterest[i]!);
    });
    expect(r.subsidyFen).toBe(r.lines.reduce((a, l) => a + l.subsidyFen, 0));
    expect(new Decimal(r.subsidyRatePct).lte(p.contractRatePct)).toBe(true);
  });
});

describe('computeInterestShareSubsidy', () => {
  it('pays half of 86,400.00 yuan paid as 43,200.00', () => {
    expect(
      computeInterestShareSubsidy({ interestPaidFen: 8_640_000, sharePct: '50', annualCapFen: null }),
    ).toEqual({
      subsidyFen: 4_320_000,
      uncappedFen: 4_320_000,
      capped: false,
    });
  });

  it('stops at a 50,000.00 yuan cap when 123,456.78 yuan was paid', () => {
    expect(
      computeInterestShareSubsidy({ interestPaidFen: 12_345_678, sharePct: '50', annualCapFen: 5_000_000 }),
    ).toEqual({
      subsidyFen: 5_000_000,
      uncappedFen: 6_172_839,
      capped: true,
    });
  });

  it('rounds half a fen up', () => {
    expect(
      computeInterestShareSubsidy({ interestPaidFen: 1, sharePct: '50', annualCapFen: null }).subsidyFen,
    ).toBe(1); // 0.5 fen
    expect(
      computeInterestShareSubsidy({ interestPaidFen: 3, sharePct: '50', annualCapFen: null }).subsidyFen,
    ).toBe(2); // 1.5 fen
    expect(
      computeInterestShareSubsidy({ interestPaidFen: 1, sharePct: '49.99', annualCapFen: null }).subsidyFen,
    ).toBe(0);
  });

  it('refuses a share that is not a percentage from 0 to 100 with FUNDING.INVALID_SHARE', () => {
    for (const sharePct of ['150', '-5', 'abc', '', '50%']) {
      expect(
        errorOf(() => computeInterestShareSubsidy({ interestPaidFen: 100, sharePct, annualCapFen: null }))
          .code,
        sharePct,
      ).toBe('FUNDING.INVALID_SHARE');
    }
  });

  it('refuses negative or fractional interest and a bad cap', () => {
    expect(
      errorOf(() => computeInterestShareSubsidy({ interestPaidFen: -1, sharePct: '50', annualCapFen: null }))
        .code,
    ).toBe('FUNDING.INVALID_AMOUNT');
    expect(
      errorOf(() =>
        computeInterestShareSubsidy({ interestPaidFen: 10.5, sharePct: '50', annualCapFen: null }),
      ).code,
    ).toBe('FUNDING.INVALID_AMOUNT');
    expect(
      errorOf(() => computeInterestShareSubsidy({ interestPaidFen: 10, sharePct: '50', annualCapFen: -1 }))
        .code,
    ).toBe('FUNDING.INVALID_RULE');
  });

  test.prop([
    fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
    fc
      .integer({ min: 0, max: 10_000 })
      .map((n) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`),
    fc.option(fc.integer({ min: 0, max: 100_000_000 }), { nil: null }),
  ])('is never above the cap nor above the interest paid', (interestPaidFen, sharePct, annualCapFen) => {
    const { subsidyFen } = computeInterestShareSubsidy({ interestPaidFen, sharePct, annualCapFen });
    expect(subsidyFen).toBeGreaterThanOrEqual(0);
    expect(subsidyFen).toBeLessThanOrEqual(interestPaidFen);
    if (annualCapFen !== null) expect(subsidyFen).toBeLessThanOrEqual(annualCapFen);
  });
});
