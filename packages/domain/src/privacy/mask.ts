/**
 * Masking of personal data for 公示 lists, exports, audit entries and logs (domain-rules.md §8,
 * reliability-security.md §4: PIPL Art. 28/51, never publish full ID or mobile numbers).
 *
 * Every function accepts anything (null, undefined, odd lengths) and never throws: a value of an unexpected shape is
 * masked by the general rule below, which never shows more than a quarter of it at each end and so never leaks it.
 */

type Maybe = string | null | undefined;

/** Name: first character, then one '*' per remaining character: '张三丰' → '张**', '张三' → '张*', '张' → '*'. */
export function maskName(name: Maybe): string {
  const chars = Array.from(text(name).trim());
  if (chars.length === 0) return '';
  if (chars.length === 1) return '*'; // showing the first character would show all of it
  return chars[0] + '*'.repeat(chars.length - 1);
}

/** 居民身份证号码: first 6 (region) and last 4 shown, 18- or 15-digit: '430602199001011234' → '430602********1234'. */
export function maskIdNumber(value: Maybe): string {
  const compact = text(value).replace(/[\s-]/g, '').toUpperCase();
  if (/^(?:\d{17}[\dX]|\d{15})$/.test(compact)) return keepEnds(compact, 6, 4);
  return maskByQuarters(compact, 6, 4);
}

/** Mainland mobile: 3 + 4 shown, '13812345678' → '138****5678'; a +86/0086 prefix is kept: '+86138****5678'. */
export function maskMobile(value: Maybe): string {
  const compact = text(value).replace(/[\s\-()]/g, '');
  const m = /^(\+?86|0086)?(1\d{10})$/.exec(compact);
  if (m) return (m[1] ?? '') + keepEnds(m[2] ?? '', 3, 4);
  return maskByQuarters(compact, 3, 4);
}

/**
 * Bank account or card: first 4 and last 4 shown with a fixed middle, '6222021234567890123' → '6222 **** **** 0123'.
 * The middle is always two groups of four stars whatever the length, so the mask does not reveal the account's
 * length either (the same shape banks' own apps show). Accounts shorter than 12 characters show less (see the rule
 * at the top of this file).
 */
export function maskBankAccount(value: Maybe): string {
  const compact = text(value).replace(/[\s-]/g, '');
  const chars = Array.from(compact);
  if (chars.length === 0) return '';
  const visible = Math.min(4, Math.floor(chars.length / 4));
  const head = chars.slice(0, visible).join('');
  const tail = visible === 0 ? '' : chars.slice(-visible).join('');
  return [head, '****', '****', tail].filter((part) => part !== '').join(' ');
}

/**
 * E-mail: first character of the local part, a fixed '***', and the domain: 'zhangsan@example.com' → 'z***@example.com'.
 * A one-character local part is fully hidden; the fixed '***' does not reveal the local part's length.
 */
export function maskEmail(value: Maybe): string {
  const trimmed = text(value).trim();
  const at = trimmed.lastIndexOf('@');
  if (at <= 0 || at === trimmed.length - 1) return maskByQuarters(trimmed, 1, 0);
  const local = Array.from(trimmed.slice(0, at));
  return `${local.length === 1 ? '' : local[0]}***${trimmed.slice(at)}`;
}

/**
 * An unmasked 18-digit resident ID number (a birth date 18xx–20xx at positions 7–14) not embedded in a longer number.
 * The date structure keeps all-digit USCCs and other identifiers, which are not personal data, from matching.
 * Not global, so `.test()` is safe to reuse; use {@link findUnmaskedPersonalData} to list every occurrence.
 */
export const ID_NUMBER_PATTERN =
  /(?<!\d)[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?!\d)/;

/** An unmasked mainland mobile number (11 digits from 13x–19x, optionally +86 and grouped 3-4-4), not inside a longer number. */
export const MOBILE_PATTERN = /(?<!\d)(?:(?:\+?86|0086)[-\s]?)?1[3-9]\d(?:[-\s]?\d{4}){2}(?!\d)/;

/** Every unmasked ID or mobile number in a text (a log line, an export, an audit entry); [] when it is clean. */
export function findUnmaskedPersonalData(haystack: string): string[] {
  const found: string[] = [];
  for (const pattern of [ID_NUMBER_PATTERN, MOBILE_PATTERN]) {
    for (const m of String(haystack).matchAll(new RegExp(pattern.source, 'g'))) found.push(m[0]);
  }
  return found;
}

/** Strings as they are; a number (an ID or mobile that lost its type on the way) as its digits; anything else as ''. */
function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return '';
}

function keepEnds(value: string, start: number, end: number): string {
  const chars = Array.from(value);
  return (
    chars.slice(0, start).join('') +
    '*'.repeat(chars.length - start - end) +
    chars.slice(chars.length - end).join('')
  );
}

/** The rule for unexpected shapes: show at most ⌊n/4⌋ characters at each end, so at least half is always hidden. */
function maskByQuarters(value: string, start: number, end: number): string {
  const n = Array.from(value).length;
  const limit = Math.floor(n / 4);
  return keepEnds(value, Math.min(start, limit), Math.min(end, limit));
}
