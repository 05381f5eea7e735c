import Decimal from 'decimal.js';
import { z } from 'zod';
import { IsoDate, parseIsoDate } from '../dates';
import { invalid } from '../errors';

/**
 * Percentage rates as exact decimal strings ('3.95' means 3.95%), never JavaScript floats (domain-rules.md §4).
 *
 * Accepted: plain decimal notation with a dot, 0 ≤ rate ≤ 100, at most 10 decimal places once trailing zeros are
 * dropped ('3.95', '4', '3.950'). Refused: '3,95', '-1', '.5', '1e2', '', ' 3.95', '101'. The decimal-place limit
 * keeps every later division exact enough that rounding to the fen is never decided by a precision artefact.
 */
const RATE_PATTERN = /^\d+(?:\.\d+)?$/;
const MAX_RATE_DECIMALS = 10;

/** Working precision for funding maths: far above what rates ≤ 100 with ≤ 10 decimals and safe-integer fen need. */
export const FundingDecimal = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_UP });

function rateProblem(value: unknown): string | null {
  if (typeof value !== 'string' || !RATE_PATTERN.test(value))
    return '应为小数形式的百分比数值，如 3.95（表示 3.95%）';
  const d = new FundingDecimal(value);
  if (d.gt(100)) return '不能超过 100（%）';
  if (d.decimalPlaces() > MAX_RATE_DECIMALS) return `最多保留 ${MAX_RATE_DECIMALS} 位小数`;
  return null;
}

/** zod schema for a percentage rate field (an LPR entry, a contract rate, a share). */
export const RatePct = z
  .string()
  .refine((v) => rateProblem(v) === null, { message: '利率应为 0–100 之间的小数，如 3.95（表示 3.95%）' });
export type RatePct = z.infer<typeof RatePct>;

/**
 * Parses a percentage string into an exact decimal; anything else throws `code` (default `FUNDING.INVALID_RATE`)
 * with a message naming `field`.
 */
export function parseRatePct(value: unknown, field: string, code = 'FUNDING.INVALID_RATE'): Decimal {
  const problem = rateProblem(value);
  if (problem !== null) {
    const shown = typeof value === 'string' ? `“${value}”` : String(value);
    throw invalid(code, `${field}${problem}，收到 ${shown}`, {
      field,
      value: typeof value === 'string' ? value : String(value),
    });
  }
  return new FundingDecimal(value as string);
}

/** A rate as a normalised string with at least two decimals: 2 → '2.00', 3.950 → '3.95', 3.9525 → '3.9525'. */
export function formatRatePct(rate: Decimal): string {
  return rate.toFixed(Math.max(2, rate.decimalPlaces()));
}

/** One change of the 1-year LPR: the rate published on `effectiveOn`, in force until the next entry. */
export const LprEntry = z.object({ effectiveOn: IsoDate, ratePct: RatePct });
export type LprEntry = z.infer<typeof LprEntry>;

/**
 * 1-year Loan Prime Rate (贷款市场报价利率, LPR) at each change since the reform of 中国人民银行公告〔2019〕第15号,
 * as published by 全国银行间同业拆借中心 (domain-rules.md §4). Months without a change have no entry. Held as data
 * so an administrator can add a new quotation (validated by `LprEntry`) without a code change.
 */
export const LPR_1Y_HISTORY: readonly LprEntry[] = [
  { effectiveOn: '2019-08-20', ratePct: '4.25' },
  { effectiveOn: '2019-09-20', ratePct: '4.20' },
  { effectiveOn: '2019-11-20', ratePct: '4.15' },
  { effectiveOn: '2020-02-20', ratePct: '4.05' },
  { effectiveOn: '2020-04-20', ratePct: '3.85' },
  { effectiveOn: '2021-12-20', ratePct: '3.80' },
  { effectiveOn: '2022-01-20', ratePct: '3.70' },
  { effectiveOn: '2022-08-22', ratePct: '3.65' },
  { effectiveOn: '2023-06-20', ratePct: '3.55' },
  { effectiveOn: '2023-08-21', ratePct: '3.45' },
  { effectiveOn: '2024-07-22', ratePct: '3.35' },
  { effectiveOn: '2024-10-21', ratePct: '3.10' },
  { effectiveOn: '2025-05-20', ratePct: '3.00' },
];

