/** Claim queries: which months of a centre are claimed, and which of them lock the logs. */
import type { Db } from './centres.queries';

/**
 * Statuses of the shared case lifecycle in which a claim no longer holds its months: rejected or withdrawn claims
 * free them (they may be claimed again).
 */
export const RELEASING_STATUSES = ['rejected', 'withdrawn'] as const;
/** A reviewer's return opens the logs for correction (the months stay claimed by that claim). */
export const UNLOCKING_STATUSES = ['returned', ...RELEASING_STATUSES] as const;

/**
 * Months whose logs are locked: claimed by a claim whose funding case is not returned, rejected or withdrawn
 * (a claim without a case yet counts as locked).
 */
export async function lockedMonths(db: Db, centreId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('claimed_month as m')
    .innerJoin('centre_claim as c', 'c.id', 'm.claim_id')
    .leftJoin('funding_case as f', 'f.id', 'c.funding_case_id')
    .select('m.month')
    .where('m.centre_id', '=', centreId)
    .where((eb) => eb.or([eb('f.id', 'is', null), eb('f.status', 'not in', [...UNLOCKING_STATUSES])]))
    .orderBy('m.month')
    .execute();
  return rows.map((r) => r.month);
}

/** Months held by a live claim (anything but rejected or withdrawn): they cannot be claimed again. */
export async function heldMonths(db: Db, centreId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('claimed_month as m')
    .innerJoin('centre_claim as c', 'c.id', 'm.claim_id')
    .leftJoin('funding_case as f', 'f.id', 'c.funding_case_id')
    .select('m.month')
    .where('m.centre_id', '=', centreId)
    .where((eb) => eb.or([eb('f.id', 'is', null), eb('f.status', 'not in', [...RELEASING_STATUSES])]))
    .orderBy('m.month')
    .execute();
  return rows.map((r) => r.month);
}
