/**
 * Public registration of enterprises (by USCC) and individual founders (domain-rules.md §2, §7, §8).
 *
 * Each registration is ONE transaction: the account, the enterprise or founder row, the session and the audit
 * events commit together or not at all. The password is hashed before the transaction opens (the hash takes up to a
 * second and must not hold the single write connection), and the uniqueness checks are repeated inside it.
 */
import {
  tooMany,
  conflict,
  compareIsoDate,
  invalid,
  maskIdNumber,
  PRIVACY_NOTICE,
  validateIdNumber,
  validateUscc,
  type RegisterEnterprise,
  type RegisterFounder,
  type ReportUsccDispute,
} from '@fund/domain';
import { recordAudit } from '../../audit/audit.service';
import type { Context, SessionUser } from '../../context';
import { inTransaction } from '../../trpc';
import { findSessionUser, insertAccount, isUsernameTaken } from '../auth/auth.queries';
import {
  auditableUsername,
  MESSAGES,
  openSession,
  SIGN_IN_WINDOW_MS,
  setSessionCookie,
} from '../auth/auth.service';
import { hashPassword } from '../auth/password-hash';
import { takeTokens } from '../auth/rate-limit';
import { insertUsccDispute, insertEnterprise, isUsccTaken } from '../enterprises/enterprises.queries';
import {
  assertEstablishedBy,
  CONTACT_MOBILE_INDEX,
  duplicateUscc,
  enterpriseAuditView,
  protectMobile,
  todayInChina,
} from '../enterprises/enterprises.service';
import { insertFounder, isIdNumberRegistered } from '../founders/founders.queries';
import { FOUNDER_MOBILE_INDEX, ID_NUMBER_INDEX } from '../founders/founders.service';

export function privacyNotice(): { version: string; title: string; text: string } {
  return { version: PRIVACY_NOTICE.version, title: PRIVACY_NOTICE.title, text: PRIVACY_NOTICE.text };
}

export interface UsccCheck {
  ok: boolean;
  normalized?: string;
  message?: string;
  warnings: string[];
  regionCode?: string;
  taken: boolean;
}

/** As-you-type check for the registration form: the domain's verdict, plus whether the code is already registered. */
export async function checkUscc(ctx: Context, uscc: string): Promise<UsccCheck> {
  const result = validateUscc(uscc);
  if (!result.ok) return { ok: false, message: result.message, warnings: [], taken: false };
  return {
    ok: true,
    normalized: result.code,
    warnings: result.warnings,
    regionCode: result.parts.regionCode,
    taken: await isUsccTaken(ctx.db, result.code),
  };
}

function usernameTaken() {
  return conflict('AUTH.USERNAME_TAKEN', '该用户名已被使用，请换一个');
}

function duplicateIdNumber() {
  return conflict('FOUNDER.DUPLICATE_ID_NUMBER', '该身份证号码已注册。如非本人操作，请联系工作人员核实处理');
}

/**
 * Public writes that cost a password hash (or a row) are limited per client IP, with the sign-in IP allowance
 * (anti-automation, ASVS 2.4.1), in a bucket of their own so registering never eats into anyone's sign-in attempts.
 */
async function limitPublicWrites(ctx: Context): Promise<void> {
  const ok = await takeTokens(
    ctx.db,
    [
      {
        key: `register-ip:${ctx.ip ?? 'unknown'}`,
        policy: { capacity: ctx.env.SIGNIN_RATE_PER_IP, refillWindowMs: SIGN_IN_WINDOW_MS },
      },
    ],
    ctx.now,
  );
  if (!ok) throw tooMany('REGISTRATION.TOO_MANY_ATTEMPTS', MESSAGES.tooManyAttempts);
}

/** Registers an enterprise with its applicant account and signs that account in on this browser. */
export async function registerEnterprise(ctx: Context, input: RegisterEnterprise): Promise<SessionUser> {
  // The schema validated the code already; checked again here because this is where the row is written (§2).
  const uscc = validateUscc(input.uscc);
  if (!uscc.ok) throw invalid('ENTERPRISE.USCC_INVALID', uscc.message, { field: 'uscc' });
  assertEstablishedBy(input.establishedOn, ctx.now);
  await limitPublicWrites(ctx);
  // Cheap refusals first, so a duplicate never costs a password hash.
  if (await isUsccTaken(ctx.db, uscc.code)) throw duplicateUscc();
  if (await isUsernameTaken(ctx.db, input.username)) throw usernameTaken();

  const passwordHash = await hashPassword(input.password, ctx.env.PASSWORD_HASH_PROFILE);
  const contactMobile = protectMobile(ctx.pii, input.contactMobile, CONTACT_MOBILE_INDEX);
  const at = ctx.now.toISOString();

  const { me, token } = await inTransaction(ctx, async (trx) => {
    if (await isUsccTaken(trx, uscc.code)) throw duplicateUscc();
    if (await isUsernameTaken(trx, input.username)) throw usernameTaken();
    const userId = await insertAccount(trx, {
      username: input.username,
      displayName: input.name,
      passwordHash,
      roles: ['applicant'],
      mustChangePassword: false,
      now: ctx.now,
    });
    const enterpriseId = await insertEnterprise(trx, {
      uscc: uscc.code,
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
      usccOverrideReason: null,
      ownerUserId: userId,
      privacyConsent: { version: input.privacyConsentVersion, at },
      createdAt: at,
    });
    const token = await openSession(trx, ctx, userId);
    const me = (await findSessionUser(trx, userId))!;
    const actor = { ...ctx, user: me };
    await recordAudit(trx, actor, {
      action: 'user.register',
      objectType: 'app_user',
      objectId: userId,
      summary: `企业用户注册账号 ${auditableUsername(input.username)}`,
      after: { username: auditableUsername(input.username), roles: me.roles },
      details: { privacyConsentVersion: input.privacyConsentVersion },
    });
    await recordAudit(trx, actor, {
      action: 'enterprise.register',
      objectType: 'enterprise',
      objectId: enterpriseId,
      summary: `企业自助注册：${input.name}（${uscc.code}），待核验`,
      after: enterpriseAuditView({ ...input, uscc: uscc.code }, contactMobile.masked),
    });
    return { me, token };
  });
  setSessionCookie(ctx, token);
  return me;
}

