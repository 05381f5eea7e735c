/**
 * TEST FIXTURE ONLY — never mounted in the app router. A deliberately BROKEN variant of approval and payment
 * recording that checks in one transaction and acts in another, with an `await` in between (reliability-security.md
 * §1: "never check in one transaction and act in another"). The concurrency tests run the same parallel requests
 * against it to prove that they would catch the bug: the budget is overdrawn and one disbursement is paid many times.
 *
 * The real `payment` table has `disbursement_id UNIQUE`, which would stop the broken payment at the database (the
 * last line of defence, as it should). To show the race in the *service* logic, the broken variant writes to its
 * own table `broken_payment`, created by the test with no UNIQUE constraint (`createBrokenPaymentTable`). Nothing in
 * production code bypasses a constraint for this.
 */
import { approve as approveCase, conflict } from '@fund/domain';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import { inTransaction, router, withPermission } from '../../../trpc';
import { columnsOf, toFundingCase } from '../case-state';
import { findCaseRow, updateCase } from '../cases.queries';
import { actorOf, caseNotFound, nowIso } from '../funding.common';
import { ApproveInput, RecordPayment } from '../funding.schemas';
import { appendLedgerEntry, budgetOf } from '../ledger.queries';

const GAP_MS = 20;
const gap = () => new Promise<void>((resolve) => setTimeout(resolve, GAP_MS));

export async function createBrokenPaymentTable(db: Kysely<Database>): Promise<void> {
  await sql`create table broken_payment (id integer primary key autoincrement, disbursement_id integer not null, voucher_no text not null, idem_key text not null)`.execute(
    db,
  );
}

export const brokenFinanceRouter = router({
  approve: withPermission('application.approve')
    .input(ApproveInput)
    .mutation(async ({ ctx, input }) => {
      // Transaction 1: check (the budget looks sufficient to every request that reads it now) …
      const { row, next } = await inTransaction(ctx, async (trx) => {
        const row = await findCaseRow(trx, input.caseId);
        if (!row) throw caseNotFound();
        const budget = await budgetOf(trx, row.programme_id);
        const next = approveCase(toFundingCase(row), actorOf(ctx), nowIso(ctx), {
          openObjections: 0,
          budgetRemainingFen: budget.availableFen,
        });
        return { row, next };
      });
      await gap(); // … other requests run here …
      // Transaction 2: act on a check that may no longer hold.
      await inTransaction(ctx, async (trx) => {
        await appendLedgerEntry(trx, {
          transferId: `broken-commit:case:${row.id}`,
          programmeId: row.programme_id,
          kind: 'commitment',
          amountFen: next.amountFen,
          caseId: row.id,
          by: ctx.user.id,
          now: ctx.now,
        });
        await updateCase(trx, row.id, columnsOf(next), ctx.now);
      });
      return { caseId: row.id, amountFen: next.amountFen };
    }),
  recordPayment: withPermission('payment.record')
    .input(RecordPayment)
    .mutation(async ({ ctx, input }) => {
      const already = await inTransaction(ctx, async (trx) => {
        const r = await sql<{
          n: number;
        }>`select count(*) as n from broken_payment where disbursement_id = ${input.disbursementId}`.execute(
          trx,
        );
        return Number(r.rows[0]?.n ?? 0) > 0;
      });
      if (already) throw conflict('FUNDING.ALREADY_PAID', '该拨付单已登记付款，不能重复登记');
      await gap();
      await inTransaction(ctx, async (trx) => {
        await sql`insert into broken_payment (disbursement_id, voucher_no, idem_key) values (${input.disbursementId}, ${input.voucherNo}, ${input.idempotencyKey})`.execute(
          trx,
        );
      });
      return { ok: true as const };
    }),
});
