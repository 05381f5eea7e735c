import { compareIsoDate, daysBetween, parseIsoDate } from '../dates';
import { invalid } from '../errors';
import { fen, roundHalfUpToFen, sumFen, type Fen } from '../money';
import { formatRatePct, FundingDecimal, LPR_1Y_HISTORY, lprOn, parseRatePct, type LprEntry } from './lpr';

/**
 * 贷款贴息 (loan interest subsidy), domain-rules.md §4, after 财金〔2020〕21号 and the Hunan practice of capping the
 * subsidised rate at LPR + 50BP:
 *
 *   subsidyRate = max(0, min(contractRate, ceiling) − max(0, floor))
 *   subsidy     = Σ segments round_half_up_to_fen(min(principal, amountCap) × subsidyRate × days / dayBasis)
 *
 * All rate and money maths is exact decimal (decimal.js); amounts are integer fen. Every input is validated and a
 * bad one throws a DomainError with a stable code, so the function returns the right number or none at all.
 *
 * Stable error codes: DATE.INVALID, FUNDING.INVALID_RATE, FUNDING.LPR_NOT_FOUND, FUNDING.LPR_TABLE_INVALID,
 * FUNDING.NEGATIVE_PRINCIPAL, FUNDING.INVALID_AMOUNT (principal not a safe integer of fen), FUNDING.SEGMENT_ORDER,
 * FUNDING.SEGMENT_OVERLAP, FUNDING.SEGMENT_BEFORE_SIGNING, FUNDING.MATURITY_BEFORE_SIGNING, FUNDING.INVALID_RULE;
 * for the share mode FUNDING.INVALID_SHARE as well; MONEY.OVERFLOW (from money.ts) for a result beyond safe fen.
 * Rounding to the fen is money.ts's `roundHalfUpToFen`, applied to an amount computed exactly in yuan.
 */

export interface LoanInterestSubsidyRule {
  /** Basis points below the LPR that the borrower always bears (default 150); null = the borrower bears nothing. */
  floorBelowLprBp: number | null;
  /** Basis points above the LPR beyond which nothing is subsidised (default 50); null = up to the contract rate. */
  ceilingOverLprBp: number | null;
  /** Principal above this is not subsidised (default 300万元 for small/micro enterprises); null = no cap. */
  amountCapFen: number | null;
  /** 360 per PBoC (日利率 = 年利率 ÷ 360) unless the programme says 365. */
  dayBasis: 360 | 365;
}

/** A period of constant outstanding principal, `start` counted and `endExclusive` not (算头不算尾). */
export interface LoanPrincipalSegment {
  principalFen: number;
  start: string;
  endExclusive: string;
}

export interface LoanInterestSubsidyInput {
  /** 'YYYY-MM-DD'; selects the LPR (§3: only the LPR is looked up by the signing date). */
  contractSignedOn: string;
  /** Exact decimal percentage, e.g. '3.95'. */
  contractRatePct: string;
  /** No subsidy for days on or after maturity (展期/逾期 are not subsidised). */
  maturityOn?: string | null;
  segments: LoanPrincipalSegment[];
  rule: LoanInterestSubsidyRule;
  /** Defaults to the bundled 1-year LPR history. */
  lprTable?: readonly LprEntry[];
}

/** The working of one segment, so the UI can show how the amount was reached. */
export interface LoanInterestSubsidyLine {
  start: string;
  /** The end actually counted: the segment's end, or the maturity date if earlier (never before `start`). */
  endExclusive: string;
  /** True when maturity cut the segment short. */
  clippedAtMaturity: boolean;
  days: number;
  principalFen: number;
  /** min(principal, amountCap). */
  cappedPrincipalFen: number;
  subsidyFen: Fen;
}

/**
 * Percentages are normalised decimal strings with at least two decimals ('2.00', '3.45', '3.9525').
 * `floorPct` is the effective rate the borrower bears, max(0, LPR − floor BP), or '0.00' when the rule has no floor;
 * `ceilingPct` is LPR + ceiling BP, or the contract rate when the rule has no ceiling.
 */
export interface LoanInterestSubsidy {
  lprPct: string;
  /** The date the applied LPR was published. */
  lprEffectiveOn: string;
  floorPct: string;
  ceilingPct: string;
  subsidyRatePct: string;
  /** Days counted across all segments, after clipping at maturity. */
  days: number;
  subsidyFen: Fen;
  /** Segments in date order. */
  lines: LoanInterestSubsidyLine[];
}

const MAX_BP = 10_000; // 100 percentage points: anything beyond is a data-entry error, not a policy.

