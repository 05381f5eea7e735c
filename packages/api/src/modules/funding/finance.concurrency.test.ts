/**
 * Money under concurrency (reliability-security.md §1, architecture.md "Approval commits budget; budget can never
 * go negative, also under concurrent approvals"): real parallel HTTP requests against one server. The same tests run
 * against a deliberately broken service (test/broken-finance.ts) to show that they catch check-then-act races.
 */
import { createTRPCClient, httpLink } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW } from '../../test/account-fixtures';
import { jarFetch, type CookieJar, type TestServer } from '../../test/harness';
import { appRouter } from '../../router';
import { mergeRouters, router } from '../../trpc';
import { brokenFinanceRouter, createBrokenPaymentTable } from './test/broken-finance';
import { key, signedIn, startFundingServer, userId } from './test/fixtures';
import { AFTER_NOTICE, createProgramme } from './test/flow';
import { seedCases } from './test/seed-cases';

const testRouter = mergeRouters(appRouter, router({ broken: brokenFinanceRouter }));
type TestRouter = typeof testRouter;

function brokenClient(server: TestServer, jar: CookieJar) {
  return createTRPCClient<TestRouter>({
    links: [
      httpLink({ url: `${server.url}/trpc`, fetch: jarFetch(jar), headers: { 'x-fund-request': '1' } }),
    ],
  });
}

interface Ledger {
  allocated: number;
  committed: number;
  payments: number;
}

function ledger(server: TestServer, programmeId: number): Ledger {
  const sum = (kind: string) =>
    (
      server.sqlite
        .prepare(
          'select coalesce(sum(amount_fen), 0) s from ledger_entry where programme_id = ? and kind = ?',
        )
        .get(programmeId, kind) as { s: number }
    ).s;
  return {
    allocated: sum('allocation'),
    committed: sum('commitment') - sum('release'),
    payments: sum('payment'),
  };
}

/** The invariant under test: approvals never commit more than the programme was allocated. */
const budgetHolds = (l: Ledger) => l.committed <= l.allocated;

async function inNoticeCases(
  server: TestServer,
  programmeId: number,
  count: number,
  amountFen: (i: number) => number,
  tag: string,
) {
  const reviewerId = userId(server, 'reviewer');
  const { current_version_id: versionId } = server.sqlite
    .prepare('select current_version_id from programme where id = ?')
    .get(programmeId) as { current_version_id: number };
  const { lastInsertRowid: noticeId } = server.sqlite
    .prepare(
      "insert into notice (title, published_on, ends_on, objection_deadline, working_days, objection_contact, published_by, created_at) values ('并发测试公示', '2026-11-26', '2026-12-03', '2026-12-03', 5, '0730-8888888', ?, ?)",
    )
    .run(reviewerId, TEST_NOW.toISOString());
  const { caseIds } = await seedCases(server.db, {
    programmeId,
    versionId,
    fiscalYear: 2026,
    count,
    amountFen,
    status: 'in_notice',
    recommendedBy: reviewerId,
    submittedBy: reviewerId,
    noticeId: Number(noticeId),
    publishedOn: '2026-11-26',
    noticeEndsOn: '2026-12-03',
    now: TEST_NOW,
    tag,
    withBankAccount: { pii: server.pii },
  });
  return caseIds;
}

