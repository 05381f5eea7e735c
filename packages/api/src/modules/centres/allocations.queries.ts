/** Allocation queries (functions of (db, args)). */
import type { Allocation } from '@fund/domain';
import type { Selectable } from 'kysely';
import type { Db } from './centres.queries';
import type { AllocationTable } from './centres.tables';

export interface AllocationRecord {
  id: number;
  centreId: number;
  workstationId: number;
  occupantType: AllocationTable['occupant_type'];
  enterpriseId: number | null;
  founderId: number | null;
  walkInTeamId: number | null;
  terms: AllocationTable['terms'];
  startsOn: string;
  endsOn: string | null;
  movedFromId: number | null;
}

export const ALLOCATION_COLUMNS = [
  'id',
  'centre_id',
  'workstation_id',
  'occupant_type',
  'enterprise_id',
  'founder_id',
  'walk_in_team_id',
  'terms',
  'starts_on',
  'ends_on',
  'moved_from_id',
] as const;

export function toAllocation(r: Pick<Selectable<AllocationTable>, (typeof ALLOCATION_COLUMNS)[number]>): AllocationRecord {
  return {
    id: r.id,
    centreId: r.centre_id,
    workstationId: r.workstation_id,
    occupantType: r.occupant_type,
    enterpriseId: r.enterprise_id,
    founderId: r.founder_id,
    walkInTeamId: r.walk_in_team_id,
    terms: r.terms,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    movedFromId: r.moved_from_id,
  };
}

/** The domain's view of a stored allocation. */
export function domainAllocation(a: AllocationRecord): Allocation {
  return { id: a.id, workstationId: a.workstationId, terms: a.terms, startsOn: a.startsOn, endsOn: a.endsOn };
}

/** Stable, non-personal occupant key ('enterprise:12', 'founder:7', 'team:3') as the KPI functions want it. */
export function occupantKey(a: Pick<AllocationRecord, 'occupantType' | 'enterpriseId' | 'founderId' | 'walkInTeamId'>): string {
  switch (a.occupantType) {
    case 'enterprise':
      return `enterprise:${a.enterpriseId}`;
    case 'founder':
      return `founder:${a.founderId}`;
    case 'team':
      return `team:${a.walkInTeamId}`;
    default:
      return a.occupantType satisfies never;
  }
}

export async function findAllocation(db: Db, id: number): Promise<AllocationRecord | null> {
  const r = await db.selectFrom('allocation').select(ALLOCATION_COLUMNS).where('id', '=', id).executeTakeFirst();
  return r ? toAllocation(r) : null;
}

export async function allocationsOfWorkstation(db: Db, workstationId: number): Promise<Allocation[]> {
  const rows = await db
    .selectFrom('allocation')
    .select(ALLOCATION_COLUMNS)
    .where('workstation_id', '=', workstationId)
    .orderBy('starts_on')
    .execute();
  return rows.map((r) => domainAllocation(toAllocation(r)));
}

/** Allocations of the centre sharing at least one day with [from, to] (both inclusive). */
export async function allocationsOverlapping(db: Db, centreId: number, from: string, to: string): Promise<AllocationRecord[]> {
  const rows = await db
    .selectFrom('allocation')
    .select(ALLOCATION_COLUMNS)
    .where('centre_id', '=', centreId)
    .where('starts_on', '<=', to)
    .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', from)]))
    .execute();
  return rows.map(toAllocation);
}
