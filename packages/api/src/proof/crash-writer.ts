/**
 * R4 crash-loop writer (reliability-security.md §3 "kill -9 test"), run by crash-loop.test.ts:
 *
 *   node --import tsx src/proof/crash-writer.ts <db-file> '<json config>'
 *
 * Loads its modules, prints `LOADED` and waits for `GO` on stdin (so that the parent can warm the next writer while
 * it checks the last crash), then opens the file exactly as the server does (`openDatabase`: WAL, synchronous=FULL,
 * BEGIN IMMEDIATE) and loops over real money writes, ONE transaction each, built from the production pieces
 * (withIdempotency, the domain transitions, appendLedgerEntry, updateCase, recordAudit):
 *   - allocate: idempotency row + allocation ledger entry + audit event (as budget.allocate);
 *   - approve:  the next case in notice → commitment entry + disbursement + case update + audit (as finance.approve);
 *   - pay:      the next unpaid disbursement → payment + payment entry + case update + audit (as finance.recordPayment).
 * Each acknowledgement (`ACK …`) is printed only AFTER the commit has returned; the parent SIGKILLs at random.
 * (The full services are not imported: their module graph (exceljs …) takes seconds to load per process.)
 */
import { randomUUID } from 'node:crypto';
import { approve as approveCase, disburse, type Actor } from '@fund/domain';
import { recordAudit } from '../audit/audit.service';
import { openDatabase } from '../db/connection';
import { withIdempotency } from '../idempotency';
import { columnsOf, toFundingCase } from '../modules/funding/case-state';
import { updateCase } from '../modules/funding/cases.queries';
import { appendLedgerEntry, budgetOf } from '../modules/funding/ledger.queries';

export interface CrashWriterConfig {
  programmeId: number;
  adminId: number;
  financeId: number;
  /** ISO instant the writes are dated (after the seeded notice period). */
  now: string;
}

const [file, json] = process.argv.slice(2);
if (!file || !json) {
  console.error('usage: crash-writer.ts <db-file> <json config>');
  process.exit(2);
}
const cfg = JSON.parse(json) as CrashWriterConfig;
/**
 * Deliberately broken writers, to show that crash-loop.test.ts can fail (ADR 010), never used otherwise:
 * `ack-early` acknowledges allocations inside a 20-allocation transaction, before its COMMIT; `split` writes the
 * ledger entry and the audit event of an allocation in two transactions.
 */
const MUTANT = process.env.CRASH_WRITER_MUTANT ?? '';
const now = new Date(cfg.now);
const admin = { now, ip: null, user: { id: cfg.adminId, username: 'admin' } };
const finance = { now, ip: null, user: { id: cfg.financeId, username: 'finance' } };
const financeActor = { id: cfg.financeId, roles: ['finance'] } as unknown as Actor;

console.log('LOADED');
process.stdin.setEncoding('utf8');
process.stdin.once('data', () => void main());

