/**
 * Account administration (admin only, `user.manage`). Every change is one transaction with its audit event; every
 * change that alters what an account may do (roles, disabling, a new password) ends the account's sessions
 * (ASVS 7.4.2, 7.4.5), so the change takes effect on the next request rather than at the next sign-in.
 */
import {
  conflict,
  forbidden,
  notFound,
  STAFF_ROLES,
  type CreateStaffUser,
  type Role,
  type SetRoles,
  type UserAction,
  type UserListQuery,
} from '@fund/domain';
import { recordAudit } from '../../audit/audit.service';
import { inTransaction } from '../../trpc';
import { deleteSessionsOfUser, insertAccount, isUsernameTaken, setPassword } from '../auth/auth.queries';
import { auditableUsername, type AuthedContext } from '../auth/auth.service';
import { generateReadablePassword, hashPassword } from '../auth/password-hash';
import { resetBucket } from '../auth/rate-limit';
import { clearSecondFactor } from '../auth/second-factor.queries';
import { clearLock, findUser, listUsers, replaceRoles, setDisabledAt, type StaffUser } from './users.queries';

const USER_NOT_FOUND = () => notFound('USER.NOT_FOUND', '未找到该用户');

export function list(
  ctx: AuthedContext,
  input: UserListQuery,
): Promise<{ items: StaffUser[]; total: number }> {
  return listUsers(ctx.db, input);
}

/** Staff accounts get a password from the administrator, so they must choose their own at first sign-in. */
export async function create(ctx: AuthedContext, input: CreateStaffUser): Promise<{ id: number }> {
  if (await isUsernameTaken(ctx.db, input.username)) throw usernameTaken();
  const passwordHash = await hashPassword(input.password, ctx.env.PASSWORD_HASH_PROFILE);
  return inTransaction(ctx, async (trx) => {
    // Checked again inside the transaction: another request may have taken the name while we were hashing.
    if (await isUsernameTaken(trx, input.username)) throw usernameTaken();
    const id = await insertAccount(trx, {
      username: input.username,
      displayName: input.displayName,
      passwordHash,
      roles: input.roles,
      mustChangePassword: true,
      now: ctx.now,
    });
    await recordAudit(trx, ctx, {
      action: 'user.create',
      objectType: 'app_user',
      objectId: id,
      summary: `创建工作人员账号 ${auditableUsername(input.username)}`,
      after: {
        username: auditableUsername(input.username),
        displayName: input.displayName,
        roles: input.roles,
      },
    });
    return { id };
  });
}

function usernameTaken() {
  return conflict('USER.USERNAME_TAKEN', '该用户名已被使用，请换一个');
}

/**
 * Replaces the account's staff roles. Applicant and founder roles come from registration and stay as they are.
 * An administrator cannot take the admin role from themself (the console would lock its last user out).
 */
export async function setRoles(ctx: AuthedContext, input: SetRoles): Promise<{ ok: true }> {
  return inTransaction(ctx, async (trx) => {
    const user = await findUser(trx, input.userId);
    if (!user) throw USER_NOT_FOUND();
    if (user.id === ctx.user.id && !input.roles.includes('admin')) {
      throw forbidden('USER.SELF_DEMOTION', '不能取消自己的系统管理员角色，请由其他管理员操作');
    }
    const kept = user.roles.filter((r) => !STAFF_ROLES.includes(r));
    const roles: Role[] = [...new Set<Role>([...kept, ...input.roles])].sort();
    await replaceRoles(trx, user.id, roles);
    const ended = await deleteSessionsOfUser(trx, user.id);
    await recordAudit(trx, ctx, {
      action: 'user.setRoles',
      objectType: 'app_user',
      objectId: user.id,
      summary: `调整账号 ${auditableUsername(user.username)} 的角色，已结束其 ${ended} 个会话`,
      before: { roles: user.roles },
      after: { roles },
    });
    return { ok: true as const };
  });
}

export async function disable(ctx: AuthedContext, input: UserAction): Promise<{ ok: true }> {
  return inTransaction(ctx, async (trx) => {
    const user = await findUser(trx, input.userId);
    if (!user) throw USER_NOT_FOUND();
    if (user.id === ctx.user.id)
      throw forbidden('USER.SELF_DISABLE', '不能停用自己的账号，请由其他管理员操作');
    if (user.disabled) return { ok: true as const };
    await setDisabledAt(trx, user.id, ctx.now.toISOString());
    const ended = await deleteSessionsOfUser(trx, user.id);
    await recordAudit(trx, ctx, {
      action: 'user.disable',
      objectType: 'app_user',
      objectId: user.id,
      summary: `停用账号 ${auditableUsername(user.username)}，已结束其 ${ended} 个会话`,
      details: { reason: input.reason },
    });
    return { ok: true as const };
  });
}

