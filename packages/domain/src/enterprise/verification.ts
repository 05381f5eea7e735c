import { INDUSTRY_KEYS, type IndustryKey, type SizeClass } from './industries';
import { SIZE_METRIC_LABELS, sizeMetricsFor, type SizeMetric } from './size';

/**
 * Whether an enterprise may apply yet (domain-rules.md §2, §3). An account stays unverified (may look, may not
 * apply) until staff have checked its business licence and legal representative; registration in the district comes
 * from that licence, not from the USCC's region code.
 */

export const ENTERPRISE_VERIFICATIONS = ['unverified', 'verified'] as const;
export type EnterpriseVerification = (typeof ENTERPRISE_VERIFICATIONS)[number];
export const VERIFICATION_LABELS: Record<EnterpriseVerification, string> = {
  unverified: '待核验',
  verified: '已核验',
};

/** The fund's districts by default (§2: 430602 岳阳楼区; the list is configurable). */
export const DEFAULT_DISTRICT_CODES: readonly string[] = ['430602'];

/** 岳阳市 administrative divisions (GB/T 2260), for showing a registration or USCC region code by name. */
export const DISTRICT_LABELS: Readonly<Record<string, string>> = {
  '430600': '岳阳市（市本级）',
  '430602': '岳阳楼区',
  '430603': '云溪区',
  '430611': '君山区',
  '430621': '岳阳县',
  '430623': '华容县',
  '430624': '湘阴县',
  '430626': '平江县',
  '430681': '汨罗市',
  '430682': '临湘市',
};

/** The name of a division code, or the code itself when it is not one we list. */
export function districtLabel(code: string): string {
  return DISTRICT_LABELS[code] ?? code;
}

export interface EnterpriseReadinessInput {
  verification: EnterpriseVerification;
  /** From the size classification; null while a metric the industry uses is missing. */
  sizeClass: SizeClass | null;
  /**
   * Why there is no classification, when `sizeClass` is null: either the labels of the missing metrics ('营业收入',
   * '从业人员、营业收入'; see `missingSizeMetrics`), shown as '补充划型所需数据：营业收入', or a full sentence (e.g. the
   * classifier's error message), shown as given.
   */
  sizeProblem: string | null;
  /** Registered in one of the fund's districts according to the verified business licence. */
  inDistrict: boolean;
  /** On the 失信 (dishonest-entity) list. */
  dishonest: boolean;
  hasBusinessLicence: boolean;
  hasVerifiedBankAccount: boolean;
}

const SIZE_DATA_PREFIX = '补充划型所需数据：';

/**
 * What the enterprise still has to do (or what stands in its way) before it may apply, as Chinese sentences in the
 * order a user would work through them; an empty list means it is ready. Programme-specific conditions (stage,
 * 产业导向, repeat awards, annual cap) are checked by the eligibility rules of each programme, not here.
 */
export function enterpriseReadiness(
  e: EnterpriseReadinessInput,
  districtCodes: readonly string[] = DEFAULT_DISTRICT_CODES,
): string[] {
  const missing: string[] = [];
  if (!e.hasBusinessLicence) missing.push('上传营业执照并等待工作人员核验');
  else if (e.verification === 'unverified') missing.push('等待工作人员核验营业执照和法定代表人信息');

  if (e.sizeClass === null) {
    const problem = e.sizeProblem?.trim();
    missing.push(
      problem ? sizeDataSentence(problem) : `${SIZE_DATA_PREFIX}从业人员、营业收入或资产总额（按所属行业）`,
    );
  } else if (e.sizeClass === 'large') {
    // §3: large enterprises are refused, with the reason shown.
    missing.push('按《中小企业划型标准规定》属于大型企业，不在扶持范围内');
  }

  if (!e.inDistrict) {
    missing.push(`登记地不在本区（需注册在${districtCodes.map(districtLabel).join('、')}）`);
  }
  if (e.dishonest) missing.push('已被列入失信名单，暂不能申报');
  if (!e.hasVerifiedBankAccount) missing.push('填写并核验收款银行账户');
  return missing;
}

const METRIC_LABEL_VALUES: readonly string[] = Object.values(SIZE_METRIC_LABELS);

function sizeDataSentence(problem: string): string {
  const onlyMetricLabels = problem.split('、').every((part) => METRIC_LABEL_VALUES.includes(part.trim()));
  return onlyMetricLabels ? `${SIZE_DATA_PREFIX}${problem}` : problem;
}

/** The form field of each size metric (amounts are integer fen, domain-rules.md §4). */
export const SIZE_METRIC_FIELDS = {
  employees: 'employees',
  revenue: 'revenueFen',
  totalAssets: 'totalAssetsFen',
} as const satisfies Record<SizeMetric, string>;

/**
 * The metrics the enterprise's industry is classified by that it has not supplied (null or absent), in table order.
 * A missing metric is never read as zero (§1), so a non-empty result means "unclassified". An unknown industry
 * (not one of INDUSTRY_KEYS) has no metrics to ask for: the industry itself is what is wrong.
 */
export function missingSizeMetrics(e: {
  industry: IndustryKey;
  employees?: number | null;
  revenueFen?: number | null;
  totalAssetsFen?: number | null;
}): SizeMetric[] {
  if (!(INDUSTRY_KEYS as readonly string[]).includes(e.industry)) return [];
  return sizeMetricsFor(e.industry).filter((metric) => {
    const value = e[SIZE_METRIC_FIELDS[metric]];
    return value === null || value === undefined;
  });
}
