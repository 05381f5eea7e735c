/**
 * Sign-in, sign-out, password change and the session resolver (docs/decisions/005-sign-in-and-sessions.md).
 *
 * Order of a sign-in, and why:
 *  1. token buckets per account and per IP (SQLite) — refused attempts never reach the CPU-heavy hash;
 *  2. a temporary lock after repeated failures — also checked before hashing;
 *  3. the hash (one at a time, password-hash.ts); an unknown username hashes a dummy so it takes as long;
 *  4. one transaction: failure counter or success (session rotated, hash upgraded) plus the audit event.
 */
import {
  tooMany,
  checkPassword,
  DomainError,
  forbidden,
  ID_NUMBER_PATTERN,
  invalid,
  maskIdNumber,
  maskMobile,
  MOBILE_PATTERN,
  type ChangePassword,
  type SignIn,
} from '@fund/domain';
import type { FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import { recordAudit } from '../../audit/audit.service';
import type { Context, SessionResolver, SessionUser } from '../../context';
import type { Database } from '../../db/schema';
import type { Env } from '../../env';
import { inTransaction } from '../../trpc';
import {
  deleteExpiredSessions,
  deleteSession,
  deleteSessionsOfUser,
  findSession,
  findSessionUser,
  findSignInAccountById,
  findSignInAccountByUsername,
  insertSession,
  recordFailedSignIn,
  recordSuccessfulSignIn,
  setPassword,
  touchSession,
} from './auth.queries';
import { hashPassword, verifyPassword } from './password-hash';
import { takeTokens, type BucketRequest } from './rate-limit';
import {
  consumeSecondFactor,
  verifySignInSecondFactor,
  type SecondFactorFailure,
} from './second-factor.service';
import {
  absoluteExpiry,
  hashSessionToken,
  isWellFormedToken,
  needsTouch,
  newSessionToken,
  sessionCookieName,
  sessionState,
  type SessionPolicy,
} from './session';

export type AuthedContext = Context & { user: SessionUser };

/** Both token buckets refill their whole capacity over this window (env.ts: attempts "per 15 minutes"). */
export const SIGN_IN_WINDOW_MS = 15 * 60_000;
/** Consecutive failures that lock an account, and for how long (time-based: no permanent lockout, ASVS 6.3.1). */
export const LOCK_AFTER_FAILURES = 10;
export const LOCK_MINUTES = 15;

export const MESSAGES = {
  invalidCredentials: '用户名或密码错误',
  tooManyAttempts: '尝试次数过多，请稍后再试',
  disabled: '账户已停用，请联系管理员',
  wrongCurrentPassword: '当前密码不正确',
} as const;

function tooManyAttempts(): DomainError {
  return tooMany('AUTH.TOO_MANY_ATTEMPTS', MESSAGES.tooManyAttempts);
}

function invalidCredentials(): DomainError {
  return new DomainError('AUTH.INVALID_CREDENTIALS', 'unauthenticated', MESSAGES.invalidCredentials);
}

export function signInBuckets(env: Env, username: string, ip: string | null): BucketRequest[] {
  return [
    {
      key: `acct:${username}`,
      policy: { capacity: env.SIGNIN_RATE_PER_ACCOUNT, refillWindowMs: SIGN_IN_WINDOW_MS },
    },
    {
      key: `ip:${ip ?? 'unknown'}`,
      policy: { capacity: env.SIGNIN_RATE_PER_IP, refillWindowMs: SIGN_IN_WINDOW_MS },
    },
  ];
}

/**
 * A username as it may appear in the audit log. People type their mobile or ID number into the username box; the
 * audit log must never hold those in clear (domain-rules.md §8).
 */
export function auditableUsername(username: string): string {
  if (ID_NUMBER_PATTERN.test(username)) return maskIdNumber(username);
  if (MOBILE_PATTERN.test(username)) return maskMobile(username);
  return username;
}

export function sessionPolicy(env: Env): SessionPolicy {
  return { idleMinutes: env.SESSION_IDLE_MINUTES, absoluteHours: env.SESSION_ABSOLUTE_HOURS };
}

// ─── session cookie ──────────────────────────────────────────────────────────────────────────────────────────────

/**
 * HttpOnly, SameSite=Lax, Path=/, and `Secure` + `__Host-` prefix under https (ASVS 3.3.1–3.3.4). No Max-Age: a
 * browser-session cookie, gone when the browser closes (shared computers in service halls); the server enforces
 * idle and absolute expiry whatever the browser keeps.
 */
export function setSessionCookie(ctx: Pick<Context, 'res' | 'env'>, token: string): void {
  void ctx.res.setCookie(sessionCookieName(ctx.env.SECURE_COOKIES), token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.env.SECURE_COOKIES,
    path: '/',
  });
}

export function clearSessionCookie(ctx: Pick<Context, 'res' | 'env'>): void {
  void ctx.res.clearCookie(sessionCookieName(ctx.env.SECURE_COOKIES), {
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.env.SECURE_COOKIES,
    path: '/',
  });
}

