/**
 * Occupancy logs (在驻/出勤台账): for each allocated workstation and month, days present or the manager's monthly
 * attestation (domain-rules.md §6). The grid is read with one query set; saving writes every row of the grid in one
 * transaction (upsert on (allocation_id, month)). A month held by a submitted claim is locked until a reviewer returns
 * the claim (`CENTRES.CLAIMED_MONTH_LOCKED`).
 */
import { allocatedDaysInMonth, conflict, daysInMonth, invalid, OCCUPANT_TYPE_LABELS } from '@fund/domain';
import type { Transaction } from 'kysely';
import { recordAudit } from '../../audit/audit.service';
import { cachedRead } from '../../db/read-cache';
import type { Database } from '../../db/schema';
import { inTransaction } from '../../trpc';
import type { AuthedContext } from '../auth/auth.service';
import { allocationNotFound } from './allocations.service';
import { requireOperableCentre, requireReadableCentre } from './centres.service';
import type { Db } from './centres.queries';
import type { OccupancyGridQuery, PresenceRow, SaveOccupancy } from './centres.schemas';
import { lockedMonths } from './claims.queries';
import { gridAllocations, workstationsInService } from './occupancy.queries';

export function monthRange(month: string): { first: string; last: string; days: number } {
  const days = daysInMonth(month);
  return { first: `${month}-01`, last: `${month}-${String(days).padStart(2, '0')}`, days };
}

export const monthLocked = (month: string) =>
  conflict('CENTRES.CLAIMED_MONTH_LOCKED', `${month} 已申报，台账已锁定；如需更正，请由审核人员退回申报后再修改`, { months: [month] });

export interface GridRow {
  workstationId: number;
  code: string;
  zone: string;
  designation: 'free' | 'preferential';
  /** null: no allocation touches the month (a vacant desk, shown greyed). */
  allocationId: number | null;
  occupantType: 'enterprise' | 'founder' | 'team' | null;
  occupantTypeLabel: string | null;
  occupantName: string | null;
  terms: 'free' | 'preferential' | null;
  startsOn: string | null;
  endsOn: string | null;
  /** Days of the month covered by the allocation. */
  allocatedDays: number;
  daysPresent: number | null;
  attested: boolean;
  recorded: boolean;
}

export interface OccupancyGrid {
  centreId: number;
  month: string;
  daysInMonth: number;
  locked: boolean;
  rows: GridRow[];
  summary: { workstations: number; allocations: number; recorded: number; missing: number };
}

export async function grid(ctx: AuthedContext, input: OccupancyGridQuery): Promise<OccupancyGrid> {
  // Scope first, on every request: the cache below holds grids of every centre (ADR 014).
  await requireReadableCentre(ctx.db, ctx.user, input.centreId);
  return cachedRead(ctx.db, `occupancy.grid|${input.centreId}|${input.month}`, () =>
    computeGrid(ctx.db, input.centreId, input.month),
  );
}

/** The grid of a centre and month as stored; no access check (callers do it). */
async function computeGrid(db: Db, centreId: number, month: string): Promise<OccupancyGrid> {
  const { first, last, days } = monthRange(month);
  const [workstations, allocations, locked] = await Promise.all([
    workstationsInService(db, centreId, first, last),
    gridAllocations(db, centreId, month, first, last),
    lockedMonths(db, centreId),
  ]);
  const byWs = new Map<number, typeof allocations>();
  for (const a of allocations) {
    const list = byWs.get(a.workstationId) ?? [];
    list.push(a);
    byWs.set(a.workstationId, list);
  }
  const rows: GridRow[] = [];
  for (const w of workstations) {
    const base = { workstationId: w.id, code: w.code, zone: w.zone, designation: w.designation };
    const list = byWs.get(w.id);
    if (!list) {
      rows.push({ ...base, allocationId: null, occupantType: null, occupantTypeLabel: null, occupantName: null, terms: null, startsOn: null, endsOn: null, allocatedDays: 0, daysPresent: null, attested: false, recorded: false });
      continue;
    }
    for (const a of list) {
      rows.push({
        ...base,
        allocationId: a.id,
        occupantType: a.occupantType,
        occupantTypeLabel: OCCUPANT_TYPE_LABELS[a.occupantType],
        occupantName: a.occupantName,
        terms: a.terms,
        startsOn: a.startsOn,
        endsOn: a.endsOn,
        allocatedDays: allocatedDaysInMonth(a, month),
        daysPresent: a.daysPresent,
        attested: a.attested === true,
        recorded: a.attested !== null,
      });
    }
  }
  const withAllocation = rows.filter((r) => r.allocationId !== null);
  const recorded = withAllocation.filter((r) => r.recorded).length;
  return {
    centreId,
    month,
    daysInMonth: days,
    locked: locked.includes(month),
    rows,
    summary: { workstations: workstations.length, allocations: withAllocation.length, recorded, missing: withAllocation.length - recorded },
  };
}

