import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  assertIsoDate,
  compareIsoDate,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  fullMonthsBetween,
  isIsoDate,
  IsoDate,
  monthOf,
  parseIsoDate,
  yearsBetweenFull,
} from './dates';
import { DomainError } from './errors';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return undefined;
}

const isoDateArb = fc
  .date({ min: new Date(Date.UTC(1901, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('isIsoDate', () => {
  it('accepts real dates written as YYYY-MM-DD, leap days included', () => {
    for (const s of ['2025-03-15', '2024-02-29', '2000-02-29', '1999-12-31', '0001-01-01', '9999-12-31']) {
      expect(isIsoDate(s), s).toBe(true);
    }
  });

  it('refuses impossible dates and other spellings', () => {
    for (const s of [
      '2025-02-30',
      '2025-2-3',
      '2023-02-29',
      '1900-02-29',
      '2025-13-01',
      '2025-00-10',
      '2025-01-00',
      '2025/01/01',
      '20250101',
      '2025-01-01T00:00:00Z',
      ' 2025-01-01',
      '',
    ]) {
      expect(isIsoDate(s), s).toBe(false);
    }
    expect(isIsoDate(20250101)).toBe(false);
    expect(isIsoDate(null)).toBe(false);
  });
});

describe('assertIsoDate', () => {
  it('throws DATE.INVALID naming the field, with the expected format in Chinese', () => {
    const fn = () => assertIsoDate('2025-02-30', '合同签订日期');
    expect(fn).toThrowError(DomainError);
    expect(fn).toThrowError(/合同签订日期：日期格式应为 YYYY-MM-DD/);
    expect(codeOf(fn)).toBe('DATE.INVALID');
    try {
      fn();
    } catch (e) {
      expect((e as DomainError).kind).toBe('invalid');
      expect((e as DomainError).details).toEqual({ field: '合同签订日期', value: '2025-02-30' });
    }
  });

  it('lets a valid date through', () => {
    expect(() => assertIsoDate('2025-03-15', 'x')).not.toThrow();
  });

  it('the zod schema IsoDate agrees with isIsoDate', () => {
    expect(IsoDate.safeParse('2024-02-29').success).toBe(true);
    expect(IsoDate.safeParse('2025-2-3').success).toBe(false);
  });
});

describe('daysBetween counts the first day and not the last (算头不算尾)', () => {
  it('counts a year from 2024-03-15 as 365 days and one across a leap day as 366', () => {
    expect(daysBetween('2024-03-15', '2025-03-15')).toBe(365);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-03-15', '2025-03-15')).toBe(0);
    expect(daysBetween('2025-03-16', '2025-03-15')).toBe(-1);
  });

  it('is not shifted by daylight-saving or time-zone boundaries', () => {
    expect(daysBetween('2024-03-09', '2024-03-11')).toBe(2);
    expect(daysBetween('1969-12-31', '1970-01-01')).toBe(1);
  });

  it('handles years below 100 that Date.UTC would map to the 1900s', () => {
    expect(daysBetween('0099-12-31', '0100-01-01')).toBe(1);
    expect(daysBetween('0000-01-01', '0400-01-01')).toBe(146_097);
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
  });

  it('refuses malformed dates with DATE.INVALID', () => {
    expect(codeOf(() => daysBetween('2025-02-30', '2025-03-01'))).toBe('DATE.INVALID');
    expect(codeOf(() => daysBetween('2025-02-01', '2025-3-1'))).toBe('DATE.INVALID');
  });

  test.prop([isoDateArb, fc.integer({ min: -5000, max: 5000 })])(
    'addDays and daysBetween are inverses',
    (d, n) => {
      expect(daysBetween(d, addDays(d, n))).toBe(n);
    },
  );
});

describe('addDays', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
  });

  it('refuses a fractional count and results beyond year 9999', () => {
    expect(codeOf(() => addDays('2025-01-01', 1.5))).toBe('DATE.INVALID_COUNT');
    expect(codeOf(() => addDays('9999-12-31', 1))).toBe('DATE.INVALID');
  });
});

describe('compareIsoDate', () => {
  it('orders dates and sorts an array', () => {
    expect(compareIsoDate('2025-01-01', '2025-01-02')).toBe(-1);
    expect(compareIsoDate('2025-01-02', '2025-01-02')).toBe(0);
    expect(compareIsoDate('2025-10-02', '2025-01-02')).toBe(1);
    expect(['2025-03-01', '2024-12-31', '2025-01-15'].sort(compareIsoDate)).toEqual([
      '2024-12-31',
      '2025-01-15',
      '2025-03-01',
    ]);
  });

  it('refuses a malformed operand', () => {
    expect(codeOf(() => compareIsoDate('2025-01-01', '2025-1-1'))).toBe('DATE.INVALID');
  });
});

describe('addMonths uses the month-end rule (民法典第二百零二条)', () => {
  it('moves to the last day when the target month is shorter', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-11-15', 3)).toBe('2025-02-15');
  });
});

