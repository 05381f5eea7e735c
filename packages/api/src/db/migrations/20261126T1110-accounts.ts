import { sql } from 'kysely';
import type { MigrationDb } from './types';

/**
 * Accounts, sessions, sign-in rate limits, enterprises, founders and USCC disputes (issue 3).
 * Frozen once landed: add a new migration instead. Value lists are copied here on purpose (not imported from the
 * domain) so that this file keeps describing the schema it created even when the domain's lists grow.
 */
const ROLES = ['applicant', 'founder', 'centre_manager', 'reviewer', 'finance', 'mentor', 'admin', 'auditor'];
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
const SIZE_DATA_SOURCES = ['self-declared', 'verified', 'statistics-bureau'];

const inList = (column: string, values: readonly string[]) =>
  sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
const boolean = (column: string) => sql`${sql.ref(column)} in (0, 1)`;
const nonNegative = (column: string) => sql`${sql.ref(column)} is null or ${sql.ref(column)} >= 0`;

export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('app_user')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('username', 'text', (c) =>
      c
        .notNull()
        .unique()
        .check(sql`length(username) between 3 and 64`),
    )
    .addColumn('display_name', 'text', (c) => c.notNull().check(sql`length(display_name) between 1 and 100`))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('disabled_at', 'text')
    .addColumn('failed_count', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`failed_count >= 0`),
    )
    .addColumn('locked_until', 'text')
    .addColumn('must_change_password', 'integer', (c) =>
      c.notNull().defaultTo(0).check(boolean('must_change_password')),
    )
    .addColumn('totp_secret_enc', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('password_changed_at', 'text', (c) => c.notNull())
    .addColumn('last_sign_in_at', 'text')
    .execute();
  await db.schema
    .createIndex('app_user_created_at_idx')
    .on('app_user')
    .columns(['created_at', 'id'])
    .execute();

  await db.schema
    .createTable('user_role')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull().check(inList('role', ROLES)))
    .addPrimaryKeyConstraint('user_role_pk', ['user_id', 'role'])
    .execute();
  await db.schema.createIndex('user_role_role_idx').on('user_role').column('role').execute();

  await db.schema
    .createTable('session')
    .addColumn('id_hash', 'text', (c) => c.primaryKey().check(sql`length(id_hash) = 64`))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('session_user_idx').on('session').column('user_id').execute();
  await db.schema.createIndex('session_expires_at_idx').on('session').column('expires_at').execute();

  await db.schema
    .createTable('rate_limit_bucket')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('tokens', 'double precision', (c) => c.notNull().check(sql`tokens >= 0`))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rate_limit_bucket_updated_at_idx')
    .on('rate_limit_bucket')
    .column('updated_at')
    .execute();

  await db.schema
    .createTable('enterprise')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('uscc', 'text', (c) =>
      c
        .notNull()
        .unique()
        .check(sql`length(uscc) = 18`),
    )
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(name) between 2 and 100`))
    .addColumn('legal_representative', 'text', (c) => c.notNull())
    .addColumn('industry', 'text', (c) => c.notNull().check(inList('industry', INDUSTRIES)))
    .addColumn('established_on', 'text', (c) => c.notNull().check(sql`length(established_on) = 10`))
    .addColumn('registered_district_code', 'text', (c) =>
      c.notNull().check(sql`length(registered_district_code) = 6`),
    )
    .addColumn('employees', 'integer', (c) => c.check(nonNegative('employees')))
    .addColumn('revenue_fen', 'integer', (c) => c.check(nonNegative('revenue_fen')))
    .addColumn('total_assets_fen', 'integer', (c) => c.check(nonNegative('total_assets_fen')))
    .addColumn('size_reporting_year', 'integer', (c) =>
      c.notNull().check(sql`size_reporting_year between 1949 and 9999`),
    )
    .addColumn('size_data_source', 'text', (c) =>
      c.notNull().check(inList('size_data_source', SIZE_DATA_SOURCES)),
    )
    .addColumn('contact_name', 'text', (c) => c.notNull())
    .addColumn('contact_mobile_enc', 'text', (c) => c.notNull())
    .addColumn('contact_mobile_bidx', 'text', (c) => c.notNull())
    .addColumn('contact_mobile_masked', 'text', (c) => c.notNull())
    .addColumn('verification_status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('unverified')
        .check(inList('verification_status', ['unverified', 'verified'])),
    )
    .addColumn('dishonest_flag', 'integer', (c) => c.notNull().defaultTo(0).check(boolean('dishonest_flag')))
    .addColumn('uscc_override_reason', 'text')
    .addColumn('owner_user_id', 'integer', (c) => c.unique().references('app_user.id'))
    .addColumn('privacy_consent_version', 'text')
    .addColumn('privacy_consent_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    // A consent is a version and a time together, or neither (staff-registered enterprises have no account yet).
    .addCheckConstraint(
      'enterprise_consent_pair',
      sql`(privacy_consent_version is null) = (privacy_consent_at is null)`,
    )
    .execute();
  // Newest-first lists page through (created_at, id); name and USCC searches use their own indexes.
  await db.schema
    .createIndex('enterprise_created_at_idx')
    .on('enterprise')
    .columns(['created_at', 'id'])
    .execute();
  await db.schema.createIndex('enterprise_name_idx').on('enterprise').column('name').execute();
  await db.schema
    .createIndex('enterprise_verification_idx')
    .on('enterprise')
    .columns(['verification_status', 'created_at'])
    .execute();
  await db.schema
    .createIndex('enterprise_contact_mobile_bidx_idx')
    .on('enterprise')
    .column('contact_mobile_bidx')
    .execute();

  await db.schema
    .createTable('founder')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(name) between 1 and 50`))
    .addColumn('school', 'text', (c) => c.notNull())
    .addColumn('graduation_year', 'integer', (c) =>
      c.notNull().check(sql`graduation_year between 1949 and 9999`),
    )
    .addColumn('id_number_enc', 'text', (c) => c.notNull())
    .addColumn('id_number_bidx', 'text', (c) => c.notNull().unique())
    .addColumn('id_number_masked', 'text', (c) => c.notNull())
    .addColumn('mobile_enc', 'text', (c) => c.notNull())
    .addColumn('mobile_bidx', 'text', (c) => c.notNull())
    .addColumn('mobile_masked', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull().unique().references('app_user.id'))
    .addColumn('privacy_consent_version', 'text', (c) => c.notNull())
    .addColumn('privacy_consent_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('founder_created_at_idx').on('founder').columns(['created_at', 'id']).execute();
  await db.schema.createIndex('founder_name_idx').on('founder').column('name').execute();
  await db.schema.createIndex('founder_mobile_bidx_idx').on('founder').column('mobile_bidx').execute();

  await db.schema
    .createTable('uscc_dispute')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('uscc', 'text', (c) => c.notNull().check(sql`length(uscc) = 18`))
    .addColumn('contact_name', 'text', (c) => c.notNull())
    .addColumn('contact_mobile_enc', 'text', (c) => c.notNull())
    .addColumn('contact_mobile_masked', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().check(sql`length(description) between 1 and 2000`))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('open')
        .check(inList('status', ['open', 'closed'])),
    )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('uscc_dispute_uscc_idx').on('uscc_dispute').column('uscc').execute();
  await db.schema
    .createIndex('uscc_dispute_status_idx')
    .on('uscc_dispute')
    .columns(['status', 'created_at'])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  for (const table of [
    'uscc_dispute',
    'founder',
    'enterprise',
    'rate_limit_bucket',
    'session',
    'user_role',
    'app_user',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
