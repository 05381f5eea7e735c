import { sql } from 'kysely';
import type { MigrationDb } from './types';

/**
 * Policy data entered by the administrator (domain-rules.md §4, §9; docs/decisions/009-policy-data.md): the yearly
 * State Council holiday arrangement (法定节假日 + 调休) and 1-year LPR quotations, added to the bundled tables in
 * @fund/domain. Never fetched at run time. Append-only in spirit: a year is replaced, and an LPR date corrected,
 * only with a reason, and the audit event keeps the before/after. Frozen once landed: add a new migration instead.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('calendar_year')
    .addColumn('year', 'integer', (c) => c.primaryKey().check(sql`year between 1949 and 9999`))
    // Sorted JSON arrays of 'YYYY-MM-DD' strings, validated by the domain's YearSchedule before they are written.
    .addColumn('holidays_json', 'text', (c) =>
      c.notNull().check(sql`json_valid(holidays_json) and json_type(holidays_json) = 'array'`),
    )
    .addColumn('workdays_json', 'text', (c) =>
      c.notNull().check(sql`json_valid(workdays_json) and json_type(workdays_json) = 'array'`),
    )
    // The official notice, e.g. '国办发明电〔2026〕X号'.
    .addColumn('source', 'text', (c) => c.notNull().check(sql`length(source) between 2 and 200`))
    // Why an earlier entry (or the bundled schedule) was replaced; null for a first entry.
    .addColumn('reason', 'text')
    .addColumn('entered_by', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('lpr_rate')
    .addColumn('effective_on', 'text', (c) =>
      c
        .primaryKey()
        .check(
          sql`length(effective_on) = 10 and effective_on glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'`,
        ),
    )
    // An exact decimal percentage as text ('3.00' = 3.00%), never a float.
    .addColumn('rate_pct', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`length(rate_pct) between 1 and 20 and rate_pct glob '[0-9]*' and rate_pct not glob '*[^0-9.]*' and rate_pct not glob '*.*.*' and rate_pct not glob '*.'`,
        ),
    )
    .addColumn('source', 'text', (c) => c.notNull().check(sql`length(source) between 2 and 200`))
    // Why a published rate was corrected; null for a new quotation.
    .addColumn('reason', 'text')
    .addColumn('entered_by', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('lpr_rate').execute();
  await db.schema.dropTable('calendar_year').execute();
}
