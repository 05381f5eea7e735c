/**
 * Allocations (工位分配): allocate, end, extend, move. Every rule is the domain's (`allocate`, `endAllocation`,
 * `extendAllocation`, `moveAllocation`, with `findOverlap` inside); this service loads the facts and writes the result
 * in ONE transaction, so two managers allocating the same desk at once are serialised: the second sees the first's
 * allocation and gets CONFLICT. The `allocation_no_overlap_*` triggers are the database's own guard (ADR 007).
 */
import {
  allocate as domainAllocate,
  endAllocation,
  extendAllocation,
  maskIdNumber,
  maskMobile,
  moveAllocation,
  notFound,
  conflict,
  OCCUPANT_TYPE_LABELS,
  ALLOCATION_TERMS_LABELS,
  type OccupantInput,
} from '@fund/domain';
import type { Transaction } from 'kysely';
import { recordAudit } from '../../audit/audit.service';
import type { Database } from '../../db/schema';
import { inTransaction } from '../../trpc';
import type { AuthedContext } from '../auth/auth.service';
import {
  ALLOCATION_COLUMNS,
  allocationsOfWorkstation,
  domainAllocation,
  findAllocation,
  toAllocation,
  type AllocationRecord,
} from './allocations.queries';
import { requireOperableCentre, requireReadableCentre } from './centres.service';
import type { Allocate, AllocationListQuery, EndAllocation, ExtendAllocation, MoveAllocation } from './centres.schemas';
import { lockedMonths } from './claims.queries';
import { workstationNotFound } from './workstations.service';
import { allocatable, findWorkstation, type WorkstationRecord } from './workstations.queries';

export const allocationNotFound = () => notFound('CENTRES.ALLOCATION_NOT_FOUND', '未找到该分配记录');
export const WALK_IN_ID_INDEX = 'walkInTeam.idNumber';
export const WALK_IN_MOBILE_INDEX = 'walkInTeam.mobile';

type Trx = Transaction<Database>;

/** A write refused by the `allocation_no_overlap_*` trigger, as the same conflict the domain raises. */
export function overlapFromDatabase(e: unknown): never {
  if (e instanceof Error && e.message.includes('CENTRES.ALLOCATION_OVERLAP')) {
    throw conflict('CENTRES.ALLOCATION_OVERLAP', '该工位在所选期间已有分配，时间重叠，请刷新后重试');
  }
  throw e;
}

/** The workstation, in a centre the user operates; anything else is NOT_FOUND. */
async function operableWorkstation(trx: Trx, ctx: AuthedContext, workstationId: number, centreId?: number): Promise<WorkstationRecord> {
  const ws = await findWorkstation(trx, workstationId);
  if (!ws || (centreId !== undefined && ws.centreId !== centreId)) throw workstationNotFound();
  await requireOperableCentre(trx, ctx.user, ws.centreId);
  return ws;
}

async function operableAllocation(trx: Trx, ctx: AuthedContext, allocationId: number): Promise<AllocationRecord> {
  const a = await findAllocation(trx, allocationId);
  if (!a) throw allocationNotFound();
  try {
    await requireOperableCentre(trx, ctx.user, a.centreId);
  } catch (e) {
    if ((e as { kind?: string }).kind === 'not_found') throw allocationNotFound();
    throw e;
  }
  return a;
}

export interface ResolvedOccupant {
  type: 'enterprise' | 'founder' | 'team';
  enterpriseId: number | null;
  founderId: number | null;
  walkInTeamId: number | null;
  /** For audit and responses: names and masked personal data only. */
  view: Record<string, unknown>;
}

/**
 * The occupant's row: an enterprise or founder must exist; a walk-in team is stored (or found again by the keyed hash
 * of its contact's ID number in this centre) with its ID number and mobile encrypted, indexed and masked (§8).
 */
