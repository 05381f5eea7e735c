import { z } from 'zod';
import { addMonths, compareIsoDate, daysBetween, IsoDate } from '../dates';
import { conflict, invalid } from '../errors';
import { fen, formatFen, formatFenAsWan, mulFenByRatio, subFen, sumFen, type Fen } from '../money';
import {
  awardForMilestone,
  capToYearlyRemaining,
  milestoneKeys,
  normalizePatentNumber,
  type WorkingLine,
} from './award';
import { computeInterestShareSubsidy, computeLoanInterestSubsidy } from './loan-interest';
import { RatePct, type LprEntry } from './lpr';
import {
  LOAN_MODE_LABELS,
  SCHEME_LABELS,
  type AwardParameters,
  type LoanInterestShareParameters,
  type LoanLprSpreadParameters,
  type ProgrammeParameters,
  type Scheme,
} from './programme';

/**
 * The amount of an enterprise application (贷款贴息 §4, 以奖代投 §5), computed from the application's data and the
 * programme's parameters frozen at submission (§3), with the working the UI shows line by line. Reviewers may adjust
 * the result only with a reason (lifecycle.ts `recommend`).
 */

// ─── application data ──────────────────────────────────────────────────────────────────────────────────────────

const text = (label: string, min: number, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(min, { error: `${label}至少${min}个字` })
    .max(max, { error: `${label}不能超过${max}个字` });

const fenField = (label: string, min = 0) =>
  z
    .number({ error: `请填写${label}` })
    .int({ error: `${label}应精确到分` })
    .min(min, { error: min === 0 ? `${label}不能为负数` : `${label}应大于0` })
    .max(Number.MAX_SAFE_INTEGER, { error: `${label}过大` })
    .transform((n): Fen => fen(n));

const count = (label: string) =>
  z
    .number({ error: `请填写${label}` })
    .int({ error: `${label}应为整数` })
    .min(0, { error: `${label}不能为负数` })
    .max(10_000_000, { error: `${label}过大` });

const LoanContractShape = {
  bankName: text('贷款银行', 2, 60),
  contractNo: text('借款合同编号', 1, 64),
  contractSignedOn: IsoDate,
  maturityOn: IsoDate,
  principalFen: fenField('合同本金', 1),
  contractRatePct: RatePct,
};

/** A period of constant outstanding principal, start counted and end not (算头不算尾). */
export const LoanSegmentInput = z.object({
  principalFen: fenField('未偿本金'),
  start: IsoDate,
  endExclusive: IsoDate,
});
export type LoanSegmentInput = z.infer<typeof LoanSegmentInput>;

/** One interest payment as shown on the bank statement, for the interest period it paid. */
export const InterestPaymentInput = z.object({
  periodStart: IsoDate,
  periodEndExclusive: IsoDate,
  interestPaidFen: fenField('实付利息'),
});
export type InterestPaymentInput = z.infer<typeof InterestPaymentInput>;

interface Period {
  start: string;
  endExclusive: string;
}

function checkPeriods(
  periods: readonly Period[],
  signedOn: string,
  field: string,
  label: string,
  ctx: z.core.$RefinementCtx,
): void {
  periods.forEach((p, i) => {
    if (compareIsoDate(p.endExclusive, p.start) <= 0) {
      ctx.addIssue({
        code: 'custom',
        path: [field, i, 'endExclusive'],
        message: `第 ${i + 1} ${label}的结束日期应晚于开始日期`,
      });
    }
    if (compareIsoDate(p.start, signedOn) < 0) {
      ctx.addIssue({
        code: 'custom',
        path: [field, i, 'start'],
        message: `第 ${i + 1} ${label}的开始日期早于合同签订日期`,
      });
    }
  });
  const ordered = periods.map((p, i) => ({ ...p, i })).sort((a, b) => compareIsoDate(a.start, b.start));
  for (let k = 1; k < ordered.length; k += 1) {
    const prev = ordered[k - 1]!;
    const cur = ordered[k]!;
    if (compareIsoDate(cur.start, prev.endExclusive) < 0) {
      // §3: the same loan's days are subsidised at most once.
      ctx.addIssue({
        code: 'custom',
        path: [field, cur.i, 'start'],
        message: `第 ${cur.i + 1} ${label}与第 ${prev.i + 1} ${label}的日期重叠`,
      });
    }
  }
}

function datesValid(...dates: string[]): boolean {
  return dates.every((d) => IsoDate.safeParse(d).success);
}

export const LoanSpreadApplicationData = z
  .object({
    mode: z.literal('lpr-spread'),
    ...LoanContractShape,
    segments: z
      .array(LoanSegmentInput)
      .min(1, { error: '请至少填写一段计息期间' })
      .max(120, { error: '计息期间不能超过120段' }),
  })
  .superRefine((d, ctx) => {
    if (
      !datesValid(d.contractSignedOn, d.maturityOn, ...d.segments.flatMap((s) => [s.start, s.endExclusive]))
    )
      return;
    if (compareIsoDate(d.maturityOn, d.contractSignedOn) <= 0) {
      ctx.addIssue({ code: 'custom', path: ['maturityOn'], message: '贷款到期日应晚于合同签订日期' });
    }
    checkPeriods(d.segments, d.contractSignedOn, 'segments', '段计息期间', ctx);
    d.segments.forEach((s, i) => {
      if (s.principalFen > d.principalFen) {
        ctx.addIssue({
          code: 'custom',
          path: ['segments', i, 'principalFen'],
          message: `第 ${i + 1} 段的未偿本金不能超过合同本金`,
        });
      }
    });
  });

export const LoanShareApplicationData = z
  .object({
    mode: z.literal('interest-share'),
    ...LoanContractShape,
    interestPayments: z
      .array(InterestPaymentInput)
      .min(1, { error: '请至少填写一笔付息记录' })
      .max(240, { error: '付息记录不能超过240笔' }),
  })
  .superRefine((d, ctx) => {
    if (
      !datesValid(
        d.contractSignedOn,
        d.maturityOn,
        ...d.interestPayments.flatMap((p) => [p.periodStart, p.periodEndExclusive]),
      )
    )
      return;
    if (compareIsoDate(d.maturityOn, d.contractSignedOn) <= 0) {
      ctx.addIssue({ code: 'custom', path: ['maturityOn'], message: '贷款到期日应晚于合同签订日期' });
    }
    const periods = d.interestPayments.map((p) => ({
      start: p.periodStart,
      endExclusive: p.periodEndExclusive,
    }));
    checkPeriods(periods, d.contractSignedOn, 'interestPayments', '笔付息记录', ctx);
  });

/** 贷款贴息 application data, by the programme's mode. */
export const LoanApplicationData = z.discriminatedUnion('mode', [
  LoanSpreadApplicationData,
  LoanShareApplicationData,
]);
export type LoanApplicationData = z.infer<typeof LoanApplicationData>;

const PATENT_NUMBER = /^ZL\d{8}(?:\d{4})?\.[\dX]$/;

/** 以奖代投 application data, by milestone kind (§5). */
export const AwardApplicationData = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('equity-financing'),
    financingFen: fenField('融资金额', 1),
    financedOn: IsoDate,
    investorName: text('投资方名称', 2, 100),
  }),
  z.object({
    kind: z.literal('revenue'),
    revenueYear: z
      .number({ error: '请填写营业收入所属年度' })
      .int({ error: '年度应为四位年份' })
      .min(2000)
      .max(2100),
    revenueFen: fenField('营业收入'),
  }),
  z
    .object({
      kind: z.literal('jobs'),
      baselineOn: IsoDate,
      employeesBefore: count('加入项目时的从业人员'),
      measuredOn: IsoDate,
      employeesAfter: count('现有从业人员'),
    })
    .refine(
      (d) => !datesValid(d.baselineOn, d.measuredOn) || compareIsoDate(d.baselineOn, d.measuredOn) < 0,
      {
        error: '统计日期应晚于基准日期',
        path: ['measuredOn'],
      },
    ),
  z.object({
    kind: z.literal('patents'),
    patentNumbers: z
      .array(
        z
          .string({ error: '请填写专利号' })
          .overwrite(normalizePatentNumber)
          .regex(PATENT_NUMBER, {
            error: '专利号格式应为 ZL + 8 或 12 位数字 + . + 校验位，如 ZL202310123456.7',
          }),
      )
      .min(1, { error: '请至少填写一项授权发明专利' })
      .max(100, { error: '专利不能超过100项' })
      .refine((xs) => new Set(xs).size === xs.length, { error: '专利号不能重复' }),
  }),
]);
export type AwardApplicationData = z.infer<typeof AwardApplicationData>;