export async function enable(ctx: AuthedContext, input: UserAction): Promise<{ ok: true }> {
  return inTransaction(ctx, async (trx) => {
    const user = await findUser(trx, input.userId);
    if (!user) throw USER_NOT_FOUND();
    if (!user.disabled) return { ok: true as const };
    await setDisabledAt(trx, user.id, null);
    await recordAudit(trx, ctx, {
      action: 'user.enable',
      objectType: 'app_user',
      objectId: user.id,
      summary: `启用账号 ${auditableUsername(user.username)}`,
      details: { reason: input.reason },
    });
    return { ok: true as const };
  });
}

/**
 * A temporary password, shown once to the administrator and never stored or logged in clear; the account must
 * change it at its next sign-in, and its sessions end now.
 */
export async function resetPassword(
  ctx: AuthedContext,
  input: UserAction,
): Promise<{ temporaryPassword: string }> {
  const user = await findUser(ctx.db, input.userId);
  if (!user) throw USER_NOT_FOUND();
  const temporaryPassword = generateReadablePassword();
  const passwordHash = await hashPassword(temporaryPassword, ctx.env.PASSWORD_HASH_PROFILE);
  await inTransaction(ctx, async (trx) => {
    if (!(await findUser(trx, user.id))) throw USER_NOT_FOUND();
    await setPassword(trx, user.id, { passwordHash, mustChangePassword: true, now: ctx.now });
    await resetBucket(trx, `acct:${user.username}`);
    const ended = await deleteSessionsOfUser(trx, user.id);
    await recordAudit(trx, ctx, {
      action: 'user.resetPassword',
      objectType: 'app_user',
      objectId: user.id,
      summary: `重置账号 ${auditableUsername(user.username)} 的密码（临时密码须在下次登录时修改），已结束其 ${ended} 个会话`,
      details: { reason: input.reason },
    });
  });
  return { temporaryPassword };
}

/** Lifts a temporary lock and refills the account's sign-in bucket (the IP buckets are left alone). */
export async function unlock(ctx: AuthedContext, input: UserAction): Promise<{ ok: true }> {
  return inTransaction(ctx, async (trx) => {
    const user = await findUser(trx, input.userId);
    if (!user) throw USER_NOT_FOUND();
    await clearLock(trx, user.id);
    await resetBucket(trx, `acct:${user.username}`);
    await recordAudit(trx, ctx, {
      action: 'user.unlock',
      objectType: 'app_user',
      objectId: user.id,
      summary: `解除账号 ${auditableUsername(user.username)} 的登录限制`,
      before: { lockedUntil: user.lockedUntil },
      details: { reason: input.reason },
    });
    return { ok: true as const };
  });
}

/**
 * A lost phone and lost recovery codes: the administrator removes the account's second factor (with a reason, on
 * the record) and ends its sessions; at its next sign-in the account sets up a new one before it can do anything.
 * Not for one's own account: another administrator must confirm who is asking.
 */
export async function resetSecondFactor(ctx: AuthedContext, input: UserAction): Promise<{ ok: true }> {
  return inTransaction(ctx, async (trx) => {
    const user = await findUser(trx, input.userId);
    if (!user) throw USER_NOT_FOUND();
    if (user.id === ctx.user.id) {
      throw forbidden('USER.SELF_SECOND_FACTOR_RESET', '不能重置自己的动态验证码，请由其他管理员操作');
    }
    if (!user.secondFactorEnrolled) {
      throw conflict('USER.SECOND_FACTOR_NOT_ENROLLED', '该账号尚未设置动态验证码，无需重置');
    }
    await clearSecondFactor(trx, user.id);
    const ended = await deleteSessionsOfUser(trx, user.id);
    await recordAudit(trx, ctx, {
      action: 'user.resetSecondFactor',
      objectType: 'app_user',
      objectId: user.id,
      summary: `重置账号 ${auditableUsername(user.username)} 的动态验证码（下次登录须重新设置），恢复码作废，已结束其 ${ended} 个会话`,
      details: { reason: input.reason },
    });
    return { ok: true as const };
  });
}
