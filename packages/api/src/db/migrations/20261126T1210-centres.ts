import { sql } from 'kysely';
import type { MigrationDb } from './types';

/**
 * Innovation centres (创业创新中心 …), their workstations, allocations, presence logs, events, imports and service
 * claims (domain-rules.md §6; docs/decisions/007-centre-occupancy-and-claims.md). Frozen once landed. Value lists are
 * copied here on purpose so that this file keeps describing the schema it created.
 */
const CENTRE_KINDS = ['innovation-centre', 'sme-park', 'startup-base', 'ecommerce-logistics-park'];
const RECOGNITION_LEVELS = ['national', 'provincial', 'municipal', 'district'];
const WORKSTATION_KINDS = ['open-desk', 'fixed-desk', 'office-seat'];
const DESIGNATIONS = ['free', 'preferential'];
const OCCUPANT_TYPES = ['enterprise', 'founder', 'team'];
const EVENT_KINDS = ['public-interest', 'training-class'];
const ATTENDEE_TYPES = ['enterprise', 'founder', 'team', 'guest'];

const inList = (column: string, values: readonly string[]) =>
  sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
const isoDate = (column: string) => sql`length(${sql.ref(column)}) = 10`;
const yearMonth = (column: string) => sql`length(${sql.ref(column)}) = 7`;

/** Far end used for open-ended spans inside the overlap guard (ISO dates compare as text). */
const OPEN_END = `'9999-12-31'`;