function parseData<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw invalid(
      'FUNDING.INVALID_APPLICATION_DATA',
      `申报信息有误：${issues.map((i) => i.message).join('；')}`,
      { issues },
    );
  }
  return parsed.data;
}

// ─── never paid twice (§3) ──────────────────────────────────────────────────────────────────────────────────────

/** Days of one loan contract that a case subsidises (start counted, end not). */
export interface SubsidisedLoanPeriod {
  bankName: string;
  contractNo: string;
  start: string;
  endExclusive: string;
}

export interface LoanDaysOverlap {
  days: number;
  overlaps: SubsidisedLoanPeriod[];
}

/** Contract numbers and bank names compared without spacing, hyphens, width or case differences. */
function loanKey(p: Pick<SubsidisedLoanPeriod, 'bankName' | 'contractNo'>): string {
  const norm = (s: string) =>
    s
      .normalize('NFKC')
      .replace(/[\s\-－—_]+/g, '')
      .toUpperCase();
  return `${norm(p.bankName)}|${norm(p.contractNo)}`;
}

function merge(periods: readonly Period[]): Period[] {
  const ordered = [...periods].sort((a, b) => compareIsoDate(a.start, b.start));
  const out: Period[] = [];
  for (const p of ordered) {
    const last = out[out.length - 1];
    if (last !== undefined && compareIsoDate(p.start, last.endExclusive) <= 0) {
      if (compareIsoDate(p.endExclusive, last.endExclusive) > 0) last.endExclusive = p.endExclusive;
    } else {
      out.push({ start: p.start, endExclusive: p.endExclusive });
    }
  }
  return out;
}

