/**
 * R3 idempotency contract (reliability-security.md §1/§6, Stripe semantics), over real HTTP for the money procedures
 * `finance.approve` and `finance.recordPayment`. What src/idempotency.test.ts (unit) and funding.test.ts already show
 * — replay equal by value, other body → CONFLICT, scoping — is taken further here:
 * - same key + same body → BYTE-identical response body and no new rows in disbursement, payment, ledger_entry,
 *   audit_event, idempotency_key, notification;
 * - same key + other body → CONFLICT (IDEMPOTENCY.KEY_REUSED), nothing written;
 * - the same key sent 20 times at once over HTTP → one effect, 20 identical answers;
 * - a key reused by another user → never replays the first user's answer (keys are scoped per actor) and is
 *   refused for the same effect; the database's `disbursement.idem_key`/`payment.idem_key` hold `actor:key`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CookieJar, TestServer } from '../test/harness';
import { key, signedIn, startFundingServer } from '../modules/funding/test/fixtures';
import { AFTER_NOTICE, createProgramme } from '../modules/funding/test/flow';
import { inNoticeCases, moneyViolations } from './proof-world';

const TABLES = [
  'disbursement',
  'payment',
  'ledger_entry',
  'audit_event',
  'idempotency_key',
  'notification',
] as const;

function counts(server: TestServer): Record<(typeof TABLES)[number], number> {
  return Object.fromEntries(
    TABLES.map((t) => [t, (server.sqlite.prepare(`select count(*) n from ${t}`).get() as { n: number }).n]),
  ) as Record<(typeof TABLES)[number], number>;
}

/** A raw tRPC mutation over HTTP, as the browser sends it; returns status and the exact body text. */
async function post(server: TestServer, jar: CookieJar, path: string, input: unknown) {
  const res = await server.fetch(
    `/trpc/${path}`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-fund-request': '1' },
      body: JSON.stringify(input),
    },
    jar,
  );
  return { status: res.status, body: await res.text() };
}

