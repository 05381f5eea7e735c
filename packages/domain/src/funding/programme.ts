import { z } from 'zod';
import { compareIsoDate, IsoDate, parseIsoDate } from '../dates';
import { invalid } from '../errors';
import { INDUSTRY_KEYS } from '../enterprise/industries';
import { DEFAULT_DISTRICT_CODES } from '../enterprise/verification';
import { fen, type Fen } from '../money';
import { RatePct } from './lpr';

/**
 * Programmes (申报批次) and their policy parameters (domain-rules.md §3–§6). Every amount, rate, period and threshold
 * is data held here with its default, never a literal in a calculator: a programme's parameters are frozen with each
 * application at submission, so a later policy change cannot rewrite how a past award was computed (§3).
 */

export const SCHEMES = ['loan-interest-subsidy', 'award-in-lieu-of-investment', 'centre-service'] as const;
export type Scheme = (typeof SCHEMES)[number];
export const SCHEME_LABELS: Readonly<Record<Scheme, string>> = {
  'loan-interest-subsidy': '贷款贴息',
  'award-in-lieu-of-investment': '以奖代投',
  'centre-service': '政府购买服务',
};

/** The schemes an enterprise applies to; centre claims (政府购买服务) are made by innovation centres (§6). */
export const ENTERPRISE_SCHEMES = [
  'loan-interest-subsidy',
  'award-in-lieu-of-investment',
] as const satisfies readonly Scheme[];
export type EnterpriseScheme = (typeof ENTERPRISE_SCHEMES)[number];

export const LOAN_MODES = ['lpr-spread', 'interest-share'] as const;
export type LoanMode = (typeof LOAN_MODES)[number];
export const LOAN_MODE_LABELS: Readonly<Record<LoanMode, string>> = {
  'lpr-spread': '按 LPR 利差贴息',
  'interest-share': '按实付利息比例贴息',
};

export const MILESTONE_KINDS = ['equity-financing', 'revenue', 'jobs', 'patents'] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];
export const MILESTONE_LABELS: Readonly<Record<MilestoneKind, string>> = {
  'equity-financing': '首次外部股权融资',
  revenue: '营业收入达标',
  jobs: '新增从业人员',
  patents: '发明专利授权',
};

export const ELIGIBLE_SIZE_CLASSES = ['micro', 'small', 'medium', 'large'] as const;
export const ENTERPRISE_STAGES = ['startup', 'growth', 'mature'] as const;

// ─── field schemas ──────────────────────────────────────────────────────────────────────────────────────────────

/** A non-negative amount of integer fen (money columns end in `_fen`), branded `Fen` once parsed. */
export const NonNegativeFen = z
  .number({ error: '金额应为整数（单位：分）' })
  .int({ error: '金额应为整数（单位：分）' })
  .min(0, { error: '金额不能为负数' })
  .max(Number.MAX_SAFE_INTEGER, { error: '金额过大' })
  .transform((n): Fen => fen(n));
export type NonNegativeFen = z.infer<typeof NonNegativeFen>;

const wan = (n: number): Fen => fen(n * 1_000_000); // 1万元 = 1,000,000 fen

const uniqueArray = <T extends z.ZodType>(item: T, label: string) =>
  z.array(item).refine((xs) => new Set(xs as unknown[]).size === xs.length, { error: `${label}不能重复` });

export const RequiredDocument = z.object({
  key: z
    .string({ error: '请填写材料代码' })
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, { error: '材料代码只能包含小写字母、数字和连字符' }),
  label: z
    .string({ error: '请填写材料名称' })
    .trim()
    .min(2, { error: '材料名称至少2个字' })
    .max(60, { error: '材料名称不能超过60个字' }),
  required: z.boolean(),
});
export type RequiredDocument = z.infer<typeof RequiredDocument>;

const RequiredDocuments = z
  .array(RequiredDocument)
  .refine((docs) => new Set(docs.map((d) => d.key)).size === docs.length, { error: '材料代码不能重复' });

const BUSINESS_LICENCE: RequiredDocument = { key: 'business-licence', label: '营业执照', required: true };