const later = (a: string, b: string) => (compareIsoDate(a, b) >= 0 ? a : b);
const earlier = (a: string, b: string) => (compareIsoDate(a, b) <= 0 ? a : b);

/**
 * §3: the same loan contract's days are subsidised at most once across all programmes and years. Given the periods
 * a case asks for (`requested`) and those already subsidised (`existing`, from other cases not rejected or
 * withdrawn), returns the days subsidised twice, per contract of the same bank.
 */
export function loanDaysOverlap(
  requested: readonly SubsidisedLoanPeriod[],
  existing: readonly SubsidisedLoanPeriod[],
): LoanDaysOverlap {
  const byKey = new Map<string, SubsidisedLoanPeriod[]>();
  for (const p of existing) {
    const key = loanKey(p);
    byKey.set(key, [...(byKey.get(key) ?? []), p]);
  }
  const overlaps: SubsidisedLoanPeriod[] = [];
  const requestedByKey = new Map<string, SubsidisedLoanPeriod[]>();
  for (const p of requested) {
    const key = loanKey(p);
    requestedByKey.set(key, [...(requestedByKey.get(key) ?? []), p]);
  }
  for (const [key, mine] of requestedByKey) {
    const theirs = merge(byKey.get(key) ?? []);
    const { bankName, contractNo } = mine[0]!;
    for (const a of merge(mine)) {
      for (const b of theirs) {
        const start = later(a.start, b.start);
        const end = earlier(a.endExclusive, b.endExclusive);
        if (compareIsoDate(start, end) < 0) overlaps.push({ bankName, contractNo, start, endExclusive: end });
      }
    }
  }
  return { days: overlaps.reduce((n, o) => n + daysBetween(o.start, o.endExclusive), 0), overlaps };
}

// ─── the calculation ────────────────────────────────────────────────────────────────────────────────────────────