export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('centre')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull().unique().check(sql`length(name) between 2 and 100`))
    .addColumn('kind', 'text', (c) => c.notNull().check(inList('kind', CENTRE_KINDS)))
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('operator', 'text', (c) => c.notNull())
    // The operating company (运营单位) as a registered enterprise: the payee of its service claims (§6), published in
    // the 公示 by name and USCC like any applicant, paid to its verified bank account.
    .addColumn('operator_enterprise_id', 'integer', (c) => c.references('enterprise.id'))
    .addColumn('floor_area_m2', 'integer', (c) => c.notNull().check(sql`floor_area_m2 >= 0`))
    .addColumn('recognition_level', 'text', (c) =>
      c.check(sql`recognition_level is null or ${inList('recognition_level', RECOGNITION_LEVELS)}`),
    )
    .addColumn('recognised_on', 'text', (c) => c.check(sql`recognised_on is null or length(recognised_on) = 10`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'centre_recognition_pair',
      sql`(recognition_level is null) = (recognised_on is null)`,
    )
    .execute();

  await db.schema
    .createTable('centre_manager')
    .addColumn('centre_id', 'integer', (c) => c.notNull().references('centre.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('assigned_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('centre_manager_pk', ['centre_id', 'user_id'])
    .execute();
  await db.schema.createIndex('centre_manager_user_idx').on('centre_manager').columns(['user_id', 'centre_id']).execute();

  await db.schema
    .createTable('centre_facility')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('centre_id', 'integer', (c) => c.notNull().references('centre.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('broadband', 'equipment')`))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(name) between 1 and 100`))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('quantity', 'integer', (c) => c.notNull().defaultTo(1).check(sql`quantity >= 0`))
    .execute();
  await db.schema.createIndex('centre_facility_centre_idx').on('centre_facility').column('centre_id').execute();

  await db.schema
    .createTable('workstation')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('centre_id', 'integer', (c) => c.notNull().references('centre.id'))
    .addColumn('code', 'text', (c) => c.notNull().check(sql`length(code) between 1 and 32`))
    .addColumn('zone', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(inList('kind', WORKSTATION_KINDS)))
    .addColumn('designation', 'text', (c) => c.notNull().check(inList('designation', DESIGNATIONS)))
    .addColumn('monthly_rent_fen', 'integer', (c) => c.notNull().check(sql`monthly_rent_fen >= 0`))
    .addColumn('in_service_from', 'text', (c) => c.notNull().check(isoDate('in_service_from')))
    .addColumn('retired_on', 'text', (c) => c.check(sql`retired_on is null or retired_on > in_service_from`))
    .addColumn('created_by', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('workstation_code_unique', ['centre_id', 'code'])
    // §6: free = zero rent, preferential = a (reduced) rent
    .addCheckConstraint(
      'workstation_rent_fits_designation',
      sql`(designation = 'free' and monthly_rent_fen = 0) or (designation = 'preferential' and monthly_rent_fen > 0)`,
    )
    .execute();
  await db.schema.createIndex('workstation_centre_zone_idx').on('workstation').columns(['centre_id', 'zone', 'code']).execute();

  await db.schema
    .createTable('walk_in_team')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('centre_id', 'integer', (c) => c.notNull().references('centre.id'))
    .addColumn('team_name', 'text', (c) => c.notNull())
    .addColumn('contact_name', 'text', (c) => c.notNull())
    .addColumn('school', 'text', (c) => c.notNull())
    .addColumn('id_number_enc', 'text', (c) => c.notNull())
    .addColumn('id_number_bidx', 'text', (c) => c.notNull())
    .addColumn('id_number_masked', 'text', (c) => c.notNull())
    .addColumn('mobile_enc', 'text', (c) => c.notNull())
    .addColumn('mobile_bidx', 'text', (c) => c.notNull())
    .addColumn('mobile_masked', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('walk_in_team_contact_unique', ['centre_id', 'id_number_bidx'])
    .execute();

  await db.schema
    .createTable('import_batch')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('centre_id', 'integer', (c) => c.notNull().references('centre.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('occupancy', 'allocations')`))
    .addColumn('sha256', 'text', (c) => c.notNull().check(sql`length(sha256) = 64`))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('import_batch_file_unique', ['centre_id', 'kind', 'sha256'])
    .execute();

  await db.schema
    .createTable('allocation')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('centre_id', 'integer', (c) => c.notNull().references('centre.id'))
    .addColumn('workstation_id', 'integer', (c) => c.notNull().references('workstation.id'))
    .addColumn('occupant_type', 'text', (c) => c.notNull().check(inList('occupant_type', OCCUPANT_TYPES)))
    .addColumn('enterprise_id', 'integer', (c) => c.references('enterprise.id'))
    .addColumn('founder_id', 'integer', (c) => c.references('founder.id'))
    .addColumn('walk_in_team_id', 'integer', (c) => c.references('walk_in_team.id'))
    .addColumn('terms', 'text', (c) => c.notNull().check(sql`terms in ('free', 'preferential')`))
    .addColumn('starts_on', 'text', (c) => c.notNull().check(isoDate('starts_on')))
    .addColumn('ends_on', 'text', (c) => c.check(sql`ends_on is null or ends_on >= starts_on`))
    .addColumn('moved_from_id', 'integer', (c) => c.references('allocation.id'))
    .addColumn('import_batch_id', 'integer', (c) => c.references('import_batch.id'))
    .addColumn('created_by', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'allocation_one_occupant',
      sql`(occupant_type = 'enterprise' and enterprise_id is not null and founder_id is null and walk_in_team_id is null)
       or (occupant_type = 'founder' and founder_id is not null and enterprise_id is null and walk_in_team_id is null)
       or (occupant_type = 'team' and walk_in_team_id is not null and enterprise_id is null and founder_id is null)`,
    )
    .execute();
  await db.schema.createIndex('allocation_workstation_idx').on('allocation').columns(['workstation_id', 'starts_on']).execute();
  await db.schema.createIndex('allocation_centre_idx').on('allocation').columns(['centre_id', 'starts_on', 'ends_on']).execute();

  // Database-level guard (ADR 007): one workstation never has two allocations sharing a day. The service checks with
  // the domain's `findOverlap` inside its transaction first; this trigger is the last line of defence against any
  // other writer (an import, a CLI, a future bug). PostgreSQL: an EXCLUDE USING gist (workstation_id =, daterange &&).
  const clash = (self: string) => sql.raw(`
    select 1 from allocation a
     where a.workstation_id = NEW.workstation_id ${self}
       and a.starts_on <= coalesce(NEW.ends_on, ${OPEN_END})
       and coalesce(a.ends_on, ${OPEN_END}) >= NEW.starts_on`);
  await sql`create trigger allocation_no_overlap_insert before insert on allocation
    when exists (${clash('')})
    begin select raise(abort, 'CENTRES.ALLOCATION_OVERLAP'); end`.execute(db);
  await sql`create trigger allocation_no_overlap_update before update of workstation_id, starts_on, ends_on on allocation
    when exists (${clash('and a.id <> NEW.id')})
    begin select raise(abort, 'CENTRES.ALLOCATION_OVERLAP'); end`.execute(db);

  await db.schema
    .createTable('presence')
    .addColumn('allocation_id', 'integer', (c) => c.notNull().references('allocation.id'))
    .addColumn('month', 'text', (c) => c.notNull().check(yearMonth('month')))
    .addColumn('days_present', 'integer', (c) => c.check(sql`days_present is null or days_present between 0 and 31`))
    .addColumn('attested', 'integer', (c) => c.notNull().defaultTo(0).check(sql`attested in (0, 1)`))
    .addColumn('import_batch_id', 'integer', (c) => c.references('import_batch.id'))
    .addColumn('recorded_by', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('presence_pk', ['allocation_id', 'month'])
    .addCheckConstraint('presence_days_or_attested', sql`days_present is not null or attested = 1`)
    .execute();

  await db.schema
    .createTable('centre_event')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('centre_id', 'integer', (c) => c.notNull().references('centre.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(inList('kind', EVENT_KINDS)))
    .addColumn('sector', 'text')
    .addColumn('event_date', 'text', (c) => c.notNull().check(isoDate('event_date')))
    .addColumn('speaker', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('attendee_count', 'integer', (c) => c.notNull().check(sql`attendee_count >= 0`))
    .addColumn('created_by', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('centre_event_class_sector', sql`kind <> 'training-class' or (sector is not null and sector <> '')`)
    .execute();
  await db.schema.createIndex('centre_event_centre_date_idx').on('centre_event').columns(['centre_id', 'event_date']).execute();

  await db.schema
    .createTable('event_attendee')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('event_id', 'integer', (c) => c.notNull().references('centre_event.id').onDelete('cascade'))
    .addColumn('attendee_type', 'text', (c) => c.notNull().check(inList('attendee_type', ATTENDEE_TYPES)))
    .addColumn('enterprise_id', 'integer', (c) => c.references('enterprise.id'))
    .addColumn('founder_id', 'integer', (c) => c.references('founder.id'))
    .addColumn('walk_in_team_id', 'integer', (c) => c.references('walk_in_team.id'))
    .addColumn('guest_name', 'text')
    .addCheckConstraint(
      'event_attendee_one_ref',
      sql`(attendee_type = 'enterprise' and enterprise_id is not null)
       or (attendee_type = 'founder' and founder_id is not null)
       or (attendee_type = 'team' and walk_in_team_id is not null)
       or (attendee_type = 'guest' and guest_name is not null and guest_name <> '')`,
    )
    .execute();
  await db.schema.createIndex('event_attendee_event_idx').on('event_attendee').column('event_id').execute();

  await db.schema
    .createTable('centre_claim')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('centre_id', 'integer', (c) => c.notNull().references('centre.id'))
    .addColumn('period_kind', 'text', (c) => c.notNull().check(sql`period_kind in ('month', 'quarter')`))
    .addColumn('period_start', 'text', (c) => c.notNull().check(yearMonth('period_start')))
    .addColumn('months_json', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'integer', (c) => c.notNull().check(sql`amount_fen >= 0`))
    .addColumn('lines_json', 'text', (c) => c.notNull())
    .addColumn('result_json', 'text', (c) => c.notNull())
    .addColumn('programme_id', 'integer', (c) => c.notNull().references('programme.id'))
    .addColumn('programme_version_id', 'integer', (c) => c.references('programme_version.id'))
    .addColumn('funding_case_id', 'integer', (c) => c.unique().references('funding_case.id'))
    .addColumn('submitted_by', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('centre_claim_centre_idx').on('centre_claim').columns(['centre_id', 'period_start']).execute();

  // §6 "no month is claimed twice by the same centre", enforced by the database even under concurrent submissions.
  await db.schema
    .createTable('claimed_month')
    .addColumn('centre_id', 'integer', (c) => c.notNull().references('centre.id'))
    .addColumn('month', 'text', (c) => c.notNull().check(yearMonth('month')))
    .addColumn('claim_id', 'integer', (c) => c.notNull().references('centre_claim.id'))
    .addPrimaryKeyConstraint('claimed_month_pk', ['centre_id', 'month'])
    .execute();
  await db.schema.createIndex('claimed_month_claim_idx').on('claimed_month').column('claim_id').execute();
}

export async function down(db: MigrationDb): Promise<void> {
  for (const t of [
    'claimed_month',
    'centre_claim',
    'event_attendee',
    'centre_event',
    'presence',
    'allocation',
    'import_batch',
    'walk_in_team',
    'workstation',
    'centre_facility',
    'centre_manager',
    'centre',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
