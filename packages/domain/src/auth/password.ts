import { z } from 'zod';
import { COMMON_PASSWORDS } from './common-passwords';

/**
 * Password policy (reliability-security.md §4; OWASP ASVS 5.0):
 * - 6.2.1 at least 8 characters (15 recommended, which we say in the UI, not enforce);
 * - 6.2.9 at least 64 characters allowed — we allow exactly up to 64, which also bounds the KDF's input;
 * - 6.2.5 no composition rules (no "must contain a digit/upper-case/symbol");
 * - 6.2.4 refused when it is one of the most common passwords (`COMMON_PASSWORDS`, case-insensitive);
 * - and not equal to the username (case-insensitive), the first thing an attacker tries.
 * Length counts Unicode code points, so '密码' is 2, not 2 UTF-16 units or 6 UTF-8 bytes; the password is never
 * trimmed or truncated (ASVS 6.2.3), so what the user typed is what gets hashed.
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 64;

export type PasswordCheck = { ok: true } | { ok: false; message: string };

export const PASSWORD_MESSAGES = {
  tooShort: `密码至少需要${PASSWORD_MIN_LENGTH}个字符（建议15个以上，可使用一句容易记住的话）`,
  tooLong: `密码不能超过${PASSWORD_MAX_LENGTH}个字符`,
  common: '该密码过于常见，很容易被猜到，请换一个',
  sameAsUsername: '密码不能与用户名相同',
} as const;

/** Number of Unicode code points (what a user would call characters, emoji aside). */
export function passwordLength(pw: string): number {
  let n = 0;
  for (const _ of pw) n++;
  return n;
}

export function isCommonPassword(pw: string): boolean {
  return COMMON_PASSWORDS.has(pw.toLowerCase());
}

/** Applies the policy; `username` is compared when known (registration, staff creation, password change). */
export function checkPassword(pw: string, context: { username?: string | null } = {}): PasswordCheck {
  // A code point is at most 2 UTF-16 units: anything longer than this is too long without walking a huge string.
  if (pw.length > PASSWORD_MAX_LENGTH * 2) return { ok: false, message: PASSWORD_MESSAGES.tooLong };
  const length = passwordLength(pw);
  if (length < PASSWORD_MIN_LENGTH) return { ok: false, message: PASSWORD_MESSAGES.tooShort };
  if (length > PASSWORD_MAX_LENGTH) return { ok: false, message: PASSWORD_MESSAGES.tooLong };
  const username = context.username?.trim().toLowerCase();
  if (username && pw.toLowerCase() === username)
    return { ok: false, message: PASSWORD_MESSAGES.sameAsUsername };
  if (isCommonPassword(pw)) return { ok: false, message: PASSWORD_MESSAGES.common };
  return { ok: true };
}

/**
 * A new password under the policy, without the username rule (schemas that know the username add it in their own
 * superRefine, on the `password` path). Not for sign-in: existing passwords are checked only against their hash.
 */
export const PasswordSchema = z.string({ error: '请输入密码' }).superRefine((pw, ctx) => {
  const result = checkPassword(pw);
  if (!result.ok) ctx.addIssue({ code: 'custom', message: result.message });
});
export type PasswordSchema = z.infer<typeof PasswordSchema>;