/** Facts about the enterprise the amount depends on, read by the service in the same transaction. */
export interface CaseAmountContext {
  /** What is left of the enterprise's yearly cap (checkEligibility's `remainingYearlyCapFen`); null = not applied. */
  remainingYearlyCapFen: Fen | null;
  /** Interest-share subsidy the enterprise already received this fiscal year (§4: capped per enterprise per year). */
  interestShareReceivedThisYearFen: Fen;
  /** Periods of loans already subsidised by other cases (not rejected or withdrawn). */
  alreadySubsidisedPeriods: readonly SubsidisedLoanPeriod[];
  /** `milestoneKeys` of the enterprise's earlier awards (not rejected or withdrawn). */
  alreadyAwardedMilestoneKeys: readonly string[];
  /** The LPR table as extended by the administrator; the bundled history by default. */
  lprTable?: readonly LprEntry[];
}

export interface CaseAmount {
  amountFen: Fen;
  working: WorkingLine[];
  /** Loan days this case subsidises, to store for the §3 once-only check; empty for awards. */
  subsidisedPeriods: SubsidisedLoanPeriod[];
  /** Milestones this case awards, to store for the §3 once-only check; empty for loans. */
  milestoneKeys: string[];
}

const pct = (s: string) => `${s}%`;

/**
 * Dispatches to the scheme's calculator under the frozen parameters. Refuses (`FUNDING.LOAN_DAYS_ALREADY_SUBSIDISED`,
 * `FUNDING.MILESTONE_ALREADY_AWARDED`) a case that would pay for the same thing twice (§3), and limits the result to
 * the yearly cap. 政府购买服务 claims are computed from the centre's logs (§6), not here.
 */
export function computeCaseAmount(
  scheme: Scheme,
  parameters: ProgrammeParameters,
  applicationData: unknown,
  context: CaseAmountContext,
): CaseAmount {
  if (parameters.scheme !== scheme) {
    throw invalid(
      'FUNDING.INVALID_PARAMETERS',
      `项目参数属于「${SCHEME_LABELS[parameters.scheme]}」，与「${SCHEME_LABELS[scheme]}」不一致`,
      {
        scheme,
        parametersScheme: parameters.scheme,
      },
    );
  }
  let result: CaseAmount;
  switch (parameters.scheme) {
    case 'loan-interest-subsidy':
      result = loanAmount(parameters, parseData(LoanApplicationData, applicationData), context);
      break;
    case 'award-in-lieu-of-investment':
      result = awardAmount(parameters, parseData(AwardApplicationData, applicationData), context);
      break;
    case 'centre-service':
      throw invalid(
        'FUNDING.SCHEME_NOT_CALCULATED_HERE',
        '政府购买服务的申请金额按创新中心的工位、在驻和活动记录核算，不适用企业申报计算器',
        { scheme },
      );
    default:
      return parameters satisfies never;
  }
  return applyYearlyCap(result, context.remainingYearlyCapFen);
}

function applyYearlyCap(result: CaseAmount, remaining: Fen | null): CaseAmount {
  if (remaining === null) return result;
  const { amountFen, reducedByFen } = capToYearlyRemaining(result.amountFen, remaining);
  if (reducedByFen === 0) return result;
  return {
    ...result,
    amountFen,
    working: [
      ...result.working,
      { label: '企业年度累计扶持上限剩余额度', value: formatFen(fen(Math.max(0, remaining))) },
      { label: '按年度上限核定金额', value: formatFen(amountFen) },
    ],
  };
}

function contractLines(d: LoanApplicationData, mode: string): WorkingLine[] {
  return [
    { label: '贴息方式', value: mode },
    { label: '贷款银行', value: d.bankName },
    { label: '借款合同编号', value: d.contractNo },
    { label: '合同期限', value: `${d.contractSignedOn} 至 ${d.maturityOn}` },
    { label: '合同本金', value: formatFen(d.principalFen) },
    { label: '合同利率', value: pct(d.contractRatePct) },
  ];
}

/** §4: the subsidy period runs at most `maxSubsidyMonths` from the contract's signing date, the same in every case. */
function periodWindowEnd(d: LoanApplicationData, maxSubsidyMonths: number): string {
  return addMonths(d.contractSignedOn, maxSubsidyMonths);
}

