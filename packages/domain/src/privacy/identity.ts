import { isIsoDate } from '../dates';

/**
 * 公民身份号码 (GB 11643-1999) and mainland mobile numbers, checked before a founder or an enterprise contact is
 * stored. These values are personal information (PIPL Art. 28, domain-rules.md §8): the messages below never echo
 * the number back, so they are safe to show, log or put in `fieldErrors`.
 */

/** GB 11643-1999 §7: weights W_i = 2^(18−i) mod 11 for positions i = 1…17 from the left. */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Check character for (Σ a_i·W_i) mod 11 = 0…10. */
const ID_CHECK_CHARS = '10X98765432';
/** Sanity bound on the embedded birth date: nobody applying for a start-up subsidy was born before 1900. */
const MIN_BIRTH_YEAR = 1900;

export type IdNumberResult =
  { ok: true; normalized: string; birthDate: string } | { ok: false; message: string };

/**
 * Validates an 18-character 公民身份号码: 6-digit address code, 8-digit birth date (YYYYMMDD), 3-digit sequence and
 * the GB 11643-1999 check character (0–9 or X). Input is normalised first: surrounding and inner spaces removed, a
 * lower-case 'x' upper-cased. The 15-digit first-generation numbers are not accepted (expired since 2013).
 *
 * Whether the birth date is in the future needs a clock, so it is left to the caller; the address code is not
 * checked against the administrative-division list (numbers keep the code of where they were first issued).
 */
export function validateIdNumber(s: string): IdNumberResult {
  const normalized = s.replace(/\s+/g, '').toUpperCase();
  if (normalized === '') return { ok: false, message: '请输入身份证号码' };
  if (normalized.length !== 18) return { ok: false, message: '身份证号码应为18位' };
  if (!/^\d{17}[\dX]$/.test(normalized)) {
    return { ok: false, message: '身份证号码前17位应为数字，最后一位为数字或X' };
  }
  const birthDate = `${normalized.slice(6, 10)}-${normalized.slice(10, 12)}-${normalized.slice(12, 14)}`;
  if (!isIsoDate(birthDate) || Number(normalized.slice(6, 10)) < MIN_BIRTH_YEAR) {
    return { ok: false, message: '身份证号码中的出生日期无效，请核对' };
  }
  if (idCheckChar(normalized) !== normalized[17]) {
    return { ok: false, message: '身份证号码校验位不正确，请核对后重新输入' };
  }
  return { ok: true, normalized, birthDate };
}

/** The GB 11643-1999 check character for the first 17 digits of `id` (which the caller has checked are digits). */
export function idCheckChar(id: string): string {
  let sum = 0;
  for (let i = 0; i < ID_WEIGHTS.length; i++) sum += Number(id[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK_CHARS[sum % 11]!;
}

/**
 * A mainland mobile number as stored: spaces and hyphens removed, and a leading +86 / 0086 / 86 country code dropped
 * when what follows is 11 digits. Returns the input so transformed; it does not validate (see `isMainlandMobile`).
 */
export function normalizeMobile(s: string): string {
  const compact = s.replace(/[\s-]+/g, '');
  const m = /^(?:\+86|0086|86)(\d{11})$/.exec(compact);
  return m ? m[1]! : compact;
}

/** True for an 11-digit mainland mobile number (1, then 3–9, then 9 digits) after `normalizeMobile`. */
export function isMainlandMobile(s: string): boolean {
  return /^1[3-9]\d{9}$/.test(normalizeMobile(s));
}
