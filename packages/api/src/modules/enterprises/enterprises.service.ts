/**
 * Enterprise profiles and staff lists. The profile's derived facts (size class, stage, readiness) are computed when
 * read, by the domain, against the request's clock — never stored, so they cannot go stale.
 */
import {
  can,
  classifyEnterpriseSizeFromFen,
  conflict,
  DEFAULT_DISTRICT_CODES,
  enterpriseReadiness,
  enterpriseStage,
  forbidden,
  INDUSTRY_LABELS,
  isDomainError,
  maskMobile,
  normalizeUscc,
  notFound,
  SIZE_LABELS,
  STAGE_LABELS,
  USCC_CHARSET,
  type EnterpriseListQuery,
  type EnterpriseStage,
  type IndustryKey,
  type RegisterEnterpriseByStaff,
  type SizeClass,
} from '@fund/domain';
import { recordAudit } from '../../audit/audit.service';
import type { Pii } from '../../crypto/pii';
import { inTransaction } from '../../trpc';
import type { AuthedContext } from '../auth/auth.service';
import { fundingReadiness } from '../funding/verification.service';
import {
  findEnterprise,
  findEnterpriseOfOwner,
  insertEnterprise,
  isUsccTaken,
  listEnterprises,
  type EnterpriseRecord,
  type EnterpriseSearch,
} from './enterprises.queries';
import type { SizeDataSource } from './enterprises.tables';

/** The contract's `EnterpriseProfile`. */
export interface EnterpriseProfile {
  id: number;
  uscc: string;
  name: string;
  legalRepresentative: string;
  industry: IndustryKey;
  industryLabel: string;
  establishedOn: string;
  registeredDistrictCode: string;
  inDistrict: boolean;
  employees: number | null;
  revenueFen: number | null;
  totalAssetsFen: number | null;
  reportingYear: number;
  sizeDataSource: SizeDataSource;
  sizeClass: SizeClass | null;
  sizeLabel: string | null;
  sizeProblem: string | null;
  stage: EnterpriseStage | null;
  stageLabel: string;
  verification: 'unverified' | 'verified';
  missing: string[];
  contactName: string;
  contactMobileMasked: string;
  dishonest: boolean;
  usccOverrideReason: string | null;
  createdAt: string;
}

export type EnterpriseListItem = Pick<
  EnterpriseProfile,
  'id' | 'uscc' | 'name' | 'industryLabel' | 'sizeLabel' | 'stageLabel' | 'verification' | 'createdAt'
>;

const CHINA_OFFSET_MS = 8 * 3_600_000;

/**
 * The calendar day in China (UTC+8, no daylight saving) at an instant: establishment dates, stages and "not in the
 * future" are judged by the day people in the district see on their calendars, not by the UTC date.
 */
