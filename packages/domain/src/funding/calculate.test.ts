import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { fen } from '../money';
import {
  AwardApplicationData,
  computeCaseAmount,
  LoanApplicationData,
  loanDaysOverlap,
  type CaseAmountContext,
} from './calculate';
import { DEFAULT_PARAMETERS, type AwardParameters } from './programme';

const WAN = 1_000_000;

const CONTEXT: CaseAmountContext = {
  remainingYearlyCapFen: null,
  interestShareReceivedThisYearFen: fen(0),
  alreadySubsidisedPeriods: [],
  alreadyAwardedMilestoneKeys: [],
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

/** §4 worked example: 200,000 yuan signed 2024-03-15 (LPR 3.45%) at 3.95%, one year. */
const WORKED = {
  mode: 'lpr-spread',
  bankName: '中国工商银行岳阳分行',
  contractNo: 'HT-2024-0315',
  contractSignedOn: '2024-03-15',
  maturityOn: '2025-03-15',
  principalFen: 20_000_000,
  contractRatePct: '3.95',
  segments: [{ principalFen: 20_000_000, start: '2024-03-15', endExclusive: '2025-03-15' }],
};

const SPREAD = DEFAULT_PARAMETERS('loan-interest-subsidy');

describe('computeCaseAmount: 贷款贴息, LPR spread (§4)', () => {
  it('reproduces the worked example: 4,055.56 yuan', () => {
    const r = computeCaseAmount('loan-interest-subsidy', SPREAD, WORKED, CONTEXT);
    expect(r.amountFen).toBe(405_556);
    expect(r.working).toContainEqual({
      label: 'LPR（签约日 2024-03-15 适用，2023-08-21 公布）',
      value: '3.45%',
    });
    expect(r.working).toContainEqual({ label: '企业自担利率（LPR − 150BP）', value: '1.95%' });
    expect(r.working).toContainEqual({ label: '贴息利率上限（LPR + 50BP）', value: '3.95%' });
    expect(r.working).toContainEqual({ label: '贴息利率', value: '2.00%' });
    expect(r.working).toContainEqual({
      label: '2024-03-15 至 2025-03-15（365 天）',
      value: '¥200,000.00 × 2.00% × 365/360 = ¥4,055.56',
    });
    expect(r.working.at(-1)).toEqual({ label: '贴息金额', value: '¥4,055.56' });
    expect(r.subsidisedPeriods).toEqual([
      {
        bankName: '中国工商银行岳阳分行',
        contractNo: 'HT-2024-0315',
        start: '2024-03-15',
        endExclusive: '2025-03-15',
      },
    ]);
  });

  it('clips the days beyond 24 months from signing (subsidy period at most 2 years)', () => {
    const data = {
      ...WORKED,
      maturityOn: '2027-03-15',
      segments: [{ principalFen: 20_000_000, start: '2024-03-15', endExclusive: '2027-03-15' }],
    };
    const r = computeCaseAmount('loan-interest-subsidy', SPREAD, data, CONTEXT);
    // 2024-03-15 → 2026-03-15 is 730 days: 200000 × 2.00% × 730/360 = 8,111.11 yuan.
    expect(r.amountFen).toBe(811_111);
    expect(r.working).toContainEqual({ label: '超出 24 个月贴息期限，不予贴息', value: '365 天' });
    expect(r.subsidisedPeriods[0]?.endExclusive).toBe('2026-03-15');
  });

  it('drops a segment entirely beyond the subsidy period', () => {
    const data = {
      ...WORKED,
      maturityOn: '2027-03-15',
      segments: [
        { principalFen: 20_000_000, start: '2024-03-15', endExclusive: '2025-03-15' },
        { principalFen: 10_000_000, start: '2026-03-15', endExclusive: '2027-03-15' },
      ],
    };
    const r = computeCaseAmount('loan-interest-subsidy', SPREAD, data, CONTEXT);
    expect(r.amountFen).toBe(405_556);
    expect(r.subsidisedPeriods).toHaveLength(1);
  });

  it('uses the programme frozen parameters, e.g. a 365-day basis', () => {
    const r = computeCaseAmount('loan-interest-subsidy', { ...SPREAD, dayBasis: 365 }, WORKED, CONTEXT);
    expect(r.amountFen).toBe(400_000); // 200000 × 2.00% × 365/365
  });

  it('refuses days of the same loan subsidised before (§3 never paid twice)', () => {
    const context = {
      ...CONTEXT,
      alreadySubsidisedPeriods: [
        {
          bankName: '中国工商银行 岳阳分行',
          contractNo: 'ht2024-0315',
          start: '2025-03-01',
          endExclusive: '2026-03-01',
        },
      ],
    };
    const error = thrown(() => computeCaseAmount('loan-interest-subsidy', SPREAD, WORKED, context));
    expect(error).toMatchObject({ code: 'FUNDING.LOAN_DAYS_ALREADY_SUBSIDISED', kind: 'conflict' });
    expect(error.message).toContain('2025-03-01 至 2025-03-15');
    expect(error.message).toContain('14 天');
  });

  it('caps the amount at what is left of the yearly cap', () => {
    const r = computeCaseAmount('loan-interest-subsidy', SPREAD, WORKED, {
      ...CONTEXT,
      remainingYearlyCapFen: fen(300_000),
    });
    expect(r.amountFen).toBe(300_000);
    expect(r.working.at(-1)).toEqual({ label: '按年度上限核定金额', value: '¥3,000.00' });
  });

  it('refuses data for the other loan mode', () => {
    expect(
      thrown(() =>
        computeCaseAmount(
          'loan-interest-subsidy',
          DEFAULT_PARAMETERS('loan-interest-subsidy', 'interest-share'),
          WORKED,
          CONTEXT,
        ),
      ).code,
    ).toBe('FUNDING.LOAN_MODE_MISMATCH');
  });
});

describe('computeCaseAmount: 贷款贴息, share of interest paid (§4)', () => {
  const share = DEFAULT_PARAMETERS('loan-interest-subsidy', 'interest-share');
  const data = (interestPaidFen: number, periodEndExclusive = '2025-01-01') => ({
    ...WORKED,
    mode: 'interest-share',
    contractSignedOn: '2024-01-01',
    maturityOn: '2026-01-01',
    segments: undefined,
    interestPayments: [{ periodStart: '2024-01-01', periodEndExclusive, interestPaidFen }],
  });

  it('pays 50% of interest paid: 86,400.00 → 43,200.00 without a cap', () => {
    expect(
      computeCaseAmount('loan-interest-subsidy', { ...share, annualCapFen: null }, data(8_640_000), CONTEXT)
        .amountFen,
    ).toBe(4_320_000);
  });

  it('caps per enterprise per year: 123,456.78 paid → 50,000.00 with a 50,000 cap', () => {
    const r = computeCaseAmount(
      'loan-interest-subsidy',
      { ...share, annualCapFen: fen(5_000_000) },
      data(12_345_678),
      CONTEXT,
    );
    expect(r.amountFen).toBe(5_000_000);
  });

  it('counts what the enterprise already received this year against the annual cap', () => {
    const context = { ...CONTEXT, interestShareReceivedThisYearFen: fen(2_000_000) };
    expect(
      computeCaseAmount(
        'loan-interest-subsidy',
        { ...share, annualCapFen: fen(5_000_000) },
        data(12_345_678),
        context,
      ).amountFen,
    ).toBe(3_000_000);
  });

  it('counts interest for days after maturity pro rata out', () => {
    // The statement covers 2025-07-01 → 2026-07-01 (365 days) but the loan matured 2026-01-01: 184 days count.
    const d = {
      ...data(0),
      interestPayments: [
        { periodStart: '2025-07-01', periodEndExclusive: '2026-07-01', interestPaidFen: 3_650_000 },
      ],
    };
    const r = computeCaseAmount('loan-interest-subsidy', { ...share, annualCapFen: null }, d, CONTEXT);
    expect(r.amountFen).toBe(920_000); // 36,500.00 × 184/365 = 18,400.00; × 50% = 9,200.00
    expect(r.subsidisedPeriods[0]?.endExclusive).toBe('2026-01-01');
  });
});

describe('computeCaseAmount: 以奖代投 (§5)', () => {
  const params = DEFAULT_PARAMETERS('award-in-lieu-of-investment');
  const financing = {
    kind: 'equity-financing',
    financingFen: 300 * WAN,
    financedOn: '2025-05-06',
    investorName: '岳阳创投基金',
  };

  it('awards the tier of the financing', () => {
    const r = computeCaseAmount('award-in-lieu-of-investment', params, financing, CONTEXT);
    expect(r.amountFen).toBe(30 * WAN);
    expect(r.milestoneKeys).toEqual(['equity-financing:first']);
  });

  it('limits the award to the yearly cap left', () => {
    expect(
      computeCaseAmount('award-in-lieu-of-investment', params, financing, {
        ...CONTEXT,
        remainingYearlyCapFen: fen(20 * WAN),
      }).amountFen,
    ).toBe(20 * WAN);
  });

  it('refuses a milestone already awarded', () => {
    const context = { ...CONTEXT, alreadyAwardedMilestoneKeys: ['equity-financing:first'] };
    expect(
      thrown(() => computeCaseAmount('award-in-lieu-of-investment', params, financing, context)).code,
    ).toBe('FUNDING.MILESTONE_ALREADY_AWARDED');
  });

  it('explains a financing below the first tier', () => {
    const r = computeCaseAmount(
      'award-in-lieu-of-investment',
      params,
      { ...financing, financingFen: 30 * WAN },
      CONTEXT,
    );
    expect(r.amountFen).toBe(0);
    expect(r.working.at(-1)?.label).toBe('说明');
  });

  it('refuses revenue data when the programme only offers equity financing', () => {
    const p: AwardParameters = params;
    expect(
      thrown(() =>
        computeCaseAmount(
          'award-in-lieu-of-investment',
          p,
          { kind: 'revenue', revenueYear: 2024, revenueFen: 1 },
          CONTEXT,
        ),
      ).code,
    ).toBe('FUNDING.MILESTONE_NOT_OFFERED');
  });
});

describe('computeCaseAmount: guards', () => {
  it('refuses a centre claim, which is computed from the centre logs', () => {
    expect(
      thrown(() => computeCaseAmount('centre-service', DEFAULT_PARAMETERS('centre-service'), {}, CONTEXT))
        .code,
    ).toBe('FUNDING.SCHEME_NOT_CALCULATED_HERE');
  });

  it('refuses parameters of another scheme', () => {
    expect(thrown(() => computeCaseAmount('award-in-lieu-of-investment', SPREAD, {}, CONTEXT)).code).toBe(
      'FUNDING.INVALID_PARAMETERS',
    );
  });

  it('refuses invalid application data with every problem in Chinese', () => {
    const error = thrown(() =>
      computeCaseAmount(
        'loan-interest-subsidy',
        SPREAD,
        {
          ...WORKED,
          bankName: '',
          maturityOn: '2024-03-01',
          segments: [
            { principalFen: 20_000_000, start: '2024-03-15', endExclusive: '2024-09-15' },
            { principalFen: 20_000_000, start: '2024-09-01', endExclusive: '2025-03-01' },
          ],
        },
        CONTEXT,
      ),
    );
    expect(error.code).toBe('FUNDING.INVALID_APPLICATION_DATA');
    expect(error.message).toContain('贷款银行至少2个字');
    expect(error.message).toContain('贷款到期日应晚于合同签订日期');
    expect(error.message).toContain('日期重叠');
  });
});

describe('LoanApplicationData and AwardApplicationData', () => {
  it('refuses a segment before signing and principal above the contract', () => {
    const r = LoanApplicationData.safeParse({
      ...WORKED,
      segments: [{ principalFen: 30_000_000, start: '2024-03-01', endExclusive: '2024-04-01' }],
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual([
      '第 1 段计息期间的开始日期早于合同签订日期',
      '第 1 段的未偿本金不能超过合同本金',
    ]);
  });

  it('refuses a rate written as a float string or with a percent sign', () => {
    expect(LoanApplicationData.safeParse({ ...WORKED, contractRatePct: '3.95%' }).success).toBe(false);
    expect(LoanApplicationData.safeParse({ ...WORKED, contractRatePct: '1e1' }).success).toBe(false);
  });

  it('normalises patent numbers and refuses duplicates', () => {
    expect(AwardApplicationData.parse({ kind: 'patents', patentNumbers: ['zl 202310123456.7'] })).toEqual({
      kind: 'patents',
      patentNumbers: ['ZL202310123456.7'],
    });
    expect(
      AwardApplicationData.safeParse({
        kind: 'patents',
        patentNumbers: ['ZL202310123456.7', 'zl202310123456.7'],
      }).success,
    ).toBe(false);
    expect(AwardApplicationData.safeParse({ kind: 'patents', patentNumbers: ['CN123'] }).success).toBe(false);
  });

  it('refuses a jobs count measured before its baseline', () => {
    const r = AwardApplicationData.safeParse({
      kind: 'jobs',
      baselineOn: '2025-01-01',
      measuredOn: '2024-01-01',
      employeesBefore: 1,
      employeesAfter: 30,
    });
    expect(r.error?.issues[0]?.message).toBe('统计日期应晚于基准日期');
  });
});

describe('loanDaysOverlap (§3)', () => {
  const p = (start: string, endExclusive: string, contractNo = 'HT-1', bankName = '建设银行岳阳分行') => ({
    bankName,
    contractNo,
    start,
    endExclusive,
  });

  it('finds no overlap for touching periods (end not counted)', () => {
    expect(loanDaysOverlap([p('2025-01-01', '2025-07-01')], [p('2024-01-01', '2025-01-01')])).toEqual({
      days: 0,
      overlaps: [],
    });
  });

  it('counts the overlapping days of the same contract at the same bank', () => {
    expect(
      loanDaysOverlap(
        [p('2025-01-01', '2025-07-01')],
        [p('2024-07-01', '2025-02-01'), p('2025-06-01', '2026-01-01')],
      ),
    ).toEqual({
      days: 31 + 30,
      overlaps: [p('2025-01-01', '2025-02-01'), p('2025-06-01', '2025-07-01')],
    });
  });

  it('treats contract numbers written differently as the same contract', () => {
    expect(
      loanDaysOverlap([p('2025-01-01', '2025-01-11', 'ht 1')], [p('2025-01-01', '2025-12-31', 'HT－1')]).days,
    ).toBe(10);
  });

  it('keeps another bank or contract apart', () => {
    expect(
      loanDaysOverlap(
        [p('2025-01-01', '2025-07-01')],
        [p('2025-01-01', '2025-07-01', 'HT-2'), p('2025-01-01', '2025-07-01', 'HT-1', '农业银行')],
      ).days,
    ).toBe(0);
  });

  it('does not double-count existing periods that overlap each other', () => {
    expect(
      loanDaysOverlap(
        [p('2025-01-01', '2025-01-31')],
        [p('2025-01-01', '2025-01-21'), p('2025-01-11', '2025-01-31')],
      ).days,
    ).toBe(30);
  });
});
