import { invalid } from '../errors';
import { INDUSTRY_KEYS, INDUSTRY_LABELS, type IndustryKey, type SizeClass } from './industries';

/** The three metrics of the standard: X = 从业人员 (persons), Y = 营业收入, Z = 资产总额 (domain-rules.md §1). */
export type SizeMetric = 'employees' | 'revenue' | 'totalAssets';

export const SIZE_METRIC_LABELS: Readonly<Record<SizeMetric, string>> = {
  employees: '从业人员',
  revenue: '营业收入',
  totalAssets: '资产总额',
};

/**
 * Lower bound of each class for one metric. Employees are persons; revenue and total assets are in 万元
 * (10,000 yuan), exactly as the standard prints them. "及以上" is ≥, so a value equal to a bound is in that class.
 */
export type SizeBounds = { readonly large: number; readonly medium: number; readonly small: number };
export type SizeCriterion = { readonly metric: SizeMetric } & SizeBounds;

/**
 * 《中小企业划型标准规定》(工信部联企业〔2011〕300号), as tabulated in domain-rules.md §1.
 * Bounds are lower bounds: large ≥ `large`, medium ≥ `medium`, small ≥ `small`, otherwise micro.
 * Kept as data so that a revision of the standard is a table change, not a code change.
 */
export const ENTERPRISE_SIZE_STANDARD: Readonly<Record<IndustryKey, readonly SizeCriterion[]>> = {
  agriculture: [{ metric: 'revenue', large: 20000, medium: 500, small: 50 }],
  industry: [
    { metric: 'employees', large: 1000, medium: 300, small: 20 },
    { metric: 'revenue', large: 40000, medium: 2000, small: 300 },
  ],
  construction: [
    { metric: 'revenue', large: 80000, medium: 6000, small: 300 },
    { metric: 'totalAssets', large: 80000, medium: 5000, small: 300 },
  ],
  wholesale: [
    { metric: 'employees', large: 200, medium: 20, small: 5 },
    { metric: 'revenue', large: 40000, medium: 5000, small: 1000 },
  ],
  retail: [
    { metric: 'employees', large: 300, medium: 50, small: 10 },
    { metric: 'revenue', large: 20000, medium: 500, small: 100 },
  ],
  transport: [
    { metric: 'employees', large: 1000, medium: 300, small: 20 },
    { metric: 'revenue', large: 30000, medium: 3000, small: 200 },
  ],
  warehousing: [
    { metric: 'employees', large: 200, medium: 100, small: 20 },
    { metric: 'revenue', large: 30000, medium: 1000, small: 100 },
  ],
  postal: [
    { metric: 'employees', large: 1000, medium: 300, small: 20 },
    { metric: 'revenue', large: 30000, medium: 2000, small: 100 },
  ],
  accommodation: [
    { metric: 'employees', large: 300, medium: 100, small: 10 },
    { metric: 'revenue', large: 10000, medium: 2000, small: 100 },
  ],
  catering: [
    { metric: 'employees', large: 300, medium: 100, small: 10 },
    { metric: 'revenue', large: 10000, medium: 2000, small: 100 },
  ],
  'info-transmission': [
    { metric: 'employees', large: 2000, medium: 100, small: 10 },
    { metric: 'revenue', large: 100000, medium: 1000, small: 100 },
  ],
  'software-it': [
    { metric: 'employees', large: 300, medium: 100, small: 10 },
    { metric: 'revenue', large: 10000, medium: 1000, small: 50 },
  ],
  'real-estate-development': [
    { metric: 'revenue', large: 200000, medium: 1000, small: 100 },
    { metric: 'totalAssets', large: 10000, medium: 5000, small: 2000 },
  ],
  'property-management': [
    { metric: 'employees', large: 1000, medium: 300, small: 100 },
    { metric: 'revenue', large: 5000, medium: 1000, small: 500 },
  ],
  'leasing-business-services': [
    { metric: 'employees', large: 300, medium: 100, small: 10 },
    { metric: 'totalAssets', large: 120000, medium: 8000, small: 100 },
  ],
  other: [{ metric: 'employees', large: 300, medium: 100, small: 10 }],
};

export type EnterpriseSizeInput = {
  industry: IndustryKey;
  employees?: number | null;
  revenueYuan?: number | null;
  totalAssetsYuan?: number | null;
};