const DEFAULT_DOCUMENTS: Readonly<Record<Scheme, RequiredDocument[]>> = {
  'loan-interest-subsidy': [
    BUSINESS_LICENCE,
    { key: 'loan-contract', label: '借款合同', required: true },
    { key: 'loan-drawdown-voucher', label: '放款凭证（借款借据）', required: true },
    { key: 'interest-statement', label: '银行付息凭证或利息清单', required: true },
  ],
  'award-in-lieu-of-investment': [
    BUSINESS_LICENCE,
    {
      key: 'milestone-evidence',
      label: '里程碑证明材料（投资协议及到账凭证、审计报告、社保缴纳名单或专利证书）',
      required: true,
    },
    { key: 'shareholder-change', label: '工商变更登记材料（股权融资时提供）', required: false },
  ],
  'centre-service': [
    { key: 'centre-recognition', label: '创业创新中心认定文件', required: true },
    { key: 'occupancy-records', label: '工位分配及在驻记录', required: true },
    { key: 'event-sign-in', label: '公益性创业辅导活动签到表', required: false },
  ],
};

/** What every programme has: its checklist of documents and its 公示 length (§8: 5 working days by default). */
const commonShape = (scheme: Scheme) => ({
  requiredDocuments: RequiredDocuments.default(DEFAULT_DOCUMENTS[scheme]),
  noticeWorkingDays: z
    .number({ error: '公示期应为整数个工作日' })
    .int({ error: '公示期应为整数个工作日' })
    .min(1, { error: '公示期至少1个工作日' })
    .max(30, { error: '公示期不能超过30个工作日' })
    .default(5),
});

/** §3 defaults for programmes enterprises apply to. */
const enterpriseEligibilityShape = {
  eligibleSizes: uniqueArray(z.enum(ELIGIBLE_SIZE_CLASSES), '企业规模')
    .min(1, { error: '至少选择一种企业规模' })
    .default(['micro', 'small', 'medium']),
  /** §3: 初创期 (< 3 years) and 成长期 (3 to < 8 years). */
  eligibleStages: uniqueArray(z.enum(ENTERPRISE_STAGES), '发展阶段')
    .min(1, { error: '至少选择一个发展阶段' })
    .default(['startup', 'growth']),
  /** 产业导向 list; empty = every industry. */
  industries: uniqueArray(z.enum(INDUSTRY_KEYS), '行业').default([]),
  districts: uniqueArray(z.string().regex(/^\d{6}$/, { error: '行政区划代码应为6位数字' }), '行政区划')
    .min(1, { error: '至少填写一个行政区划' })
    .default([...DEFAULT_DISTRICT_CODES]),
  /** §3: total of all awards to one enterprise in one fiscal year (default 100万元). */
  perEnterpriseYearlyCapFen: NonNegativeFen.default(wan(100)),
};

// ─── 贷款贴息 (§4) ──────────────────────────────────────────────────────────────────────────────────────────────

const basisPoints = (label: string) =>
  z
    .number({ error: `${label}应为整数基点（BP）` })
    .int({ error: `${label}应为整数基点（BP）` })
    .min(0, { error: `${label}不能为负数` })
    .max(10_000, { error: `${label}不能超过10000BP` });

export const LoanLprSpreadParameters = z.object({
  scheme: z.literal('loan-interest-subsidy'),
  mode: z.literal('lpr-spread'),
  ...commonShape('loan-interest-subsidy'),
  ...enterpriseEligibilityShape,
  /** 财金〔2020〕21号: the borrower bears interest up to LPR − 150BP; null = the borrower bears nothing. */
  floorBelowLprBp: basisPoints('贴息下限').nullable().default(150),
  /** Hunan practice: nothing above LPR + 50BP is subsidised; null = up to the contract rate. */
  ceilingOverLprBp: basisPoints('贴息上限').nullable().default(50),
  /** Principal above this is not subsidised (300万元 for small/micro enterprises); null = no cap. */
  amountCapFen: NonNegativeFen.nullable().default(wan(300)),
  /** PBoC: 日利率 = 年利率 ÷ 360. */
  dayBasis: z.union([z.literal(360), z.literal(365)], { error: '计息天数基准应为 360 或 365' }).default(360),
  /** §4: the subsidy period is at most 2 years. */
  maxSubsidyMonths: z
    .number({ error: '贴息期限应为整数月' })
    .int({ error: '贴息期限应为整数月' })
    .min(1, { error: '贴息期限至少1个月' })
    .max(120, { error: '贴息期限不能超过120个月' })
    .default(24),
});
export type LoanLprSpreadParameters = z.infer<typeof LoanLprSpreadParameters>;

