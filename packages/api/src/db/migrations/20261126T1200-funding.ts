import { sql } from 'kysely';
import type { MigrationDb } from './types';

/**
 * Funding (issue "Funding: 贷款贴息 and 以奖代投 from online application to recorded payment, with 公示 and budget"):
 * programmes and frozen parameter versions, the append-only budget ledger, enterprise documents, bank accounts and
 * flags, cases with their returns, the §3 once-only registers, notices and objections, disbursements, payments,
 * clawbacks and notifications. Frozen once landed: add a new migration instead. Value lists are copied on purpose.
 * See docs/decisions/006-funding-ledger-and-idempotency.md.
 */
const SCHEMES = ['loan-interest-subsidy', 'award-in-lieu-of-investment', 'centre-service'];
const CASE_STATUSES = [
  'draft',
  'submitted',
  'returned',
  'recommended',
  'in_notice',
  'approved',
  'disbursed',
  'rejected',
  'withdrawn',
  'clawed_back',
];
const LEDGER_KINDS = ['allocation', 'commitment', 'payment', 'release', 'recovery'];

const inList = (column: string, values: readonly string[]) =>
  sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
const positive = (column: string) => sql`${sql.ref(column)} > 0`;
const nonNegativeOrNull = (column: string) => sql`${sql.ref(column)} is null or ${sql.ref(column)} >= 0`;