export type EnterpriseSizeInputFen = {
  industry: IndustryKey;
  employees?: number | null;
  revenueFen?: number | null;
  totalAssetsFen?: number | null;
};

/** Metrics an industry is classified by, in table order; the form must require exactly these. */
export function sizeMetricsFor(industry: IndustryKey): SizeMetric[] {
  return criteriaFor(industry).map((c) => c.metric);
}

/**
 * Classifies an enterprise by 工信部联企业〔2011〕300号 with amounts in yuan (fractional yuan allowed).
 * Throws `ENTERPRISE.SIZE_METRIC_MISSING` / `ENTERPRISE.SIZE_METRIC_INVALID` for a metric the industry uses that is
 * absent or unusable: a missing metric is never read as zero (domain-rules.md §1).
 */
export function classifyEnterpriseSize(input: EnterpriseSizeInput): SizeClass {
  return classify(
    input.industry,
    { employees: input.employees, revenue: input.revenueYuan, totalAssets: input.totalAssetsYuan },
    'yuan',
  );
}

/** Same as {@link classifyEnterpriseSize} with integer fen amounts, as stored in `*_fen` columns. */
export function classifyEnterpriseSizeFromFen(input: EnterpriseSizeInputFen): SizeClass {
  return classify(
    input.industry,
    { employees: input.employees, revenue: input.revenueFen, totalAssets: input.totalAssetsFen },
    'fen',
  );
}

type MoneyUnit = 'yuan' | 'fen';

/**
 * Factor turning a bound into the input's unit. Bounds are multiplied (never the input divided), so the comparison
 * is exact: the largest bound, 200000万元, is 2×10¹¹ fen, far inside the safe-integer range.
 */
const BOUND_FACTOR: Readonly<Record<MoneyUnit, number>> = { yuan: 10_000, fen: 1_000_000 };

const CLASSES_BY_RANK = ['large', 'medium', 'small'] as const satisfies readonly SizeClass[];

function classify(
  industry: IndustryKey,
  values: Readonly<Record<SizeMetric, unknown>>,
  unit: MoneyUnit,
): SizeClass {
  const criteria = criteriaFor(industry);
  const measured = criteria.map((criterion) => ({
    criterion,
    value: checkedMetric(industry, criterion.metric, values[criterion.metric], unit),
    factor: criterion.metric === 'employees' ? 1 : BOUND_FACTOR[unit],
  }));
  // 统计上大中小微型企业划分办法: "大型、中型和小型企业须同时满足所列指标的下限，否则下划一档".
  for (const sizeClass of CLASSES_BY_RANK) {
    if (measured.every(({ criterion, value, factor }) => value >= criterion[sizeClass] * factor))
      return sizeClass;
  }
  return 'micro';
}

function criteriaFor(industry: IndustryKey): readonly SizeCriterion[] {
  if (!(INDUSTRY_KEYS as readonly string[]).includes(industry)) {
    throw invalid('ENTERPRISE.UNKNOWN_INDUSTRY', `未知的行业「${String(industry)}」，无法划型`, { industry });
  }
  return ENTERPRISE_SIZE_STANDARD[industry];
}

function checkedMetric(industry: IndustryKey, metric: SizeMetric, value: unknown, unit: MoneyUnit): number {
  const subject = `${INDUSTRY_LABELS[industry]} 划型`;
  const label = SIZE_METRIC_LABELS[metric];
  const details = { industry, metric, value };
  if (value === undefined || value === null) {
    throw invalid('ENTERPRISE.SIZE_METRIC_MISSING', `${subject}需要「${label}」`, details);
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw invalid('ENTERPRISE.SIZE_METRIC_INVALID', `${subject}所需的「${label}」不是有效数值`, details);
  }
  if (value < 0) {
    throw invalid('ENTERPRISE.SIZE_METRIC_INVALID', `${subject}所需的「${label}」不能为负数`, details);
  }
  if (metric === 'employees' && !Number.isSafeInteger(value)) {
    throw invalid('ENTERPRISE.SIZE_METRIC_INVALID', `${subject}所需的「${label}」应为整数人数`, details);
  }
  if (metric !== 'employees' && unit === 'fen' && !Number.isSafeInteger(value)) {
    throw invalid('ENTERPRISE.SIZE_METRIC_INVALID', `${subject}所需的「${label}」应为整数（分）`, details);
  }
  return value;
}