describe('idempotency contract of the money procedures (R3)', () => {
  let server: TestServer;
  let finance: CookieJar;
  let finance2: CookieJar;
  let caseIds: number[];

  beforeAll(async () => {
    server = await startFundingServer();
    const admin = (await signedIn(server, 'admin')).client;
    const programmeId = await createProgramme(admin, {
      name: '幂等契约测试',
      scheme: 'award-in-lieu-of-investment',
      budgetFen: 1_000_000_000,
    });
    caseIds = await inNoticeCases(server, programmeId, 6, 10_000_000, 'IC');
    server.clock.freeze(AFTER_NOTICE);
    finance = (await signedIn(server, 'finance')).jar;
    finance2 = (await signedIn(server, 'finance2')).jar;
  });
  afterAll(async () => {
    expect(await moneyViolations(server.db, server.sqlite)).toEqual([]);
    await server.close();
  });

  for (const procedure of ['finance.approve', 'finance.recordPayment'] as const) {
    it(`${procedure}: same key + same body → byte-identical response and no new rows`, async () => {
      const caseId = procedure === 'finance.approve' ? caseIds[0]! : caseIds[1]!;
      let input: Record<string, unknown> = { caseId, idempotencyKey: key() };
      if (procedure === 'finance.recordPayment') {
        const a = await post(server, finance, 'finance.approve', { caseId, idempotencyKey: key() });
        const disbursementId = (JSON.parse(a.body) as { result: { data: { disbursementId: number } } }).result
          .data.disbursementId;
        input = { disbursementId, voucherNo: 'GK-IDEM-1', paidOn: '2026-12-04', idempotencyKey: key() };
      }
      const first = await post(server, finance, procedure, input);
      expect(first.status).toBe(200);
      const after = counts(server);
      for (let i = 0; i < 3; i += 1) {
        const again = await post(server, finance, procedure, input);
        expect(again.status).toBe(200);
        expect(again.body).toBe(first.body);
      }
      expect(counts(server)).toEqual(after);
    });
  }

  it('same key + other body → CONFLICT, nothing written', async () => {
    const k = key();
    const first = await post(server, finance, 'finance.approve', { caseId: caseIds[2]!, idempotencyKey: k });
    expect(first.status).toBe(200);
    const disbursementId = (JSON.parse(first.body) as { result: { data: { disbursementId: number } } }).result
      .data.disbursementId;
    const before = counts(server);
    const other = await post(server, finance, 'finance.approve', { caseId: caseIds[3]!, idempotencyKey: k });
    expect(other.status).toBe(409);
    expect(JSON.parse(other.body)).toMatchObject({
      error: { data: { domainCode: 'IDEMPOTENCY.KEY_REUSED' } },
    });
    const pk = key();
    const paid = await post(server, finance, 'finance.recordPayment', {
      disbursementId,
      voucherNo: 'GK-A',
      paidOn: '2026-12-04',
      idempotencyKey: pk,
    });
    expect(paid.status).toBe(200);
    const mid = counts(server);
    const changed = await post(server, finance, 'finance.recordPayment', {
      disbursementId,
      voucherNo: 'GK-B',
      paidOn: '2026-12-04',
      idempotencyKey: pk,
    });
    expect(changed.status).toBe(409);
    expect(JSON.parse(changed.body)).toMatchObject({
      error: { data: { domainCode: 'IDEMPOTENCY.KEY_REUSED' } },
    });
    expect(counts(server)).toEqual(mid);
    expect(mid.payment).toBe(before.payment + 1);
  });

  it('the same key sent 20 times at once → one effect and 20 identical answers', async () => {
    const before = counts(server);
    const approveInput = { caseId: caseIds[4]!, idempotencyKey: key() };
    const approvals = await Promise.all(
      Array.from({ length: 20 }, () => post(server, finance, 'finance.approve', approveInput)),
    );
    expect(new Set(approvals.map((a) => `${a.status} ${a.body}`)).size).toBe(1);
    expect(approvals[0]!.status).toBe(200);
    const disbursementId = (
      JSON.parse(approvals[0]!.body) as { result: { data: { disbursementId: number } } }
    ).result.data.disbursementId;
    const payInput = { disbursementId, voucherNo: 'GK-PAR', paidOn: '2026-12-04', idempotencyKey: key() };
    const payments = await Promise.all(
      Array.from({ length: 20 }, () => post(server, finance, 'finance.recordPayment', payInput)),
    );
    expect(new Set(payments.map((p) => `${p.status} ${p.body}`)).size).toBe(1);
    expect(payments[0]!.status).toBe(200);
    const after = counts(server);
    expect(after.disbursement - before.disbursement).toBe(1);
    expect(after.payment - before.payment).toBe(1);
    expect(after.idempotency_key - before.idempotency_key).toBe(2);
    // commitment + payment entries: one each.
    expect(after.ledger_entry - before.ledger_entry).toBe(2);
  });

  it('a key reused by another user is refused and never replays the first user’s answer', async () => {
    const k = key();
    const mine = await post(server, finance, 'finance.approve', { caseId: caseIds[5]!, idempotencyKey: k });
    expect(mine.status).toBe(200);
    const disbursementId = (JSON.parse(mine.body) as { result: { data: { disbursementId: number } } }).result
      .data.disbursementId;
    const before = counts(server);
    // Another finance officer replays the captured request (same key, same body): not a replay of the first answer,
    // a new request — refused because the case is already approved.
    const theirs = await post(server, finance2, 'finance.approve', {
      caseId: caseIds[5]!,
      idempotencyKey: k,
    });
    expect(theirs.status).toBe(409);
    expect(theirs.body).not.toContain(String(disbursementId) + ',');
    expect(JSON.parse(theirs.body)).toMatchObject({ error: { data: { code: 'CONFLICT' } } });
    // The same for a payment key.
    const pk = key();
    const pay = { disbursementId, voucherNo: 'GK-U1', paidOn: '2026-12-04', idempotencyKey: pk };
    expect((await post(server, finance, 'finance.recordPayment', pay)).status).toBe(200);
    const mid = counts(server);
    const replayed = await post(server, finance2, 'finance.recordPayment', pay);
    expect(replayed.status).toBe(409);
    expect(JSON.parse(replayed.body)).toMatchObject({
      error: { data: { domainCode: 'FUNDING.ALREADY_PAID' } },
    });
    expect(counts(server)).toEqual(mid);
    expect(mid.payment).toBe(before.payment + 1);
    // The stored keys carry the actor, so the database itself cannot confuse two users' keys.
    const rows = server.sqlite
      .prepare('select idem_key from payment where disbursement_id = ?')
      .all(disbursementId) as {
      idem_key: string;
    }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]!.idem_key).toMatch(new RegExp(`^\\d+:${pk}$`));
  });
});