export const LoanInterestShareParameters = z.object({
  scheme: z.literal('loan-interest-subsidy'),
  mode: z.literal('interest-share'),
  ...commonShape('loan-interest-subsidy'),
  ...enterpriseEligibilityShape,
  /** §4 alternative: share of the interest actually paid (default 50%). */
  sharePct: RatePct.default('50'),
  /** Per enterprise per year under this mode (the §4 example uses 5万元); null = no cap beyond the yearly total. */
  annualCapFen: NonNegativeFen.nullable().default(wan(5)),
  maxSubsidyMonths: z
    .number({ error: '贴息期限应为整数月' })
    .int({ error: '贴息期限应为整数月' })
    .min(1, { error: '贴息期限至少1个月' })
    .max(120, { error: '贴息期限不能超过120个月' })
    .default(24),
});
export type LoanInterestShareParameters = z.infer<typeof LoanInterestShareParameters>;

export const LoanParameters = z.discriminatedUnion('mode', [
  LoanLprSpreadParameters,
  LoanInterestShareParameters,
]);
export type LoanParameters = z.infer<typeof LoanParameters>;

// ─── 以奖代投 (§5) ──────────────────────────────────────────────────────────────────────────────────────────────

/** One band of the equity-financing award: `fromFen` ≤ amount < `toFenExclusive` (null = no upper bound). */
export const AwardTier = z
  .object({
    fromFen: NonNegativeFen,
    toFenExclusive: NonNegativeFen.nullable(),
    awardFen: NonNegativeFen,
  })
  .refine((t) => t.toFenExclusive === null || t.toFenExclusive > t.fromFen, {
    error: '档位上限应大于下限',
    path: ['toFenExclusive'],
  });
export type AwardTier = z.infer<typeof AwardTier>;

/** §5 default: 50–100万 → 10万; 100–200万 → 20万; 200–500万 → 30万; 500–1000万 → 40万; ≥1000万 → 50万. */
export const DEFAULT_AWARD_TIERS: readonly AwardTier[] = [
  { fromFen: wan(50), toFenExclusive: wan(100), awardFen: wan(10) },
  { fromFen: wan(100), toFenExclusive: wan(200), awardFen: wan(20) },
  { fromFen: wan(200), toFenExclusive: wan(500), awardFen: wan(30) },
  { fromFen: wan(500), toFenExclusive: wan(1000), awardFen: wan(40) },
  { fromFen: wan(1000), toFenExclusive: null, awardFen: wan(50) },
];

/** Tiers ascending, never overlapping, only the last open-ended. Gaps are allowed (an amount in a gap earns 0). */
export const AwardTiers = z
  .array(AwardTier)
  .min(1, { error: '至少设置一个奖励档位' })
  .superRefine((tiers, ctx) => {
    tiers.forEach((t, i) => {
      const next = tiers[i + 1];
      if (next === undefined) return;
      if (t.toFenExclusive === null) {
        ctx.addIssue({ code: 'custom', path: [i, 'toFenExclusive'], message: '只有最后一档可以不设上限' });
      } else if (next.fromFen < t.toFenExclusive) {
        ctx.addIssue({
          code: 'custom',
          path: [i + 1, 'fromFen'],
          message: '奖励档位应按金额从低到高排列且不能重叠',
        });
      }
    });
  });

const positiveCount = (label: string) =>
  z
    .number({ error: `${label}应为正整数` })
    .int({ error: `${label}应为正整数` })
    .min(1, { error: `${label}至少为1` });

/**
 * Other milestone kinds (§5: revenue reached, jobs created, invention patents granted). The policy gives no default
 * thresholds or amounts for them, so they are null until the administrator sets them; offering a kind requires its
 * parameters (refined below) rather than a guessed number.
 */
