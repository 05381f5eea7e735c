/**
 * `pnpm --filter @fund/api db:backup <file>` — online backup of the live database (reliability-security.md §3).
 *
 * Uses SQLite's Online Backup API through better-sqlite3 `db.backup()` on a SEPARATE read-only connection, so the
 * running server is never blocked: the copy proceeds 100 pages per event-loop turn and, in WAL mode, a reader never
 * holds up the server's writes. A write committed by another connection (the server) while the copy runs RESTARTS
 * the backup from the first page (SQLite documents this; better-sqlite3 recommends one mutating connection or
 * `VACUUM INTO`). So that a busy server cannot starve it, after 3 restarts the remaining pages are copied in one step
 * (one short read transaction — still no write lock). The backup therefore always completes, and it is a consistent
 * snapshot as of its last (re)start.
 *
 * The finished file is then checked like a restore drill (src/cli/db-check.ts): integrity_check, the audit chain,
 * the money invariants; exit 0 only if all hold. Exit codes: 0 ok, 1 backup not trustworthy, 2 usage/config error.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { EnvError, loadEnv } from '../env';
import { checkDatabaseFile, describeCheck } from './db-check';

export interface BackupResult {
  file: string;
  totalPages: number;
  restarts: number;
  steps: number;
  ms: number;
}

/** Copies the live database at `source` into `target` (written to `target.partial`, then renamed). */
export async function backupDatabase(source: string, target: string): Promise<BackupResult> {
  const started = Date.now();
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  const db = new BetterSqlite3(source, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  let restarts = 0;
  let steps = 0;
  let lastRemaining = Number.POSITIVE_INFINITY;
  let totalPages = 0;
  try {
    const r = await db.backup(partial, {
      progress({ totalPages: total, remainingPages }) {
        steps += 1;
        totalPages = total;
        // Remaining pages going UP again means another connection wrote and SQLite restarted the copy.
        if (remainingPages > lastRemaining) restarts += 1;
        lastRemaining = remainingPages;
        return restarts >= 3 ? Math.max(total, 1) : 100;
      },
    });
    totalPages = r.totalPages;
  } finally {
    db.close();
  }
  renameSync(partial, target);
  return { file: target, totalPages, restarts, steps, ms: Date.now() - started };
}

async function run(argv: string[]): Promise<number> {
  const target = argv.find((a) => !a.startsWith('-'));
  if (!target) {
    console.error('用法 (usage): pnpm --filter @fund/api db:backup <备份文件 backup-file>');
    return 2;
  }
  const env = loadEnv();
  if (env.DATABASE_PATH === ':memory:' || !existsSync(env.DATABASE_PATH)) {
    console.error(`数据库不存在 (database not found): ${env.DATABASE_PATH}`);
    return 2;
  }
  const file = resolve(target);
  if (file === resolve(env.DATABASE_PATH)) {
    console.error('备份文件不能是数据库本身 (the backup file must not be the live database)');
    return 2;
  }
  const r = await backupDatabase(env.DATABASE_PATH, file);
  console.log(
    `已备份 (backed up) ${env.DATABASE_PATH} → ${file}: ${r.totalPages} pages, ${r.steps} steps, ${r.restarts} restarts, ${r.ms} ms`,
  );
  const check = await checkDatabaseFile(file);
  console.log(describeCheck(check));
  if (!check.ok) {
    console.error('备份校验未通过，请勿使用该备份 (backup check FAILED — do not rely on this file)');
    return 1;
  }
  console.log('备份校验通过 (backup verified)');
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]).endsWith('db-backup.ts')) {
  run(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e instanceof EnvError ? e.message : e);
      process.exit(2);
    },
  );
}
