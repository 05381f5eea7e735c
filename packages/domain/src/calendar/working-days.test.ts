import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { addDays } from '../dates';
import { DomainError } from '../errors';
import {
  addWorkingDays,
  calendarYears,
  DEFAULT_CALENDAR,
  extendCalendar,
  isWorkingDay,
  workingDaysBetween,
  YearSchedule,
} from './working-days';

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

// The 2027 arrangement is not published yet; this one is invented for the tests (a Sunday workday included).
const schedule2027 = {
  year: 2027,
  holidays: [
    '2027-01-01',
    '2027-01-02',
    '2027-01-03',
    '2027-02-06',
    '2027-02-07',
    '2027-02-08',
    '2027-02-09',
    '2027-02-10',
    '2027-02-11',
    '2027-02-12',
    '2027-02-13',
  ],
  workdays: ['2027-02-14', '2027-02-20'],
};

describe('isWorkingDay', () => {
  it('treats the National Day block as days off and its 调休 weekends as working days', () => {
    expect(isWorkingDay('2025-09-28')).toBe(true); // Sunday, 调休上班
    expect(isWorkingDay('2025-10-01')).toBe(false);
    expect(isWorkingDay('2025-10-08')).toBe(false); // Wednesday inside the block
    expect(isWorkingDay('2025-10-09')).toBe(true);
    expect(isWorkingDay('2025-10-11')).toBe(true); // Saturday, 调休上班
    expect(isWorkingDay('2025-10-12')).toBe(false); // ordinary Sunday
  });

  it('treats an ordinary weekday as a working day and an ordinary weekend as not', () => {
    expect(isWorkingDay('2025-03-14')).toBe(true);
    expect(isWorkingDay('2025-03-15')).toBe(false);
  });

  it('refuses a year without a published schedule instead of guessing Monday–Friday', () => {
    const e = errorOf(() => isWorkingDay('2027-03-01'));
    expect(e.code).toBe('CALENDAR.YEAR_NOT_COVERED');
    expect(e.kind).toBe('invalid');
    expect(e.message).toMatch(/^尚未录入 2027 年的法定节假日安排/);
    expect(e.details).toMatchObject({ year: 2027, coveredYears: [2022, 2023, 2024, 2025, 2026] });
    expect(errorOf(() => isWorkingDay('2021-12-31')).code).toBe('CALENDAR.YEAR_NOT_COVERED');
  });

  it('refuses a malformed date', () => {
    expect(errorOf(() => isWorkingDay('2025-2-3')).code).toBe('DATE.INVALID');
  });
});

describe('addWorkingDays does not count the start day', () => {
  it('ends 5 working days after Fri 2025-09-26 on 2025-10-10 (Sun 9/28 works, 10/1–10/8 off)', () => {
    expect(addWorkingDays('2025-09-26', 5)).toBe('2025-10-10');
  });

  it('ends 5 working days after Fri 2025-01-24 on 2025-02-07, across the Spring Festival', () => {
    expect(addWorkingDays('2025-01-24', 5)).toBe('2025-02-07');
  });

  it('returns the start date itself for zero days, even on a holiday', () => {
    expect(addWorkingDays('2025-10-01', 0)).toBe('2025-10-01');
  });

  it('moves from a Friday to the next Monday for one day in an ordinary week', () => {
    expect(addWorkingDays('2025-03-14', 1)).toBe('2025-03-17');
  });

  it('refuses to walk into a year that is not covered', () => {
    const e = errorOf(() => addWorkingDays('2026-12-28', 10));
    expect(e.code).toBe('CALENDAR.YEAR_NOT_COVERED');
    expect(e.message).toContain('2027');
  });

  it('refuses a negative or fractional count', () => {
    expect(errorOf(() => addWorkingDays('2025-03-14', -1)).code).toBe('CALENDAR.INVALID_COUNT');
    expect(errorOf(() => addWorkingDays('2025-03-14', 1.5)).code).toBe('CALENDAR.INVALID_COUNT');
  });

  const coveredDate = fc.integer({ min: 0, max: 1700 }).map((n) => addDays('2022-01-01', n));
  test.prop([coveredDate, fc.integer({ min: 0, max: 60 })])(
    'lands on a working day that workingDaysBetween counts back to n',
    (d, n) => {
      const end = addWorkingDays(d, n);
      expect(workingDaysBetween(d, end)).toBe(n);
      if (n > 0) expect(isWorkingDay(end)).toBe(true);
    },
  );
});

