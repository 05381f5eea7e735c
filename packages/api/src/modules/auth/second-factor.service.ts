/**
 * Staff second factor (docs/decisions/013-second-factor.md; reliability-security.md ASVS 6.3.2, 6.5.1).
 *
 * - Reviewer, finance and admin accounts (SECOND_FACTOR_ROLES) must set one up: until they do, their session may only
 *   do that (trpc.ts). Any staff account may set one up; once set up, every sign-in asks for it.
 * - Setting up: `begin` stores a new secret as *pending* and returns it (QR code + text); `confirm` activates it with
 *   the first code the app shows and returns ten recovery codes, shown once.
 * - Sign-in: `verifySignInSecondFactor` checks the code (or recovery code) before the success transaction;
 *   `consumeSecondFactor`, inside it, records the code's step (or marks the recovery code used) with a conditional
 *   update, so two sign-ins racing with one code cannot both succeed.
 * - Secrets are encrypted with the PII key; recovery codes are stored as HMACs under a key outside the database.
 */
import {
  DomainError,
  conflict,
  forbidden,
  groupSecret,
  invalid,
  makeRecoveryCodes,
  needsSecondFactor,
  normaliseRecoveryCode,
  STAFF_ROLES,
  tooMany,
  totpUri,
  verifyTotp,
  type ConfirmTotp,
  type SignIn,
  type Role,
} from '@fund/domain';
import { randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import { Secret } from 'otpauth';
import { recordAudit } from '../../audit/audit.service';
import type { Context } from '../../context';
import type { Pii } from '../../crypto/pii';
import type { Database } from '../../db/schema';
import { inTransaction } from '../../trpc';
import type { AuthedContext } from './auth.service';
import { takeTokens } from './rate-limit';
import {
  activateSecret,
  advanceLastStep,
  countUnusedRecoveryCodes,
  findSecondFactor,
  hasUnusedRecoveryCode,
  replaceRecoveryCodes,
  setPendingSecret,
  useRecoveryCode,
} from './second-factor.queries';

const RECOVERY_CODE_PURPOSE = 'auth.recoveryCode';

export const SECOND_FACTOR_MESSAGES = {
  required: '请输入动态验证码',
  invalid: '动态验证码不正确，请输入身份验证器当前显示的6位数字',
  reused: '该动态验证码已使用过，请等待身份验证器显示新的验证码后再输入',
  recoveryInvalid: '恢复码不正确或已使用过',
  notStaff: '动态验证码仅适用于工作人员账号',
  alreadyEnrolled: '您已设置动态验证码。如更换了手机，请联系系统管理员重置后重新设置',
  noPending: '请先点击“开始设置”获取密钥，再输入验证码',
} as const;

/** The errors sign-in answers with; every code starts with AUTH.TOTP so the console knows to show the code field. */
export const secondFactorErrors = {
  required: () => new DomainError('AUTH.TOTP_REQUIRED', 'unauthenticated', SECOND_FACTOR_MESSAGES.required),
  invalid: () => new DomainError('AUTH.TOTP_INVALID', 'unauthenticated', SECOND_FACTOR_MESSAGES.invalid),
  reused: () => new DomainError('AUTH.TOTP_REUSED', 'unauthenticated', SECOND_FACTOR_MESSAGES.reused),
  recoveryInvalid: () =>
    new DomainError('AUTH.TOTP_RECOVERY_INVALID', 'unauthenticated', SECOND_FACTOR_MESSAGES.recoveryInvalid),
};

export function recoveryCodeHash(pii: Pii, userId: number, normalisedCode: string): string {
  return pii.blindIndex(`${userId}:${normalisedCode}`, RECOVERY_CODE_PURPOSE);
}

function newSecret(): string {
  return new Secret({ buffer: new Uint8Array(randomBytes(20)).buffer }).base32;
}

/** Ten new codes for the account, written in place of the old ones; returns them formatted, to show once. */
async function issueRecoveryCodes(
  trx: Transaction<Database>,
  ctx: Context,
  userId: number,
): Promise<string[]> {
  const codes = makeRecoveryCodes((n) => randomBytes(n));
  const hashes = codes.map((c) => recoveryCodeHash(ctx.pii, userId, normaliseRecoveryCode(c)!));
  await replaceRecoveryCodes(trx, userId, hashes, ctx.now);
  return codes;
}

// ─── sign-in ─────────────────────────────────────────────────────────────────────────────────────────────────────

export type SecondFactorProof =
  { kind: 'none' } | { kind: 'totp'; step: number } | { kind: 'recovery'; codeHash: string };

export type SecondFactorFailure = 'wrong-totp' | 'reused-totp' | 'wrong-recovery-code';

/**
 * Called after the password was found right. An account without a second factor passes (`none`: one that must set
 * one up gets a session that can only do that). Otherwise the code or recovery code must be right: `fail` records a
 * failed sign-in (counted towards the lock, audited) and returns the error to throw.
 */
export async function verifySignInSecondFactor(
  ctx: Context,
  account: { id: number },
  input: Pick<SignIn, 'totp' | 'recoveryCode'>,
  fail: (reason: SecondFactorFailure) => Promise<void>,
): Promise<SecondFactorProof> {
  const factor = await findSecondFactor(ctx.db, account.id);
  if (!factor?.secretEnc) return { kind: 'none' };

  if (input.recoveryCode !== undefined) {
    const codeHash = recoveryCodeHash(ctx.pii, account.id, input.recoveryCode);
    if (!(await hasUnusedRecoveryCode(ctx.db, account.id, codeHash))) {
      await fail('wrong-recovery-code');
      throw secondFactorErrors.recoveryInvalid();
    }
    return { kind: 'recovery', codeHash };
  }
  if (input.totp === undefined) {
    // Not a failure: the console asks for the code now. The password was checked, and cost a token, as always.
    throw secondFactorErrors.required();
  }
  const verdict = verifyTotp({
    secret: ctx.pii.decryptField(factor.secretEnc),
    code: input.totp,
    at: ctx.now,
    lastStep: factor.lastStep,
  });
  if (!verdict.ok) {
    await fail(verdict.reason === 'reused' ? 'reused-totp' : 'wrong-totp');
    throw verdict.reason === 'reused' ? secondFactorErrors.reused() : secondFactorErrors.invalid();
  }
  return { kind: 'totp', step: verdict.step };
}

/**
 * Inside the sign-in's success transaction: uses up the proof. When another request used the same code first, this
 * throws and the transaction (session, audit) rolls back. Returns what the audit event should say.
 */
export async function consumeSecondFactor(
  trx: Transaction<Database>,
  ctx: Context,
  userId: number,
  proof: SecondFactorProof,
): Promise<{ secondFactor: 'totp' | 'recovery-code'; recoveryCodesLeft?: number } | null> {
  if (proof.kind === 'none') return null;
  if (proof.kind === 'totp') {
    if (!(await advanceLastStep(trx, userId, proof.step))) throw secondFactorErrors.reused();
    return { secondFactor: 'totp' };
  }
  if (!(await useRecoveryCode(trx, userId, proof.codeHash, ctx.now)))
    throw secondFactorErrors.recoveryInvalid();
  return { secondFactor: 'recovery-code', recoveryCodesLeft: await countUnusedRecoveryCodes(trx, userId) };
}

// ─── setting up, status, new recovery codes ──────────────────────────────────────────────────────────────────────

function assertStaff(roles: readonly Role[]): void {
  if (!roles.some((r) => STAFF_ROLES.includes(r))) {
    throw forbidden('AUTH.TOTP_NOT_FOR_ACCOUNT', SECOND_FACTOR_MESSAGES.notStaff);
  }
}

export interface SecondFactorStatus {
  enrolled: boolean;
  /** The account's roles require one (reviewer, finance, admin). */
  required: boolean;
  enrolledAt: string | null;
  recoveryCodesLeft: number;
}

export async function status(ctx: AuthedContext): Promise<SecondFactorStatus> {
  const factor = await findSecondFactor(ctx.db, ctx.user.id);
  const enrolled = factor?.secretEnc != null;
  return {
    enrolled,
    required: needsSecondFactor(ctx.user.roles),
    enrolledAt: factor?.enrolledAt ?? null,
    recoveryCodesLeft: enrolled ? await countUnusedRecoveryCodes(ctx.db, ctx.user.id) : 0,
  };
}

export interface TotpEnrolment {
  /** Base32, for typing into an app that cannot scan. */
  secret: string;
  /** The same, in groups of four. */
  secretGrouped: string;
  /** `otpauth://totp/…`, shown as a QR code. */
  uri: string;
}

/** A new pending secret (a second call replaces the first); the active factor, if any, is not touched. */
export async function begin(ctx: AuthedContext): Promise<TotpEnrolment> {
  assertStaff(ctx.user.roles);
  const secret = newSecret();
  await inTransaction(ctx, async (trx) => {
    const factor = await findSecondFactor(trx, ctx.user.id);
    if (factor?.secretEnc)
      throw conflict('AUTH.TOTP_ALREADY_ENROLLED', SECOND_FACTOR_MESSAGES.alreadyEnrolled);
    await setPendingSecret(trx, ctx.user.id, ctx.pii.encryptField(secret));
    await recordAudit(trx, ctx, {
      action: 'auth.totp.begin',
      objectType: 'app_user',
      objectId: ctx.user.id,
      summary: '开始设置动态验证码（第二重身份验证）',
    });
  });
  return { secret, secretGrouped: groupSecret(secret), uri: totpUri(secret, ctx.user.username) };
}

/** Activates the pending secret with a code from the app and issues the recovery codes (returned once). */
export async function confirm(ctx: AuthedContext, input: ConfirmTotp): Promise<{ recoveryCodes: string[] }> {
  assertStaff(ctx.user.roles);
  return inTransaction(ctx, async (trx) => {
    const factor = await findSecondFactor(trx, ctx.user.id);
    if (factor?.secretEnc)
      throw conflict('AUTH.TOTP_ALREADY_ENROLLED', SECOND_FACTOR_MESSAGES.alreadyEnrolled);
    if (!factor?.pendingEnc) throw conflict('AUTH.TOTP_NO_PENDING', SECOND_FACTOR_MESSAGES.noPending);
    const secret = ctx.pii.decryptField(factor.pendingEnc);
    const verdict = verifyTotp({ secret, code: input.code, at: ctx.now, lastStep: null });
    if (!verdict.ok) throw invalid('AUTH.TOTP_INVALID', SECOND_FACTOR_MESSAGES.invalid, { field: 'code' });
    await activateSecret(trx, ctx.user.id, {
      secretEnc: factor.pendingEnc,
      step: verdict.step,
      now: ctx.now,
    });
    const recoveryCodes = await issueRecoveryCodes(trx, ctx, ctx.user.id);
    await recordAudit(trx, ctx, {
      action: 'auth.totp.enrol',
      objectType: 'app_user',
      objectId: ctx.user.id,
      summary: `完成动态验证码设置，生成 ${recoveryCodes.length} 个恢复码`,
    });
    return { recoveryCodes };
  });
}

/**
 * New recovery codes in place of the old ones, after a current code from the app (a stolen session alone cannot
 * mint codes). Attempts take tokens from the account's sign-in bucket, so codes cannot be guessed here either.
 */
export async function regenerateRecoveryCodes(
  ctx: AuthedContext,
  input: ConfirmTotp,
  buckets: Parameters<typeof takeTokens>[1],
): Promise<{ recoveryCodes: string[] }> {
  if (!(await takeTokens(ctx.db, buckets, ctx.now))) {
    throw tooMany('AUTH.TOO_MANY_ATTEMPTS', '尝试次数过多，请稍后再试');
  }
  return inTransaction(ctx, async (trx) => {
    const factor = await findSecondFactor(trx, ctx.user.id);
    if (!factor?.secretEnc) throw conflict('AUTH.TOTP_NOT_ENROLLED', '您尚未设置动态验证码');
    const verdict = verifyTotp({
      secret: ctx.pii.decryptField(factor.secretEnc),
      code: input.code,
      at: ctx.now,
      lastStep: factor.lastStep,
    });
    if (!verdict.ok) {
      const message =
        verdict.reason === 'reused' ? SECOND_FACTOR_MESSAGES.reused : SECOND_FACTOR_MESSAGES.invalid;
      throw invalid(verdict.reason === 'reused' ? 'AUTH.TOTP_REUSED' : 'AUTH.TOTP_INVALID', message, {
        field: 'code',
      });
    }
    if (!(await advanceLastStep(trx, ctx.user.id, verdict.step))) {
      throw invalid('AUTH.TOTP_REUSED', SECOND_FACTOR_MESSAGES.reused, { field: 'code' });
    }
    const recoveryCodes = await issueRecoveryCodes(trx, ctx, ctx.user.id);
    await recordAudit(trx, ctx, {
      action: 'auth.totp.regenerateRecoveryCodes',
      objectType: 'app_user',
      objectId: ctx.user.id,
      summary: `重新生成 ${recoveryCodes.length} 个恢复码，原恢复码作废`,
    });
    return { recoveryCodes };
  });
}