function presentedTokenHash(req: FastifyRequest, env: Env): string | null {
  const token = req.cookies?.[sessionCookieName(env.SECURE_COOKIES)];
  return isWellFormedToken(token) ? hashSessionToken(token) : null;
}

/**
 * Starts a session for `userId` inside the caller's transaction and returns the cookie token (set it with
 * `setSessionCookie` after the commit). The session this browser presented, live or stale, is deleted first, so
 * the session id always changes at sign-in (ASVS 7.2.4, session fixation).
 */
export async function openSession(trx: Transaction<Database>, ctx: Context, userId: number): Promise<string> {
  const presented = presentedTokenHash(ctx.req, ctx.env);
  if (presented !== null) await deleteSession(trx, presented);
  if (ctx.sessionId !== null && ctx.sessionId !== presented) await deleteSession(trx, ctx.sessionId);
  await deleteExpiredSessions(trx, ctx.now);
  const { token, idHash } = newSessionToken();
  const at = ctx.now.toISOString();
  await insertSession(trx, {
    id_hash: idHash,
    user_id: userId,
    created_at: at,
    last_seen_at: at,
    expires_at: absoluteExpiry(ctx.now, sessionPolicy(ctx.env)).toISOString(),
    ip: ctx.ip,
    user_agent: ctx.userAgent,
  });
  return token;
}

/** The server calls this for every request to put `ctx.user` on the context (src/context.ts). */
export function createSessionResolver(deps: { db: Kysely<Database>; env: Env }): SessionResolver {
  const policy = sessionPolicy(deps.env);
  return {
    async resolve(req, now) {
      const idHash = presentedTokenHash(req, deps.env);
      if (idHash === null) return null;
      const session = await findSession(deps.db, idHash);
      if (!session) return null;
      if (session.userDisabled || sessionState(session, policy, now) !== 'active') {
        await deleteSession(deps.db, idHash);
        return null;
      }
      const { user } = session;
      if (needsTouch(session.lastSeenAt, now)) await touchSession(deps.db, idHash, now);
      return { user, sessionId: idHash };
    },
  };
}

// ─── procedures ──────────────────────────────────────────────────────────────────────────────────────────────────

export function me(ctx: Context): SessionUser | null {
  return ctx.user;
}

type FailureReason = 'wrong-password' | 'unknown-username' | SecondFactorFailure;

const FAILURE_WORDS: Record<FailureReason, string> = {
  'wrong-password': '',
  'unknown-username': '',
  'wrong-totp': '：动态验证码错误',
  'reused-totp': '：动态验证码重复使用',
  'wrong-recovery-code': '：恢复码错误',
};

/** One failed attempt: counted towards the temporary lock (known accounts) and audited, in one transaction. */
async function recordSignInFailure(
  ctx: Context,
  account: { id: number; failedCount: number } | null | undefined,
  who: string,
  reason: FailureReason,
): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    let locked = false;
    if (account) {
      const failures = account.failedCount + 1;
      locked = failures >= LOCK_AFTER_FAILURES;
      const lockedUntil = locked ? new Date(ctx.now.getTime() + LOCK_MINUTES * 60_000).toISOString() : null;
      await recordFailedSignIn(trx, account.id, locked ? 0 : failures, lockedUntil);
    }
    await recordAudit(trx, ctx, {
      action: 'auth.signIn.failed',
      objectType: 'app_user',
      objectId: account?.id ?? null,
      summary: locked
        ? `登录失败（用户名 ${who}）${FAILURE_WORDS[reason]}，连续失败次数过多，账户临时锁定${LOCK_MINUTES}分钟`
        : `登录失败（用户名 ${who}）${FAILURE_WORDS[reason]}`,
      details: { username: who, reason, locked },
    });
  });
}

