/**
 * Entry point: parse env, open and migrate the database, seed demo data into an empty database, serve.
 * `pnpm --filter @fund/api start` (tsx).
 */
import { groupSecret } from '@fund/domain';
import type { AddressInfo } from 'node:net';
import { exportAnchor } from './audit/audit-anchor';
import { createAppServer } from './app';
import { createClock } from './clock';
import { createPii } from './crypto/pii';
import { openDatabase } from './db/connection';
import { migrateToLatest } from './db/migrations';
import { EnvError, loadEnv, type Env } from './env';
import { seedDemoDataIfEmpty } from './seed/demo';

/** How often the audit chain head is anchored outside the database (reliability-security.md §2). */
const ANCHOR_INTERVAL_MS = 60 * 60 * 1000;

function readEnvOrExit(): Env {
  try {
    return loadEnv();
  } catch (e) {
    if (e instanceof EnvError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
}

async function main(): Promise<void> {
  const env = readEnvOrExit();
  const { db } = openDatabase(env.DATABASE_PATH);
  await migrateToLatest(db);

  const clock = createClock(env);
  const seeded = await seedDemoDataIfEmpty(db, env, { clock, now: clock.now(), pii: createPii(env.DATA_KEY) });

  const app = createAppServer({ env, db, clock });

  const anchor = async (reason: string) => {
    try {
      const a = await exportAnchor(db, { key: env.AUDIT_ANCHOR_KEY, file: env.AUDIT_ANCHOR_FILE, now: clock.now() });
      app.log.info({ seq: a.seq, reason }, 'audit chain anchored');
    } catch (e) {
      app.log.error({ err: e, reason }, '审计日志锚定失败 (audit anchoring failed) — run `pnpm --filter @fund/api audit:verify`');
    }
  };
  // Verifies the chain against the previous anchor first; a broken chain is reported and not re-anchored.
  await anchor('start-up');
  const timer = setInterval(() => void anchor('hourly'), ANCHOR_INTERVAL_MS);
  timer.unref();

  if (env.FUND_TEST_MODE) app.log.warn('FUND_TEST_MODE=1：测试时钟已启用 (test clock enabled; never in production)');

  await app.listen({ port: env.PORT, host: env.HOST });
  const { port } = app.server.address() as AddressInfo;
  const base = env.PUBLIC_ORIGIN ?? `http://${env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST}:${port}`;
  const lines = [
    '',
    `  企业服务门户 (portal):  ${base}/`,
    `  管理后台 (admin):       ${base}/admin/`,
    `  数据库 (database):      ${env.DATABASE_PATH}`,
  ];
  if (seeded) {
    lines.push('', '  演示账号 (demo accounts) — 密码 (password): ' + seeded.password);
    for (const a of seeded.accounts) {
      const totp = a.totpSecret === null ? '' : `  动态验证码密钥 (TOTP secret): ${groupSecret(a.totpSecret)}`;
      lines.push(`    ${a.username.padEnd(20)} ${a.roles.join(', ').padEnd(16)}${totp}`.trimEnd());
    }
    if (seeded.accounts.some((a) => a.totpSecret !== null)) {
      lines.push(
        '    审核、财务、管理员账号登录时须输入动态验证码：在手机身份验证器应用中手动添加上面的密钥（基于时间，6位）。',
      );
    }
  }
  console.log(lines.join('\n') + '\n');

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    clearInterval(timer);
    try {
      await app.close();
      await anchor('shutdown');
      await db.destroy();
      process.exit(0);
    } catch (e) {
      console.error(e);
      process.exit(1);
    }
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((e: unknown) => {
  console.error('启动失败 (start-up failed):', e);
  process.exit(1);
});