describe('workingDaysBetween', () => {
  it('counts working days after the start up to and including the end', () => {
    expect(workingDaysBetween('2025-09-26', '2025-10-10')).toBe(5);
    expect(workingDaysBetween('2025-03-14', '2025-03-14')).toBe(0);
    expect(workingDaysBetween('2025-03-14', '2025-03-16')).toBe(0);
    expect(workingDaysBetween('2025-03-14', '2025-03-21')).toBe(5);
  });

  it('refuses an end before the start', () => {
    expect(errorOf(() => workingDaysBetween('2025-03-21', '2025-03-14')).code).toBe('DATE.ORDER');
  });
});

describe('extendCalendar', () => {
  it('adds a newly published year as data', () => {
    const calendar = extendCalendar(DEFAULT_CALENDAR, schedule2027);
    expect(calendarYears(calendar)).toEqual([2022, 2023, 2024, 2025, 2026, 2027]);
    expect(isWorkingDay('2027-02-08', calendar)).toBe(false); // Monday in the invented Spring Festival block
    expect(isWorkingDay('2027-02-14', calendar)).toBe(true); // Sunday 调休
    expect(isWorkingDay('2027-03-01', calendar)).toBe(true);
    expect(addWorkingDays('2026-12-28', 10, calendar)).toBe('2027-01-12');
  });

  it('leaves the calendar it extends unchanged', () => {
    extendCalendar(DEFAULT_CALENDAR, schedule2027);
    expect(calendarYears(DEFAULT_CALENDAR)).toEqual([2022, 2023, 2024, 2025, 2026]);
    expect(calendarYears()).toEqual([2022, 2023, 2024, 2025, 2026]);
  });

  it('replaces a year that is entered again (an amended arrangement)', () => {
    const amended = extendCalendar(DEFAULT_CALENDAR, { year: 2025, holidays: ['2025-03-14'], workdays: [] });
    expect(isWorkingDay('2025-03-14', amended)).toBe(false);
    expect(isWorkingDay('2025-10-01', amended)).toBe(true);
  });

  it('refuses a schedule with a date outside its year, a weekday 调休, a date both off and on, or a bad date', () => {
    const bad = (s: YearSchedule) => errorOf(() => extendCalendar(DEFAULT_CALENDAR, s));
    expect(bad({ year: 2027, holidays: ['2027-06-31'], workdays: [] }).code).toBe(
      'CALENDAR.INVALID_SCHEDULE',
    );
    expect(bad({ year: 2027, holidays: ['2025-10-01'], workdays: [] }).message).toContain('不属于 2027 年');
    expect(bad({ year: 2027, holidays: [], workdays: ['2027-03-01'] }).message).toContain('不是周六或周日');
    expect(bad({ year: 2027, holidays: ['2027-02-14'], workdays: ['2027-02-14'] }).message).toContain(
      '不能同时',
    );
    expect(bad({ year: 2027.5, holidays: [], workdays: [] }).code).toBe('CALENDAR.INVALID_SCHEDULE');
  });

  it("accepts a late-December date in the next year's notice, as the 2023 元旦 block began on 2022-12-31", () => {
    const calendar = extendCalendar(DEFAULT_CALENDAR, {
      year: 2027,
      holidays: ['2026-12-31', '2027-01-01'],
      workdays: [],
    });
    expect(isWorkingDay('2026-12-31', calendar)).toBe(false);
  });

  it('refuses neighbouring schedules that disagree about a date', () => {
    // Sun 2026-12-27 entered as a day off for 2026, then as a 调休 workday by the 2027 notice.
    const amended2026 = extendCalendar(DEFAULT_CALENDAR, {
      ...DEFAULT_CALENDAR.schedules.get(2026)!,
      holidays: ['2026-12-27'],
    });
    const e = errorOf(() =>
      extendCalendar(amended2026, { year: 2027, holidays: [], workdays: ['2026-12-27'] }),
    );
    expect(e.code).toBe('CALENDAR.CONFLICT');
    expect(e.message).toContain('2026-12-27');
  });

  it('exposes its zod schema for the admin form', () => {
    expect(YearSchedule.safeParse(schedule2027).success).toBe(true);
    expect(YearSchedule.safeParse({ year: 2027, holidays: ['2027-2-1'], workdays: [] }).success).toBe(false);
  });
});
