import { parseIsoDate } from '../dates';
import { invalid } from '../errors';
import { INDUSTRY_LABELS, SIZE_LABELS, type IndustryKey, type SizeClass } from '../enterprise/industries';
import { STAGE_LABELS, type EnterpriseStage } from '../enterprise/stage';
import { districtLabel, type EnterpriseVerification } from '../enterprise/verification';
import { fen, formatFen, formatFenAsWan, sumFen, type Fen } from '../money';
import type { CaseStatus } from './lifecycle';
import { isProgrammeOpen, SCHEME_LABELS, type ProgrammeParameters, type Scheme } from './programme';

/**
 * §3 eligibility as a pure function that returns every failed condition with its Chinese reason, so the portal can
 * show a policy calculator before an application is made, and the service can refuse a submission with the same
 * sentences.
 */

export const ELIGIBILITY_CODES = {
  unverified: 'ELIGIBILITY.UNVERIFIED',
  sizeUnknown: 'ELIGIBILITY.SIZE_UNKNOWN',
  sizeLarge: 'ELIGIBILITY.SIZE_LARGE',
  sizeNotTargeted: 'ELIGIBILITY.SIZE_NOT_TARGETED',
  stageUnknown: 'ELIGIBILITY.STAGE_UNKNOWN',
  stageNotTargeted: 'ELIGIBILITY.STAGE_NOT_TARGETED',
  notInDistrict: 'ELIGIBILITY.NOT_IN_DISTRICT',
  dishonest: 'ELIGIBILITY.DISHONEST',
  industryNotTargeted: 'ELIGIBILITY.INDUSTRY_NOT_TARGETED',
  programmeNotOpen: 'ELIGIBILITY.PROGRAMME_NOT_OPEN',
  duplicate: 'ELIGIBILITY.DUPLICATE_APPLICATION',
  yearlyCapReached: 'ELIGIBILITY.YEARLY_CAP_REACHED',
} as const;
export type EligibilityCode = (typeof ELIGIBILITY_CODES)[keyof typeof ELIGIBILITY_CODES];

export interface EligibilityFailure {
  code: EligibilityCode;
  message: string;
}

export interface EligibilityResult {
  eligible: boolean;
  failures: EligibilityFailure[];
  /** What is left of the enterprise's yearly cap in the programme's fiscal year (never negative). */
  remainingYearlyCapFen: Fen;
}

/** One of the enterprise's other cases (not the one being checked). */
export interface FundingHistoryEntry {
  programmeId: number;
  fiscalYear: number;
  /** The amount awarded (approved or paid; net of any recovery if the caller so records it). */
  awardedFen: number;
  status: CaseStatus;
}

export interface EligibilityInput {
  enterprise: {
    verification: EnterpriseVerification;
    /** null while a metric the industry uses is missing (§1: missing data is an error, never a zero). */
    sizeClass: SizeClass | null;
    /** What is missing for the classification, when `sizeClass` is null. */
    sizeProblem: string | null;
    /** From `enterpriseStage(establishedOn, applicationDate)`; null if the establishment date is unknown. */
    stage: EnterpriseStage | null;
    industry: IndustryKey | null;
    /** Registration district from the verified business licence; null if none verified yet. */
    districtCode: string | null;
    /** Registered in the district according to the verified business licence (§2). */
    inDistrict: boolean;
    /** On the 失信 (dishonest-entity) list. */
    dishonest: boolean;
  };
  programme: {
    scheme: Scheme;
    parameters: ProgrammeParameters;
    fiscalYear: number;
    opensOn: string;
    closesOn: string;
  };
  today: string;
  history: readonly FundingHistoryEntry[];
  thisProgrammeId: number;
}

/** Cases that count as "applied for or received" a programme: everything but a refusal or a withdrawal. */
const COUNTS_AS_APPLIED: Readonly<Record<CaseStatus, boolean>> = {
  draft: true,
  submitted: true,
  returned: true,
  recommended: true,
  in_notice: true,
  approved: true,
  disbursed: true,
  rejected: false,
  withdrawn: false,
  clawed_back: true,
};

/** Cases whose amount counts against the yearly cap: approval commits the money (architecture.md). */
const COUNTS_AGAINST_CAP: Readonly<Record<CaseStatus, boolean>> = {
  draft: false,
  submitted: false,
  returned: false,
  recommended: false,
  in_notice: false,
  approved: true,
  disbursed: true,
  rejected: false,
  withdrawn: false,
  clawed_back: true,
};

/**
 * §3: what is left of the yearly cap: cap − Σ awarded in the fiscal year, never below 0. Run it again at approval on
 * fresh history, since two applications can be in flight at once.
 */
export function remainingYearlyCapFen(
  history: readonly FundingHistoryEntry[],
  fiscalYear: number,
  capFen: number,
): Fen {
  const awarded = sumFen(
    history
      .filter((h) => h.fiscalYear === fiscalYear && COUNTS_AGAINST_CAP[h.status])
      .map((h) => fen(h.awardedFen)),
  );
  return fen(Math.max(0, fen(capFen) - awarded));
}