async function appendOnly(db: MigrationDb, table: string): Promise<void> {
  await sql
    .raw(
      `CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
    )
    .execute(db);
}

export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('programme')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(name) between 2 and 100`))
    .addColumn('scheme', 'text', (c) => c.notNull().check(inList('scheme', SCHEMES)))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull().check(sql`fiscal_year between 2000 and 2100`))
    .addColumn('opens_on', 'text', (c) => c.notNull().check(sql`length(opens_on) = 10`))
    .addColumn('closes_on', 'text', (c) => c.notNull().check(sql`length(closes_on) = 10`))
    .addColumn('guidelines', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('active')
        .check(inList('status', ['active', 'archived'])),
    )
    .addColumn('current_version_id', 'integer')
    .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('programme_window', sql`opens_on <= closes_on`)
    .execute();
  await db.schema
    .createIndex('programme_window_idx')
    .on('programme')
    .columns(['status', 'opens_on', 'closes_on'])
    .execute();

  await db.schema
    .createTable('programme_version')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('programme_id', 'integer', (c) => c.notNull().references('programme.id'))
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
    .addColumn('parameters_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('programme_version_unique', ['programme_id', 'version'])
    .execute();

  // The budget ledger: append-only, one row per movement; balances are SUMs (ADR 006).
  await db.schema
    .createTable('ledger_entry')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('transfer_id', 'text', (c) => c.notNull())
    .addColumn('programme_id', 'integer', (c) => c.notNull().references('programme.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(inList('kind', LEDGER_KINDS)))
    .addColumn('amount_fen', 'integer', (c) => c.notNull().check(positive('amount_fen')))
    .addColumn('case_id', 'integer')
    .addColumn('memo', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('ledger_entry_transfer_kind', ['transfer_id', 'kind'])
    .execute();
  await db.schema
    .createIndex('ledger_entry_programme_kind_idx')
    .on('ledger_entry')
    .columns(['programme_id', 'kind', 'amount_fen'])
    .execute();
  await db.schema.createIndex('ledger_entry_case_idx').on('ledger_entry').column('case_id').execute();
  await appendOnly(db, 'ledger_entry');

  await db.schema
    .createTable('enterprise_document')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprise.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`length(kind) between 1 and 40`))
    .addColumn('sha256', 'text', (c) => c.notNull().check(sql`length(sha256) = 64`))
    .addColumn('size', 'integer', (c) => c.notNull().check(positive('size')))
    .addColumn('mime', 'text', (c) =>
      c.notNull().check(inList('mime', ['application/pdf', 'image/png', 'image/jpeg'])),
    )
    .addColumn('original_name', 'text', (c) =>
      c.notNull().check(sql`length(original_name) between 1 and 200`),
    )
    .addColumn('uploaded_by', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('verified_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('verified_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('enterprise_document_enterprise_idx')
    .on('enterprise_document')
    .columns(['enterprise_id', 'kind'])
    .execute();

  await db.schema
    .createTable('enterprise_bank_account')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprise.id'))
    .addColumn('bank', 'text', (c) => c.notNull().check(sql`length(bank) between 2 and 60`))
    .addColumn('account_name', 'text', (c) => c.notNull())
    .addColumn('account_number_enc', 'text', (c) => c.notNull())
    .addColumn('account_number_bidx', 'text', (c) => c.notNull())
    .addColumn('account_number_masked', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(inList('status', ['pending', 'verified', 'rejected', 'replaced'])),
    )
    .addColumn('submitted_by', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('verified_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('verified_at', 'text')
    .addColumn('decision_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('enterprise_bank_account_enterprise_idx')
    .on('enterprise_bank_account')
    .columns(['enterprise_id', 'status'])
    .execute();

  await db.schema
    .createTable('enterprise_flag')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprise.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(inList('kind', ['dishonest', 'clawback'])))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('set_by', 'integer', (c) => c.notNull())
    .addColumn('set_at', 'text', (c) => c.notNull())
    .addColumn('cleared_by', 'integer')
    .addColumn('cleared_at', 'text')
    .addColumn('clear_reason', 'text')
    .execute();
  await db.schema
    .createIndex('enterprise_flag_enterprise_idx')
    .on('enterprise_flag')
    .columns(['enterprise_id', 'kind'])
    .execute();

  await db.schema
    .createTable('notice')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('published_on', 'text', (c) => c.notNull().check(sql`length(published_on) = 10`))
    .addColumn('ends_on', 'text', (c) => c.notNull().check(sql`length(ends_on) = 10`))
    .addColumn('objection_deadline', 'text', (c) => c.notNull())
    .addColumn('working_days', 'integer', (c) => c.notNull().check(positive('working_days')))
    .addColumn('objection_contact', 'text', (c) => c.notNull())
    .addColumn('published_by', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('notice_period', sql`published_on < ends_on`)
    .execute();
  await db.schema.createIndex('notice_published_idx').on('notice').columns(['published_on', 'id']).execute();

  await db.schema
    .createTable('funding_case')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('case_no', 'text', (c) => c.notNull().unique())
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprise.id'))
    .addColumn('programme_id', 'integer', (c) => c.notNull().references('programme.id'))
    .addColumn('programme_version_id', 'integer', (c) => c.references('programme_version.id'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('scheme', 'text', (c) => c.notNull().check(inList('scheme', SCHEMES)))
    .addColumn('status', 'text', (c) => c.notNull().check(inList('status', CASE_STATUSES)))
    .addColumn('data_json', 'text', (c) => c.notNull())
    .addColumn('document_ids_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('computed_amount_fen', 'integer', (c) => c.check(nonNegativeOrNull('computed_amount_fen')))
    .addColumn('working_json', 'text')
    .addColumn('recommended_amount_fen', 'integer', (c) =>
      c.check(nonNegativeOrNull('recommended_amount_fen')),
    )
    .addColumn('adjustment_reason', 'text')
    .addColumn('recommended_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('recommended_at', 'text')
    .addColumn('notice_round', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('notice_id', 'integer', (c) => c.references('notice.id'))
    .addColumn('published_on', 'text')
    .addColumn('notice_ends_on', 'text')
    .addColumn('approved_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('approved_at', 'text')
    .addColumn('disbursed_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('disbursed_at', 'text')
    .addColumn('voucher_no', 'text')
    .addColumn('paid_on', 'text')
    .addColumn('first_submitted_at', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('submitted_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('return_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('returned_by', 'integer')
    .addColumn('returned_at', 'text')
    .addColumn('return_reason', 'text')
    .addColumn('closed_by', 'integer')
    .addColumn('closed_at', 'text')
    .addColumn('close_reason', 'text')
    .addColumn('closed_from', 'text')
    .addColumn('close_kind', 'text', (c) =>
      c.check(sql`close_kind is null or close_kind in ('review', 'finance', 'applicant', 'objection')`),
    )
    .addColumn('objection_id', 'integer')
    .addColumn('clawback_fen', 'integer', (c) => c.check(nonNegativeOrNull('clawback_fen')))
    .addColumn('clawback_json', 'text')
    .addColumn('created_by', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // Reviewer queue: programme + status, oldest submission first; applicant list: newest change first.
  await db.schema
    .createIndex('funding_case_queue_idx')
    .on('funding_case')
    .columns(['programme_id', 'status', 'submitted_at'])
    .execute();
  await db.schema
    .createIndex('funding_case_status_idx')
    .on('funding_case')
    .columns(['status', 'submitted_at'])
    .execute();
  await db.schema
    .createIndex('funding_case_enterprise_idx')
    .on('funding_case')
    .columns(['enterprise_id', 'updated_at'])
    .execute();
  await db.schema.createIndex('funding_case_notice_idx').on('funding_case').column('notice_id').execute();

  await db.schema
    .createTable('case_return')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('case_id', 'integer', (c) => c.notNull().references('funding_case.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('returned_by', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('returned_at', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('answered_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('answered_at', 'text')
    .execute();
  await db.schema.createIndex('case_return_case_idx').on('case_return').column('case_id').execute();

  // §3: the same loan days / milestone are never subsidised twice, across programmes and years.
  await db.schema
    .createTable('subsidised_period')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('contract_key', 'text', (c) => c.notNull())
    .addColumn('bank_name', 'text', (c) => c.notNull())
    .addColumn('contract_no', 'text', (c) => c.notNull())
    .addColumn('start', 'text', (c) => c.notNull())
    .addColumn('end_exclusive', 'text', (c) => c.notNull())
    .addColumn('case_id', 'integer', (c) => c.notNull().references('funding_case.id'))
    .addCheckConstraint('subsidised_period_order', sql`start < end_exclusive`)
    .execute();
  await db.schema
    .createIndex('subsidised_period_contract_idx')
    .on('subsidised_period')
    .columns(['contract_key', 'start'])
    .execute();
  await db.schema
    .createIndex('subsidised_period_case_idx')
    .on('subsidised_period')
    .column('case_id')
    .execute();

  await db.schema
    .createTable('awarded_milestone')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprise.id'))
    .addColumn('milestone_key', 'text', (c) => c.notNull())
    .addColumn('case_id', 'integer', (c) => c.notNull().references('funding_case.id'))
    .addUniqueConstraint('awarded_milestone_unique', ['enterprise_id', 'milestone_key'])
    .execute();

  await db.schema
    .createTable('notice_case')
    .addColumn('notice_id', 'integer', (c) => c.notNull().references('notice.id'))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('funding_case.id'))
    .addColumn('amount_fen', 'integer', (c) => c.notNull().check(sql`amount_fen >= 0`))
    .addPrimaryKeyConstraint('notice_case_pk', ['notice_id', 'case_id'])
    .execute();
  await db.schema.createIndex('notice_case_case_idx').on('notice_case').column('case_id').execute();

  await db.schema
    .createTable('objection')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('case_id', 'integer', (c) => c.notNull().references('funding_case.id'))
    .addColumn('notice_id', 'integer', (c) => c.notNull().references('notice.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('contact_enc', 'text', (c) => c.notNull())
    .addColumn('contact_masked', 'text', (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(inList('status', ['open', 'resolved'])))
    .addColumn('outcome', 'text', (c) =>
      c.check(sql`outcome is null or outcome in ('upheld-withdraw', 'upheld-adjust', 'dismissed')`),
    )
    .addColumn('resolution', 'text')
    .addColumn('adjusted_amount_fen', 'integer', (c) => c.check(nonNegativeOrNull('adjusted_amount_fen')))
    .addColumn('resolved_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('resolved_at', 'text')
    .addColumn('lodged_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('objection_case_idx').on('objection').columns(['case_id', 'status']).execute();

  await db.schema
    .createTable('payment_batch')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('batch_no', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // G1: the database itself refuses a second disbursement of a case and a second payment of a disbursement.
  await db.schema
    .createTable('disbursement')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('case_id', 'integer', (c) => c.notNull().unique().references('funding_case.id'))
    .addColumn('programme_id', 'integer', (c) => c.notNull().references('programme.id'))
    .addColumn('idem_key', 'text', (c) => c.notNull().unique())
    .addColumn('amount_fen', 'integer', (c) => c.notNull().check(positive('amount_fen')))
    .addColumn('bank_account_id', 'integer', (c) => c.references('enterprise_bank_account.id'))
    .addColumn('batch_id', 'integer', (c) => c.references('payment_batch.id'))
    .addColumn('approved_by', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('approved_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('disbursement_batch_idx').on('disbursement').column('batch_id').execute();

  await db.schema
    .createTable('payment')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('disbursement_id', 'integer', (c) => c.notNull().unique().references('disbursement.id'))
    .addColumn('voucher_no', 'text', (c) => c.notNull())
    .addColumn('paid_on', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'integer', (c) => c.notNull().check(positive('amount_fen')))
    .addColumn('recorded_by', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('idem_key', 'text', (c) => c.notNull().unique())
    .execute();

  await db.schema
    .createTable('clawback')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('case_id', 'integer', (c) => c.notNull().unique().references('funding_case.id'))
    .addColumn('ground', 'text', (c) => c.notNull().check(inList('ground', ['false-material', 'moved-out'])))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'integer', (c) => c.notNull().check(positive('amount_fen')))
    .addColumn('moved_out_on', 'text')
    .addColumn('recovered_fen', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`recovered_fen >= 0`),
    )
    .addColumn('recorded_by', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addCheckConstraint('clawback_recovered_le_amount', sql`recovered_fen <= amount_fen`)
    .execute();

  await db.schema
    .createTable('notification')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('case_id', 'integer', (c) => c.references('funding_case.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('notification_user_idx')
    .on('notification')
    .columns(['user_id', 'read_at', 'id'])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await sql`DROP TRIGGER IF EXISTS ledger_entry_no_update`.execute(db);
  await sql`DROP TRIGGER IF EXISTS ledger_entry_no_delete`.execute(db);
  for (const table of [
    'notification',
    'clawback',
    'payment',
    'disbursement',
    'payment_batch',
    'objection',
    'notice_case',
    'awarded_milestone',
    'subsidised_period',
    'case_return',
    'funding_case',
    'notice',
    'enterprise_flag',
    'enterprise_bank_account',
    'enterprise_document',
    'ledger_entry',
    'programme_version',
    'programme',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
