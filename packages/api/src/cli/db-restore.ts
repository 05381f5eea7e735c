/**
 * `pnpm --filter @fund/api db:restore <backup-file>` — puts a backup in place of DATABASE_PATH (the server STOPPED).
 *
 * 1. Verify the backup first (src/cli/db-check.ts): integrity_check = ok, the audit chain verifies, the money
 *    invariants hold (≤ 1 payment per case, payments = ledger, committed ≤ allocated + recovered …). If the audit
 *    anchor (AUDIT_ANCHOR_FILE) is not ahead of the backup, the chain must also match it. Refuse otherwise.
 * 2. Refuse to overwrite a database that is in use: the target is opened with busy_timeout 0 and switched to
 *    `journal_mode=DELETE`, which needs exclusive access — SQLite refuses it while any other connection (a running
 *    server, a CLI) has the file open. On success there is no -wal/-shm left that could be replayed over the backup.
 * 3. Keep the replaced file as `<target>.before-restore-<timestamp>`, copy the backup next to the target, fsync, and
 *    rename it into place (atomic on one file system).
 * When the anchor is AHEAD of the backup (events after the backup were anchored), the restore says so: those events
 * are lost with the restore, and `audit:verify` will report the missing tail until the incident is documented and the
 * anchor file replaced by operations — this is the tamper-evidence working, not a fault.
 * Exit codes: 0 restored, 1 refused (backup not trustworthy or target in use), 2 usage/config error.
 */
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { readAnchor } from '../audit/audit-anchor';
import { EnvError, loadEnv } from '../env';
import { checkDatabaseFile, describeCheck } from './db-check';

export class TargetInUseError extends Error {
  override readonly name = 'TargetInUseError';
}

/** Throws TargetInUseError when another connection has `target` open; leaves it in rollback-journal mode otherwise. */
export function assertNotInUse(target: string): void {
  if (!existsSync(target)) return;
  let db: BetterSqlite3.Database;
  try {
    db = new BetterSqlite3(target, { fileMustExist: true });
  } catch (e) {
    throw new TargetInUseError(`无法打开目标数据库 (cannot open target): ${(e as Error).message}`);
  }
  try {
    db.pragma('busy_timeout = 0');
    const mode = db.pragma('journal_mode = DELETE', { simple: true }) as string;
    if (mode !== 'delete')
      throw new TargetInUseError(`目标数据库正在使用中 (target in use: journal_mode stays ${mode})`);
  } catch (e) {
    if (e instanceof TargetInUseError) throw e;
    throw new TargetInUseError(
      `目标数据库正在使用中，请先停止服务 (target in use — stop the server first): ${(e as Error).message}`,
    );
  } finally {
    db.close();
  }
}

export async function restoreDatabase(
  backup: string,
  target: string,
  options: { anchorFile?: string; anchorKey?: Buffer; now?: Date } = {},
): Promise<{ replaced: string | null; warnings: string[] }> {
  const warnings: string[] = [];
  let anchor = null;
  if (options.anchorFile && options.anchorKey) anchor = readAnchor(options.anchorFile);
  const plain = await checkDatabaseFile(backup);
  if (!plain.ok) throw new Error(`备份校验未通过 (backup check failed):\n${describeCheck(plain)}`);
  if (anchor && options.anchorKey) {
    const head = plain.audit.checked;
    if (anchor.seq <= head) {
      const anchored = await checkDatabaseFile(backup, { anchor: { anchor, key: options.anchorKey } });
      if (!anchored.audit.ok)
        throw new Error(
          `备份与审计锚点不符 (backup does not match the audit anchor): ${anchored.audit.message}`,
        );
    } else {
      warnings.push(
        `审计锚点（第 ${anchor.seq} 条）晚于备份（共 ${head} 条）：备份之后的 ${anchor.seq - head} 条审计记录将随恢复丢失，请记录事件并由运维更换锚点 ` +
          `(the anchor is ahead of the backup: ${anchor.seq - head} anchored events are lost by this restore)`,
      );
    }
  }
  assertNotInUse(target);
  mkdirSync(dirname(target), { recursive: true });
  let replaced: string | null = null;
  if (existsSync(target)) {
    const stamp = (options.now ?? new Date()).toISOString().replace(/[:.]/g, '-');
    replaced = `${target}.before-restore-${stamp}`;
    renameSync(target, replaced);
  }
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(target + suffix, { force: true });
  const tmp = join(dirname(target), `.restore-${process.pid}.tmp`);
  copyFileSync(backup, tmp);
  const fd = openSync(tmp, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, target);
  const dirFd = openSync(dirname(target), 'r');
  try {
    fsyncSync(dirFd);
  } finally {
    closeSync(dirFd);
  }
  return { replaced, warnings };
}

async function run(argv: string[]): Promise<number> {
  const source = argv.find((a) => !a.startsWith('-'));
  if (!source) {
    console.error('用法 (usage): pnpm --filter @fund/api db:restore <备份文件 backup-file>');
    return 2;
  }
  const env = loadEnv();
  if (env.DATABASE_PATH === ':memory:') {
    console.error('DATABASE_PATH 为 :memory:，无法恢复 (cannot restore into :memory:)');
    return 2;
  }
  const backup = resolve(source);
  if (!existsSync(backup)) {
    console.error(`备份文件不存在 (backup not found): ${backup}`);
    return 2;
  }
  try {
    const r = await restoreDatabase(backup, env.DATABASE_PATH, {
      anchorFile: env.AUDIT_ANCHOR_FILE,
      anchorKey: env.AUDIT_ANCHOR_KEY,
    });
    for (const w of r.warnings) console.warn(`⚠ ${w}`);
    console.log(
      `已恢复 (restored) ${backup} → ${env.DATABASE_PATH}${r.replaced ? `（原文件保留为 previous file kept as ${r.replaced}）` : ''}`,
    );
    return 0;
  } catch (e) {
    console.error(`拒绝恢复 (restore refused): ${(e as Error).message}`);
    return 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]).endsWith('db-restore.ts')) {
  run(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e instanceof EnvError ? e.message : e);
      process.exit(2);
    },
  );
}