export async function resolveOccupant(trx: Trx, ctx: AuthedContext, centreId: number, occupant: OccupantInput): Promise<ResolvedOccupant> {
  switch (occupant.type) {
    case 'enterprise': {
      const e = await trx.selectFrom('enterprise').select(['id', 'name']).where('id', '=', occupant.enterpriseId).executeTakeFirst();
      if (!e) throw notFound('CENTRES.OCCUPANT_NOT_FOUND', '未找到该入驻企业');
      return { type: 'enterprise', enterpriseId: e.id, founderId: null, walkInTeamId: null, view: { type: 'enterprise', name: e.name } };
    }
    case 'founder': {
      const f = await trx.selectFrom('founder').select(['id', 'name']).where('id', '=', occupant.founderId).executeTakeFirst();
      if (!f) throw notFound('CENTRES.OCCUPANT_NOT_FOUND', '未找到该个人创业者');
      return { type: 'founder', enterpriseId: null, founderId: f.id, walkInTeamId: null, view: { type: 'founder', name: f.name } };
    }
    case 'team': {
      const idBidx = ctx.pii.blindIndex(occupant.idNumber, WALK_IN_ID_INDEX);
      const view = {
        type: 'team',
        teamName: occupant.teamName,
        contactName: occupant.contactName,
        school: occupant.school,
        idNumberMasked: maskIdNumber(occupant.idNumber),
        mobileMasked: maskMobile(occupant.mobile),
      };
      const existing = await trx
        .selectFrom('walk_in_team')
        .select('id')
        .where('centre_id', '=', centreId)
        .where('id_number_bidx', '=', idBidx)
        .executeTakeFirst();
      const fields = {
        team_name: occupant.teamName,
        contact_name: occupant.contactName,
        school: occupant.school,
        mobile_enc: ctx.pii.encryptField(occupant.mobile),
        mobile_bidx: ctx.pii.blindIndex(occupant.mobile, WALK_IN_MOBILE_INDEX),
        mobile_masked: maskMobile(occupant.mobile),
      };
      if (existing) {
        await trx.updateTable('walk_in_team').set(fields).where('id', '=', existing.id).execute();
        return { type: 'team', enterpriseId: null, founderId: null, walkInTeamId: existing.id, view };
      }
      const { id } = await trx
        .insertInto('walk_in_team')
        .values({
          centre_id: centreId,
          ...fields,
          id_number_enc: ctx.pii.encryptField(occupant.idNumber),
          id_number_bidx: idBidx,
          id_number_masked: maskIdNumber(occupant.idNumber),
          created_by: ctx.user.id,
          created_at: ctx.now.toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { type: 'team', enterpriseId: null, founderId: null, walkInTeamId: id, view };
    }
    default:
      return occupant satisfies never;
  }
}

export interface NewAllocationRow {
  centreId: number;
  workstationId: number;
  occupant: Pick<ResolvedOccupant, 'type' | 'enterpriseId' | 'founderId' | 'walkInTeamId'>;
  terms: 'free' | 'preferential';
  startsOn: string;
  endsOn: string | null;
  movedFromId?: number | null;
  importBatchId?: number | null;
}

export async function insertAllocation(trx: Trx, ctx: AuthedContext, row: NewAllocationRow): Promise<number> {
  const at = ctx.now.toISOString();
  try {
    const { id } = await trx
      .insertInto('allocation')
      .values({
        centre_id: row.centreId,
        workstation_id: row.workstationId,
        occupant_type: row.occupant.type,
        enterprise_id: row.occupant.enterpriseId,
        founder_id: row.occupant.founderId,
        walk_in_team_id: row.occupant.walkInTeamId,
        terms: row.terms,
        starts_on: row.startsOn,
        ends_on: row.endsOn,
        moved_from_id: row.movedFromId ?? null,
        import_batch_id: row.importBatchId ?? null,
        created_by: ctx.user.id,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  } catch (e) {
    return overlapFromDatabase(e);
  }
}

async function setEnd(trx: Trx, ctx: AuthedContext, id: number, endsOn: string | null): Promise<void> {
  try {
    await trx.updateTable('allocation').set({ ends_on: endsOn, updated_at: ctx.now.toISOString() }).where('id', '=', id).execute();
  } catch (e) {
    overlapFromDatabase(e);
  }
}

export async function allocate(ctx: AuthedContext, input: Allocate): Promise<{ id: number }> {
  const { allocation } = input;
  return inTransaction(ctx, async (trx) => {
    const ws = await operableWorkstation(trx, ctx, allocation.workstationId, input.centreId);
    // The check and the write below run in this one transaction (ADR 003): nothing interleaves between them.
    const checked = domainAllocate(
      { workstationId: ws.id, terms: allocation.terms, startsOn: allocation.startsOn, endsOn: allocation.endsOn },
      allocatable(ws),
      { existing: await allocationsOfWorkstation(trx, ws.id), claimedMonths: await lockedMonths(trx, ws.centreId) },
    );
    const occupant = await resolveOccupant(trx, ctx, ws.centreId, allocation.occupant);
    const id = await insertAllocation(trx, ctx, {
      centreId: ws.centreId,
      workstationId: ws.id,
      occupant,
      terms: checked.terms,
      startsOn: checked.startsOn,
      endsOn: checked.endsOn,
    });
    await recordAudit(trx, ctx, {
      action: 'centre.allocation.allocate',
      objectType: 'allocation',
      objectId: id,
      summary: `工位 ${ws.code} 分配给${OCCUPANT_TYPE_LABELS[occupant.type]}（${ALLOCATION_TERMS_LABELS[checked.terms]}，${checked.startsOn} 至 ${checked.endsOn ?? '长期'}）`,
      after: { workstationId: ws.id, occupant: occupant.view, terms: checked.terms, startsOn: checked.startsOn, endsOn: checked.endsOn },
    });
    return { id };
  });
}

export async function end(ctx: AuthedContext, input: EndAllocation): Promise<{ id: number; endsOn: string }> {
  return inTransaction(ctx, async (trx) => {
    const a = await operableAllocation(trx, ctx, input.allocationId);
    const ended = endAllocation(domainAllocation(a), input.endsOn, { claimedMonths: await lockedMonths(trx, a.centreId) });
    await setEnd(trx, ctx, a.id, ended.endsOn);
    await recordAudit(trx, ctx, {
      action: 'centre.allocation.end',
      objectType: 'allocation',
      objectId: a.id,
      summary: `结束分配 #${a.id}，最后使用日 ${input.endsOn}`,
      before: { endsOn: a.endsOn },
      after: { endsOn: ended.endsOn },
    });
    return { id: a.id, endsOn: input.endsOn };
  });
}

export async function extend(ctx: AuthedContext, input: ExtendAllocation): Promise<{ id: number; endsOn: string | null }> {
  return inTransaction(ctx, async (trx) => {
    const a = await operableAllocation(trx, ctx, input.allocationId);
    const ws = await operableWorkstation(trx, ctx, a.workstationId);
    const extended = extendAllocation(domainAllocation(a), input.endsOn, allocatable(ws), {
      existing: await allocationsOfWorkstation(trx, ws.id),
      claimedMonths: await lockedMonths(trx, a.centreId),
    });
    await setEnd(trx, ctx, a.id, extended.endsOn);
    await recordAudit(trx, ctx, {
      action: 'centre.allocation.extend',
      objectType: 'allocation',
      objectId: a.id,
      summary: `延长分配 #${a.id}（工位 ${ws.code}）至 ${extended.endsOn ?? '长期'}`,
      before: { endsOn: a.endsOn },
      after: { endsOn: extended.endsOn },
    });
    return { id: a.id, endsOn: extended.endsOn };
  });
}

export async function move(ctx: AuthedContext, input: MoveAllocation): Promise<{ endedId: number; newId: number }> {
  return inTransaction(ctx, async (trx) => {
    const a = await operableAllocation(trx, ctx, input.allocationId);
    const from = await operableWorkstation(trx, ctx, a.workstationId);
    const to = await operableWorkstation(trx, ctx, input.toWorkstationId, a.centreId);
    const { ended, moved } = moveAllocation(domainAllocation(a), allocatable(to), input.on, {
      existing: await allocationsOfWorkstation(trx, to.id),
      claimedMonths: await lockedMonths(trx, a.centreId),
    });
    await setEnd(trx, ctx, a.id, ended.endsOn);
    const newId = await insertAllocation(trx, ctx, {
      centreId: a.centreId,
      workstationId: to.id,
      occupant: { type: a.occupantType, enterpriseId: a.enterpriseId, founderId: a.founderId, walkInTeamId: a.walkInTeamId },
      terms: moved.terms,
      startsOn: moved.startsOn,
      endsOn: moved.endsOn,
      movedFromId: a.id,
    });
    await recordAudit(trx, ctx, {
      action: 'centre.allocation.move',
      objectType: 'allocation',
      objectId: a.id,
      summary: `分配 #${a.id} 自 ${input.on} 起由工位 ${from.code} 调换至 ${to.code}`,
      before: { workstationId: from.id, endsOn: a.endsOn },
      after: { endedOn: ended.endsOn, newAllocationId: newId, workstationId: to.id, startsOn: moved.startsOn, endsOn: moved.endsOn },
    });
    return { endedId: a.id, newId };
  });
}

export interface AllocationListItem {
  id: number;
  workstationId: number;
  workstationCode: string;
  zone: string;
  occupantType: AllocationRecord['occupantType'];
  occupantTypeLabel: string;
  occupantName: string;
  /** Walk-in teams only: the contact, masked (§8). */
  contactName: string | null;
  school: string | null;
  idNumberMasked: string | null;
  mobileMasked: string | null;
  terms: AllocationRecord['terms'];
  termsLabel: string;
  startsOn: string;
  endsOn: string | null;
  movedFromId: number | null;
}

export async function list(ctx: AuthedContext, input: AllocationListQuery): Promise<{ items: AllocationListItem[]; total: number }> {
  await requireReadableCentre(ctx.db, ctx.user, input.centreId);
  let q = ctx.db
    .selectFrom('allocation as a')
    .innerJoin('workstation as w', 'w.id', 'a.workstation_id')
    .where('a.centre_id', '=', input.centreId);
  if (input.workstationId !== undefined) q = q.where('a.workstation_id', '=', input.workstationId);
  if (input.on !== undefined) {
    const on = input.on;
    q = q.where('a.starts_on', '<=', on).where((eb) => eb.or([eb('a.ends_on', 'is', null), eb('a.ends_on', '>=', on)]));
  }
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await q
    .leftJoin('enterprise as e', 'e.id', 'a.enterprise_id')
    .leftJoin('founder as f', 'f.id', 'a.founder_id')
    .leftJoin('walk_in_team as t', 't.id', 'a.walk_in_team_id')
    .select(ALLOCATION_COLUMNS.map((c) => `a.${c}` as const))
    .select([
      'w.code',
      'w.zone',
      'e.name as enterprise_name',
      'f.name as founder_name',
      't.team_name',
      't.contact_name',
      't.school',
      't.id_number_masked',
      't.mobile_masked',
    ])
    .orderBy('w.code')
    .orderBy('a.starts_on', 'desc')
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute();
  return {
    total: Number(total ?? 0),
    items: rows.map((r) => {
      const a = toAllocation(r);
      return {
        id: a.id,
        workstationId: a.workstationId,
        workstationCode: r.code,
        zone: r.zone,
        occupantType: a.occupantType,
        occupantTypeLabel: OCCUPANT_TYPE_LABELS[a.occupantType],
        occupantName: r.enterprise_name ?? r.founder_name ?? r.team_name ?? '',
        contactName: r.contact_name,
        school: r.school,
        idNumberMasked: r.id_number_masked,
        mobileMasked: r.mobile_masked,
        terms: a.terms,
        termsLabel: ALLOCATION_TERMS_LABELS[a.terms],
        startsOn: a.startsOn,
        endsOn: a.endsOn,
        movedFromId: a.movedFromId,
      };
    }),
  };
}