export function checkEligibility(input: EligibilityInput): EligibilityResult {
  const { enterprise: e, programme, today, history, thisProgrammeId } = input;
  parseIsoDate(today, '当前日期');
  const p = programme.parameters;
  if (p.scheme === 'centre-service' || p.scheme !== programme.scheme) {
    throw invalid(
      'FUNDING.NOT_AN_ENTERPRISE_PROGRAMME',
      p.scheme === 'centre-service'
        ? '政府购买服务项目由创新中心申报，不适用企业申报条件'
        : '项目参数与项目类型不一致',
      { scheme: programme.scheme, parametersScheme: p.scheme },
    );
  }
  const failures: EligibilityFailure[] = [];
  const fail = (code: EligibilityCode, message: string) => failures.push({ code, message });

  // §2: an account stays unverified (may look, may not apply) until staff have checked its licence.
  if (e.verification !== 'verified') {
    fail(
      ELIGIBILITY_CODES.unverified,
      '企业信息尚未通过工作人员核验（营业执照和法定代表人），核验通过后方可申报',
    );
  }

  // §1, §3: large enterprises are refused with the reason; an unclassified one must supply its data first.
  if (e.sizeClass === null) {
    const problem = e.sizeProblem?.trim();
    fail(
      ELIGIBILITY_CODES.sizeUnknown,
      `企业规模无法划型${problem ? `（${problem}）` : ''}，请补充划型所需的数据`,
    );
  } else if (e.sizeClass === 'large') {
    fail(ELIGIBILITY_CODES.sizeLarge, '大型企业不在扶持范围');
  } else if (!p.eligibleSizes.includes(e.sizeClass)) {
    fail(
      ELIGIBILITY_CODES.sizeNotTargeted,
      `本项目只扶持${p.eligibleSizes.map((s) => `${SIZE_LABELS[s]}企业`).join('、')}，该企业为${SIZE_LABELS[e.sizeClass]}企业`,
    );
  }

  // §3: stage, only checked when the programme targets particular stages.
  const targetsStages = !(['startup', 'growth', 'mature'] as const).every((s) =>
    p.eligibleStages.includes(s),
  );
  if (targetsStages) {
    const wanted = p.eligibleStages.map((s) => STAGE_LABELS[s]).join('、');
    if (e.stage === null) {
      fail(
        ELIGIBILITY_CODES.stageUnknown,
        `无法确定企业所处发展阶段（缺少成立日期），本项目扶持${wanted}企业`,
      );
    } else if (!p.eligibleStages.includes(e.stage)) {
      fail(ELIGIBILITY_CODES.stageNotTargeted, `本项目扶持${wanted}企业，该企业处于${STAGE_LABELS[e.stage]}`);
    }
  }

  // §2, §3: registered in the district according to the verified business licence.
  if (!e.inDistrict || e.districtCode === null || !p.districts.includes(e.districtCode)) {
    fail(
      ELIGIBILITY_CODES.notInDistrict,
      `企业登记地${e.districtCode === null ? '尚未核实' : `为${districtLabel(e.districtCode)}`}，本项目只受理在${p.districts
        .map(districtLabel)
        .join('、')}登记注册的企业`,
    );
  }

  if (e.dishonest) fail(ELIGIBILITY_CODES.dishonest, '企业已被列入失信名单，不能申报');

  // §3: 产业导向 list; empty = every industry.
  if (p.industries.length > 0 && (e.industry === null || !p.industries.includes(e.industry))) {
    fail(
      ELIGIBILITY_CODES.industryNotTargeted,
      `企业所属行业${e.industry === null ? '未填写' : `「${INDUSTRY_LABELS[e.industry]}」`}不在本项目的产业导向目录内（${p.industries
        .map((i) => INDUSTRY_LABELS[i])
        .join('、')}）`,
    );
  }

  if (!isProgrammeOpen(programme, today)) {
    fail(
      ELIGIBILITY_CODES.programmeNotOpen,
      `本项目的申报时间为 ${programme.opensOn} 至 ${programme.closesOn}，当前不在申报期内`,
    );
  }

  // §3: 不得重复申报 — the same programme once per fiscal year.
  if (
    history.some(
      (h) =>
        h.programmeId === thisProgrammeId &&
        h.fiscalYear === programme.fiscalYear &&
        COUNTS_AS_APPLIED[h.status],
    )
  ) {
    fail(
      ELIGIBILITY_CODES.duplicate,
      `该企业 ${programme.fiscalYear} 年度已申报或获得过本项目（${SCHEME_LABELS[programme.scheme]}），不得重复申报`,
    );
  }

  // §3: the total of all awards to one enterprise in one fiscal year is capped.
  const remaining = remainingYearlyCapFen(history, programme.fiscalYear, p.perEnterpriseYearlyCapFen);
  if (remaining === 0) {
    fail(
      ELIGIBILITY_CODES.yearlyCapReached,
      `该企业 ${programme.fiscalYear} 年度获得的扶持资金已达上限 ${formatFenAsWan(p.perEnterpriseYearlyCapFen)}（剩余额度 ${formatFen(remaining)}）`,
    );
  }

  return { eligible: failures.length === 0, failures, remainingYearlyCapFen: remaining };
}
