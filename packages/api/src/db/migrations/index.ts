import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { MigrationDb } from './types';
import * as m20261126T1100core from './20261126T1100-core';
import * as m20261126T1110accounts from './20261126T1110-accounts';
import * as m20261126T1200funding from './20261126T1200-funding';
import * as m20261126T1210centres from './20261126T1210-centres';
import * as m20261126T1220mentoring from './20261126T1220-mentoring';
import * as m20261126T1300policy from './20261126T1300-policy';
import * as m20261126T1400secondFactor from './20261126T1400-second-factor';

/**
 * Every migration, listed explicitly (no directory scanning: bundlers and tsx agree on this list).
 * Names are timestamps `YYYYMMDDTHHMM-topic` so parallel work does not collide; append new ones at the end.
 */
export const migrations: Record<string, Migration> = {
  '20261126T1100-core': m20261126T1100core,
  '20261126T1110-accounts': m20261126T1110accounts,
  '20261126T1200-funding': m20261126T1200funding,
  '20261126T1210-centres': m20261126T1210centres,
  '20261126T1220-mentoring': m20261126T1220mentoring,
  '20261126T1300-policy': m20261126T1300policy,
  '20261126T1400-second-factor': m20261126T1400secondFactor,
};

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) };

export function createMigrator(db: MigrationDb): Migrator {
  return new Migrator({ db, provider });
}

/** Runs pending migrations; throws (with the failing migration's name) when one fails. */
export async function migrateToLatest(db: MigrationDb): Promise<void> {
  const { error, results } = await createMigrator(db).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const cause = error instanceof Error ? error : new Error(JSON.stringify(error));
    throw new Error(`数据库迁移失败 (migration failed${failed ? `: ${failed.migrationName}` : ''}): ${cause.message}`, { cause });
  }
}