async function main(): Promise<void> {
  const { db } = openDatabase(file!);
  console.log('READY');
  for (let i = 0; ; i += 1) {
    const op = i % 3;
    if (op === 0) {
      // The `ack-early` mutant groups 20 allocations in one transaction and acknowledges each before the COMMIT
      // (a "group commit" that answers too soon); the correct writer commits each one, then acknowledges it.
      const batch = MUTANT === 'ack-early' ? 20 : 1;
      const acks: string[] = [];
      await db.transaction().execute(async (trx) => {
        for (let b = 0; b < batch; b += 1) {
          const k = randomUUID();
          const amountFen = 100_000_000 + ((i + b) % 97);
          await withIdempotency(
            trx,
            { key: k, actorId: cfg.adminId, procedure: 'budget.allocate', request: { amountFen }, now },
            async () => {
              await appendLedgerEntry(trx, {
                transferId: `allocation:${cfg.adminId}:${k}`,
                programmeId: cfg.programmeId,
                kind: 'allocation',
                amountFen,
                caseId: null,
                memo: 'crash-loop',
                by: cfg.adminId,
                now,
              });
              const audit = {
                action: 'proof.crash.allocate',
                objectType: 'programme',
                objectId: cfg.programmeId,
                summary: `崩溃测试下达预算 ${amountFen}`,
              };
              if (MUTANT !== 'split') await recordAudit(trx, admin, audit);
              else setImmediate(() => void db.transaction().execute((t2) => recordAudit(t2, admin, audit)));
              return { ok: true };
            },
          );
          const ack = `ACK alloc allocation:${cfg.adminId}:${k} ${amountFen}`;
          if (MUTANT === 'ack-early') console.log(ack);
          else acks.push(ack);
        }
      });
      for (const ack of acks) console.log(ack);
    } else if (op === 1) {
      const k = randomUUID();
      const done = await db.transaction().execute((trx) =>
        withIdempotency(
          trx,
          { key: k, actorId: cfg.financeId, procedure: 'finance.approve', request: { i }, now },
          async () => {
            const row = await trx
              .selectFrom('funding_case')
              .selectAll()
              .where('programme_id', '=', cfg.programmeId)
              .where('status', '=', 'in_notice')
              .orderBy('id')
              .limit(1)
              .executeTakeFirst();
            if (!row) return null;
            const budget = await budgetOf(trx, row.programme_id);
            const next = approveCase(toFundingCase(row), financeActor, cfg.now, {
              openObjections: 0,
              budgetRemainingFen: budget.availableFen,
            });
            const account = await trx
              .selectFrom('enterprise_bank_account')
              .select('id')
              .where('enterprise_id', '=', row.enterprise_id)
              .where('status', '=', 'verified')
              .executeTakeFirstOrThrow();
            await appendLedgerEntry(trx, {
              transferId: `commit:case:${row.id}`,
              programmeId: row.programme_id,
              kind: 'commitment',
              amountFen: next.amountFen,
              caseId: row.id,
              memo: 'crash-loop',
              by: cfg.financeId,
              now,
            });
            const { id } = await trx
              .insertInto('disbursement')
              .values({
                case_id: row.id,
                programme_id: row.programme_id,
                idem_key: `${cfg.financeId}:${k}`,
                amount_fen: next.amountFen,
                bank_account_id: account.id,
                batch_id: null,
                approved_by: cfg.financeId,
                approved_at: next.approvedAt,
              })
              .returning('id')
              .executeTakeFirstOrThrow();
            await updateCase(trx, row.id, columnsOf(next), now);
            await recordAudit(trx, finance, {
              action: 'proof.crash.approve',
              objectType: 'funding_case',
              objectId: row.id,
              summary: `崩溃测试审批 ${row.case_no}`,
              details: { disbursementId: id, amountFen: next.amountFen },
            });
            return { caseId: row.id, disbursementId: id };
          },
        ),
      );
      if (done) console.log(`ACK approve ${done.caseId} ${done.disbursementId}`);
    } else {
      const k = randomUUID();
      const done = await db.transaction().execute((trx) =>
        withIdempotency(
          trx,
          { key: k, actorId: cfg.financeId, procedure: 'finance.recordPayment', request: { i }, now },
          async () => {
            const d = await trx
              .selectFrom('disbursement')
              .leftJoin('payment', 'payment.disbursement_id', 'disbursement.id')
              .selectAll('disbursement')
              .where('payment.id', 'is', null)
              .where('disbursement.programme_id', '=', cfg.programmeId)
              .orderBy('disbursement.id')
              .limit(1)
              .executeTakeFirst();
            if (!d) return null;
            const row = await trx
              .selectFrom('funding_case')
              .selectAll()
              .where('id', '=', d.case_id)
              .executeTakeFirstOrThrow();
            const next = disburse(toFundingCase(row), financeActor, cfg.now, {
              voucherNo: `GK-CRASH-${d.id}`,
              paidOn: cfg.now.slice(0, 10),
            });
            const { id } = await trx
              .insertInto('payment')
              .values({
                disbursement_id: d.id,
                voucher_no: next.voucherNo,
                paid_on: next.paidOn,
                amount_fen: d.amount_fen,
                recorded_by: cfg.financeId,
                recorded_at: cfg.now,
                idem_key: `${cfg.financeId}:${k}`,
              })
              .returning('id')
              .executeTakeFirstOrThrow();
            await appendLedgerEntry(trx, {
              transferId: `pay:disbursement:${d.id}`,
              programmeId: d.programme_id,
              kind: 'payment',
              amountFen: d.amount_fen,
              caseId: row.id,
              memo: 'crash-loop',
              by: cfg.financeId,
              now,
            });
            await updateCase(trx, row.id, columnsOf(next), now);
            await recordAudit(trx, finance, {
              action: 'proof.crash.pay',
              objectType: 'funding_case',
              objectId: row.id,
              summary: `崩溃测试拨付 ${row.case_no}`,
              details: { disbursementId: d.id, paymentId: id },
            });
            return { disbursementId: d.id, paymentId: id };
          },
        ),
      );
      if (done) console.log(`ACK pay ${done.disbursementId} ${done.paymentId}`);
    }
  }
}
