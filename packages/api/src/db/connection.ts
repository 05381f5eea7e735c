import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type SqliteDialectConfig,
} from 'kysely';
import type { Database } from './schema';

export interface DatabaseHandle {
  db: Kysely<Database>;
  /** The raw connection, for pragmas, backups and tests. Application code goes through `db`. */
  sqlite: BetterSqlite3.Database;
}

/**
 * kysely's SQLite driver opens transactions with a plain (DEFERRED) `begin`. A deferred transaction that reads and then
 * writes must upgrade its read snapshot to a write lock; when ANOTHER PROCESS committed in between (an import CLI, a
 * repair script), SQLite answers SQLITE_BUSY at once — the busy handler is not called for that upgrade — and the request
 * fails with 500 (found by src/proof/races.test.ts). `BEGIN IMMEDIATE` takes the write lock first, waiting up to
 * `busy_timeout`, so the check and the write see one consistent state (reliability-security.md §1).
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

/**
 * Opens the ONE connection this process uses for reads and writes (reliability-security.md §1, §3): kysely's SQLite
 * driver serialises transactions on it, so a check and the write that depends on it, inside one
 * `db.transaction()`, cannot interleave with another request. `synchronous=FULL` makes an acknowledged commit
 * survive power loss (G3); `busy_timeout` covers another process (a backup or CLI) holding the file briefly — with
 * `BEGIN IMMEDIATE` (above) also for transactions that read before they write.
 */
export function openDatabase(path: string): DatabaseHandle {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new BetterSqlite3(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: sqlite }) });
  return { db, sqlite };
}
