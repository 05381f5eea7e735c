import { z } from 'zod';
import { addDays, compareIsoDate, dayOfWeek, IsoDate, isIsoDate, parseIsoDate } from '../dates';
import { invalid } from '../errors';
import { CN_HOLIDAY_SCHEDULES } from './cn-holidays';

/**
 * Working days under China's official holiday arrangements (domain-rules.md §9). Holidays move and some weekends are
 * working days (调休), so a working day is a fact from the yearly State Council schedule, never Monday–Friday alone.
 * A date in a year whose schedule has not been entered is refused (`CALENDAR.YEAR_NOT_COVERED`) instead of guessed:
 * a guessed 公示 deadline (§8) could release a payment early.
 */

/** Dates a notice may reach outside its own year: the 元旦 block can start in late December (2022-12-31 in 2023). */
function isWithinScheduleReach(date: string, year: number): boolean {
  const { year: y, month } = parseIsoDate(date);
  return y === year || (y === year - 1 && month === 12) || (y === year + 1 && month === 1);
}

/**
 * One year's published arrangement, as an administrator enters it from the State Council notice:
 * `holidays` = days off in the arrangement (a weekend day inside a holiday block may be listed or not),
 * `workdays` = Saturdays/Sundays that are working days (调休上班).
 */
export const YearSchedule = z
  .object({
    year: z.number().int().min(1949).max(9999),
    holidays: z.array(IsoDate),
    workdays: z.array(IsoDate),
  })
  .superRefine((s, ctx) => {
    const holidays = new Set(s.holidays);
    s.holidays.forEach((d, i) => {
      if (isIsoDate(d) && !isWithinScheduleReach(d, s.year)) {
        ctx.addIssue({
          code: 'custom',
          path: ['holidays', i],
          message: `放假日期 ${d} 不属于 ${s.year} 年的放假安排`,
        });
      }
    });
    s.workdays.forEach((d, i) => {
      if (!isIsoDate(d)) return;
      if (!isWithinScheduleReach(d, s.year)) {
        ctx.addIssue({
          code: 'custom',
          path: ['workdays', i],
          message: `调休上班日期 ${d} 不属于 ${s.year} 年的放假安排`,
        });
      } else if (dayOfWeek(d) < 6) {
        // A Monday–Friday is a working day anyway; listing one is almost certainly a typo for another date.
        ctx.addIssue({
          code: 'custom',
          path: ['workdays', i],
          message: `调休上班日期 ${d} 不是周六或周日，请核对通知原文`,
        });
      }
      if (holidays.has(d)) {
        ctx.addIssue({ code: 'custom', path: ['workdays', i], message: `${d} 不能同时是放假日和调休上班日` });
      }
    });
  });
export type YearSchedule = z.infer<typeof YearSchedule>;

/** An immutable working-day calendar built from the yearly schedules it covers. Build new ones with `extendCalendar`. */
export interface WorkingDayCalendar {
  /** The entered schedule of each covered year. */
  readonly schedules: ReadonlyMap<number, YearSchedule>;
  /** Every listed day off, across all schedules. */
  readonly holidays: ReadonlySet<string>;
  /** Every listed weekend working day, across all schedules. */
  readonly workdays: ReadonlySet<string>;
}

function buildCalendar(schedules: ReadonlyMap<number, YearSchedule>): WorkingDayCalendar {
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  for (const s of schedules.values()) {
    for (const d of s.holidays) holidays.add(d);
    for (const d of s.workdays) workdays.add(d);
  }
  // Notices of neighbouring years can both name a December/January date; they must agree.
  for (const d of holidays) {
    if (workdays.has(d)) {
      throw invalid(
        'CALENDAR.CONFLICT',
        `${d} 在一年的安排中是放假日，在相邻年份的安排中却是调休上班日，请核对`,
        { date: d },
      );
    }
  }
  return { schedules, holidays, workdays };
}

/**
 * A new calendar with `yearSchedule` added: how an administrator enters next year's schedule once the State Council
 * publishes it (as data, like the LPR table). Re-entering a covered year replaces its schedule, because the State
 * Council has amended a published arrangement before (2020's Spring Festival extension).
 */
