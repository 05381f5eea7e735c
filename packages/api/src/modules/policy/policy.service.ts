/**
 * Policy data (domain-rules.md §4, §9; docs/decisions/009-policy-data.md): the administrator enters each year's State
 * Council holiday arrangement and new 1-year LPR quotations as data; staff read them and check dates. Entries are
 * validated by the domain against the whole effective calendar / table before they are written, replacing a year or
 * correcting an LPR date needs a reason, and every write is one transaction with its audit event (before/after).
 */
import {
  addDays,
  calendarYears,
  DEFAULT_CALENDAR,
  dayOfWeek,
  formatRatePct,
  invalid,
  isDomainError,
  isWorkingDay,
  LPR_1Y_HISTORY,
  lprOn,
  notFound,
  parseIsoDate,
  parseRatePct,
} from '@fund/domain';
import { recordAudit } from '../../audit/audit.service';
import { inTransaction } from '../../trpc';
import type { AuthedContext } from '../auth/auth.service';
import { todayInChina } from '../enterprises/enterprises.service';
import {
  effectiveCalendar,
  effectiveLprTable,
  invalidatePolicyData,
  loadEnteredLpr,
  loadEnteredYears,
  policyData,
} from './policy.data';
import type { AddLpr, CalendarYearRef, CheckDate, SetCalendarYear } from './policy.schemas';

/** How long before 31 December the console warns that next year's arrangement is missing. */
export const CALENDAR_WARNING_DAYS = 60;
/** The first quotation of the reformed LPR (中国人民银行公告〔2019〕第15号). */
const FIRST_LPR_DATE = LPR_1Y_HISTORY[0]!.effectiveOn;

const bundledSource = (year: number) => `内置：《国务院办公厅关于${year}年部分节假日安排的通知》`;
const BUNDLED_LPR_SOURCE = '内置：全国银行间同业拆借中心公布的贷款市场报价利率';

export function missingYearWarning(year: number): string {
  return `尚未录入 ${year} 年法定节假日安排，公示期和导师响应期限跨年时将无法计算。国务院办公厅发布后请及时录入。`;
}

export interface CalendarYearItem {
  year: number;
  holidayCount: number;
  workdayCount: number;
  source: string;
  origin: 'bundled' | 'entered';
  /** An entered year that replaces the bundled schedule of the same year. */
  replacesBundled: boolean;
  reason: string | null;
  enteredByName: string | null;
  enteredAt: string | null;
}

export interface CalendarOverview {
  today: string;
  years: CalendarYearItem[];
  /** The year after today's, and whether its arrangement is entered. */
  nextYear: number;
  nextYearCovered: boolean;
  /** Shown as a banner: today's year is not covered, or year end is near and next year is not covered. */
  warning: string | null;
}

export async function calendarOverview(ctx: AuthedContext): Promise<CalendarOverview> {
  const data = await policyData(ctx);
  const today = todayInChina(ctx.now);
  const entered = new Map(data.enteredYears.map((y) => [y.year, y]));
  const years = calendarYears(data.calendar).map((year): CalendarYearItem => {
    const schedule = data.calendar.schedules.get(year)!;
    const row = entered.get(year);
    return {
      year,
      holidayCount: schedule.holidays.length,
      workdayCount: schedule.workdays.length,
      source: row?.source ?? bundledSource(year),
      origin: row ? 'entered' : 'bundled',
      replacesBundled: row !== undefined && DEFAULT_CALENDAR.schedules.has(year),
      reason: row?.reason ?? null,
      enteredByName: row?.enteredByName ?? null,
      enteredAt: row?.enteredAt ?? null,
    };
  });
  const { year } = parseIsoDate(today);
  const covered = (y: number) => data.calendar.schedules.has(y);
  const nearYearEnd = addDays(`${year}-12-31`, -CALENDAR_WARNING_DAYS) <= today;
  let warning: string | null = null;
  if (!covered(year)) warning = missingYearWarning(year);
  else if (nearYearEnd && !covered(year + 1)) warning = missingYearWarning(year + 1);
  return { today, years, nextYear: year + 1, nextYearCovered: covered(year + 1), warning };
}

