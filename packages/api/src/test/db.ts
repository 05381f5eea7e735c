/** A fresh, migrated database for service-level tests (real SQL, never mocked). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type DatabaseHandle } from '../db/connection';
import { migrateToLatest } from '../db/migrations';

export interface TestDatabase extends DatabaseHandle {
  dir: string;
  close(): Promise<void>;
}

export async function freshDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'fund-db-test-'));
  const handle = openDatabase(join(dir, 'fund.db'));
  await migrateToLatest(handle.db);
  return {
    ...handle,
    dir,
    async close() {
      await handle.db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
