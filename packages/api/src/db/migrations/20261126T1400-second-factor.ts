import { sql } from 'kysely';
import type { MigrationDb } from './types';

/**
 * Staff second factor (docs/decisions/013-second-factor.md). `app_user.totp_secret_enc` (already in the accounts
 * migration) holds the active secret, encrypted like other personal data; these columns add the secret being set up
 * (not yet confirmed), the last accepted time step (a code is accepted once only) and when it was confirmed.
 * Recovery codes are stored as keyed hashes (HMAC, key outside the database): a copy of the file does not yield
 * codes. Frozen once landed: add a new migration instead.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('app_user').addColumn('totp_pending_enc', 'text').execute();
  await db.schema.alterTable('app_user').addColumn('totp_last_step', 'integer').execute();
  await db.schema.alterTable('app_user').addColumn('totp_enrolled_at', 'text').execute();

  await db.schema
    .createTable('recovery_code')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('code_hash', 'text', (c) => c.notNull().check(sql`length(code_hash) between 16 and 128`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    // Set once, when the code is used to sign in; a used code stays as the record of that use.
    .addColumn('used_at', 'text')
    .addPrimaryKeyConstraint('recovery_code_pk', ['user_id', 'code_hash'])
    .execute();
}
