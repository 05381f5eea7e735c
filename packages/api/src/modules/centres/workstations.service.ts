/** Workstations (工位) of a centre: list, create one, bulk-create a range, retire. Rules from @fund/domain. */
import {
  expandBulkWorkstations,
  retireWorkstation,
  WORKSTATION_DESIGNATION_LABELS,
  WORKSTATION_KIND_LABELS,
  conflict,
  monthOf,
  notFound,
  type WorkstationInput,
} from '@fund/domain';
import { sql, type ExpressionBuilder } from 'kysely';
import type { Database } from '../../db/schema';
import type { WorkstationTable } from './centres.tables';
import { recordAudit } from '../../audit/audit.service';
import { inTransaction } from '../../trpc';
import type { AuthedContext } from '../auth/auth.service';
import { allocationsOfWorkstation } from './allocations.queries';
import type { Db } from './centres.queries';
import { lockedMonths } from './claims.queries';
import { requireOperableCentre, requireReadableCentre, today } from './centres.service';
import type { BulkCreateWorkstations, CreateWorkstation, RetireWorkstation, WorkstationListQuery } from './centres.schemas';
import { allocatable, codesOfCentre, findWorkstation, toWorkstation, WORKSTATION_COLUMNS, type WorkstationRecord } from './workstations.queries';

export const workstationNotFound = () => notFound('CENTRES.WORKSTATION_NOT_FOUND', '未找到该工位');

/**
 * A workstation that enters or leaves service on `day` changes the KPIs (and so the claim) of that month and later
 * ones: refused while any of them is held by a submitted claim.
 */
async function requireUnlockedFrom(trx: Db, centreId: number, day: string): Promise<void> {
  const touched = (await lockedMonths(trx, centreId)).filter((m) => m >= monthOf(day));
  if (touched.length > 0) {
    throw conflict('CENTRES.CLAIMED_MONTH_LOCKED', `${touched.join('、')} 已申报，台账已锁定，工位的启用或停用日期不能落在已申报月份或之前`, {
      months: touched,
    });
  }
}

export interface WorkstationListItem extends WorkstationRecord {
  kindLabel: string;
  designationLabel: string;
  /** The allocation covering `on` (default today), if any. */
  current: { allocationId: number; occupantName: string; terms: 'free' | 'preferential'; startsOn: string; endsOn: string | null } | null;
}

export async function list(
  ctx: AuthedContext,
  input: WorkstationListQuery,
): Promise<{ items: WorkstationListItem[]; total: number; zones: string[] }> {
  await requireReadableCentre(ctx.db, ctx.user, input.centreId);
  const on = input.on ?? today(ctx);
  const covering = (eb: ExpressionBuilder<Database & { w: WorkstationTable }, 'w'>) =>
    eb.exists(
      eb
        .selectFrom('allocation as a')
        .select('a.id')
        .whereRef('a.workstation_id', '=', 'w.id')
        .where('a.starts_on', '<=', on)
        .where((x) => x.or([x('a.ends_on', 'is', null), x('a.ends_on', '>=', on)])),
    );
  let q = ctx.db.selectFrom('workstation as w').where('w.centre_id', '=', input.centreId);
  if (input.zone) q = q.where('w.zone', '=', input.zone);
  if (input.designation) q = q.where('w.designation', '=', input.designation);
  switch (input.status) {
    case undefined:
      break;
    case 'retired':
      q = q.where('w.retired_on', 'is not', null).where('w.retired_on', '<=', on);
      break;
    case 'in-service':
    case 'allocated':
    case 'vacant':
      q = q.where('w.in_service_from', '<=', on).where((x) => x.or([x('w.retired_on', 'is', null), x('w.retired_on', '>', on)]));
      if (input.status === 'allocated') q = q.where((eb) => covering(eb));
      if (input.status === 'vacant') q = q.where((eb) => eb.not(covering(eb)));
      break;
    default:
      input.status satisfies never;
  }
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await q
    .select(WORKSTATION_COLUMNS.map((c) => `w.${c}` as const))
    .orderBy('w.code')
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute();
  const ids = rows.map((r) => r.id);
  const current = ids.length === 0 ? [] : await ctx.db
    .selectFrom('allocation as a')
    .leftJoin('enterprise as e', 'e.id', 'a.enterprise_id')
    .leftJoin('founder as f', 'f.id', 'a.founder_id')
    .leftJoin('walk_in_team as t', 't.id', 'a.walk_in_team_id')
    .select(['a.id', 'a.workstation_id', 'a.terms', 'a.starts_on', 'a.ends_on', 'e.name as enterprise_name', 'f.name as founder_name', 't.team_name'])
    .where('a.workstation_id', 'in', ids)
    .where('a.starts_on', '<=', on)
    .where((x) => x.or([x('a.ends_on', 'is', null), x('a.ends_on', '>=', on)]))
    .execute();
  const byWs = new Map(current.map((a) => [a.workstation_id, a]));
  const zones = await ctx.db
    .selectFrom('workstation')
    .select('zone')
    .distinct()
    .where('centre_id', '=', input.centreId)
    .orderBy('zone')
    .execute();
  return {
    total: Number(total ?? 0),
    zones: zones.map((z) => z.zone),
    items: rows.map((r) => {
      const w = toWorkstation(r);
      const a = byWs.get(w.id);
      return {
        ...w,
        kindLabel: WORKSTATION_KIND_LABELS[w.kind],
        designationLabel: WORKSTATION_DESIGNATION_LABELS[w.designation],
        current: a
          ? {
              allocationId: a.id,
              occupantName: a.enterprise_name ?? a.founder_name ?? a.team_name ?? '',
              terms: a.terms,
              startsOn: a.starts_on,
              endsOn: a.ends_on,
            }
          : null,
      };
    }),
  };
}