export interface CalendarYearDetail {
  year: number;
  holidays: string[];
  workdays: string[];
  source: string;
  origin: 'bundled' | 'entered';
}

export async function calendarYear(ctx: AuthedContext, input: CalendarYearRef): Promise<CalendarYearDetail> {
  const data = await policyData(ctx);
  const schedule = data.calendar.schedules.get(input.year);
  if (!schedule) {
    throw notFound('POLICY.YEAR_NOT_ENTERED', `尚未录入 ${input.year} 年的法定节假日安排`, {
      year: input.year,
    });
  }
  const row = data.enteredYears.find((y) => y.year === input.year);
  return {
    year: input.year,
    holidays: [...schedule.holidays],
    workdays: [...schedule.workdays],
    source: row?.source ?? bundledSource(input.year),
    origin: row ? 'entered' : 'bundled',
  };
}

/** Enters (or, with a reason, replaces) one year's arrangement. */
export async function setCalendarYear(
  ctx: AuthedContext,
  input: SetCalendarYear,
): Promise<CalendarYearDetail> {
  const result = await inTransaction(ctx, async (trx) => {
    const entered = await loadEnteredYears(trx);
    const previousRow = entered.find((y) => y.year === input.year);
    const bundled = DEFAULT_CALENDAR.schedules.get(input.year);
    if ((previousRow || bundled) && input.reason === undefined) {
      throw invalid(
        'POLICY.REASON_REQUIRED',
        `${input.year} 年的放假安排已${previousRow ? '录入' : '内置'}，替换时须填写原因（如国务院办公厅调整了安排）`,
        { year: input.year },
      );
    }
    if (input.reason !== undefined && input.reason.length < 2) {
      throw invalid('POLICY.REASON_REQUIRED', '替换原因至少2个字', { year: input.year });
    }
    const newYearsDay = `${input.year}-01-01`;
    if (!input.holidays.includes(newYearsDay)) {
      throw invalid(
        'CALENDAR.INVALID_SCHEDULE',
        `放假安排有误：放假日期中没有 ${newYearsDay}（元旦），请核对是否为 ${input.year} 年的通知`,
        { year: input.year },
      );
    }
    // The domain validates the schedule (YearSchedule) and its agreement with the neighbouring years.
    const next = [
      ...entered.filter((y) => y.year !== input.year),
      { year: input.year, holidays: input.holidays, workdays: input.workdays },
    ].sort((a, b) => a.year - b.year);
    const schedule = effectiveCalendar(next).schedules.get(input.year)!;

    const values = {
      year: input.year,
      holidays_json: JSON.stringify(schedule.holidays),
      workdays_json: JSON.stringify(schedule.workdays),
      source: input.source,
      reason: input.reason ?? null,
      entered_by: ctx.user.id,
      entered_at: ctx.now.toISOString(),
    };
    await trx
      .insertInto('calendar_year')
      .values(values)
      .onConflict((oc) => oc.column('year').doUpdateSet({ ...values }))
      .execute();
    const before = previousRow
      ? { holidays: previousRow.holidays, workdays: previousRow.workdays, source: previousRow.source }
      : bundled
        ? { holidays: bundled.holidays, workdays: bundled.workdays, source: bundledSource(input.year) }
        : undefined;
    const counts = `放假 ${schedule.holidays.length} 天、调休上班 ${schedule.workdays.length} 天`;
    await recordAudit(trx, ctx, {
      action: before ? 'policy.calendar.replace' : 'policy.calendar.enter',
      objectType: 'calendar_year',
      objectId: input.year,
      summary: before
        ? `替换 ${input.year} 年法定节假日安排（${counts}），依据 ${input.source}`
        : `录入 ${input.year} 年法定节假日安排（${counts}），依据 ${input.source}`,
      ...(before ? { before } : {}),
      after: { holidays: schedule.holidays, workdays: schedule.workdays, source: input.source },
      ...(input.reason ? { details: { reason: input.reason } } : {}),
    });
    invalidatePolicyData(ctx);
    return {
      year: input.year,
      holidays: [...schedule.holidays],
      workdays: [...schedule.workdays],
      source: input.source,
      origin: 'entered' as const,
    };
  });
  invalidatePolicyData(ctx);
  return result;
}