describe('fullMonthsBetween', () => {
  it('completes a month on the corresponding day of the next month', () => {
    expect(fullMonthsBetween('2024-01-15', '2024-02-14')).toBe(0);
    expect(fullMonthsBetween('2024-01-15', '2024-02-15')).toBe(1);
    expect(fullMonthsBetween('2024-01-15', '2027-01-14')).toBe(35);
    expect(fullMonthsBetween('2024-01-15', '2027-01-15')).toBe(36);
    expect(fullMonthsBetween('2025-06-01', '2025-06-01')).toBe(0);
  });

  it('completes a month that starts on the 31st at the end of a shorter month', () => {
    expect(fullMonthsBetween('2024-01-31', '2024-02-28')).toBe(0);
    expect(fullMonthsBetween('2024-01-31', '2024-02-29')).toBe(1);
    expect(fullMonthsBetween('2024-01-31', '2024-03-30')).toBe(1);
    expect(fullMonthsBetween('2024-01-31', '2024-03-31')).toBe(2);
  });

  it('refuses an end before the start with DATE.ORDER', () => {
    expect(codeOf(() => fullMonthsBetween('2025-02-01', '2025-01-31'))).toBe('DATE.ORDER');
  });

  test.prop([isoDateArb, isoDateArb])('is the largest n with addMonths(from, n) ≤ to', (a, b) => {
    const [from, to] = compareIsoDate(a, b) <= 0 ? [a, b] : [b, a];
    const n = fullMonthsBetween(from, to);
    expect(n).toBeGreaterThanOrEqual(0);
    expect(compareIsoDate(addMonths(from, n), to)).toBeLessThanOrEqual(0);
    expect(compareIsoDate(addMonths(from, n + 1), to)).toBe(1);
  });
});

describe('yearsBetweenFull', () => {
  it('counts full years like 周岁', () => {
    expect(yearsBetweenFull('2021-06-15', '2024-06-14')).toBe(2);
    expect(yearsBetweenFull('2021-06-15', '2024-06-15')).toBe(3);
    expect(yearsBetweenFull('2016-06-15', '2024-06-14')).toBe(7);
  });

  it('puts the anniversary of 29 February on 28 February in a common year', () => {
    expect(yearsBetweenFull('2020-02-29', '2021-02-27')).toBe(0);
    expect(yearsBetweenFull('2020-02-29', '2021-02-28')).toBe(1);
    expect(yearsBetweenFull('2020-02-29', '2024-02-28')).toBe(3);
    expect(yearsBetweenFull('2020-02-29', '2024-02-29')).toBe(4);
  });
});

describe('dayOfWeek', () => {
  it('returns the ISO weekday, Monday = 1 and Sunday = 7', () => {
    expect(dayOfWeek('2025-09-26')).toBe(5); // Friday
    expect(dayOfWeek('2025-09-27')).toBe(6);
    expect(dayOfWeek('2025-09-28')).toBe(7);
    expect(dayOfWeek('2025-09-29')).toBe(1);
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('0001-01-01')).toBe(1);
  });
});

describe('monthOf and daysInMonth', () => {
  it('keys a date by its YYYY-MM month', () => {
    expect(monthOf('2025-02-14')).toBe('2025-02');
    expect(codeOf(() => monthOf('2025-02-30'))).toBe('DATE.INVALID');
  });

  it('knows February in leap and common years', () => {
    expect(daysInMonth('2024-02')).toBe(29);
    expect(daysInMonth('2025-02')).toBe(28);
    expect(daysInMonth('1900-02')).toBe(28);
    expect(daysInMonth('2000-02')).toBe(29);
    expect(daysInMonth(2025, 4)).toBe(30);
    expect(daysInMonth('2025-12-05')).toBe(31);
  });

  it('refuses a month that does not exist', () => {
    expect(codeOf(() => daysInMonth('2025-13'))).toBe('DATE.INVALID');
    expect(codeOf(() => daysInMonth(2025, 0))).toBe('DATE.INVALID');
    expect(codeOf(() => daysInMonth('2025-2'))).toBe('DATE.INVALID');
  });
});

describe('parseIsoDate', () => {
  it('returns the parts of a valid date', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
  });
});
