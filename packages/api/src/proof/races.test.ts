/**
 * R2 (reliability-security.md §6): races with a SECOND PROCESS writing the same file. Real parallel HTTP requests
 * against one server (`startFundingServer`) while a child process (src/proof/second-writer.ts) holds its own
 * better-sqlite3 connection to the same SQLite file and bulk-inserts / `VACUUM INTO`s in `BEGIN IMMEDIATE`
 * transactions. Proves: exactly one payment per case, no over-allocation, budget never negative, audit chain intact.
 * The same requests against the broken variant (test/broken-finance.ts: check and act in two transactions) must show
 * the double payment and the over-allocation — proof that the test can fail.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTRPCClient, httpLink } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jarFetch, type CookieJar, type TestServer } from '../test/harness';
import { appRouter } from '../router';
import { mergeRouters, router } from '../trpc';
import { brokenFinanceRouter, createBrokenPaymentTable } from '../modules/funding/test/broken-finance';
import { key, signedIn, startFundingServer } from '../modules/funding/test/fixtures';
import { AFTER_NOTICE, createProgramme } from '../modules/funding/test/flow';
import { spawnTs, type Child } from './child';
import { inNoticeCases, ledgerSums, moneyViolations } from './proof-world';

const testRouter = mergeRouters(appRouter, router({ broken: brokenFinanceRouter }));

function brokenClient(server: TestServer, jar: CookieJar) {
  return createTRPCClient<typeof testRouter>({
    links: [
      httpLink({ url: `${server.url}/trpc`, fetch: jarFetch(jar), headers: { 'x-fund-request': '1' } }),
    ],
  });
}

function settle<T>(results: PromiseSettledResult<T>[]) {
  const ok = results
    .filter((r): r is PromiseFulfilledResult<T> => r.status === 'fulfilled')
    .map((r) => r.value);
  const errors = results
    .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    .map((r) => r.reason as { data?: { code?: string; domainCode?: string }; message?: string });
  return { ok, errors };
}

describe('money races with a second process writing the same SQLite file (R2)', () => {
  let server: TestServer;
  let financeJar: CookieJar;
  let writer: Child;
  let vacuumDir: string;

  beforeAll(async () => {
    server = await startFundingServer({ router: testRouter });
    await createBrokenPaymentTable(server.db);
    server.clock.freeze(AFTER_NOTICE);
    financeJar = (await signedIn(server, 'finance')).jar;
    vacuumDir = mkdtempSync(join(tmpdir(), 'fund-proof-vacuum-'));
  });
  afterAll(async () => {
    writer?.proc.stdin.end();
    await writer?.exited;
    await server?.close();
    rmSync(vacuumDir, { recursive: true, force: true });
  });

  async function startWriter(): Promise<Child> {
    const child = spawnTs('src/proof/second-writer.ts', [server.env.DATABASE_PATH, vacuumDir]);
    await child.waitFor(/^READY$/);
    return child;
  }

  async function stopWriter(child: Child) {
    child.proc.stdin.end();
    const line = await child.waitFor(/^DONE /);
    await child.exited;
    const [, rounds, rows, vacuums, errors] = line.split(' ').map(Number);
    return {
      rounds: rounds!,
      rows: rows!,
      vacuums: vacuums!,
      errors: errors!,
      errorLines: child.lines.filter((l) => l.startsWith('ERROR')),
    };
  }

  it('approves within budget and pays each case once while another process imports and backs up', async () => {
    const admin = (await signedIn(server, 'admin')).client;
    const programmeId = await createProgramme(admin, {
      name: '竞态测试（正确实现）',
      scheme: 'award-in-lieu-of-investment',
      budgetFen: 200_000_000, // 200万 for 30 × 10万 asked
    });
    const caseIds = await inNoticeCases(server, programmeId, 30, 10_000_000, 'RA');
    writer = await startWriter();
    const finance = () => server.client({ jar: financeJar, batch: false });

    // 30 approvals at once, each sent twice with the same key (a double-click that reached the server twice).
    const approvals = settle(
      await Promise.allSettled(
        caseIds.flatMap((caseId) => {
          const k = key();
          return [
            finance().finance.approve.mutate({ caseId, idempotencyKey: k }),
            finance().finance.approve.mutate({ caseId, idempotencyKey: k }),
          ];
        }),
      ),
    );
    const disbursements = [...new Set(approvals.ok.map((a) => a.disbursementId))];
    expect(disbursements).toHaveLength(20);
    for (const e of approvals.errors) expect(e.data?.domainCode).toBe('FUNDING.BUDGET_EXCEEDED');

    // Every approved case: 5 payment recordings with fresh keys and 5 with one shared key, all at once.
    const payments = settle(
      await Promise.allSettled(
        disbursements.flatMap((disbursementId, i) => {
          const shared = key();
          return Array.from({ length: 10 }, (_, j) =>
            finance().finance.recordPayment.mutate({
              disbursementId,
              voucherNo: j < 5 ? `GK-${i}-${j}` : `GK-${i}-shared`,
              paidOn: '2026-12-04',
              idempotencyKey: j < 5 ? key() : shared,
            }),
          );
        }),
      ),
    );
    const stats = await stopWriter(writer);
    expect(stats.errors, stats.errorLines.join('\n')).toBe(0);
    expect(stats.rows).toBeGreaterThan(0);
    expect(stats.vacuums).toBeGreaterThan(0);
    for (const e of payments.errors)
      expect(['FUNDING.ALREADY_PAID', 'IDEMPOTENCY.KEY_REUSED']).toContain(e.data?.domainCode);

    const perCase = server.sqlite
      .prepare(
        'select d.case_id, count(p.id) n from disbursement d left join payment p on p.disbursement_id = d.id where d.programme_id = ? group by d.case_id',
      )
      .all(programmeId) as { case_id: number; n: number }[];
    expect(perCase).toHaveLength(20);
    expect(perCase.every((r) => r.n === 1)).toBe(true);
    const l = ledgerSums(server.sqlite, programmeId);
    expect(l.commitment - l.release).toBe(200_000_000);
    expect(l.allocation - (l.commitment - l.release)).toBeGreaterThanOrEqual(0);
    expect(l.payment).toBe(200_000_000);
    expect(await moneyViolations(server.db, server.sqlite)).toEqual([]);
    const imported = server.sqlite.prepare('select count(*) n from proof_import_staging').get() as {
      n: number;
    };
    expect(imported.n).toBe(stats.rows);
  });

  it('reports over-allocation and double payment for the broken variant under the same load (mutant)', async () => {
    const admin = (await signedIn(server, 'admin')).client;
    const programmeId = await createProgramme(admin, {
      name: '竞态测试（错误实现）',
      scheme: 'award-in-lieu-of-investment',
      budgetFen: 100_000_000,
    });
    const caseIds = await inNoticeCases(server, programmeId, 10, 30_000_000, 'RB');
    writer = await startWriter();
    const approvals = settle(
      await Promise.allSettled(
        caseIds.map((caseId) =>
          brokenClient(server, financeJar).broken.approve.mutate({ caseId, idempotencyKey: key() }),
        ),
      ),
    );
    const disbursementId = 1; // the broken payment writes its own table; any id shows the race
    await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        brokenClient(server, financeJar).broken.recordPayment.mutate({
          disbursementId,
          voucherNo: `GK-X-${i}`,
          paidOn: '2026-12-04',
          idempotencyKey: key(),
        }),
      ),
    );
    const stats = await stopWriter(writer);
    expect(stats.errors, stats.errorLines.join('\n')).toBe(0);
    const l = ledgerSums(server.sqlite, programmeId);
    // The invariant checker reports the over-allocation …
    expect(approvals.ok.length).toBeGreaterThan(3);
    expect(l.commitment - l.release).toBeGreaterThan(l.allocation);
    expect((await moneyViolations(server.db, server.sqlite)).join('\n')).toMatch(/committed \d+ > allocated/);
    // … and the double payment.
    const paid = server.sqlite
      .prepare('select count(*) n from broken_payment where disbursement_id = ?')
      .get(disbursementId) as { n: number };
    expect(paid.n).toBeGreaterThan(1);
  });
});
