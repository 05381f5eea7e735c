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
  type SqliteDatabase,
  type SqliteDialectConfig,
} from 'kysely';
import { registerReadCache } from './read-cache';
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

/** How many distinct SQL texts keep a prepared statement (the app has a few hundred query shapes; see below). */
export const STATEMENT_CACHE_SIZE = 500;

/**
 * What kysely's SQLite driver sees of the connection: `prepare` answers a cached better-sqlite3 statement for SQL text
 * it has seen before (ADR 014). kysely calls `database.prepare(sql)` for EVERY query, and compiling the SQL is a
 * measurable share of a small read (≈ 5–20 µs per statement, several statements per request). kysely's SQL for one
 * query shape is always the same text (values are bound parameters), so a few hundred statements cover the app.
 * Reuse is safe because a statement holds no state between `.all()`/`.run()` calls (each call resets and rebinds),
 * kysely reads only `reader`, and nothing sets `raw()`/`pluck()`/`expand()` modes on kysely's statements. The one
 * exception is `.iterate()` (kysely's `stream()`, unused today): while an iterator is open the statement is `busy`
 * and cannot run again, so a busy cached statement is never handed out — a fresh, uncached one is. Least recently
 * used statements are dropped beyond `STATEMENT_CACHE_SIZE` (better-sqlite3 finalises them when collected).
 * Everything else (pragmas, backups, tests) keeps using the raw `sqlite` handle directly.
 */
export function withStatementCache(
  sqlite: BetterSqlite3.Database,
  size = STATEMENT_CACHE_SIZE,
): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      const cached = statements.get(sql);
      if (cached !== undefined) {
        if (cached.busy) return sqlite.prepare(sql);
        // Refresh recency: Map iteration order is insertion order, so the first key is the least recently used.
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const stmt = sqlite.prepare(sql);
      if (statements.size >= size) statements.delete(statements.keys().next().value!);
      statements.set(sql, stmt);
      return stmt;
    },
  };
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
  const db = new Kysely<Database>({
    dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }),
  });
  // Computed reads (occupancy grid, centre KPIs) are cached per data generation of THIS connection (ADR 014).
  registerReadCache(db, sqlite);
  return { db, sqlite };
}
