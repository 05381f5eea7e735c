import { sql } from 'kysely';
import type { MigrationDb } from './types';

/**
 * Mentoring (issue "Mentoring: mentors, capacity-aware matching, pairings, session logs and the yearly targets"):
 * mentor profiles, mentee requests, pairings, session logs, ratings, poor-fit flags and outstanding-entrepreneur
 * designations. Frozen once landed: add a new migration instead. Value lists are copied on purpose.
 * See docs/decisions/008-mentoring-capacity.md.
 */
const MENTOR_KINDS = ['entrepreneur', 'university', 'expert'];
const AVAILABILITIES = ['accepting', 'paused'];
const MENTEE_KINDS = ['enterprise', 'founder', 'growth-firm-manager'];
const STAGES = ['idea', 'startup', 'growth'];
const REQUEST_STATUSES = ['open', 'paired', 'closed'];
const PAIRING_STATUSES = ['proposed', 'active', 'completed', 'declined', 'ended_early'];
const PARTIES = ['mentor', 'mentee', 'staff'];
const RATING_SIDES = ['mentor', 'mentee'];
const SESSION_MODES = ['on-site', 'online'];
const INDUSTRIES = [
  'agriculture',
  'industry',
  'construction',
  'wholesale',
  'retail',
  'transport',
  'warehousing',
  'postal',
  'accommodation',
  'catering',
  'info-transmission',
  'software-it',
  'real-estate-development',
  'property-management',
  'leasing-business-services',
  'other',
];

const inList = (column: string, values: readonly string[]) =>
  sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
const isoDate = (column: string) => sql`length(${sql.ref(column)}) = 10`;
const isoDateOrNull = (column: string) => sql`${sql.ref(column)} is null or length(${sql.ref(column)}) = 10`;