export const RevenueMilestoneParameters = z.object({
  thresholdFen: NonNegativeFen,
  awardFen: NonNegativeFen,
});
export const JobsMilestoneParameters = z.object({
  minNewJobs: positiveCount('新增从业人员人数'),
  awardFen: NonNegativeFen,
});
export const PatentsMilestoneParameters = z.object({
  minPatents: positiveCount('发明专利件数'),
  awardFen: NonNegativeFen,
});

export const AwardParameters = z
  .object({
    scheme: z.literal('award-in-lieu-of-investment'),
    ...commonShape('award-in-lieu-of-investment'),
    ...enterpriseEligibilityShape,
    milestoneKinds: uniqueArray(z.enum(MILESTONE_KINDS), '里程碑类型')
      .min(1, { error: '至少选择一种里程碑' })
      .default(['equity-financing']),
    financingTiers: AwardTiers.default(DEFAULT_AWARD_TIERS.map((t) => ({ ...t }))),
    revenueMilestone: RevenueMilestoneParameters.nullable().default(null),
    jobsMilestone: JobsMilestoneParameters.nullable().default(null),
    patentsMilestone: PatentsMilestoneParameters.nullable().default(null),
    /** §5: moving out of the district within this many months of payment is recovered pro rata. */
    clawbackMonths: positiveCount('追回期限（月）')
      .max(120, { error: '追回期限不能超过120个月' })
      .default(36),
  })
  .superRefine((p, ctx) => {
    const missing: [MilestoneKind, keyof typeof p][] = [
      ['revenue', 'revenueMilestone'],
      ['jobs', 'jobsMilestone'],
      ['patents', 'patentsMilestone'],
    ];
    for (const [kind, field] of missing) {
      if (p.milestoneKinds.includes(kind) && p[field] === null) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `已选择「${MILESTONE_LABELS[kind]}」，请设置其门槛和奖励金额`,
        });
      }
    }
  });
export type AwardParameters = z.infer<typeof AwardParameters>;

// ─── 政府购买服务 (§6) ──────────────────────────────────────────────────────────────────────────────────────────

export const CentreServiceParameters = z.object({
  scheme: z.literal('centre-service'),
  ...commonShape('centre-service'),
  /** §6: 300元 per free workstation-month. */
  freeWorkstationMonthFen: NonNegativeFen.default(fen(30_000)),
  /** §6: allocated free for at least 15 calendar days of the month … */
  minAllocatedDays: positiveCount('最少分配天数').max(31, { error: '最少分配天数不能超过31天' }).default(15),
  /** … and the occupant present at least 8 days (or presence attested by the manager). */
  minPresentDays: positiveCount('最少在驻天数').max(31, { error: '最少在驻天数不能超过31天' }).default(8),
  /** §6: 2,000元 per public-interest event … */
  eventFen: NonNegativeFen.default(fen(200_000)),
  /** … with at least 10 signed-in attendees. */
  minEventAttendees: positiveCount('最少签到人数').default(10),
  /** §6: at least 30% of the centre's workstations designated free to claim a month. */
  minFreeSharePct: RatePct.default('30'),
  /** §6: at least 80% of all workstations allocated (occupancy rate). */
  minOccupancyPct: RatePct.default('80'),
});
export type CentreServiceParameters = z.infer<typeof CentreServiceParameters>;

// ─── the union ──────────────────────────────────────────────────────────────────────────────────────────────────

/** Every policy parameter of a programme, by scheme (and, for loans, by mode). Frozen with each application. */
export const ProgrammeParameters = z.discriminatedUnion('scheme', [
  LoanParameters,
  AwardParameters,
  CentreServiceParameters,
]);
export type ProgrammeParameters = z.infer<typeof ProgrammeParameters>;
export type ProgrammeParametersInput = z.input<typeof ProgrammeParameters>;

export type ParametersFor<S extends Scheme> = Extract<ProgrammeParameters, { scheme: S }>;
export type EnterpriseProgrammeParameters = ParametersFor<EnterpriseScheme>;

