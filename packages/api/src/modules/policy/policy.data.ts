/**
 * The EFFECTIVE working-day calendar and LPR table: the bundled ones of @fund/domain (2022–2026 schedules, the LPR
 * history) with the administrator's entries (`calendar_year`, `lpr_rate`) applied. Services that count working days
 * or look up the LPR take them from `policyData` and pass them to the domain explicitly — never the domain defaults
 * (docs/decisions/009-policy-data.md).
 *
 * Cheap: the result is cached in-process per database handle and tagged with a version counter. Every policy write
 * calls `invalidatePolicyData` inside its transaction (and again after the commit); a read whose cached version is
 * older reloads. Because kysely runs SQLite statements one at a time on the single connection, a reload queued while
 * a write transaction is open reads the committed data.
 */
import {
  DEFAULT_CALENDAR,
  extendCalendar,
  LPR_1Y_HISTORY,
  mergeLprTables,
  type LprEntry,
  type WorkingDayCalendar,
  type YearSchedule,
} from '@fund/domain';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';

export interface CalendarYearRecord {
  year: number;
  holidays: string[];
  workdays: string[];
  source: string;
  reason: string | null;
  enteredBy: number;
  enteredByName: string;
  enteredAt: string;
}

export interface LprRateRecord {
  effectiveOn: string;
  ratePct: string;
  source: string;
  reason: string | null;
  enteredBy: number;
  enteredByName: string;
  enteredAt: string;
}

export interface PolicyData {
  /** Bundled schedules, with the entered years added or replacing them. */
  calendar: WorkingDayCalendar;
  /** Bundled LPR history merged with the entered quotations, in date order. */
  lprTable: readonly LprEntry[];
  /** The administrator's rows, as stored. */
  enteredYears: readonly CalendarYearRecord[];
  enteredLpr: readonly LprRateRecord[];
}

type Executor = Kysely<Database> | Transaction<Database>;

interface CacheSlot {
  version: number;
  loaded?: { version: number; data: PolicyData };
}

/** Keyed by the root database handle (`ctx.db`): one slot per server (and per test server). */
const slots = new WeakMap<object, CacheSlot>();

function slotOf(db: Kysely<Database>): CacheSlot {
  let slot = slots.get(db);
  if (!slot) {
    slot = { version: 0 };
    slots.set(db, slot);
  }
  return slot;
}

export async function loadEnteredYears(db: Executor): Promise<CalendarYearRecord[]> {
  const rows = await db
    .selectFrom('calendar_year')
    .innerJoin('app_user', 'app_user.id', 'calendar_year.entered_by')
    .select([
      'calendar_year.year',
      'calendar_year.holidays_json',
      'calendar_year.workdays_json',
      'calendar_year.source',
      'calendar_year.reason',
      'calendar_year.entered_by',
      'calendar_year.entered_at',
      'app_user.display_name',
    ])
    .orderBy('calendar_year.year')
    .execute();
  return rows.map((r) => ({
    year: r.year,
    holidays: JSON.parse(r.holidays_json) as string[],
    workdays: JSON.parse(r.workdays_json) as string[],
    source: r.source,
    reason: r.reason,
    enteredBy: r.entered_by,
    enteredByName: r.display_name,
    enteredAt: r.entered_at,
  }));
}

export async function loadEnteredLpr(db: Executor): Promise<LprRateRecord[]> {
  const rows = await db
    .selectFrom('lpr_rate')
    .innerJoin('app_user', 'app_user.id', 'lpr_rate.entered_by')
    .select([
      'lpr_rate.effective_on',
      'lpr_rate.rate_pct',
      'lpr_rate.source',
      'lpr_rate.reason',
      'lpr_rate.entered_by',
      'lpr_rate.entered_at',
      'app_user.display_name',
    ])
    .orderBy('lpr_rate.effective_on')
    .execute();
  return rows.map((r) => ({
    effectiveOn: r.effective_on,
    ratePct: r.rate_pct,
    source: r.source,
    reason: r.reason,
    enteredBy: r.entered_by,
    enteredByName: r.display_name,
    enteredAt: r.entered_at,
  }));
}

/** The bundled calendar with `years` applied in order (each validated again by the domain). */
export function effectiveCalendar(years: readonly Pick<YearSchedule, 'year' | 'holidays' | 'workdays'>[]) {
  return years.reduce<WorkingDayCalendar>(
    (calendar, y) => extendCalendar(calendar, { year: y.year, holidays: y.holidays, workdays: y.workdays }),
    DEFAULT_CALENDAR,
  );
}

export function effectiveLprTable(entries: readonly Pick<LprEntry, 'effectiveOn' | 'ratePct'>[]): LprEntry[] {
  return mergeLprTables(
    LPR_1Y_HISTORY,
    entries.map((e) => ({ effectiveOn: e.effectiveOn, ratePct: e.ratePct })),
  );
}

/**
 * The effective calendar and LPR table. `ctx.db` keys the cache; inside a transaction pass `trx` so a reload runs
 * on it (a query on `ctx.db` would wait for the transaction that holds the connection).
 */
export async function policyData(
  ctx: { db: Kysely<Database> },
  executor: Executor = ctx.db,
): Promise<PolicyData> {
  const slot = slotOf(ctx.db);
  if (slot.loaded && slot.loaded.version === slot.version) return slot.loaded.data;
  const version = slot.version;
  const enteredYears = await loadEnteredYears(executor);
  const enteredLpr = await loadEnteredLpr(executor);
  const data: PolicyData = {
    calendar: effectiveCalendar(enteredYears),
    lprTable: effectiveLprTable(enteredLpr),
    enteredYears,
    enteredLpr,
  };
  // Tagged with the version seen before loading: a write that happened meanwhile makes it stale at once.
  slot.loaded = { version, data };
  return data;
}

/** Called by every policy write, inside its transaction and again after it commits. */
export function invalidatePolicyData(ctx: { db: Kysely<Database> }): void {
  slotOf(ctx.db).version += 1;
}
