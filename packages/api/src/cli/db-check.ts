/**
 * Checks that a database file can be trusted (reliability-security.md §3: "a backup is only trusted after a restore
 * drill: open it, PRAGMA integrity_check, verify the audit chain, compare row counts and ledger sums"). Used by
 * db-backup (after the copy), db-restore (before anything is replaced) and the proofs in src/proof/.
 */
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { verifyAuditChain, type AuditAnchor } from '../audit/audit.service';
import type { Database } from '../db/schema';

/** The money invariants, read straight from SQL; returns the violations (empty = all hold). */
export function moneyProblems(sqlite: BetterSqlite3.Database): string[] {
  const v: string[] = [];
  const q = <T>(sql: string) => sqlite.prepare(sql).all() as T[];
  for (const r of q<{ case_id: number; n: number }>(
    'select case_id, count(*) n from disbursement group by case_id having n > 1',
  ))
    v.push(`case ${r.case_id} has ${r.n} disbursements`);
  for (const r of q<{ case_id: number; n: number }>(
    'select d.case_id, count(*) n from payment p join disbursement d on d.id = p.disbursement_id group by d.case_id having n > 1',
  ))
    v.push(`case ${r.case_id} paid ${r.n} times`);
  for (const r of q<{ id: number }>(
    `select p.id from payment p join disbursement d on d.id = p.disbursement_id
      where (select count(*) from ledger_entry l
              where l.transfer_id = 'pay:disbursement:' || d.id and l.kind = 'payment' and l.amount_fen = p.amount_fen) != 1`,
  ))
    v.push(`payment ${r.id} has no (single) matching ledger entry`);
  for (const r of q<{ transfer_id: string }>(
    `select l.transfer_id from ledger_entry l where l.kind = 'payment'
      and not exists (select 1 from payment p where 'pay:disbursement:' || p.disbursement_id = l.transfer_id)`,
  ))
    v.push(`ledger payment ${r.transfer_id} without a payment row`);
  for (const r of q<{ id: number }>(
    `select d.id from disbursement d
      where not exists (select 1 from ledger_entry l where l.transfer_id = 'commit:case:' || d.case_id and l.kind = 'commitment')`,
  ))
    v.push(`disbursement ${r.id} without its commitment entry`);
  for (const r of q<{
    programme_id: number;
    allocation: number;
    committed: number;
    paid: number;
    recovery: number;
  }>(
    `select programme_id,
            sum(case when kind = 'allocation' then amount_fen else 0 end) allocation,
            sum(case when kind = 'commitment' then amount_fen when kind = 'release' then -amount_fen else 0 end) committed,
            sum(case when kind = 'payment' then amount_fen else 0 end) paid,
            sum(case when kind = 'recovery' then amount_fen else 0 end) recovery
       from ledger_entry group by programme_id`,
  )) {
    if (r.committed > r.allocation + r.recovery)
      v.push(
        `programme ${r.programme_id}: committed ${r.committed} > allocated ${r.allocation} + recovered ${r.recovery}`,
      );
    if (r.paid > r.committed)
      v.push(`programme ${r.programme_id}: paid ${r.paid} > committed ${r.committed}`);
    if (r.committed < 0) v.push(`programme ${r.programme_id}: committed ${r.committed} < 0`);
  }
  for (const r of q<{ programme_id: number; ledger: number; rows: number }>(
    `select d.programme_id, (select coalesce(sum(amount_fen), 0) from ledger_entry l where l.programme_id = d.programme_id and l.kind = 'payment') ledger,
            sum(p.amount_fen) rows
       from payment p join disbursement d on d.id = p.disbursement_id group by d.programme_id`,
  ))
    if (r.ledger !== r.rows)
      v.push(`programme ${r.programme_id}: ledger payments ${r.ledger} ≠ payments ${r.rows}`);
  return v;
}

export interface FileCheck {
  ok: boolean;
  integrity: string;
  audit: { ok: boolean; checked: number; message: string };
  money: string[];
  counts: Record<string, number>;
  /** Ledger sums per programme and kind, for comparing a backup with its source. */
  ledger: Record<string, number>;
}

const COUNTED = [
  'funding_case',
  'disbursement',
  'payment',
  'ledger_entry',
  'audit_event',
  'idempotency_key',
] as const;

/** Opens `path` read-only and checks integrity, the audit chain (against `anchor` when given) and the money. */
export async function checkDatabaseFile(
  path: string,
  options: { anchor?: { anchor: AuditAnchor | null; key: Buffer } } = {},
): Promise<FileCheck> {
  const sqlite = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    const integrity = (sqlite.pragma('integrity_check') as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .join('; ');
    const audit = await verifyAuditChain(db, options.anchor ? { anchor: options.anchor } : {});
    const money = moneyProblems(sqlite);
    const counts = Object.fromEntries(
      COUNTED.map((t) => [t, (sqlite.prepare(`select count(*) n from ${t}`).get() as { n: number }).n]),
    );
    const ledger = Object.fromEntries(
      (
        sqlite
          .prepare(
            'select programme_id, kind, sum(amount_fen) s from ledger_entry group by programme_id, kind',
          )
          .all() as { programme_id: number; kind: string; s: number }[]
      ).map((r) => [`${r.programme_id}:${r.kind}`, r.s]),
    );
    return {
      ok: integrity === 'ok' && audit.ok && money.length === 0,
      integrity,
      audit: { ok: audit.ok, checked: audit.checked, message: audit.message },
      money,
      counts,
      ledger,
    };
  } finally {
    await db.destroy();
  }
}

export function describeCheck(c: FileCheck): string {
  return [
    `  integrity_check: ${c.integrity}`,
    `  audit chain: ${c.audit.message}`,
    `  money: ${c.money.length === 0 ? 'ok' : c.money.join('; ')}`,
    `  rows: ${Object.entries(c.counts)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')}`,
  ].join('\n');
}
