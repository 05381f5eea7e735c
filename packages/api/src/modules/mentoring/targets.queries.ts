import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { Db } from './mentoring.common';

export interface DesignationRecord {
  id: number;
  year: number;
  menteeKey: string;
  requestId: number;
  reason: string;
  designatedBy: number;
  createdAt: string;
}

export async function listDesignations(db: Db, year?: number): Promise<DesignationRecord[]> {
  let q = db
    .selectFrom('outstanding_designation')
    .select(['id', 'year', 'mentee_key', 'request_id', 'reason', 'designated_by', 'created_at']);
  if (year !== undefined) q = q.where('year', '=', year);
  const rows = await q.orderBy('year').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    year: r.year,
    menteeKey: r.mentee_key,
    requestId: r.request_id,
    reason: r.reason,
    designatedBy: r.designated_by,
    createdAt: r.created_at,
  }));
}

export async function isDesignated(db: Db, year: number, menteeKey: string): Promise<boolean> {
  const row = await db
    .selectFrom('outstanding_designation')
    .select('id')
    .where('year', '=', year)
    .where('mentee_key', '=', menteeKey)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertDesignation(
  trx: Transaction<Database>,
  d: { year: number; menteeKey: string; requestId: number; reason: string; designatedBy: number; at: string },
): Promise<number> {
  const { id } = await trx
    .insertInto('outstanding_designation')
    .values({
      year: d.year,
      mentee_key: d.menteeKey,
      request_id: d.requestId,
      reason: d.reason,
      designated_by: d.designatedBy,
      created_at: d.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Session dates and durations per pairing (the yearly figures and the contribution export). */
export async function listSessionFacts(
  db: Db,
): Promise<{ pairingId: number; date: string; durationMinutes: number }[]> {
  const rows = await db
    .selectFrom('mentoring_session')
    .select(['pairing_id', 'date', 'duration_minutes'])
    .orderBy('date')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ pairingId: r.pairing_id, date: r.date, durationMinutes: r.duration_minutes }));
}