const WEEKDAY_LABELS = ['', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'];

export interface DateCheck {
  date: string;
  weekday: string;
  covered: boolean;
  workingDay: boolean | null;
  /** 法定节假日 / 调休上班 / 周末 / 工作日, or null when the year is not covered. */
  kindLabel: string | null;
  /**
   * The `count` working days after `date` (the start day not counted, as for a 公示 period): the last one is where a
   * period of `count` working days published on `date` ends, on the effective calendar.
   */
  nextWorkingDays: string[];
  /** Why the answer is incomplete (a year not entered), or null. */
  problem: string | null;
}

/** A clerk's check: is `date` a working day, and which are the next working days. */
export async function checkDate(ctx: AuthedContext, input: CheckDate): Promise<DateCheck> {
  const { calendar } = await policyData(ctx);
  const weekday = WEEKDAY_LABELS[dayOfWeek(input.date)]!;
  const out: DateCheck = {
    date: input.date,
    weekday,
    covered: false,
    workingDay: null,
    kindLabel: null,
    nextWorkingDays: [],
    problem: null,
  };
  try {
    out.workingDay = isWorkingDay(input.date, calendar);
    out.covered = true;
    out.kindLabel = calendar.workdays.has(input.date)
      ? '调休上班'
      : calendar.holidays.has(input.date)
        ? '法定节假日'
        : out.workingDay
          ? '工作日'
          : '周末';
    for (let d = input.date; out.nextWorkingDays.length < input.count;) {
      d = addDays(d, 1);
      if (isWorkingDay(d, calendar)) out.nextWorkingDays.push(d);
    }
  } catch (error) {
    if (!isDomainError(error) || error.code !== 'CALENDAR.YEAR_NOT_COVERED') throw error;
    out.problem = error.message;
  }
  return out;
}

export interface LprItem {
  effectiveOn: string;
  ratePct: string;
  origin: 'bundled' | 'entered';
  /** An entered rate on a date the bundled history already has. */
  correctsBundled: boolean;
  source: string;
  reason: string | null;
  enteredByName: string | null;
  enteredAt: string | null;
}

export interface LprOverview {
  today: string;
  /** The rate in force today. */
  current: { effectiveOn: string; ratePct: string };
  /** Newest first. */
  entries: LprItem[];
}

export async function lprOverview(ctx: AuthedContext): Promise<LprOverview> {
  const data = await policyData(ctx);
  const today = todayInChina(ctx.now);
  const entered = new Map(data.enteredLpr.map((e) => [e.effectiveOn, e]));
  const bundledDates = new Set(LPR_1Y_HISTORY.map((e) => e.effectiveOn));
  const entries = data.lprTable
    .map((e): LprItem => {
      const row = entered.get(e.effectiveOn);
      return {
        effectiveOn: e.effectiveOn,
        ratePct: e.ratePct,
        origin: row ? 'entered' : 'bundled',
        correctsBundled: row !== undefined && bundledDates.has(e.effectiveOn),
        source: row?.source ?? BUNDLED_LPR_SOURCE,
        reason: row?.reason ?? null,
        enteredByName: row?.enteredByName ?? null,
        enteredAt: row?.enteredAt ?? null,
      };
    })
    .reverse();
  return { today, current: lprOn(today, data.lprTable), entries };
}

/** Adds a 1-year LPR quotation; a date already in the table is a correction and needs a reason. */
export async function addLpr(ctx: AuthedContext, input: AddLpr): Promise<LprItem> {
  const today = todayInChina(ctx.now);
  const rate = parseRatePct(input.ratePct, '1年期 LPR', 'POLICY.INVALID_RATE');
  if (rate.decimalPlaces() > 2) {
    throw invalid('POLICY.INVALID_RATE', `1年期 LPR 按两位小数公布（如 3.00），收到“${input.ratePct}”`, {
      ratePct: input.ratePct,
    });
  }
  if (input.effectiveOn > today) {
    throw invalid(
      'POLICY.LPR_IN_FUTURE',
      `报价日 ${input.effectiveOn} 晚于今天（${today}），请在全国银行间同业拆借中心公布当日或之后录入`,
      { effectiveOn: input.effectiveOn, today },
    );
  }
  if (input.effectiveOn < FIRST_LPR_DATE) {
    throw invalid(
      'POLICY.LPR_BEFORE_REFORM',
      `报价日 ${input.effectiveOn} 早于 LPR 改革后的首次报价日 ${FIRST_LPR_DATE}`,
      { effectiveOn: input.effectiveOn },
    );
  }
  const ratePct = formatRatePct(rate);
  const result = await inTransaction(ctx, async (trx) => {
    const entered = await loadEnteredLpr(trx);
    const previousRow = entered.find((e) => e.effectiveOn === input.effectiveOn);
    const bundled = LPR_1Y_HISTORY.find((e) => e.effectiveOn === input.effectiveOn);
    const previous = previousRow ?? bundled;
    if (previous && input.reason === undefined) {
      throw invalid(
        'POLICY.REASON_REQUIRED',
        `LPR 表中已有 ${input.effectiveOn} 的报价（${formatRatePct(parseRatePct(previous.ratePct, 'LPR'))}%），更正时须填写原因`,
        { effectiveOn: input.effectiveOn },
      );
    }
    if (input.reason !== undefined && input.reason.length < 2) {
      throw invalid('POLICY.REASON_REQUIRED', '更正原因至少2个字', { effectiveOn: input.effectiveOn });
    }
    // Validated as a whole table by the domain before anything is written.
    effectiveLprTable(
      [
        ...entered.filter((e) => e.effectiveOn !== input.effectiveOn),
        { effectiveOn: input.effectiveOn, ratePct },
      ].sort((a, b) => (a.effectiveOn < b.effectiveOn ? -1 : 1)),
    );
    const values = {
      effective_on: input.effectiveOn,
      rate_pct: ratePct,
      source: input.source,
      reason: input.reason ?? null,
      entered_by: ctx.user.id,
      entered_at: ctx.now.toISOString(),
    };
    await trx
      .insertInto('lpr_rate')
      .values(values)
      .onConflict((oc) => oc.column('effective_on').doUpdateSet({ ...values }))
      .execute();
    await recordAudit(trx, ctx, {
      action: previous ? 'policy.lpr.correct' : 'policy.lpr.add',
      objectType: 'lpr_rate',
      objectId: input.effectiveOn,
      summary: previous
        ? `更正 ${input.effectiveOn} 的1年期 LPR：${formatRatePct(parseRatePct(previous.ratePct, 'LPR'))}% → ${ratePct}%，来源 ${input.source}`
        : `录入 ${input.effectiveOn} 起的1年期 LPR ${ratePct}%，来源 ${input.source}`,
      ...(previous
        ? {
            before: {
              ratePct: previous.ratePct,
              source: previousRow?.source ?? BUNDLED_LPR_SOURCE,
            },
          }
        : {}),
      after: { ratePct, source: input.source },
      ...(input.reason ? { details: { reason: input.reason } } : {}),
    });
    invalidatePolicyData(ctx);
    return {
      effectiveOn: input.effectiveOn,
      ratePct,
      origin: 'entered' as const,
      correctsBundled: bundled !== undefined,
      source: input.source,
      reason: input.reason ?? null,
      enteredByName: ctx.user.displayName,
      enteredAt: ctx.now.toISOString(),
    };
  });
  invalidatePolicyData(ctx);
  return result;
}
