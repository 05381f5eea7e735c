import { sql } from 'kysely';
import type { MigrationDb } from './types';

/** Core tables: the hash-chained audit log and idempotency keys. Frozen once landed: add a new migration instead. */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('audit_event')
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('actor_name', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('object_type', 'text', (c) => c.notNull())
    .addColumn('object_id', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('payload_json', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull().check(sql`length(prev_hash) = 64`))
    .addColumn('hash', 'text', (c) => c.notNull().unique().check(sql`length(hash) = 64`))
    .execute();
  await db.schema.createIndex('audit_event_action_idx').on('audit_event').column('action').execute();
  await db.schema.createIndex('audit_event_actor_idx').on('audit_event').column('actor_id').execute();
  await db.schema.createIndex('audit_event_object_idx').on('audit_event').columns(['object_type', 'object_id']).execute();
  await db.schema.createIndex('audit_event_at_idx').on('audit_event').column('at').execute();

  // Append-only (reliability-security.md §2). Triggers are dialect-specific by nature, hence raw SQL (SQLite).
  await sql`CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
    BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END`.execute(db);
  await sql`CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
    BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END`.execute(db);

  await db.schema
    .createTable('idempotency_key')
    .addColumn('actor_id', 'integer', (c) => c.notNull())
    .addColumn('procedure', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull().check(sql`length(key) between 1 and 255`))
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('response_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_key_pk', ['actor_id', 'procedure', 'key'])
    .execute();
  await db.schema.createIndex('idempotency_key_created_idx').on('idempotency_key').column('created_at').execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('idempotency_key').execute();
  await sql`DROP TRIGGER IF EXISTS audit_event_no_delete`.execute(db);
  await sql`DROP TRIGGER IF EXISTS audit_event_no_update`.execute(db);
  await db.schema.dropTable('audit_event').execute();
}
