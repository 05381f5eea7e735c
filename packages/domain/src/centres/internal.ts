import { Decimal } from 'decimal.js';
import { addDays, compareIsoDate, daysBetween, daysInMonth } from '../dates';
import { invalid } from '../errors';
import type { AllocationSpan } from './allocations';

/**
 * Helpers internal to the centres module (not exported from the package): calendar months as 'YYYY-MM' strings (the
 * unit of a centre's KPIs and of a service claim, domain-rules.md §6), exact percentage arithmetic and day overlaps.
 * dates.ts owns day arithmetic.
 */
const YEAR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isYearMonth(s: unknown): s is string {
  return typeof s === 'string' && YEAR_MONTH.test(s);
}

export function assertYearMonth(s: unknown, field: string): asserts s is string {
  if (!isYearMonth(s)) {
    const shown = typeof s === 'string' ? `“${s}”` : `（${typeof s}）`;
    throw invalid('CENTRES.INVALID_MONTH', `${field}应为 YYYY-MM 格式的月份（如 2026-03），收到 ${shown}`, {
      field,
      value: typeof s === 'string' ? s : String(s),
    });
  }
}

/** First and last day (both inclusive) of a 'YYYY-MM' month. */
export function monthBounds(month: string): { first: string; last: string; days: number } {
  assertYearMonth(month, '月份');
  const days = daysInMonth(month);
  const first = `${month}-01`;
  return { first, last: addDays(first, days - 1), days };
}

/** Number of days of the 'YYYY-MM' month that the span covers (0 when it misses the month). */
export function spanDaysInMonth(span: AllocationSpan, month: string): number {
  const { first, last } = monthBounds(month);
  const from = compareIsoDate(span.startsOn, first) > 0 ? span.startsOn : first;
  const to = span.endsOn !== null && compareIsoDate(span.endsOn, last) < 0 ? span.endsOn : last;
  return Math.max(0, daysBetween(from, to) + 1);
}

/** The month `n` months after `month` (n ≥ 0). */
export function addMonthsToYearMonth(month: string, n: number): string {
  assertYearMonth(month, '月份');
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String(index - year * 12 + 1).padStart(2, '0')}`;
}

/** Percent with two decimals, truncated, from integers only. */
export function truncatedPct(numerator: number, denominator: number): string {
  if (denominator === 0) return '0.00';
  const hundredths = (BigInt(numerator) * 10_000n) / BigInt(denominator);
  const s = hundredths.toString().padStart(3, '0');
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
}

/** Exact: numerator / denominator ≥ pct / 100. An empty denominator never meets a threshold. */
export function meetsPct(numerator: number, denominator: number, pct: Decimal): boolean {
  if (denominator === 0) return false;
  return new Decimal(numerator).times(100).gte(pct.times(denominator));
}

export function parseThresholdPct(value: string | number, field: string): Decimal {
  const ok =
    (typeof value === 'string' && /^\d+(?:\.\d+)?$/.test(value)) ||
    (typeof value === 'number' && Number.isFinite(value));
  const d = ok ? new Decimal(value) : null;
  if (d === null || d.lt(0) || d.gt(100)) {
    throw invalid(
      'CENTRES.INVALID_THRESHOLD',
      `${field}应为 0–100 之间的百分比数值（如 30），收到 ${String(value)}`,
      {
        field,
        value: String(value),
      },
    );
  }
  return d;
}

export function requireDayCount(value: number, field: string, max: number): number {
  if (!Number.isSafeInteger(value) || value < 0 || value > max) {
    throw invalid('CENTRES.INVALID_RULE', `${field}应为 0–${max} 之间的整数，收到 ${String(value)}`, {
      field,
      value,
    });
  }
  return value;
}

/** Days of the month covered by both spans. */
export function sharedDaysInMonth(a: AllocationSpan, b: AllocationSpan, month: string): number {
  const startsOn = compareIsoDate(a.startsOn, b.startsOn) >= 0 ? a.startsOn : b.startsOn;
  let endsOn: string | null;
  if (a.endsOn === null) endsOn = b.endsOn;
  else if (b.endsOn === null) endsOn = a.endsOn;
  else endsOn = compareIsoDate(a.endsOn, b.endsOn) <= 0 ? a.endsOn : b.endsOn;
  if (endsOn !== null && compareIsoDate(endsOn, startsOn) < 0) return 0;
  return spanDaysInMonth({ startsOn, endsOn }, month);
}

/** Allocations per workstation id, in input order. */
export function groupByWorkstation<T extends { workstationId: number | string }>(
  allocations: readonly T[],
): Map<number | string, T[]> {
  const map = new Map<number | string, T[]>();
  for (const a of allocations) {
    const list = map.get(a.workstationId) ?? [];
    list.push(a);
    map.set(a.workstationId, list);
  }
  return map;
}