function refuseDoubleSubsidy(requested: SubsidisedLoanPeriod[], context: CaseAmountContext): void {
  const overlap = loanDaysOverlap(requested, context.alreadySubsidisedPeriods);
  if (overlap.days > 0) {
    const ranges = overlap.overlaps.map((o) => `${o.start} 至 ${o.endExclusive}`).join('、');
    throw conflict(
      'FUNDING.LOAN_DAYS_ALREADY_SUBSIDISED',
      `该笔贷款 ${ranges} 期间（共 ${overlap.days} 天）已获得过贴息，同一笔贷款的同一天只能贴息一次`,
      { days: overlap.days, overlaps: overlap.overlaps },
    );
  }
}

function loanAmount(
  p: LoanLprSpreadParameters | LoanInterestShareParameters,
  d: LoanApplicationData,
  context: CaseAmountContext,
): CaseAmount {
  if (p.mode !== d.mode) {
    throw invalid(
      'FUNDING.LOAN_MODE_MISMATCH',
      `本项目采用「${LOAN_MODE_LABELS[p.mode]}」，申报信息却按「${LOAN_MODE_LABELS[d.mode]}」填写`,
      {
        expected: p.mode,
        received: d.mode,
      },
    );
  }
  switch (d.mode) {
    case 'lpr-spread':
      return spreadAmount(p as LoanLprSpreadParameters, d, context);
    case 'interest-share':
      return shareAmount(p as LoanInterestShareParameters, d, context);
    default:
      return d satisfies never;
  }
}

function spreadAmount(
  p: LoanLprSpreadParameters,
  d: z.infer<typeof LoanSpreadApplicationData>,
  context: CaseAmountContext,
): CaseAmount {
  const windowEnd = periodWindowEnd(d, p.maxSubsidyMonths);
  const working = contractLines(d, LOAN_MODE_LABELS['lpr-spread']);
  const segments: LoanSegmentInput[] = [];
  let clippedDays = 0;
  for (const s of d.segments) {
    const end = earlier(s.endExclusive, windowEnd);
    if (compareIsoDate(s.start, end) < 0) segments.push({ ...s, endExclusive: end });
    clippedDays += daysBetween(s.start, s.endExclusive) - Math.max(0, daysBetween(s.start, end));
  }
  const result = computeLoanInterestSubsidy({
    contractSignedOn: d.contractSignedOn,
    contractRatePct: d.contractRatePct,
    maturityOn: d.maturityOn,
    segments,
    rule: {
      floorBelowLprBp: p.floorBelowLprBp,
      ceilingOverLprBp: p.ceilingOverLprBp,
      amountCapFen: p.amountCapFen,
      dayBasis: p.dayBasis,
    },
    ...(context.lprTable === undefined ? {} : { lprTable: context.lprTable }),
  });
  const subsidisedPeriods = result.lines
    .filter((l) => l.days > 0)
    .map((l) => ({
      bankName: d.bankName,
      contractNo: d.contractNo,
      start: l.start,
      endExclusive: l.endExclusive,
    }));
  refuseDoubleSubsidy(subsidisedPeriods, context);

  working.push(
    {
      label: `LPR（签约日 ${d.contractSignedOn} 适用，${result.lprEffectiveOn} 公布）`,
      value: pct(result.lprPct),
    },
    {
      label: p.floorBelowLprBp === null ? '企业自担利率' : `企业自担利率（LPR − ${p.floorBelowLprBp}BP）`,
      value: pct(result.floorPct),
    },
    {
      label:
        p.ceilingOverLprBp === null
          ? '贴息利率上限（合同利率）'
          : `贴息利率上限（LPR + ${p.ceilingOverLprBp}BP）`,
      value: pct(result.ceilingPct),
    },
    { label: '贴息利率', value: pct(result.subsidyRatePct) },
    { label: '计息本金上限', value: p.amountCapFen === null ? '不设上限' : formatFenAsWan(p.amountCapFen) },
    { label: '贴息期限', value: `自签约日起最长 ${p.maxSubsidyMonths} 个月（至 ${windowEnd} 前）` },
  );
  for (const l of result.lines) {
    working.push({
      label: `${l.start} 至 ${l.endExclusive}（${l.days} 天${l.clippedAtMaturity ? '，到期日后不贴息' : ''}）`,
      value: `${formatFen(l.cappedPrincipalFen)} × ${pct(result.subsidyRatePct)} × ${l.days}/${p.dayBasis} = ${formatFen(l.subsidyFen)}`,
    });
  }
  if (clippedDays > 0)
    working.push({ label: `超出 ${p.maxSubsidyMonths} 个月贴息期限，不予贴息`, value: `${clippedDays} 天` });
  working.push({ label: '贴息金额', value: formatFen(result.subsidyFen) });
  return { amountFen: fen(result.subsidyFen), working, subsidisedPeriods, milestoneKeys: [] };
}

