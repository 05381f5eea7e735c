import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema';

export interface DatabaseHandle {
  db: Kysely<Database>;
  /** The raw connection, for pragmas, backups and tests. Application code goes through `db`. */
  sqlite: BetterSqlite3.Database;
}

/**
 * Opens the ONE connection this process uses for reads and writes (reliability-security.md §1, §3): kysely's SQLite
 * driver serialises transactions on it, so a check and the write that depends on it, inside one
 * `db.transaction()`, cannot interleave with another request. `synchronous=FULL` makes an acknowledged commit
 * survive power loss (G3); `busy_timeout` covers another process (a backup or CLI) holding the file briefly.
 */
export function openDatabase(path: string): DatabaseHandle {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new BetterSqlite3(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, sqlite };
}