export function todayInChina(now: Date): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Refuses an establishment date after today (`ENTERPRISE.ESTABLISHED_IN_FUTURE`, from the domain's stage rule). */
export function assertEstablishedBy(establishedOn: string, now: Date): void {
  enterpriseStage(establishedOn, todayInChina(now));
}

/** Encrypted value, blind index and mask of a mobile number, ready for the `*_enc/_bidx/_masked` columns (ADR 002). */
export function protectMobile(
  pii: Pii,
  mobile: string,
  purpose: string,
): { enc: string; bidx: string; masked: string } {
  return { enc: pii.encryptField(mobile), bidx: pii.blindIndex(mobile, purpose), masked: maskMobile(mobile) };
}

export const CONTACT_MOBILE_INDEX = 'enterprise.contactMobile';

export function duplicateUscc() {
  return conflict(
    'ENTERPRISE.DUPLICATE_USCC',
    '该统一社会信用代码已注册。如认为被他人冒用，请通过“申诉”提交材料，工作人员将核实处理',
  );
}

function sizeOf(e: EnterpriseRecord): { sizeClass: SizeClass | null; sizeProblem: string | null } {
  try {
    return { sizeClass: classifyEnterpriseSizeFromFen(e), sizeProblem: null };
  } catch (error) {
    // §1: a missing metric leaves the enterprise unclassified (never read as zero); the reason is shown to the user.
    if (isDomainError(error)) return { sizeClass: null, sizeProblem: error.message };
    throw error;
  }
}

function stageOf(e: EnterpriseRecord, now: Date): EnterpriseStage | null {
  try {
    return enterpriseStage(e.establishedOn, todayInChina(now));
  } catch (error) {
    if (isDomainError(error)) return null; // established "after today": only possible when the clock moved back
    throw error;
  }
}

const UNKNOWN_STAGE_LABEL = '成立日期晚于今天，无法判断';

/** Documents and bank account come from the funding module (its `fundingReadiness`); unknown → still to do. */
export interface ReadinessFacts {
  hasBusinessLicence: boolean;
  hasVerifiedBankAccount: boolean;
}
const NOTHING_YET: ReadinessFacts = { hasBusinessLicence: false, hasVerifiedBankAccount: false };

export function profileOf(
  e: EnterpriseRecord,
  now: Date,
  readiness: ReadinessFacts = NOTHING_YET,
): EnterpriseProfile {
  const { sizeClass, sizeProblem } = sizeOf(e);
  const stage = stageOf(e, now);
  const inDistrict = DEFAULT_DISTRICT_CODES.includes(e.registeredDistrictCode);
  return {
    id: e.id,
    uscc: e.uscc,
    name: e.name,
    legalRepresentative: e.legalRepresentative,
    industry: e.industry,
    industryLabel: INDUSTRY_LABELS[e.industry],
    establishedOn: e.establishedOn,
    registeredDistrictCode: e.registeredDistrictCode,
    inDistrict,
    employees: e.employees,
    revenueFen: e.revenueFen,
    totalAssetsFen: e.totalAssetsFen,
    reportingYear: e.reportingYear,
    sizeDataSource: e.sizeDataSource,
    sizeClass,
    sizeLabel: sizeClass === null ? null : SIZE_LABELS[sizeClass],
    sizeProblem,
    stage,
    stageLabel: stage === null ? UNKNOWN_STAGE_LABEL : STAGE_LABELS[stage],
    verification: e.verification,
    missing: enterpriseReadiness({
      verification: e.verification,
      sizeClass,
      sizeProblem,
      inDistrict,
      dishonest: e.dishonest,
      hasBusinessLicence: readiness.hasBusinessLicence,
      hasVerifiedBankAccount: readiness.hasVerifiedBankAccount,
    }),
    contactName: e.contactName,
    contactMobileMasked: e.contactMobileMasked,
    dishonest: e.dishonest,
    usccOverrideReason: e.usccOverrideReason,
    createdAt: e.createdAt,
  };
}

function listItemOf(e: EnterpriseRecord, now: Date): EnterpriseListItem {
  const { sizeClass } = sizeOf(e);
  const stage = stageOf(e, now);
  return {
    id: e.id,
    uscc: e.uscc,
    name: e.name,
    industryLabel: INDUSTRY_LABELS[e.industry],
    sizeLabel: sizeClass === null ? null : SIZE_LABELS[sizeClass],
    stageLabel: stage === null ? UNKNOWN_STAGE_LABEL : STAGE_LABELS[stage],
    verification: e.verification,
    createdAt: e.createdAt,
  };
}

const ENTERPRISE_NOT_FOUND = () => notFound('ENTERPRISE.NOT_FOUND', '未找到该企业');

/** The applicant's own enterprise (row ownership from the database, not from anything the client sent). */
export async function mine(ctx: AuthedContext): Promise<EnterpriseProfile> {
  const e = await findEnterpriseOfOwner(ctx.db, ctx.user.id);
  if (!e) throw notFound('ENTERPRISE.NOT_FOUND', '您的账号尚未关联企业');
  return profileOf(e, ctx.now, await fundingReadiness(ctx.db, e.id));
}

/**
 * Staff with `enterprise.list` may read any enterprise; an applicant only its own. Someone else's enterprise is
 * NOT_FOUND rather than FORBIDDEN, so ids cannot be probed for existence (ASVS 8.2.2).
 */
export async function get(ctx: AuthedContext, id: number): Promise<EnterpriseProfile> {
  const staff = can(ctx.user.roles, 'enterprise.list');
  if (!staff && !can(ctx.user.roles, 'enterprise.viewOwn')) {
    throw forbidden('AUTH.FORBIDDEN', '您没有执行此操作的权限');
  }
  const e = await findEnterprise(ctx.db, id);
  if (!e || (!staff && e.ownerUserId !== ctx.user.id)) throw ENTERPRISE_NOT_FOUND();
  return profileOf(e, ctx.now, await fundingReadiness(ctx.db, e.id));
}

/**
 * How the search box is read: something shaped like the start of a USCC (USCC characters only, at least one digit)
 * is a USCC prefix; anything else is part of a name.
 */
export function searchOf(q: string | undefined): EnterpriseSearch | null {
  const text = q?.trim() ?? '';
  if (text === '') return null;
  const code = normalizeUscc(text);
  const usccShaped =
    code.length >= 2 &&
    code.length <= 18 &&
    /\d/.test(code) &&
    [...code].every((c) => USCC_CHARSET.includes(c));
  return usccShaped ? { kind: 'uscc-prefix', prefix: code } : { kind: 'name', text };
}

export async function list(
  ctx: AuthedContext,
  input: EnterpriseListQuery,
): Promise<{ items: EnterpriseListItem[]; total: number }> {
  const { items, total } = await listEnterprises(ctx.db, {
    search: searchOf(input.q),
    verification: input.verification,
    page: input.page,
    pageSize: input.pageSize,
  });
  return { items: items.map((e) => listItemOf(e, ctx.now)), total };
}

/**
 * Registration by staff from the business licence, without an owner account (§2). The schema has already decided
 * whether the USCC is acceptable (only a failing check character may be overridden, and only with a reason); the
 * reason is stored on the row and in the audit event.
 */
export async function registerByStaff(
  ctx: AuthedContext,
  input: RegisterEnterpriseByStaff,
): Promise<{ id: number }> {
  assertEstablishedBy(input.establishedOn, ctx.now);
  const contactMobile = protectMobile(ctx.pii, input.contactMobile, CONTACT_MOBILE_INDEX);
  return inTransaction(ctx, async (trx) => {
    if (await isUsccTaken(trx, input.uscc)) throw duplicateUscc();
    const id = await insertEnterprise(trx, {
      uscc: input.uscc,
      name: input.name,
      legalRepresentative: input.legalRepresentative,
      industry: input.industry,
      establishedOn: input.establishedOn,
      registeredDistrictCode: input.registeredDistrictCode,
      employees: input.employees,
      revenueFen: input.revenueFen,
      totalAssetsFen: input.totalAssetsFen,
      reportingYear: input.reportingYear,
      sizeDataSource: 'self-declared',
      contactName: input.contactName,
      contactMobile,
      verification: 'unverified',
      dishonest: false,
      usccOverrideReason: input.overrideReason,
      ownerUserId: null,
      privacyConsent: null,
      createdAt: ctx.now.toISOString(),
    });
    await recordAudit(trx, ctx, {
      action: 'enterprise.registerByStaff',
      objectType: 'enterprise',
      objectId: id,
      summary:
        input.overrideReason === null
          ? `工作人员登记企业 ${input.name}（${input.uscc}）`
          : `工作人员登记企业 ${input.name}（${input.uscc}），校验码不符，例外说明：${input.overrideReason}`,
      after: enterpriseAuditView(input, contactMobile.masked),
      details: { overrideReason: input.overrideReason },
    });
    return { id };
  });
}

/** What the audit log keeps of a new enterprise: business facts and the masked mobile, no other personal data. */
export function enterpriseAuditView(
  e: Pick<
    RegisterEnterpriseByStaff,
    'uscc' | 'name' | 'industry' | 'establishedOn' | 'registeredDistrictCode'
  >,
  contactMobileMasked: string,
): Record<string, unknown> {
  return {
    uscc: e.uscc,
    name: e.name,
    industry: e.industry,
    establishedOn: e.establishedOn,
    registeredDistrictCode: e.registeredDistrictCode,
    contactMobileMasked,
  };
}
