import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { formatRatePct, LPR_1Y_HISTORY, LprEntry, lprOn, mergeLprTables, parseRatePct, RatePct } from './lpr';

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('lprOn', () => {
  it('finds 3.45% for a contract signed on 2024-03-15 (the §4 worked example)', () => {
    expect(lprOn('2024-03-15')).toEqual({ effectiveOn: '2023-08-21', ratePct: '3.45' });
  });

  it('applies a rate published on the day itself', () => {
    expect(lprOn('2024-07-22').ratePct).toBe('3.35');
    expect(lprOn('2024-07-21').ratePct).toBe('3.45');
    expect(lprOn('2019-08-20').ratePct).toBe('4.25');
  });

  it('keeps the latest rate after the last change', () => {
    expect(lprOn('2026-06-30')).toEqual({ effectiveOn: '2025-05-20', ratePct: '3.00' });
  });

  it('refuses a date before the first quotation of the reformed LPR', () => {
    const e = errorOf(() => lprOn('2019-08-19'));
    expect(e.code).toBe('FUNDING.LPR_NOT_FOUND');
    expect(e.message).toContain('2019-08-20');
  });

  it('uses an administrator-extended table, whatever its order', () => {
    const table = [{ effectiveOn: '2026-01-20', ratePct: '2.9' }, ...LPR_1Y_HISTORY].reverse();
    expect(lprOn('2026-01-20', table)).toEqual({ effectiveOn: '2026-01-20', ratePct: '2.90' });
    expect(lprOn('2026-01-19', table).ratePct).toBe('3.00');
  });

  it('refuses a table with a bad entry or a duplicated date', () => {
    expect(errorOf(() => lprOn('2025-01-01', [{ effectiveOn: '2025-1-1', ratePct: '3' }])).code).toBe(
      'FUNDING.LPR_TABLE_INVALID',
    );
    expect(errorOf(() => lprOn('2025-01-01', [{ effectiveOn: '2025-01-01', ratePct: '3,1' }])).code).toBe(
      'FUNDING.LPR_TABLE_INVALID',
    );
    const duplicated = [
      { effectiveOn: '2025-01-01', ratePct: '3.1' },
      { effectiveOn: '2025-01-01', ratePct: '3.2' },
    ];
    expect(errorOf(() => lprOn('2025-06-01', duplicated)).code).toBe('FUNDING.LPR_TABLE_INVALID');
    expect(errorOf(() => lprOn('2025-06-01', [])).code).toBe('FUNDING.LPR_NOT_FOUND');
  });

  it('refuses a malformed date', () => {
    expect(errorOf(() => lprOn('2024-3-15')).code).toBe('DATE.INVALID');
  });

  it('bundles a history whose every entry is a valid LprEntry, in date order', () => {
    for (const e of LPR_1Y_HISTORY) expect(LprEntry.safeParse(e).success).toBe(true);
    const dates = LPR_1Y_HISTORY.map((e) => e.effectiveOn);
    expect([...dates].sort()).toEqual(dates);
    expect(LPR_1Y_HISTORY).toHaveLength(13);
  });
});

describe('rate strings', () => {
  it('accepts plain decimals from 0 to 100', () => {
    for (const v of ['3.95', '4', '3.950', '0', '100', '100.00', '0.0000000001'])
      expect(RatePct.safeParse(v).success, v).toBe(true);
  });

  it('refuses commas, signs, exponents, blanks, more than 100 and more than 10 decimals', () => {
    for (const v of ['3,95', '-1', '+1', 'abc', '', ' 3.95', '.5', '4.', '1e2', '100.01', '3.12345678901']) {
      expect(RatePct.safeParse(v).success, v).toBe(false);
      expect(errorOf(() => parseRatePct(v, '合同利率')).code).toBe('FUNDING.INVALID_RATE');
    }
  });

  it('names the field in the message and can carry another code', () => {
    const e = errorOf(() => parseRatePct('3,95', '贷款合同利率'));
    expect(e.message).toMatch(/^贷款合同利率/);
    expect(errorOf(() => parseRatePct('x', '贴息比例', 'FUNDING.INVALID_SHARE')).code).toBe(
      'FUNDING.INVALID_SHARE',
    );
  });

  it('formats with at least two decimals and no trailing zeros beyond them', () => {
    expect(formatRatePct(parseRatePct('2', 'r'))).toBe('2.00');
    expect(formatRatePct(parseRatePct('3.950', 'r'))).toBe('3.95');
    expect(formatRatePct(parseRatePct('3.9525', 'r'))).toBe('3.9525');
  });
});

describe('mergeLprTables', () => {
  it('appends an administrator entry and lprOn applies it from its effective day', () => {
    const table = mergeLprTables(LPR_1Y_HISTORY, [{ effectiveOn: '2026-12-21', ratePct: '2.8' }]);
    expect(table).toHaveLength(14);
    expect(table.at(-1)).toEqual({ effectiveOn: '2026-12-21', ratePct: '2.80' });
    expect(lprOn('2026-12-21', table).ratePct).toBe('2.80');
    expect(lprOn('2026-12-20', table).ratePct).toBe('3.00');
  });

  it('lets an entered rate on a bundled date correct it, and keeps the result in date order', () => {
    const table = mergeLprTables(LPR_1Y_HISTORY, [
      { effectiveOn: '2024-07-22', ratePct: '3.36' },
      { effectiveOn: '2026-01-20', ratePct: '2.95' },
    ]);
    expect(table).toHaveLength(14);
    expect(lprOn('2024-07-22', table).ratePct).toBe('3.36');
    const dates = table.map((e) => e.effectiveOn);
    expect([...dates].sort()).toEqual(dates);
  });

  it('leaves the bundled history unchanged', () => {
    mergeLprTables(LPR_1Y_HISTORY, [{ effectiveOn: '2026-12-21', ratePct: '2.8' }]);
    expect(LPR_1Y_HISTORY).toHaveLength(13);
  });

  it('refuses added entries out of date order, duplicated, with an inexact rate or a malformed date', () => {
    const bad = (added: LprEntry[]) => errorOf(() => mergeLprTables(LPR_1Y_HISTORY, added));
    const outOfOrder = bad([
      { effectiveOn: '2026-12-21', ratePct: '2.8' },
      { effectiveOn: '2026-11-20', ratePct: '2.9' },
    ]);
    expect(outOfOrder.code).toBe('FUNDING.LPR_TABLE_INVALID');
    expect(outOfOrder.message).toContain('按时间先后');
    expect(
      bad([
        { effectiveOn: '2026-12-21', ratePct: '2.8' },
        { effectiveOn: '2026-12-21', ratePct: '2.9' },
      ]).code,
    ).toBe('FUNDING.LPR_TABLE_INVALID');
    expect(bad([{ effectiveOn: '2026-12-21', ratePct: '2.8e0' }]).code).toBe('FUNDING.LPR_TABLE_INVALID');
    expect(bad([{ effectiveOn: '2026-12-21', ratePct: '2,8' }]).code).toBe('FUNDING.LPR_TABLE_INVALID');
    expect(bad([{ effectiveOn: '2026-2-1', ratePct: '2.8' }]).code).toBe('FUNDING.LPR_TABLE_INVALID');
  });
});