/**
 * The fund defaults of a scheme (§3–§6) as a complete parameter object, a programme's starting point. Loans default
 * to the LPR-spread mode of §4; pass `'interest-share'` for the alternative.
 */
export function DEFAULT_PARAMETERS(
  scheme: 'loan-interest-subsidy',
  mode?: 'lpr-spread',
): LoanLprSpreadParameters;
export function DEFAULT_PARAMETERS(
  scheme: 'loan-interest-subsidy',
  mode: 'interest-share',
): LoanInterestShareParameters;
export function DEFAULT_PARAMETERS(scheme: 'loan-interest-subsidy', mode?: LoanMode): LoanParameters;
export function DEFAULT_PARAMETERS(scheme: 'award-in-lieu-of-investment'): AwardParameters;
export function DEFAULT_PARAMETERS(scheme: 'centre-service'): CentreServiceParameters;
export function DEFAULT_PARAMETERS(scheme: Scheme, mode?: LoanMode): ProgrammeParameters;
export function DEFAULT_PARAMETERS(scheme: Scheme, mode: LoanMode = 'lpr-spread'): ProgrammeParameters {
  switch (scheme) {
    case 'loan-interest-subsidy':
      return ProgrammeParameters.parse({ scheme, mode });
    case 'award-in-lieu-of-investment':
    case 'centre-service':
      return ProgrammeParameters.parse({ scheme });
    default:
      return scheme satisfies never;
  }
}

/** Parses stored or submitted parameters; a bad value throws `FUNDING.INVALID_PARAMETERS` listing every problem. */
export function parseProgrammeParameters(value: unknown): ProgrammeParameters {
  const parsed = ProgrammeParameters.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw invalid('FUNDING.INVALID_PARAMETERS', `项目参数有误：${issues.map((i) => i.message).join('；')}`, {
      issues,
    });
  }
  return parsed.data;
}

// ─── the programme (申报批次) ────────────────────────────────────────────────────────────────────────────────────

/**
 * A programme as the administrator defines it. The fiscal year and the application window belong to the programme,
 * not to its frozen parameters: they say when one can apply, not how an amount is computed.
 */
export const ProgrammeDefinition = z
  .object({
    name: z
      .string({ error: '请填写项目名称' })
      .trim()
      .min(2, { error: '项目名称至少2个字' })
      .max(100, { error: '项目名称不能超过100个字' }),
    fiscalYear: z
      .number({ error: '请填写预算年度' })
      .int({ error: '预算年度应为四位年份' })
      .min(2000, { error: '预算年度应为四位年份' })
      .max(2100, { error: '预算年度应为四位年份' }),
    opensOn: IsoDate,
    closesOn: IsoDate,
    parameters: ProgrammeParameters,
  })
  .refine((p) => compareIsoDate(p.opensOn, p.closesOn) <= 0, {
    error: '申报截止日期不能早于开始日期',
    path: ['closesOn'],
  });
export type ProgrammeDefinition = z.infer<typeof ProgrammeDefinition>;

export interface ProgrammeWindow {
  opensOn: string;
  closesOn: string;
}

/** Open for applications from `opensOn` through `closesOn`, both days included. */
export function isProgrammeOpen(p: ProgrammeWindow, today: string): boolean {
  parseIsoDate(today, '当前日期');
  return compareIsoDate(p.opensOn, today) <= 0 && compareIsoDate(today, p.closesOn) <= 0;
}

/**
 * §3: applications freeze the parameter version they were submitted under. Once any application references the
 * current version, a change must create a new version; before that, the version can still be edited in place.
 */
export function parametersChangeNeedsNewVersion(hasApplications: boolean): boolean {
  return hasApplications;
}

/** The version number a parameter change is saved under (versions start at 1). */
export function nextParametersVersion(current: { version: number; hasApplications: boolean }): number {
  if (!Number.isSafeInteger(current.version) || current.version < 1) {
    throw invalid(
      'FUNDING.INVALID_PARAMETERS_VERSION',
      `参数版本号应为正整数，收到 ${String(current.version)}`,
      {
        version: current.version,
      },
    );
  }
  return parametersChangeNeedsNewVersion(current.hasApplications) ? current.version + 1 : current.version;
}
