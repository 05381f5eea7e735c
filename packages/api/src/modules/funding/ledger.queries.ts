/**
 * The budget ledger (ADR 006): append-only rows, one per movement, balances derived by SUM over the
 * (programme_id, kind) index. Budget checks and the entry that depends on them run in ONE transaction.
 */
import { fen, type Fen } from '@fund/domain';
import type { Transaction } from 'kysely';
import { precompiled } from '../../db/precompiled';
import type { Database } from '../../db/schema';
import type { Db } from './funding.common';
import type { LedgerKind } from './funding.tables';

export interface BudgetBalances {
  allocatedFen: Fen;
  /** Approved (committed) money, net of releases; paid money stays in here too. */
  committedFen: Fen;
  paidFen: Fen;
  recoveredFen: Fen;
  /** allocated + recovered − committed: what approvals may still commit; never negative. */
  availableFen: Fen;
}

const EMPTY: Record<LedgerKind, number> = {
  allocation: 0,
  commitment: 0,
  payment: 0,
  release: 0,
  recovery: 0,
};

export function balancesOf(sums: Record<LedgerKind, number>): BudgetBalances {
  const committed = sums.commitment - sums.release;
  return {
    allocatedFen: fen(sums.allocation),
    committedFen: fen(committed),
    paidFen: fen(sums.payment),
    recoveredFen: fen(sums.recovery),
    availableFen: fen(sums.allocation + sums.recovery - committed),
  };
}

export async function budgetBalances(
  db: Db,
  programmeIds: readonly number[],
): Promise<Map<number, BudgetBalances>> {
  const out = new Map<number, BudgetBalances>();
  if (programmeIds.length === 0) return out;
  const rows = await db
    .selectFrom('ledger_entry')
    .select((eb) => ['programme_id', 'kind', eb.fn.sum<number>('amount_fen').as('total')])
    .where('programme_id', 'in', programmeIds)
    .groupBy(['programme_id', 'kind'])
    .execute();
  const sums = new Map<number, Record<LedgerKind, number>>();
  for (const id of programmeIds) sums.set(id, { ...EMPTY });
  for (const r of rows) sums.get(r.programme_id)![r.kind] = Number(r.total);
  for (const [id, s] of sums) out.set(id, balancesOf(s));
  return out;
}

/** One programme's sums, compiled once (ADR 014): read by every approval, inside its transaction. */
const programmeSums = precompiled((db, programmeId: number) =>
  db
    .selectFrom('ledger_entry')
    .select((eb) => ['kind', eb.fn.sum<number>('amount_fen').as('total')])
    .where('programme_id', '=', programmeId)
    .groupBy('kind'),
);

export async function budgetOf(db: Db, programmeId: number): Promise<BudgetBalances> {
  const sums = { ...EMPTY };
  for (const r of await programmeSums(db, programmeId)) sums[r.kind] = Number(r.total);
  return balancesOf(sums);
}

const insertLedgerEntry = precompiled(
  (
    db,
    transferId: string,
    programmeId: number,
    kind: LedgerKind,
    amountFen: number,
    caseId: number | null,
    memo: string,
    by: number | null,
    createdAt: string,
  ) =>
    (db as Transaction<Database>).insertInto('ledger_entry').values({
      transfer_id: transferId,
      programme_id: programmeId,
      kind,
      amount_fen: amountFen,
      case_id: caseId,
      memo,
      created_by: by,
      created_at: createdAt,
    }),
);

export async function appendLedgerEntry(
  trx: Transaction<Database>,
  e: {
    transferId: string;
    programmeId: number;
    kind: LedgerKind;
    amountFen: number;
    caseId: number | null;
    memo?: string;
    by: number | null;
    now: Date;
  },
): Promise<void> {
  await insertLedgerEntry(
    trx,
    e.transferId,
    e.programmeId,
    e.kind,
    e.amountFen,
    e.caseId,
    e.memo ?? '',
    e.by,
    e.now.toISOString(),
  );
}