export async function signIn(ctx: Context, input: SignIn): Promise<SessionUser> {
  const { username, password } = input;
  const who = auditableUsername(username);

  if (!(await takeTokens(ctx.db, signInBuckets(ctx.env, username, ctx.ip), ctx.now))) {
    ctx.log.warn({ event: 'auth.signIn.rateLimited' }, 'sign-in refused by rate limit before hashing');
    throw tooManyAttempts();
  }
  const account = await findSignInAccountByUsername(ctx.db, username);
  if (account?.lockedUntil && Date.parse(account.lockedUntil) > ctx.now.getTime()) {
    ctx.log.warn(
      { event: 'auth.signIn.locked', userId: account.id },
      'sign-in refused: account temporarily locked',
    );
    throw tooManyAttempts();
  }

  const verdict = await verifyPassword(
    password,
    account?.passwordHash ?? null,
    ctx.env.PASSWORD_HASH_PROFILE,
  );

  if (!verdict.ok) {
    await recordSignInFailure(ctx, account, who, account ? 'wrong-password' : 'unknown-username');
    throw invalidCredentials();
  }

  // The password is right, so saying that the account is disabled tells nothing to someone who could not sign in.
  const known = account!;
  if (known.disabled) {
    await inTransaction(ctx, (trx) =>
      recordAudit(trx, ctx, {
        action: 'auth.signIn.refused',
        objectType: 'app_user',
        objectId: known.id,
        summary: `已停用的账户 ${who} 尝试登录，已拒绝`,
      }),
    );
    throw forbidden('AUTH.ACCOUNT_DISABLED', MESSAGES.disabled);
  }

  // Staff with a second factor: the code (or a recovery code) must be right too. A wrong one counts as a failure.
  const proof = await verifySignInSecondFactor(ctx, known, input, (reason) =>
    recordSignInFailure(ctx, known, who, reason),
  );

  // A hash made with weaker parameters (older profile, bulk seeding) is upgraded now that we know the password.
  const rehashed = verdict.needsRehash ? await hashPassword(password, ctx.env.PASSWORD_HASH_PROFILE) : null;
  const { user, token } = await inTransaction(ctx, async (trx) => {
    const factor = await consumeSecondFactor(trx, ctx, known.id, proof);
    await recordSuccessfulSignIn(trx, known.id, ctx.now, rehashed);
    const token = await openSession(trx, ctx, known.id);
    const user = await findSessionUser(trx, known.id);
    const details = {
      ...(rehashed === null ? {} : { passwordHashUpgraded: true }),
      ...(factor ?? {}),
    };
    await recordAudit(
      trx,
      { ...ctx, user: user ?? null },
      {
        action: 'auth.signIn',
        objectType: 'app_user',
        objectId: known.id,
        summary:
          factor?.secondFactor === 'recovery-code'
            ? `用户 ${who} 使用恢复码登录（剩余 ${factor.recoveryCodesLeft} 个）`
            : `用户 ${who} 登录`,
        details: Object.keys(details).length === 0 ? undefined : details,
      },
    );
    return { user: user!, token };
  });
  setSessionCookie(ctx, token);
  return user;
}

export async function signOut(ctx: AuthedContext): Promise<{ ok: true }> {
  await inTransaction(ctx, async (trx) => {
    if (ctx.sessionId !== null) await deleteSession(trx, ctx.sessionId);
    await recordAudit(trx, ctx, {
      action: 'auth.signOut',
      objectType: 'app_user',
      objectId: ctx.user.id,
      summary: `用户 ${auditableUsername(ctx.user.username)} 退出登录`,
    });
  });
  clearSessionCookie(ctx);
  return { ok: true };
}

/**
 * Changing the password ends every session of the account, this one included, and opens a fresh one for this
 * browser (ASVS 7.2.4: new token at re-authentication; 7.4.3: other sessions end after a password change).
 * Attempts at the current password take tokens from the account's bucket, like sign-in.
 */
export async function changePassword(ctx: AuthedContext, input: ChangePassword): Promise<{ ok: true }> {
  const policyCheck = checkPassword(input.newPassword, { username: ctx.user.username });
  if (!policyCheck.ok) throw invalid('AUTH.PASSWORD_POLICY', policyCheck.message, { field: 'newPassword' });

  if (!(await takeTokens(ctx.db, signInBuckets(ctx.env, ctx.user.username, ctx.ip), ctx.now)))
    throw tooManyAttempts();
  const account = await findSignInAccountById(ctx.db, ctx.user.id);
  if (!account) throw invalidCredentials();
  const verdict = await verifyPassword(
    input.currentPassword,
    account.passwordHash,
    ctx.env.PASSWORD_HASH_PROFILE,
  );
  if (!verdict.ok) {
    await inTransaction(ctx, (trx) =>
      recordAudit(trx, ctx, {
        action: 'auth.changePassword.failed',
        objectType: 'app_user',
        objectId: ctx.user.id,
        summary: `用户 ${auditableUsername(ctx.user.username)} 修改密码失败：当前密码不正确`,
      }),
    );
    throw invalid('AUTH.WRONG_PASSWORD', MESSAGES.wrongCurrentPassword, { field: 'currentPassword' });
  }

  const passwordHash = await hashPassword(input.newPassword, ctx.env.PASSWORD_HASH_PROFILE);
  const token = await inTransaction(ctx, async (trx) => {
    await setPassword(trx, ctx.user.id, { passwordHash, mustChangePassword: false, now: ctx.now });
    const ended = await deleteSessionsOfUser(trx, ctx.user.id);
    const token = await openSession(trx, ctx, ctx.user.id);
    await recordAudit(trx, ctx, {
      action: 'auth.changePassword',
      objectType: 'app_user',
      objectId: ctx.user.id,
      summary: `用户 ${auditableUsername(ctx.user.username)} 修改了密码，其他 ${Math.max(0, ended - 1)} 个会话已结束`,
    });
    return token;
  });
  setSessionCookie(ctx, token);
  return { ok: true };
}