/**
 * Upserts presence rows of one centre and month inside the caller's transaction. Every allocation must belong to the
 * centre and touch the month; days present cannot exceed the allocated days of the month.
 */
export async function upsertPresence(
  trx: Transaction<Database>,
  ctx: AuthedContext,
  centreId: number,
  month: string,
  rows: readonly PresenceRow[],
  importBatchId: number | null,
): Promise<number> {
  if ((await lockedMonths(trx, centreId)).includes(month)) throw monthLocked(month);
  const { first, last, days } = monthRange(month);
  const ids = [...new Set(rows.map((r) => r.allocationId))];
  if (ids.length !== rows.length) throw invalid('CENTRES.DUPLICATE_PRESENCE', `${month} 有重复的出勤记录，每条分配每月只能填写一行`);
  const found = new Map<number, { startsOn: string; endsOn: string | null }>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = await trx
      .selectFrom('allocation')
      .select(['id', 'starts_on', 'ends_on'])
      .where('centre_id', '=', centreId)
      .where('id', 'in', ids.slice(i, i + 500))
      .where('starts_on', '<=', last)
      .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', first)]))
      .execute();
    for (const a of chunk) found.set(a.id, { startsOn: a.starts_on, endsOn: a.ends_on });
  }
  for (const r of rows) {
    const a = found.get(r.allocationId);
    if (!a) throw allocationNotFound();
    const allocated = allocatedDaysInMonth(a, month);
    if (r.daysPresent !== null && (r.daysPresent > days || r.daysPresent > allocated)) {
      throw invalid('CENTRES.INVALID_PRESENCE', `分配 #${r.allocationId} 在 ${month} 仅分配 ${allocated} 天，在驻天数不能为 ${r.daysPresent} 天`, {
        allocationId: r.allocationId,
      });
    }
  }
  const at = ctx.now.toISOString();
  for (let i = 0; i < rows.length; i += 150) {
    await trx
      .insertInto('presence')
      .values(
        rows.slice(i, i + 150).map((r) => ({
          allocation_id: r.allocationId,
          month,
          days_present: r.daysPresent,
          attested: r.attested ? 1 : 0,
          import_batch_id: importBatchId,
          recorded_by: ctx.user.id,
          recorded_at: at,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['allocation_id', 'month']).doUpdateSet((eb) => ({
          days_present: eb.ref('excluded.days_present'),
          attested: eb.ref('excluded.attested'),
          import_batch_id: eb.ref('excluded.import_batch_id'),
          recorded_by: eb.ref('excluded.recorded_by'),
          recorded_at: eb.ref('excluded.recorded_at'),
        })),
      )
      .execute();
  }
  return rows.length;
}

export async function save(ctx: AuthedContext, input: SaveOccupancy): Promise<{ saved: number }> {
  return inTransaction(ctx, async (trx) => {
    const centre = await requireOperableCentre(trx, ctx.user, input.centreId);
    const saved = await upsertPresence(trx, ctx, input.centreId, input.month, input.rows, null);
    await recordAudit(trx, ctx, {
      action: 'centre.occupancy.save',
      objectType: 'centre',
      objectId: input.centreId,
      summary: `登记中心“${centre.name}” ${input.month} 的出勤 ${saved} 行`,
      details: { month: input.month, rows: input.rows },
    });
    return { saved };
  });
}