/** Registers an individual founder (§7) with a founder account and signs it in on this browser. */
export async function registerFounder(ctx: Context, input: RegisterFounder): Promise<SessionUser> {
  const id = validateIdNumber(input.idNumber);
  if (!id.ok) throw invalid('FOUNDER.ID_NUMBER_INVALID', id.message, { field: 'idNumber' });
  // validateIdNumber leaves "born in the future" to the caller, which has the clock.
  if (compareIsoDate(id.birthDate, todayInChina(ctx.now)) > 0) {
    throw invalid('FOUNDER.ID_NUMBER_INVALID', '身份证号码中的出生日期晚于今天，请核对', {
      field: 'idNumber',
    });
  }
  await limitPublicWrites(ctx);
  const idNumberBidx = ctx.pii.blindIndex(id.normalized, ID_NUMBER_INDEX);
  if (await isIdNumberRegistered(ctx.db, idNumberBidx)) throw duplicateIdNumber();
  if (await isUsernameTaken(ctx.db, input.username)) throw usernameTaken();

  const passwordHash = await hashPassword(input.password, ctx.env.PASSWORD_HASH_PROFILE);
  const mobile = protectMobile(ctx.pii, input.mobile, FOUNDER_MOBILE_INDEX);
  const idNumber = {
    enc: ctx.pii.encryptField(id.normalized),
    bidx: idNumberBidx,
    masked: maskIdNumber(id.normalized),
  };
  const at = ctx.now.toISOString();

  const { me, token } = await inTransaction(ctx, async (trx) => {
    if (await isIdNumberRegistered(trx, idNumberBidx)) throw duplicateIdNumber();
    if (await isUsernameTaken(trx, input.username)) throw usernameTaken();
    const userId = await insertAccount(trx, {
      username: input.username,
      displayName: input.name,
      passwordHash,
      roles: ['founder'],
      mustChangePassword: false,
      now: ctx.now,
    });
    const founderId = await insertFounder(trx, {
      name: input.name,
      school: input.school,
      graduationYear: input.graduationYear,
      idNumber,
      mobile,
      userId,
      privacyConsent: { version: input.privacyConsentVersion, at },
      createdAt: at,
    });
    const token = await openSession(trx, ctx, userId);
    const me = (await findSessionUser(trx, userId))!;
    const actor = { ...ctx, user: me };
    await recordAudit(trx, actor, {
      action: 'user.register',
      objectType: 'app_user',
      objectId: userId,
      summary: `个人创业者注册账号 ${auditableUsername(input.username)}`,
      after: { username: auditableUsername(input.username), roles: me.roles },
      details: { privacyConsentVersion: input.privacyConsentVersion },
    });
    await recordAudit(trx, actor, {
      action: 'founder.register',
      objectType: 'founder',
      objectId: founderId,
      summary: `个人创业者登记：${input.school} ${input.graduationYear} 届`,
      after: {
        school: input.school,
        graduationYear: input.graduationYear,
        idNumberMasked: idNumber.masked,
        mobileMasked: mobile.masked,
      },
    });
    return { me, token };
  });
  setSessionCookie(ctx, token);
  return me;
}

/** "Our USCC was registered by someone else": kept for staff, who check the business licence and may reassign (§2). */
export async function reportDispute(
  ctx: Context,
  input: ReportUsccDispute,
): Promise<{ ok: true; disputeId: number }> {
  await limitPublicWrites(ctx);
  const mobile = protectMobile(ctx.pii, input.contactMobile, 'uscc_dispute.contactMobile');
  return inTransaction(ctx, async (trx) => {
    const disputeId = await insertUsccDispute(trx, {
      uscc: input.uscc,
      contactName: input.contactName,
      contactMobile: { enc: mobile.enc, masked: mobile.masked },
      description: input.description,
      createdAt: ctx.now.toISOString(),
    });
    await recordAudit(trx, ctx, {
      action: 'uscc_dispute.report',
      objectType: 'uscc_dispute',
      objectId: disputeId,
      summary: `收到统一社会信用代码 ${input.uscc} 的冒用申诉`,
      after: { uscc: input.uscc, contactMobileMasked: mobile.masked },
    });
    return { ok: true as const, disputeId };
  });
}