async function insertWorkstations(
  ctx: AuthedContext,
  trx: Parameters<Parameters<typeof inTransaction>[1]>[0],
  centreId: number,
  items: readonly WorkstationInput[],
  inServiceFrom: string,
): Promise<number[]> {
  const at = ctx.now.toISOString();
  const ids: number[] = [];
  // Chunks keep each INSERT under SQLite's bound-parameter limit.
  for (let i = 0; i < items.length; i += 200) {
    const rows = await trx
      .insertInto('workstation')
      .values(
        items.slice(i, i + 200).map((w) => ({
          centre_id: centreId,
          code: w.code,
          zone: w.zone,
          kind: w.kind,
          designation: w.designation,
          monthly_rent_fen: w.monthlyRentFen,
          in_service_from: inServiceFrom,
          retired_on: null,
          created_by: ctx.user.id,
          created_at: at,
        })),
      )
      .returning('id')
      .execute();
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

export async function create(ctx: AuthedContext, input: CreateWorkstation): Promise<{ id: number }> {
  return inTransaction(ctx, async (trx) => {
    const centre = await requireOperableCentre(trx, ctx.user, input.centreId);
    const items = [input.workstation];
    const existing = new Set(await codesOfCentre(trx, input.centreId));
    if (existing.has(input.workstation.code)) {
      throw conflict('CENTRES.DUPLICATE_WORKSTATION_CODE', `工位编号 ${input.workstation.code} 已存在`);
    }
    const from = input.inServiceFrom ?? today(ctx);
    await requireUnlockedFrom(trx, input.centreId, from);
    const [id] = await insertWorkstations(ctx, trx, input.centreId, items, from);
    await recordAudit(trx, ctx, {
      action: 'centre.workstation.create',
      objectType: 'workstation',
      objectId: id!,
      summary: `中心“${centre.name}”新增工位 ${input.workstation.code}`,
      after: input,
    });
    return { id: id! };
  });
}

export async function bulkCreate(ctx: AuthedContext, input: BulkCreateWorkstations): Promise<{ created: number; codes: string[] }> {
  return inTransaction(ctx, async (trx) => {
    const centre = await requireOperableCentre(trx, ctx.user, input.centreId);
    const items = expandBulkWorkstations(input.bulk, await codesOfCentre(trx, input.centreId));
    const from = input.inServiceFrom ?? today(ctx);
    await requireUnlockedFrom(trx, input.centreId, from);
    await insertWorkstations(ctx, trx, input.centreId, items, from);
    const codes = items.map((w) => w.code);
    await recordAudit(trx, ctx, {
      action: 'centre.workstation.bulkCreate',
      objectType: 'centre',
      objectId: input.centreId,
      summary: `中心“${centre.name}”批量新增 ${codes.length} 个工位（${codes[0]}…${codes[codes.length - 1]}）`,
      details: { ...input.bulk, count: codes.length },
    });
    return { created: codes.length, codes };
  });
}

export async function retire(ctx: AuthedContext, input: RetireWorkstation): Promise<{ id: number; retiredOn: string }> {
  return inTransaction(ctx, async (trx) => {
    const ws = await findWorkstation(trx, input.workstationId);
    if (!ws) throw workstationNotFound();
    await requireOperableCentre(trx, ctx.user, ws.centreId).catch((e: unknown) => {
      throw (e as { kind?: string }).kind === 'not_found' ? workstationNotFound() : e;
    });
    await requireUnlockedFrom(trx, ws.centreId, input.retiredOn);
    const retired = retireWorkstation(allocatable(ws), input.retiredOn, await allocationsOfWorkstation(trx, ws.id));
    await trx
      .updateTable('workstation')
      .set({ retired_on: retired.retiredOn })
      .where('id', '=', ws.id)
      .where(sql<boolean>`retired_on is null`)
      .execute();
    await recordAudit(trx, ctx, {
      action: 'centre.workstation.retire',
      objectType: 'workstation',
      objectId: ws.id,
      summary: `工位 ${ws.code} 自 ${input.retiredOn} 起停用`,
      before: { retiredOn: null },
      after: { retiredOn: input.retiredOn },
    });
    return { id: ws.id, retiredOn: input.retiredOn };
  });
}
