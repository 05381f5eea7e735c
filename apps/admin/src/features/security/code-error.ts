import { readApiError } from '../../shared/errors';

/** Refusals that are about the typed code itself, so they belong under the 动态验证码 field. */
const ABOUT_THE_CODE = new Set(['AUTH.TOTP_INVALID', 'AUTH.TOTP_REUSED']);

/**
 * The server names the field of a wrong code only in the error's domain code (its `fieldErrors` come from zod alone):
 * returns the message to show under the code field, or null for anything else (rate limit, no pending secret…).
 */
export function codeFieldError(error: unknown): string | null {
  const e = readApiError(error);
  return e.domainCode && ABOUT_THE_CODE.has(e.domainCode) ? e.message : null;
}