describe('money under concurrent requests', () => {
  let server: TestServer;
  let financeJar: CookieJar;
  let budgetProgramme: number;
  let approvedDisbursements: number[] = [];
  const amounts = new Map<number, number>();

  beforeAll(async () => {
    server = await startFundingServer({ router: testRouter });
    await createBrokenPaymentTable(server.db);
    const admin = (await signedIn(server, 'admin')).client;
    budgetProgramme = await createProgramme(admin, {
      name: '并发审批测试',
      scheme: 'award-in-lieu-of-investment',
      budgetFen: 1_000_000_000,
    });
    server.clock.freeze(AFTER_NOTICE);
    const signedFinance = await signedIn(server, 'finance');
    financeJar = signedFinance.jar;
  });
  afterAll(async () => {
    await server.close();
  });

  it('never commits more than the budget when 50 approvals whose total exceeds it arrive at once', async () => {
    // 10万 + i×1万 for i = 0…49: 1,725万 asked of a 1,000万 budget.
    const caseIds = await inNoticeCases(server, budgetProgramme, 50, (i) => 10_000_000 + i * 1_000_000, 'A');
    caseIds.forEach((id, i) => amounts.set(id, 10_000_000 + i * 1_000_000));
    const results = await Promise.allSettled(
      caseIds.map((caseId) =>
        server
          .client({ jar: financeJar, batch: false })
          .finance.approve.mutate({ caseId, idempotencyKey: key() }),
      ),
    );
    const l = ledger(server, budgetProgramme);
    expect(budgetHolds(l)).toBe(true);
    const available = l.allocated - l.committed;
    const approved = results.filter((r) => r.status === 'fulfilled');
    const refused = results.flatMap((r, i) =>
      r.status === 'rejected'
        ? [{ caseId: caseIds[i]!, reason: r.reason as { data?: { domainCode?: string } } }]
        : [],
    );
    expect(approved.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) {
      expect(r.reason.data?.domainCode).toBe('FUNDING.BUDGET_EXCEEDED');
      // The available budget only shrinks, so a case refused at its turn is still over what is left at the end.
      expect(amounts.get(r.caseId)!).toBeGreaterThan(available);
    }
    expect(l.committed).toBe(
      approved.reduce((s, r) => s + (r as PromiseFulfilledResult<{ amountFen: number }>).value.amountFen, 0),
    );
    approvedDisbursements = approved.map(
      (r) => (r as PromiseFulfilledResult<{ disbursementId: number }>).value.disbursementId,
    );
    const rows = server.sqlite
      .prepare('select count(*) n from disbursement where programme_id = ?')
      .get(budgetProgramme) as { n: number };
    expect(rows.n).toBe(approved.length);
  });

  it('records exactly one payment when 20 recordings of one case arrive at once with different keys', async () => {
    const disbursementId = approvedDisbursements[0]!;
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        server.client({ jar: financeJar, batch: false }).finance.recordPayment.mutate({
          disbursementId,
          voucherNo: `GK-${i}`,
          paidOn: '2026-12-04',
          idempotencyKey: key(),
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results)
      if (r.status === 'rejected')
        expect((r.reason as { data: { code: string } }).data.code).toBe('CONFLICT');
    const payments = server.sqlite
      .prepare('select count(*) n from payment where disbursement_id = ?')
      .get(disbursementId) as { n: number };
    expect(payments.n).toBe(1);
    const entries = server.sqlite
      .prepare("select count(*) n from ledger_entry where kind = 'payment' and transfer_id = ?")
      .get(`pay:disbursement:${disbursementId}`) as { n: number };
    expect(entries.n).toBe(1);
  });

  it('catches a service that checks the budget in one transaction and commits in another (broken fixture)', async () => {
    const admin = (await signedIn(server, 'admin')).client;
    const programmeId = await createProgramme(admin, {
      name: '并发审批测试（错误实现）',
      scheme: 'award-in-lieu-of-investment',
      budgetFen: 100_000_000,
    });
    const caseIds = await inNoticeCases(server, programmeId, 10, () => 30_000_000, 'B');
    const results = await Promise.allSettled(
      caseIds.map((caseId) =>
        brokenClient(server, financeJar).broken.approve.mutate({ caseId, idempotencyKey: key() }),
      ),
    );
    const l = ledger(server, programmeId);
    // 10 × 30万 asked of 100万: the same invariant that held above is now broken.
    expect(budgetHolds(l)).toBe(false);
    expect(results.filter((r) => r.status === 'fulfilled').length).toBeGreaterThan(3);
  });

  it('catches a service that checks for a payment in one transaction and records it in another (broken fixture)', async () => {
    const disbursementId = approvedDisbursements[1]!;
    await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        brokenClient(server, financeJar).broken.recordPayment.mutate({
          disbursementId,
          voucherNo: `GK-B-${i}`,
          paidOn: '2026-12-04',
          idempotencyKey: key(),
        }),
      ),
    );
    const paid = server.sqlite
      .prepare('select count(*) n from broken_payment where disbursement_id = ?')
      .get(disbursementId) as { n: number };
    expect(paid.n).toBeGreaterThan(1);
  });
});