function validateTable(table: readonly LprEntry[]): void {
  const seen = new Set<string>();
  table.forEach((entry, i) => {
    const parsed = LprEntry.safeParse(entry);
    if (!parsed.success) {
      throw invalid(
        'FUNDING.LPR_TABLE_INVALID',
        `LPR 表第 ${i + 1} 行有误：${parsed.error.issues.map((x) => x.message).join('；')}`,
        {
          index: i,
        },
      );
    }
    if (seen.has(entry.effectiveOn)) {
      throw invalid('FUNDING.LPR_TABLE_INVALID', `LPR 表中 ${entry.effectiveOn} 出现了不止一次`, {
        effectiveOn: entry.effectiveOn,
      });
    }
    seen.add(entry.effectiveOn);
  });
}

/**
 * The 1-year LPR in force on `date`: the latest entry published on or before it (§4: a rate published on the
 * signing day applies). The table need not be sorted. A date before the first entry throws `FUNDING.LPR_NOT_FOUND`.
 * The returned rate is normalised (`formatRatePct`).
 */
export function lprOn(date: string, table: readonly LprEntry[] = LPR_1Y_HISTORY): LprEntry {
  parseIsoDate(date, '查询 LPR 的日期');
  validateTable(table);
  let found: LprEntry | undefined;
  for (const entry of table) {
    // 'YYYY-MM-DD' strings order like the dates they name.
    if (entry.effectiveOn <= date && (found === undefined || entry.effectiveOn > found.effectiveOn))
      found = entry;
  }
  if (found === undefined) {
    const first = table.map((e) => e.effectiveOn).sort()[0];
    throw invalid(
      'FUNDING.LPR_NOT_FOUND',
      first === undefined
        ? `LPR 表为空，无法确定 ${date} 适用的 1 年期 LPR`
        : `${date} 早于 LPR 表中最早的报价日 ${first}，无法确定当日适用的 1 年期 LPR`,
      { date, firstEffectiveOn: first ?? null },
    );
  }
  return { effectiveOn: found.effectiveOn, ratePct: formatRatePct(new FundingDecimal(found.ratePct)) };
}

/**
 * The effective LPR table: the bundled history with the administrator's entries merged in (domain-rules.md §4).
 * `added` must be in strictly increasing `effectiveOn` order (as read from the database) with exact decimal rates;
 * an added entry on a date the bundled history already has replaces it (a correction, audited by the service).
 * The result is sorted by date with normalised rates. Anything malformed throws `FUNDING.LPR_TABLE_INVALID`.
 */
export function mergeLprTables(bundled: readonly LprEntry[], added: readonly LprEntry[]): LprEntry[] {
  validateTable(bundled);
  validateTable(added);
  added.forEach((entry, i) => {
    const previous = added[i - 1];
    if (previous !== undefined && previous.effectiveOn >= entry.effectiveOn) {
      throw invalid(
        'FUNDING.LPR_TABLE_INVALID',
        `录入的 LPR 报价日应按时间先后排列：${entry.effectiveOn} 排在 ${previous.effectiveOn} 之后`,
        { effectiveOn: entry.effectiveOn, previous: previous.effectiveOn },
      );
    }
  });
  const byDate = new Map<string, LprEntry>();
  for (const entry of [...bundled, ...added]) byDate.set(entry.effectiveOn, entry);
  return [...byDate.values()]
    .sort((a, b) => (a.effectiveOn < b.effectiveOn ? -1 : 1))
    .map((e) => ({ effectiveOn: e.effectiveOn, ratePct: formatRatePct(new FundingDecimal(e.ratePct)) }));
}
