/**
 * R5 backup/restore drill (reliability-security.md §3/§6): `db:backup` (src/cli/db-backup.ts, run as its own process
 * like an operator would) copies the live database WHILE parallel HTTP approvals and payments are being written; the
 * server keeps answering during the backup. `db:restore` refuses to overwrite the running server's database, then
 * restores the backup to a new path. The restored file is opened and checked — integrity, audit chain, money totals
 * (ledger sums per programme consistent with payments and disbursements) — and a server started on it serves the
 * same budget figures.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDatabase } from '../cli/db-backup';
import { checkDatabaseFile } from '../cli/db-check';
import { DEMO_TEST_PASSWORD, demoTotp, TEST_NOW } from '../test/account-fixtures';
import { startTestServer, type CookieJar, type TestServer } from '../test/harness';
import { key, signedIn, startFundingServer } from '../modules/funding/test/fixtures';
import { AFTER_NOTICE, createProgramme } from '../modules/funding/test/flow';
import { spawnTs } from './child';
import { inNoticeCases, ledgerSums } from './proof-world';

function cliEnv(server: TestServer, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DATA_DIR: server.env.DATA_DIR,
    DATABASE_PATH: server.env.DATABASE_PATH,
    DATA_KEY: server.env.DATA_KEY.toString('hex'),
    AUDIT_ANCHOR_KEY: server.env.AUDIT_ANCHOR_KEY.toString('hex'),
    ...overrides,
  };
}

async function runCli(script: string, args: string[], env: Record<string, string>) {
  const child = spawnTs(script, args, env);
  const exit = await child.exited;
  return { code: exit.code, out: child.lines.join('\n'), err: child.stderr() };
}

describe('backup under load and a restore drill (R5)', () => {
  let server: TestServer;
  let financeJar: CookieJar;
  let programmeId: number;
  let dir: string;

  beforeAll(async () => {
    server = await startFundingServer();
    const admin = (await signedIn(server, 'admin')).client;
    programmeId = await createProgramme(admin, {
      name: '备份演练',
      scheme: 'award-in-lieu-of-investment',
      budgetFen: 10_000_000_000,
    });
    await inNoticeCases(server, programmeId, 400, 1_000_000, 'BK');
    server.clock.freeze(AFTER_NOTICE);
    financeJar = (await signedIn(server, 'finance')).jar;
    dir = mkdtempSync(join(tmpdir(), 'fund-proof-backup-'));
  });
  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('backs up while approvals and payments are written, restores after checking, and the copy serves', async () => {
    const caseIds = (
      server.sqlite
        .prepare("select id from funding_case where programme_id = ? and status = 'in_notice' order by id")
        .all(programmeId) as { id: number }[]
    ).map((r) => r.id);
    const finance = () => server.client({ jar: financeJar, batch: false });
    let stop = false;
    let served = 0;
    const failures: unknown[] = [];
    // Load: 4 lanes, each approving a case then recording its payment, until the backup is done.
    const lane = async (lane: number) => {
      for (let i = lane; i < caseIds.length && !stop; i += 4) {
        try {
          const a = await finance().finance.approve.mutate({ caseId: caseIds[i]!, idempotencyKey: key() });
          await finance().finance.recordPayment.mutate({
            disbursementId: a.disbursementId,
            voucherNo: `GK-BK-${i}`,
            paidOn: '2026-12-04',
            idempotencyKey: key(),
          });
          served += 2;
        } catch (e) {
          failures.push(e);
        }
      }
    };
    const load = Promise.all([0, 1, 2, 3].map(lane));
    while (served < 20) await new Promise((r) => setTimeout(r, 20));

    const backupFile = join(dir, 'fund-backup.db');
    const servedBefore = served;
    const backup = await runCli('src/cli/db-backup.ts', [backupFile], cliEnv(server));
    const servedDuring = served - servedBefore;
    stop = true;
    await load;
    expect(backup.code, `${backup.out}\n${backup.err}`).toBe(0);
    expect(backup.out).toMatch(/backup verified/);
    console.log(backup.out.split('\n')[0]); // pages, steps, restarts (evidence for ADR 010)
    // The server was never blocked: requests kept completing while the backup process ran.
    expect(servedDuring).toBeGreaterThan(0);
    expect(failures).toEqual([]);

    // Refuses to overwrite the running server's database, and leaves it untouched.
    const liveCount = (server.sqlite.prepare('select count(*) n from payment').get() as { n: number }).n;
    const refused = await runCli('src/cli/db-restore.ts', [backupFile], cliEnv(server));
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/in use|正在使用/);
    expect((server.sqlite.prepare('select count(*) n from payment').get() as { n: number }).n).toBe(
      liveCount,
    );

    // A backup that does not check out (one ledger amount changed by someone with file access) is refused.
    const forged = join(dir, 'forged.db');
    copyFileSync(backupFile, forged);
    const f = new BetterSqlite3(forged);
    for (const { name } of f.prepare("select name from sqlite_master where type = 'trigger'").all() as {
      name: string;
    }[])
      f.exec(`drop trigger "${name}"`);
    f.prepare(
      "update ledger_entry set amount_fen = amount_fen + 100 where id = (select max(id) from ledger_entry where kind = 'payment')",
    ).run();
    f.close();
    const forgedDir = join(dir, 'forged-target');
    const refusedForged = await runCli(
      'src/cli/db-restore.ts',
      [forged],
      cliEnv(server, { DATA_DIR: forgedDir, DATABASE_PATH: join(forgedDir, 'fund.db') }),
    );
    expect(refusedForged.code).toBe(1);
    expect(refusedForged.err).toMatch(/ledger payments|no \(single\) matching ledger entry/);
    expect(existsSync(join(forgedDir, 'fund.db'))).toBe(false);

    // Restore into a new data directory (the server there is stopped — it does not exist yet).
    const restoreDir = join(dir, 'restored');
    const restoredPath = join(restoreDir, 'fund.db');
    const restored = await runCli(
      'src/cli/db-restore.ts',
      [backupFile],
      cliEnv(server, { DATA_DIR: restoreDir, DATABASE_PATH: restoredPath }),
    );
    expect(restored.code, `${restored.out}\n${restored.err}`).toBe(0);
    expect(existsSync(restoredPath)).toBe(true);

    const check = await checkDatabaseFile(restoredPath);
    expect(check.integrity).toBe('ok');
    expect(check.audit.ok).toBe(true);
    expect(check.money).toEqual([]);
    // The copy is a consistent snapshot: per programme, ledger sums match the payment and disbursement rows.
    const raw = new BetterSqlite3(restoredPath, { readonly: true });
    try {
      const l = ledgerSums(raw, programmeId);
      const d = raw
        .prepare('select coalesce(sum(amount_fen), 0) s, count(*) n from disbursement where programme_id = ?')
        .get(programmeId) as { s: number; n: number };
      const p = raw
        .prepare(
          'select coalesce(sum(p.amount_fen), 0) s, count(*) n from payment p join disbursement d on d.id = p.disbursement_id where d.programme_id = ?',
        )
        .get(programmeId) as { s: number; n: number };
      expect(l.commitment - l.release).toBe(d.s);
      expect(l.payment).toBe(p.s);
      expect(d.n).toBeGreaterThan(0);
      expect(p.n).toBeLessThanOrEqual(d.n);
      expect(p.n).toBeLessThanOrEqual(liveCount);
    } finally {
      raw.close();
    }

    // A server started on the restored file serves: sign-in works and the budget matches the copy's ledger.
    const copy = await startTestServer({
      env: {
        DATABASE_PATH: restoredPath,
        DATA_KEY: server.env.DATA_KEY.toString('hex'),
        AUDIT_ANCHOR_KEY: server.env.AUDIT_ANCHOR_KEY.toString('hex'),
      },
    });
    try {
      copy.clock.freeze(TEST_NOW);
      const admin = copy.client();
      await admin.auth.signIn.mutate({ username: 'admin', password: DEMO_TEST_PASSWORD, totp: demoTotp(copy, 'admin') });
      const got = await admin.programmes.get.query({ programmeId });
      const l = ledgerSums(copy.sqlite, programmeId);
      expect(got.budget).toMatchObject({ committedFen: l.commitment - l.release, paidFen: l.payment });
    } finally {
      await copy.close();
    }
    expect(readFileSync(restoredPath).length).toBeGreaterThan(0);
  }, 120_000);

  it('completes although writes from another connection keep restarting the copy', async () => {
    const source = join(dir, 'busy.db');
    const writer = new BetterSqlite3(source);
    writer.pragma('journal_mode = WAL');
    writer.exec('create table t (id integer primary key, v text)');
    const insert = writer.prepare('insert into t (v) values (?)');
    writer.transaction(() => {
      for (let i = 0; i < 2000; i += 1) insert.run('x'.repeat(2000));
    })();
    let writes = 0;
    const timer = setInterval(() => {
      insert.run('during the backup');
      writes += 1;
    }, 0);
    try {
      const r = await backupDatabase(source, join(dir, 'busy-backup.db'));
      expect(r.restarts).toBeGreaterThanOrEqual(1);
      expect(r.totalPages).toBeGreaterThan(500);
      console.log(
        `busy backup: ${r.totalPages} pages, ${r.steps} steps, ${r.restarts} restarts, ${writes} writes meanwhile`,
      );
    } finally {
      clearInterval(timer);
      writer.close();
    }
    const copy = new BetterSqlite3(join(dir, 'busy-backup.db'), { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect((copy.prepare('select count(*) n from t').get() as { n: number }).n).toBeGreaterThanOrEqual(
        2000,
      );
    } finally {
      copy.close();
    }
  });
});
