import { z } from 'zod';
import { IsoDate, compareIsoDate, isIsoDate } from '../dates';
import { checkPassword, PasswordSchema } from './password';
import { ROLES, STAFF_ROLES } from './permissions';
import { RecoveryCodeInput, TotpCode } from './second-factor';

/**
 * Inputs of the auth, users and audit procedures (docs/contracts/platform-api.md). Each schema is the router's
 * `.input()` and the form's validator; every message is a Chinese sentence a user can act on.
 */

/** Account name: trimmed and lower-cased before the checks, so 'Zhang.San ' and 'zhang.san' are the same account. */
export const Username = z
  .string({ error: '请输入用户名' })
  .trim()
  .toLowerCase()
  .min(4, { error: '用户名至少4个字符' })
  .max(32, { error: '用户名不能超过32个字符' })
  .regex(/^[a-z0-9_.]+$/, { error: '用户名只能包含英文字母、数字、下划线和点' });
export type Username = z.infer<typeof Username>;

/**
 * Sign-in takes any existing password as typed: the policy applies when a password is set, not when it is used.
 * Accounts with a second factor add either the authenticator's code (`totp`) or one recovery code (`recoveryCode`).
 */
export const SignIn = z
  .object({
    username: Username,
    password: z
      .string({ error: '请输入密码' })
      .min(1, { error: '请输入密码' })
      .max(128, { error: '密码不能超过128个字符' }),
    /** RFC 6238 code from the authenticator app; required by the service for SECOND_FACTOR_ROLES. */
    totp: TotpCode.optional(),
    /** One of the account's single-use recovery codes, instead of `totp` when the phone is lost. */
    recoveryCode: RecoveryCodeInput.optional(),
  })
  .superRefine(({ totp, recoveryCode }, ctx) => {
    if (totp !== undefined && recoveryCode !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['recoveryCode'], message: '动态验证码和恢复码只需填写一项' });
    }
  });
export type SignIn = z.infer<typeof SignIn>;

/**
 * The username is not part of this input, so the "not equal to the username" rule is the service's job
 * (`checkPassword(newPassword, { username })`); everything else of the policy is checked here.
 */
export const ChangePassword = z
  .object({
    currentPassword: z
      .string({ error: '请输入当前密码' })
      .min(1, { error: '请输入当前密码' })
      .max(128, { error: '密码不能超过128个字符' }),
    newPassword: z.string({ error: '请输入新密码' }),
  })
  .superRefine(({ currentPassword, newPassword }, ctx) => {
    const result = checkPassword(newPassword);
    if (!result.ok) ctx.addIssue({ code: 'custom', path: ['newPassword'], message: result.message });
    else if (newPassword === currentPassword) {
      ctx.addIssue({ code: 'custom', path: ['newPassword'], message: '新密码不能与当前密码相同' });
    }
  });
export type ChangePassword = z.infer<typeof ChangePassword>;

/** A role an administrator may give a staff account: applicant and founder accounts come only from registration. */
export const StaffRole = z
  .enum(ROLES, { error: '角色无效' })
  .refine((role) => STAFF_ROLES.includes(role), { error: '员工账号只能分配工作人员角色' });
export type StaffRole = z.infer<typeof StaffRole>;

export const StaffRoles = z
  .array(StaffRole, { error: '请选择角色' })
  .min(1, { error: '请至少选择一个角色' })
  .refine((roles) => new Set(roles).size === roles.length, { error: '角色不能重复' });
export type StaffRoles = z.infer<typeof StaffRoles>;

export const UserId = z
  .number({ error: '用户编号无效' })
  .int({ error: '用户编号无效' })
  .positive({ error: '用户编号无效' });
export type UserId = z.infer<typeof UserId>;

export const CreateStaffUser = z
  .object({
    username: Username,
    displayName: z
      .string({ error: '请输入姓名' })
      .trim()
      .min(2, { error: '姓名至少2个字' })
      .max(50, { error: '姓名不能超过50个字' }),
    roles: StaffRoles,
    password: PasswordSchema,
  })
  .superRefine(({ username, password }, ctx) => {
    if (password.toLowerCase() === username) {
      ctx.addIssue({ code: 'custom', path: ['password'], message: '密码不能与用户名相同' });
    }
  });
export type CreateStaffUser = z.infer<typeof CreateStaffUser>;

export const SetRoles = z.object({ userId: UserId, roles: StaffRoles });
export type SetRoles = z.infer<typeof SetRoles>;

/** Disable, enable, reset password, unlock: each is audited with its reason. */
export const UserAction = z.object({
  userId: UserId,
  reason: z
    .string({ error: '请填写原因' })
    .trim()
    .min(2, { error: '原因至少2个字' })
    .max(200, { error: '原因不能超过200个字' }),
});
export type UserAction = z.infer<typeof UserAction>;

export const PAGE_SIZE_DEFAULT = 20;
export const PAGE_SIZE_MAX = 100;

export const Pagination = z.object({
  page: z
    .number({ error: '页码应为数字' })
    .int({ error: '页码应为整数' })
    .min(1, { error: '页码从1开始' })
    .default(1),
  pageSize: z
    .number({ error: '每页条数应为数字' })
    .int({ error: '每页条数应为整数' })
    .min(1, { error: '每页至少1条' })
    .max(PAGE_SIZE_MAX, { error: `每页最多${PAGE_SIZE_MAX}条` })
    .default(PAGE_SIZE_DEFAULT),
});
export type Pagination = z.infer<typeof Pagination>;

/** Free-text search box of the staff lists. */
export const SearchText = z
  .string({ error: '搜索内容应为文字' })
  .trim()
  .max(50, { error: '搜索内容不能超过50个字' });

export const UserListQuery = Pagination.extend({ q: SearchText.optional() });
export type UserListQuery = z.infer<typeof UserListQuery>;

/** `from`/`to` are inclusive calendar days (UTC dates of the event time). */
export const AuditQuery = Pagination.extend({
  action: z
    .string({ error: '操作类型无效' })
    .trim()
    .min(1, { error: '操作类型无效' })
    .max(100, { error: '操作类型无效' })
    .optional(),
  actorId: UserId.optional(),
  objectType: z
    .string({ error: '对象类型无效' })
    .trim()
    .min(1, { error: '对象类型无效' })
    .max(50, { error: '对象类型无效' })
    .optional(),
  objectId: z
    .string({ error: '对象编号无效' })
    .trim()
    .min(1, { error: '对象编号无效' })
    .max(100, { error: '对象编号无效' })
    .optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
}).superRefine(({ from, to }, ctx) => {
  // A malformed date is reported by IsoDate itself (a non-aborting issue, so this still runs): compare only real dates.
  if (isIsoDate(from) && isIsoDate(to) && compareIsoDate(from, to) > 0) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: '结束日期不能早于开始日期' });
  }
});
export type AuditQuery = z.infer<typeof AuditQuery>;