export function extendCalendar(calendar: WorkingDayCalendar, yearSchedule: YearSchedule): WorkingDayCalendar {
  const parsed = YearSchedule.safeParse(yearSchedule);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw invalid('CALENDAR.INVALID_SCHEDULE', `放假安排有误：${issues.map((i) => i.message).join('；')}`, {
      issues,
    });
  }
  const schedule: YearSchedule = {
    year: parsed.data.year,
    holidays: [...new Set(parsed.data.holidays)].sort(),
    workdays: [...new Set(parsed.data.workdays)].sort(),
  };
  const schedules = new Map(calendar.schedules);
  schedules.set(schedule.year, schedule);
  return buildCalendar(schedules);
}

const EMPTY_CALENDAR: WorkingDayCalendar = { schedules: new Map(), holidays: new Set(), workdays: new Set() };

/** The bundled calendar: the official arrangements of 2022–2026 (cn-holidays.ts). */
export const DEFAULT_CALENDAR: WorkingDayCalendar = CN_HOLIDAY_SCHEDULES.reduce(
  extendCalendar,
  EMPTY_CALENDAR,
);

/** The years a calendar covers, ascending. */
export function calendarYears(calendar: WorkingDayCalendar = DEFAULT_CALENDAR): number[] {
  return [...calendar.schedules.keys()].sort((a, b) => a - b);
}

function requireCovered(date: string, calendar: WorkingDayCalendar): void {
  const { year } = parseIsoDate(date);
  if (calendar.schedules.has(year)) return;
  const years = calendarYears(calendar);
  const covered = years.length === 0 ? '尚未录入任何年份' : `已录入 ${years.join('、')} 年`;
  throw invalid(
    'CALENDAR.YEAR_NOT_COVERED',
    `尚未录入 ${year} 年的法定节假日安排（${covered}），无法确定 ${date} 是否为工作日；请管理员按国务院办公厅公布的放假安排录入后再试`,
    { year, date, coveredYears: years },
  );
}

/** Whether `date` is a working day: a listed 调休 workday, or a Monday–Friday that is not a listed holiday. */
export function isWorkingDay(date: string, calendar: WorkingDayCalendar = DEFAULT_CALENDAR): boolean {
  parseIsoDate(date);
  requireCovered(date, calendar);
  if (calendar.workdays.has(date)) return true;
  if (calendar.holidays.has(date)) return false;
  return dayOfWeek(date) <= 5;
}

/**
 * The date on which `workingDays` working days have passed after `date`; the start day is not counted, as for a
 * 公示 period counted from the day after publication (§8): 5 working days after Fri 2025-09-26 end on 2025-10-10.
 * Zero returns `date` itself. Walking into a year without a schedule throws `CALENDAR.YEAR_NOT_COVERED`.
 */
export function addWorkingDays(
  date: string,
  workingDays: number,
  calendar: WorkingDayCalendar = DEFAULT_CALENDAR,
): string {
  parseIsoDate(date);
  if (!Number.isSafeInteger(workingDays) || workingDays < 0) {
    throw invalid('CALENDAR.INVALID_COUNT', `工作日数应为非负整数，收到 ${String(workingDays)}`, {
      workingDays,
    });
  }
  let current = date;
  let counted = 0;
  while (counted < workingDays) {
    current = addDays(current, 1);
    if (isWorkingDay(current, calendar)) counted += 1;
  }
  return current;
}

/**
 * Working days after `startIso` up to and including `endIso` (start not counted, end counted), the inverse of
 * addWorkingDays: workingDaysBetween(d, addWorkingDays(d, n)) === n. An end before the start is `DATE.ORDER`.
 */
export function workingDaysBetween(
  startIso: string,
  endIso: string,
  calendar: WorkingDayCalendar = DEFAULT_CALENDAR,
): number {
  if (compareIsoDate(startIso, endIso) > 0) {
    throw invalid('DATE.ORDER', `结束日期 ${endIso} 早于开始日期 ${startIso}`, { startIso, endIso });
  }
  let count = 0;
  for (let d = startIso; d !== endIso;) {
    d = addDays(d, 1);
    if (isWorkingDay(d, calendar)) count += 1;
  }
  return count;
}