export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('mentor')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    // Null only for profiles not (yet) linked to a sign-in account (demo data); a linked account is unique.
    .addColumn('user_id', 'integer', (c) => c.unique().references('app_user.id'))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(name) between 1 and 50`))
    .addColumn('kind', 'text', (c) => c.notNull().check(inList('kind', MENTOR_KINDS)))
    .addColumn('organisation', 'text', (c) => c.notNull().check(sql`length(organisation) between 1 and 100`))
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('industries_json', 'text', (c) => c.notNull())
    .addColumn('topics_json', 'text', (c) => c.notNull())
    .addColumn('bio', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('capacity', 'integer', (c) => c.notNull().check(sql`capacity >= 1`))
    .addColumn('availability', 'text', (c) =>
      c.notNull().defaultTo('accepting').check(inList('availability', AVAILABILITIES)),
    )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('mentor_availability_idx')
    .on('mentor')
    .columns(['availability', 'id'])
    .execute();

  await db.schema
    .createTable('mentee_request')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('requester_user_id', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('enterprise_id', 'integer', (c) => c.references('enterprise.id'))
    .addColumn('founder_id', 'integer', (c) => c.references('founder.id'))
    .addColumn('mentee_kind', 'text', (c) => c.notNull().check(inList('mentee_kind', MENTEE_KINDS)))
    .addColumn('for_manager_name', 'text')
    .addColumn('for_manager_title', 'text')
    .addColumn('topics_json', 'text', (c) => c.notNull())
    .addColumn('industry', 'text', (c) => c.notNull().check(inList('industry', INDUSTRIES)))
    .addColumn('stage', 'text', (c) => c.notNull().check(inList('stage', STAGES)))
    .addColumn('preferred_kind', 'text', (c) =>
      c.check(sql`preferred_kind is null or ${inList('preferred_kind', MENTOR_KINDS)}`),
    )
    .addColumn('description', 'text', (c) => c.notNull().check(sql`length(description) between 1 and 2000`))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('open').check(inList('status', REQUEST_STATUSES)),
    )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // Exactly one mentee: an enterprise (for itself or a named manager) or an individual founder.
    .addCheckConstraint('mentee_request_one_mentee', sql`(enterprise_id is null) <> (founder_id is null)`)
    .addCheckConstraint(
      'mentee_request_manager',
      sql`(mentee_kind = 'growth-firm-manager') = (for_manager_name is not null)
          and (for_manager_name is null or enterprise_id is not null)
          and (mentee_kind <> 'founder' or founder_id is not null)`,
    )
    .execute();
  await db.schema
    .createIndex('mentee_request_status_idx')
    .on('mentee_request')
    .columns(['status', 'created_at'])
    .execute();
  await db.schema
    .createIndex('mentee_request_requester_idx')
    .on('mentee_request')
    .columns(['requester_user_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('mentee_request_enterprise_idx')
    .on('mentee_request')
    .column('enterprise_id')
    .execute();
  await db.schema
    .createIndex('mentee_request_founder_idx')
    .on('mentee_request')
    .column('founder_id')
    .execute();

  await db.schema
    .createTable('pairing')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('mentor_id', 'integer', (c) => c.notNull().references('mentor.id'))
    .addColumn('request_id', 'integer', (c) => c.notNull().references('mentee_request.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(inList('status', PAIRING_STATUSES)))
    .addColumn('proposed_by', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('proposed_on', 'text', (c) => c.notNull().check(isoDate('proposed_on')))
    .addColumn('proposed_at', 'text', (c) => c.notNull())
    .addColumn('response_due_on', 'text', (c) => c.notNull().check(isoDate('response_due_on')))
    .addColumn('responded_at', 'text')
    .addColumn('accepted_on', 'text', (c) => c.check(isoDateOrNull('accepted_on')))
    .addColumn('declined_on', 'text', (c) => c.check(isoDateOrNull('declined_on')))
    .addColumn('declined_by', 'text', (c) =>
      c.check(sql`declined_by is null or ${inList('declined_by', PARTIES)}`),
    )
    .addColumn('decline_reason', 'text')
    .addColumn('completed_on', 'text', (c) => c.check(isoDateOrNull('completed_on')))
    .addColumn('ended_on', 'text', (c) => c.check(isoDateOrNull('ended_on')))
    .addColumn('ended_by', 'text', (c) => c.check(sql`ended_by is null or ${inList('ended_by', PARTIES)}`))
    .addColumn('ended_reason', 'text')
    .addColumn('min_sessions', 'integer', (c) => c.notNull().check(sql`min_sessions between 0 and 100`))
    .addColumn('sessions_held', 'integer', (c) => c.check(sql`sessions_held is null or sessions_held >= 0`))
    .addColumn('counts_as_completed', 'integer', (c) =>
      c.check(sql`counts_as_completed is null or counts_as_completed in (0, 1)`),
    )
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('pairing_response_after_proposal', sql`response_due_on >= proposed_on`)
    .addCheckConstraint(
      'pairing_status_facts',
      sql`(status <> 'declined' or (declined_on is not null and decline_reason is not null and declined_by is not null))
          and (status <> 'ended_early' or (ended_on is not null and ended_reason is not null and accepted_on is not null))
          and (status <> 'completed' or (completed_on is not null and accepted_on is not null))
          and (status <> 'active' or accepted_on is not null)`,
    )
    .execute();
  await db.schema
    .createIndex('pairing_mentor_status_idx')
    .on('pairing')
    .columns(['mentor_id', 'status'])
    .execute();
  await db.schema.createIndex('pairing_request_idx').on('pairing').column('request_id').execute();
  await db.schema
    .createIndex('pairing_status_due_idx')
    .on('pairing')
    .columns(['status', 'response_due_on'])
    .execute();
  // A request has at most one live pairing (a proposal waiting for an answer, or an active pairing).
  await db.schema
    .createIndex('pairing_one_live_per_request')
    .on('pairing')
    .column('request_id')
    .unique()
    .where(sql.ref('status'), 'in', ['proposed', 'active'])
    .execute();
  // Last line of defence for §7 "active + proposed never exceed capacity" (ADR 008): a new proposal (or active
  // pairing) is refused when the mentor's places held ON THE NEW ROW'S DAY — active pairings plus proposals whose
  // response deadline has not passed (domain `holdsPlace`) — already fill the capacity. The service checks the
  // same rule with `canReserve` inside its transaction first; this trigger only fires if that check is bypassed.
  await sql
    .raw(
      `CREATE TRIGGER pairing_capacity_guard BEFORE INSERT ON pairing
       WHEN NEW.status IN ('proposed', 'active') AND (
         SELECT count(*) FROM pairing p
          WHERE p.mentor_id = NEW.mentor_id
            AND (p.status = 'active' OR (p.status = 'proposed' AND p.response_due_on >= NEW.proposed_on))
       ) >= (SELECT capacity FROM mentor m WHERE m.id = NEW.mentor_id)
       BEGIN SELECT RAISE(ABORT, 'MENTORING.MENTOR_FULL: mentor capacity reached'); END`,
    )
    .execute(db);

  await db.schema
    .createTable('mentoring_session')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('pairing_id', 'integer', (c) => c.notNull().references('pairing.id'))
    .addColumn('date', 'text', (c) => c.notNull().check(isoDate('date')))
    .addColumn('duration_minutes', 'integer', (c) =>
      c.notNull().check(sql`duration_minutes between 15 and 600`),
    )
    .addColumn('mode', 'text', (c) => c.notNull().check(inList('mode', SESSION_MODES)))
    .addColumn('topics_json', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('agreed_actions_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('logged_by', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('logged_by_party', 'text', (c) => c.notNull().check(inList('logged_by_party', RATING_SIDES)))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('mentoring_session_pairing_idx')
    .on('mentoring_session')
    .columns(['pairing_id', 'date'])
    .execute();
  await db.schema.createIndex('mentoring_session_date_idx').on('mentoring_session').column('date').execute();

  await db.schema
    .createTable('session_rating')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('session_id', 'integer', (c) => c.notNull().references('mentoring_session.id'))
    .addColumn('party', 'text', (c) => c.notNull().check(inList('party', RATING_SIDES)))
    .addColumn('score', 'integer', (c) => c.notNull().check(sql`score between 1 and 5`))
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('rated_by', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('rated_on', 'text', (c) => c.notNull().check(isoDate('rated_on')))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('session_rating_once_per_side', ['session_id', 'party'])
    .execute();

  await db.schema
    .createTable('poor_fit_flag')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('pairing_id', 'integer', (c) => c.notNull().references('pairing.id'))
    .addColumn('session_id', 'integer', (c) => c.references('mentoring_session.id'))
    .addColumn('party', 'text', (c) => c.notNull().check(inList('party', RATING_SIDES)))
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`length(reason) between 1 and 500`))
    .addColumn('flagged_by', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('resolved_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('resolution', 'text')
    .addCheckConstraint(
      'poor_fit_flag_resolution',
      sql`(resolved_at is null) = (resolved_by is null) and (resolved_at is null) = (resolution is null)`,
    )
    .execute();
  await db.schema
    .createIndex('poor_fit_flag_open_idx')
    .on('poor_fit_flag')
    .columns(['resolved_at', 'created_at'])
    .execute();
  await db.schema.createIndex('poor_fit_flag_pairing_idx').on('poor_fit_flag').column('pairing_id').execute();

  await db.schema
    .createTable('outstanding_designation')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('year', 'integer', (c) => c.notNull().check(sql`year between 2000 and 2100`))
    // `enterprise:<id>`, `founder:<id>` or `manager:<enterprise id>:<name>`: who was cultivated, whatever the request.
    .addColumn('mentee_key', 'text', (c) => c.notNull())
    .addColumn('request_id', 'integer', (c) => c.notNull().references('mentee_request.id'))
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`length(reason) between 2 and 500`))
    .addColumn('designated_by', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('outstanding_designation_once_a_year', ['year', 'mentee_key'])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await sql.raw('DROP TRIGGER IF EXISTS pairing_capacity_guard').execute(db);
  for (const table of [
    'outstanding_designation',
    'poor_fit_flag',
    'session_rating',
    'mentoring_session',
    'pairing',
    'mentee_request',
    'mentor',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