function shareAmount(
  p: LoanInterestShareParameters,
  d: z.infer<typeof LoanShareApplicationData>,
  context: CaseAmountContext,
): CaseAmount {
  // Interest paid for days after the subsidy period or after maturity (展期/逾期) is not subsidised; a payment whose
  // period straddles that end counts for its days inside, pro rata.
  const end = earlier(periodWindowEnd(d, p.maxSubsidyMonths), d.maturityOn);
  const working = contractLines(d, LOAN_MODE_LABELS['interest-share']);
  const counted: Fen[] = [];
  const subsidisedPeriods: SubsidisedLoanPeriod[] = [];
  const ordered = [...d.interestPayments].sort((a, b) => compareIsoDate(a.periodStart, b.periodStart));
  for (const pay of ordered) {
    const total = daysBetween(pay.periodStart, pay.periodEndExclusive);
    const inside = Math.max(0, daysBetween(pay.periodStart, earlier(pay.periodEndExclusive, end)));
    const countedFen =
      inside === total ? pay.interestPaidFen : mulFenByRatio(pay.interestPaidFen, inside, total);
    counted.push(countedFen);
    if (inside > 0) {
      subsidisedPeriods.push({
        bankName: d.bankName,
        contractNo: d.contractNo,
        start: pay.periodStart,
        endExclusive: earlier(pay.periodEndExclusive, end),
      });
    }
    working.push({
      label: `${pay.periodStart} 至 ${pay.periodEndExclusive} 实付利息${inside < total ? `（贴息期内 ${inside}/${total} 天）` : ''}`,
      value:
        inside < total
          ? `${formatFen(pay.interestPaidFen)} → ${formatFen(countedFen)}`
          : formatFen(countedFen),
    });
  }
  refuseDoubleSubsidy(subsidisedPeriods, context);
  const paid = sumFen(counted);
  const annualRemaining =
    p.annualCapFen === null
      ? null
      : fen(Math.max(0, subFen(p.annualCapFen, context.interestShareReceivedThisYearFen)));
  const share = computeInterestShareSubsidy({
    interestPaidFen: paid,
    sharePct: p.sharePct,
    annualCapFen: annualRemaining,
  });
  working.push(
    { label: '计入贴息的实付利息', value: formatFen(paid) },
    { label: '贴息比例', value: pct(p.sharePct) },
    { label: '按比例计算', value: formatFen(share.uncappedFen) },
  );
  if (p.annualCapFen !== null) {
    working.push({
      label: `年度贴息上限 ${formatFen(p.annualCapFen)}，本年已获 ${formatFen(context.interestShareReceivedThisYearFen)}`,
      value: `剩余 ${formatFen(annualRemaining ?? fen(0))}`,
    });
  }
  working.push({ label: '贴息金额', value: formatFen(share.subsidyFen) });
  return { amountFen: fen(share.subsidyFen), working, subsidisedPeriods, milestoneKeys: [] };
}

function awardAmount(p: AwardParameters, d: AwardApplicationData, context: CaseAmountContext): CaseAmount {
  const keys = milestoneKeys(d, p);
  const repeated = keys.filter((k) => context.alreadyAwardedMilestoneKeys.includes(k));
  if (repeated.length > 0) {
    throw conflict('FUNDING.MILESTONE_ALREADY_AWARDED', '该里程碑已经获得过奖励，同一里程碑只奖励一次', {
      milestoneKeys: repeated,
    });
  }
  const award = awardForMilestone(d, p);
  const working =
    award.reason === null ? award.working : [...award.working, { label: '说明', value: award.reason }];
  return { amountFen: award.awardFen, working, subsidisedPeriods: [], milestoneKeys: keys };
}
