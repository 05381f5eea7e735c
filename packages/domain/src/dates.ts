import { z } from 'zod';
import { invalid } from './errors';

/**
 * Calendar dates as ISO strings ('YYYY-MM-DD'), the only date representation the domain accepts.
 *
 * A policy date (a loan contract's signing day, a publication day, an establishment day) is a civil date, not an
 * instant: all arithmetic here works on the parsed year/month/day through `Date.UTC`, so the server's time zone can
 * never shift a day. The domain has no clock (style guide rule 1): "today" is always an argument.
 */

const MS_PER_DAY = 86_400_000;
/** One Gregorian cycle: 400 years are exactly 146,097 days, so shifting a date by 400 years keeps every weekday. */
const DAYS_PER_400_YEARS = 146_097;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEAR_MONTH = /^(\d{4})-(\d{2})$/;

export interface DateParts {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

/** ISO weekday: 1 = Monday (周一) … 7 = Sunday (周日). Never 0, so a weekday is never falsy. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function monthLength(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function tryParse(s: unknown): DateParts | null {
  if (typeof s !== 'string') return null;
  const m = ISO_DATE.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > monthLength(year, month)) return null;
  return { year, month, day };
}

function dateError(value: unknown, field: string) {
  const shown = typeof value === 'string' ? `“${value}”` : `（${typeof value}）`;
  return invalid(
    'DATE.INVALID',
    `${field}：日期格式应为 YYYY-MM-DD（如 2025-03-15），且须为真实存在的日期，收到 ${shown}`,
    {
      field,
      value: typeof value === 'string' ? value : String(value),
    },
  );
}

/** True for a real calendar date written exactly as 'YYYY-MM-DD' ('2025-02-30' and '2025-2-3' are false). */
export function isIsoDate(s: unknown): s is string {
  return tryParse(s) !== null;
}

/** Throws `DATE.INVALID` (kind invalid) naming `field` unless `s` is a real 'YYYY-MM-DD' date. */
export function assertIsoDate(s: unknown, field: string): asserts s is string {
  if (!isIsoDate(s)) throw dateError(s, field);
}

/** Parses a 'YYYY-MM-DD' date into its parts; throws `DATE.INVALID` naming `field`. */
export function parseIsoDate(s: string, field = '日期'): DateParts {
  const parts = tryParse(s);
  if (!parts) throw dateError(s, field);
  return parts;
}

/** The zod schema for a date field; its message matches `DATE.INVALID`. */
export const IsoDate = z
  .string()
  .refine(isIsoDate, { message: '日期格式应为 YYYY-MM-DD（如 2025-03-15），且须为真实存在的日期' });
export type IsoDate = z.infer<typeof IsoDate>;

/** Days since 1970-01-01. `Date.UTC` maps years 0–99 to 1900–1999, so those are computed 400 years later. */
function toEpochDay({ year, month, day }: DateParts): number {
  if (year < 100) return Date.UTC(year + 400, month - 1, day) / MS_PER_DAY - DAYS_PER_400_YEARS;
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function fromEpochDay(epochDay: number): string {
  const d = new Date(epochDay * MS_PER_DAY);
  const year = d.getUTCFullYear();
  if (year < 0 || year > 9999) {
    throw invalid('DATE.INVALID', `日期超出可表示的范围（0000–9999 年）`, { epochDay });
  }
  return format({ year, month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

function format({ year, month, day }: DateParts): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function requireInteger(n: number, field: string): void {
  if (!Number.isSafeInteger(n)) {
    throw invalid('DATE.INVALID_COUNT', `${field}应为整数，收到 ${String(n)}`, { field, value: n });
  }
}

/**
 * Actual days from `startIso` to `endExclusiveIso`, first day counted and last not (算头不算尾), as interest is
 * counted: 2024-03-15 → 2025-03-15 is 365 days. Negative when the end is before the start; callers that need an
 * ordered period check it themselves.
 */
export function daysBetween(startIso: string, endExclusiveIso: string): number {
  return (
    toEpochDay(parseIsoDate(endExclusiveIso, '结束日期')) - toEpochDay(parseIsoDate(startIso, '开始日期'))
  );
}

/** The date `days` calendar days after `iso` (negative goes back). */
export function addDays(iso: string, days: number): string {
  requireInteger(days, '天数');
  return fromEpochDay(toEpochDay(parseIsoDate(iso)) + days);
}

/** −1, 0 or 1, usable as an `Array.prototype.sort` comparator. Both arguments are validated. */
export function compareIsoDate(a: string, b: string): -1 | 0 | 1 {
  const da = toEpochDay(parseIsoDate(a));
  const db = toEpochDay(parseIsoDate(b));
  return da < db ? -1 : da > db ? 1 : 0;
}

/**
 * The same day `months` months later; a day that the target month lacks becomes its last day
 * (民法典第二百零二条: 没有对应日的，月末日为期间的最后一日), so 2024-01-31 + 1 month = 2024-02-29.
 */
export function addMonths(iso: string, months: number): string {
  requireInteger(months, '月数');
  const { year, month, day } = parseIsoDate(iso);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  if (y < 0 || y > 9999)
    throw invalid('DATE.INVALID', `日期超出可表示的范围（0000–9999 年）`, { iso, months });
  return format({ year: y, month: m, day: Math.min(day, monthLength(y, m)) });
}

/**
 * Whole months elapsed from `fromIso` to `toIso`: the largest n with addMonths(from, n) ≤ to. One month after
 * 2024-01-15 is complete on 2024-02-15, one month after 2024-01-31 on 2024-02-29 (month-end rule, see addMonths).
 * Used for pro-rata clawback (§5: amount × (36 − full months elapsed) / 36). `toIso` before `fromIso` is refused
 * with `DATE.ORDER` rather than answered with a negative count nobody defined.
 */
export function fullMonthsBetween(fromIso: string, toIso: string): number {
  const from = parseIsoDate(fromIso, '起始日期');
  const to = parseIsoDate(toIso, '截止日期');
  if (toEpochDay(to) < toEpochDay(from)) {
    throw invalid('DATE.ORDER', `截止日期 ${toIso} 早于起始日期 ${fromIso}`, { fromIso, toIso });
  }
  let n = (to.year - from.year) * 12 + (to.month - from.month);
  // The candidate overshoots by at most one month, when the day of month has not been reached yet.
  if (n > 0 && compareIsoDate(addMonths(fromIso, n), toIso) > 0) n -= 1;
  return n;
}

/**
 * Whole years elapsed (周岁 style): the largest n with the n-th anniversary ≤ `toIso`; an anniversary of 02-29
 * falls on 02-28 in a common year. §3: 初创期 when fewer than 3 full years have passed since establishment.
 */
export function yearsBetweenFull(fromIso: string, toIso: string): number {
  return Math.floor(fullMonthsBetween(fromIso, toIso) / 12);
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function dayOfWeek(iso: string): IsoWeekday {
  const jsDay = new Date(toEpochDay(parseIsoDate(iso)) * MS_PER_DAY).getUTCDay(); // 0 = Sunday
  return (jsDay === 0 ? 7 : jsDay) as IsoWeekday;
}

/** The calendar month of a date as 'YYYY-MM' (the key of a monthly claim or KPI). */
export function monthOf(iso: string): string {
  parseIsoDate(iso);
  return iso.slice(0, 7);
}

/**
 * Number of days in a month, given as 'YYYY-MM', as a full 'YYYY-MM-DD' date, or as (year, month 1–12).
 */
export function daysInMonth(yearMonth: string): number;
export function daysInMonth(year: number, month: number): number;
export function daysInMonth(a: string | number, b?: number): number {
  let year: number;
  let month: number;
  if (typeof a === 'string') {
    const ym = YEAR_MONTH.exec(a);
    if (ym) {
      year = Number(ym[1]);
      month = Number(ym[2]);
    } else {
      ({ year, month } = parseIsoDate(a, '月份'));
    }
  } else {
    year = a;
    month = b ?? Number.NaN;
  }
  if (
    !Number.isInteger(year) ||
    year < 0 ||
    year > 9999 ||
    !Number.isInteger(month) ||
    month < 1 ||
    month > 12
  ) {
    throw invalid(
      'DATE.INVALID',
      `月份应为 YYYY-MM（如 2025-02），收到 ${typeof a === 'string' ? a : `${a}-${String(b)}`}`,
      {
        value: typeof a === 'string' ? a : `${a}-${String(b)}`,
      },
    );
  }
  return monthLength(year, month);
}