function checkRule(rule: LoanInterestSubsidyRule): void {
  const bp = (value: number | null, label: string) => {
    if (value !== null && (!Number.isSafeInteger(value) || value < 0 || value > MAX_BP)) {
      throw invalid(
        'FUNDING.INVALID_RULE',
        `${label}应为 0–${MAX_BP} 之间的整数基点（BP），收到 ${String(value)}`,
        { value },
      );
    }
  };
  bp(rule.floorBelowLprBp, '贴息下限（低于 LPR 的基点数）');
  bp(rule.ceilingOverLprBp, '贴息上限（高于 LPR 的基点数）');
  if (rule.amountCapFen !== null && (!Number.isSafeInteger(rule.amountCapFen) || rule.amountCapFen < 0)) {
    throw invalid(
      'FUNDING.INVALID_RULE',
      `贴息本金上限应为非负整数（单位：分），收到 ${String(rule.amountCapFen)}`,
      {
        amountCapFen: rule.amountCapFen,
      },
    );
  }
  if (rule.dayBasis !== 360 && rule.dayBasis !== 365) {
    throw invalid('FUNDING.INVALID_RULE', `计息天数基准应为 360 或 365，收到 ${String(rule.dayBasis)}`, {
      dayBasis: rule.dayBasis,
    });
  }
}

function checkPrincipal(principalFen: number, label: string): void {
  if (typeof principalFen === 'number' && principalFen < 0) {
    throw invalid('FUNDING.NEGATIVE_PRINCIPAL', `${label}本金不能为负数，收到 ${principalFen} 分`, {
      principalFen,
    });
  }
  if (!Number.isSafeInteger(principalFen)) {
    throw invalid(
      'FUNDING.INVALID_AMOUNT',
      `${label}本金应为整数（单位：分），收到 ${String(principalFen)}`,
      { principalFen },
    );
  }
}

/** The §4 subsidy of one loan contract over the given principal segments. */
export function computeLoanInterestSubsidy(input: LoanInterestSubsidyInput): LoanInterestSubsidy {
  const { contractSignedOn, contractRatePct, rule, segments } = input;
  const maturityOn = input.maturityOn ?? null;

  parseIsoDate(contractSignedOn, '贷款合同签订日期');
  const contractRate = parseRatePct(contractRatePct, '贷款合同利率');
  checkRule(rule);
  if (maturityOn !== null) {
    parseIsoDate(maturityOn, '贷款到期日');
    if (compareIsoDate(maturityOn, contractSignedOn) <= 0) {
      throw invalid(
        'FUNDING.MATURITY_BEFORE_SIGNING',
        `贷款到期日 ${maturityOn} 不晚于合同签订日期 ${contractSignedOn}，请核对`,
        {
          maturityOn,
          contractSignedOn,
        },
      );
    }
  }

  segments.forEach((s, i) => {
    const label = `第 ${i + 1} 段`;
    checkPrincipal(s.principalFen, label);
    parseIsoDate(s.start, `${label}开始日期`);
    parseIsoDate(s.endExclusive, `${label}结束日期`);
    if (compareIsoDate(s.endExclusive, s.start) <= 0) {
      throw invalid(
        'FUNDING.SEGMENT_ORDER',
        `${label}的结束日期 ${s.endExclusive} 应晚于开始日期 ${s.start}`,
        { index: i },
      );
    }
    // Interest cannot accrue on a contract before it is signed.
    if (compareIsoDate(s.start, contractSignedOn) < 0) {
      throw invalid(
        'FUNDING.SEGMENT_BEFORE_SIGNING',
        `${label}的开始日期 ${s.start} 早于合同签订日期 ${contractSignedOn}`,
        {
          index: i,
        },
      );
    }
  });
  const ordered = [...segments].sort((a, b) => compareIsoDate(a.start, b.start));
  for (let i = 1; i < ordered.length; i += 1) {
    const prev = ordered[i - 1]!;
    const cur = ordered[i]!;
    // §3: the same loan's days are subsidised at most once, so periods may touch but never overlap.
    if (compareIsoDate(cur.start, prev.endExclusive) < 0) {
      throw invalid(
        'FUNDING.SEGMENT_OVERLAP',
        `本金分段 ${prev.start}–${prev.endExclusive} 与 ${cur.start}–${cur.endExclusive} 重叠，同一天只能计息一次`,
        { first: prev, second: cur },
      );
    }
  }

  // §3/§4: the LPR in force on the signing date holds for the whole loan, even if the LPR changes later.
  const lpr = lprOn(contractSignedOn, input.lprTable ?? LPR_1Y_HISTORY);
  const lprRate = new FundingDecimal(lpr.ratePct);
  // 财金〔2020〕21号: the borrower bears interest up to LPR − 150BP; null = bears nothing.
  const floor =
    rule.floorBelowLprBp === null
      ? new FundingDecimal(0)
      : FundingDecimal.max(0, lprRate.minus(new FundingDecimal(rule.floorBelowLprBp).div(100)));
  // Hunan practice: nothing above LPR + 50BP is subsidised; null = up to the contract rate.
  const ceiling =
    rule.ceilingOverLprBp === null
      ? contractRate
      : lprRate.plus(new FundingDecimal(rule.ceilingOverLprBp).div(100));
  const subsidyRate = FundingDecimal.max(0, FundingDecimal.min(contractRate, ceiling).minus(floor));

  let totalDays = 0;
  const lines = ordered.map((s): LoanInterestSubsidyLine => {
    let end = s.endExclusive;
    let clippedAtMaturity = false;
    // Days on or after maturity (展期/逾期) are not subsidised.
    if (maturityOn !== null && compareIsoDate(maturityOn, end) < 0) {
      end = compareIsoDate(maturityOn, s.start) > 0 ? maturityOn : s.start;
      clippedAtMaturity = true;
    }
    const days = daysBetween(s.start, end);
    const cappedPrincipalFen =
      rule.amountCapFen === null ? s.principalFen : Math.min(s.principalFen, rule.amountCapFen);
    // Yuan = fen / 100; rate is in %, hence / 100 again. The division is exact to far below a fen (see lpr.ts).
    const subsidyFen = roundHalfUpToFen(
      new FundingDecimal(cappedPrincipalFen)
        .times(subsidyRate)
        .times(days)
        .div(100 * 100 * rule.dayBasis),
    );
    totalDays += days;
    return {
      start: s.start,
      endExclusive: end,
      clippedAtMaturity,
      days,
      principalFen: s.principalFen,
      cappedPrincipalFen,
      subsidyFen,
    };
  });

  return {
    lprPct: lpr.ratePct,
    lprEffectiveOn: lpr.effectiveOn,
    floorPct: formatRatePct(floor),
    ceilingPct: formatRatePct(ceiling),
    subsidyRatePct: formatRatePct(subsidyRate),
    days: totalDays,
    subsidyFen: sumFen(lines.map((l) => l.subsidyFen)),
    lines,
  };
}

