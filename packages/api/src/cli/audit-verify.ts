/**
 * `pnpm --filter @fund/api audit:verify [--anchor]`
 * Recomputes the audit hash chain and compares it with the latest anchor; prints the first broken link and exits 1
 * when the log was tampered with. `--anchor` then writes a fresh anchor (only if verification passed).
 * Run it from cron/the backup job, and ship `audit-anchor.json` to a separate system (ASVS 16.4.3).
 */
import { existsSync } from 'node:fs';
import { exportAnchor, verifyWithAnchorFile } from '../audit/audit-anchor';
import { systemClock } from '../clock';
import { openDatabase } from '../db/connection';
import { EnvError, loadEnv } from '../env';

async function run(argv: string[]): Promise<number> {
  const writeAnchor = argv.includes('--anchor');
  const env = loadEnv();
  if (env.DATABASE_PATH !== ':memory:' && !existsSync(env.DATABASE_PATH)) {
    console.error(`数据库不存在 (database not found): ${env.DATABASE_PATH}`);
    return 2;
  }
  const { db } = openDatabase(env.DATABASE_PATH);
  try {
    const result = await verifyWithAnchorFile(db, env.AUDIT_ANCHOR_FILE, env.AUDIT_ANCHOR_KEY);
    console.log(result.message);
    console.log(`  checked=${result.checked} anchoredSeq=${result.anchoredSeq ?? '-'} firstBrokenSeq=${result.firstBrokenSeq ?? '-'}`);
    if (!result.ok) {
      console.error(`审计日志校验失败 (audit chain BROKEN) at seq ${result.firstBrokenSeq ?? '?'}`);
      return 1;
    }
    if (writeAnchor) {
      const a = await exportAnchor(db, { key: env.AUDIT_ANCHOR_KEY, file: env.AUDIT_ANCHOR_FILE, now: systemClock.now() });
      console.log(`已写入锚点 (anchor written): seq=${a.seq} hash=${a.hash} → ${env.AUDIT_ANCHOR_FILE}`);
    }
    return 0;
  } finally {
    await db.destroy();
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof EnvError ? e.message : e);
    process.exit(2);
  },
);
