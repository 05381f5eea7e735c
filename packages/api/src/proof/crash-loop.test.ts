/**
 * R4 crash loop (reliability-security.md §3/§6, G3): a writer child (src/proof/crash-writer.ts) opens the database as
 * the server does (WAL, synchronous=FULL) and loops over money transactions, printing `ACK …` only after each commit
 * returned. The parent SIGKILLs it after a random 150–750 ms, CRASH_KILLS times (30 in CI), and after every kill
 * reopens the file and asserts: integrity_check = ok; every acknowledged allocation / approval / payment is there; no
 * partial transfer (each writer transaction left exactly one ledger entry and one audit event; no payment without its
 * ledger entry; no approved case without disbursement + commitment); money invariants; the audit chain verifies.
 * The next writer is started (modules loaded) while the previous crash is checked, to keep 30 kills under a minute.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connection';
import { signedIn, startFundingServer, userId } from '../modules/funding/test/fixtures';
import { AFTER_NOTICE, createProgramme } from '../modules/funding/test/flow';
import { spawnTs, type Child } from './child';
import type { CrashWriterConfig } from './crash-writer';
import { inNoticeCases, moneyViolations } from './proof-world';

const KILLS = Number(process.env.CRASH_KILLS ?? 30);

interface Acks {
  alloc: { transferId: string; amountFen: number }[];
  approve: { caseId: number; disbursementId: number }[];
  pay: { disbursementId: number; paymentId: number }[];
}

function parseAcks(lines: string[], into: Acks): void {
  for (const l of lines) {
    const [tag, kind, a, b] = l.split(' ');
    if (tag !== 'ACK') continue;
    if (kind === 'alloc') into.alloc.push({ transferId: a!, amountFen: Number(b) });
    if (kind === 'approve') into.approve.push({ caseId: Number(a), disbursementId: Number(b) });
    if (kind === 'pay') into.pay.push({ disbursementId: Number(a), paymentId: Number(b) });
  }
}

describe('kill -9 of a writer never loses an acknowledged transaction nor leaves a partial one (R4)', () => {
  let dir: string;
  let dbPath: string;
  let cfg: CrashWriterConfig;

  beforeAll(async () => {
    const server = await startFundingServer();
    try {
      const admin = (await signedIn(server, 'admin')).client;
      const programmeId = await createProgramme(admin, {
        name: '崩溃测试',
        scheme: 'award-in-lieu-of-investment',
        budgetFen: 10_000_000_000,
      });
      await inNoticeCases(server, programmeId, 1000, 1_000_000, 'CR');
      dir = mkdtempSync(join(tmpdir(), 'fund-proof-crash-'));
      dbPath = join(dir, 'crash.db');
      server.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      await server.sqlite.backup(dbPath);
      cfg = {
        programmeId,
        adminId: userId(server, 'admin'),
        financeId: userId(server, 'finance'),
        now: AFTER_NOTICE.toISOString(),
      };
    } finally {
      await server.close();
    }
  }, 60_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it(`survives ${KILLS} SIGKILLs at random moments`, async () => {
    const acks: Acks = { alloc: [], approve: [], pay: [] };
    const spawnWriter = () => {
      const c = spawnTs('src/proof/crash-writer.ts', [dbPath, JSON.stringify(cfg)]);
      return { child: c, loaded: c.waitFor(/^LOADED$/, 60_000) };
    };
    let next: { child: Child; loaded: Promise<string> } = spawnWriter();
    let ambiguous = 0;
    for (let kill = 0; kill < KILLS; kill += 1) {
      const { child, loaded } = next;
      await loaded;
      child.proc.stdin.write('GO\n');
      await child.waitFor(/^READY$/);
      const delay = 150 + Math.floor(Math.random() * 600);
      await new Promise((r) => setTimeout(r, delay));
      child.proc.kill('SIGKILL');
      next = kill + 1 < KILLS ? spawnWriter() : next; // warm the next writer while this crash is checked
      const exit = await child.exited;
      expect(exit.signal).toBe('SIGKILL');
      expect(child.stderr()).toBe('');
      parseAcks(child.lines, acks);

      const raw = new BetterSqlite3(dbPath);
      try {
        expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
        const has = (sql: string, ...args: unknown[]) => raw.prepare(sql).get(...args) !== undefined;
        for (const a of acks.alloc)
          expect(
            has(
              "select 1 from ledger_entry where transfer_id = ? and amount_fen = ? and kind = 'allocation'",
              a.transferId,
              a.amountFen,
            ),
            a.transferId,
          ).toBe(true);
        for (const a of acks.approve) {
          expect(
            has('select 1 from disbursement where id = ? and case_id = ?', a.disbursementId, a.caseId),
          ).toBe(true);
          expect(has('select 1 from ledger_entry where transfer_id = ?', `commit:case:${a.caseId}`)).toBe(
            true,
          );
        }
        for (const a of acks.pay)
          expect(
            has('select 1 from payment where id = ? and disbursement_id = ?', a.paymentId, a.disbursementId),
          ).toBe(true);
        // No partial transaction: every writer transaction wrote exactly one ledger entry and one audit event.
        const writes = raw.prepare("select count(*) n from ledger_entry where memo = 'crash-loop'").get() as {
          n: number;
        };
        const audits = raw
          .prepare("select count(*) n from audit_event where action like 'proof.crash.%'")
          .get() as { n: number };
        expect(audits.n).toBe(writes.n);
        const acked = acks.alloc.length + acks.approve.length + acks.pay.length;
        // Committed but killed before the ACK was printed: at most one per kill (the ambiguous case that idempotency
        // keys resolve); never fewer rows than acknowledgements.
        const unacked = writes.n - acked - ambiguous;
        expect(unacked).toBeGreaterThanOrEqual(0);
        expect(unacked).toBeLessThanOrEqual(1);
        ambiguous += unacked;
        const orphans = raw
          .prepare(
            `select count(*) n from funding_case c where c.status in ('approved', 'disbursed')
               and (not exists (select 1 from disbursement d where d.case_id = c.id)
                 or not exists (select 1 from ledger_entry l where l.transfer_id = 'commit:case:' || c.id))`,
          )
          .get() as { n: number };
        expect(orphans.n).toBe(0);
        const unpaidDisbursed = raw
          .prepare(
            "select count(*) n from funding_case c where c.status = 'disbursed' and not exists (select 1 from disbursement d join payment p on p.disbursement_id = d.id where d.case_id = c.id)",
          )
          .get() as { n: number };
        expect(unpaidDisbursed.n).toBe(0);
      } finally {
        raw.close();
      }
      const { db, sqlite } = openDatabase(dbPath);
      try {
        expect(await moneyViolations(db, sqlite)).toEqual([]);
      } finally {
        await db.destroy();
      }
    }
    const total = acks.alloc.length + acks.approve.length + acks.pay.length;
    console.log(
      `crash loop: ${KILLS} kills, ${total} acknowledged transactions (${acks.alloc.length} allocations, ${acks.approve.length} approvals, ${acks.pay.length} payments), 0 lost, ${ambiguous} committed-but-unacknowledged`,
    );
    expect(acks.pay.length).toBeGreaterThan(0);
  }, 300_000);
});