export interface InterestShareSubsidyInput {
  /** Interest actually paid, as shown on bank statements, in fen. */
  interestPaidFen: number;
  /** Share of paid interest that is subsidised, exact decimal percentage (default '50'). */
  sharePct: string;
  /** What is still available under the per-enterprise annual cap, in fen; null = no cap. */
  annualCapFen: number | null;
}

export interface InterestShareSubsidy {
  subsidyFen: Fen;
  /** The share before the cap, so the UI can show that the cap applied. */
  uncappedFen: Fen;
  capped: boolean;
}

/**
 * §4 alternative mode: a share of the interest actually paid, rounded half-up to the fen (0.5 fen → 1 fen), then
 * capped: 86,400.00 paid at 50% → 43,200.00; with a 50,000.00 cap, 123,456.78 paid → 50,000.00.
 */
export function computeInterestShareSubsidy(input: InterestShareSubsidyInput): InterestShareSubsidy {
  const { interestPaidFen, annualCapFen } = input;
  if (!Number.isSafeInteger(interestPaidFen) || interestPaidFen < 0) {
    throw invalid(
      'FUNDING.INVALID_AMOUNT',
      `已付利息应为非负整数（单位：分），收到 ${String(interestPaidFen)}`,
      { interestPaidFen },
    );
  }
  const share = parseRatePct(input.sharePct, '贴息比例', 'FUNDING.INVALID_SHARE');
  if (annualCapFen !== null && (!Number.isSafeInteger(annualCapFen) || annualCapFen < 0)) {
    throw invalid(
      'FUNDING.INVALID_RULE',
      `年度贴息上限应为非负整数（单位：分），收到 ${String(annualCapFen)}`,
      { annualCapFen },
    );
  }
  const uncappedFen = roundHalfUpToFen(new FundingDecimal(interestPaidFen).times(share).div(100 * 100));
  const subsidyFen = annualCapFen === null ? uncappedFen : fen(Math.min(uncappedFen, annualCapFen));
  return { subsidyFen, uncappedFen, capped: subsidyFen < uncappedFen };
}
