/**
 * The occupancy grid's query set: the centre's workstations in service during the month, and the allocations that
 * touch the month with their occupant's name and the month's presence. Two indexed queries whatever the centre's
 * size (workstation_centre_zone_idx, allocation_centre_idx, presence_pk).
 */
import type { Db } from './centres.queries';
import { WORKSTATION_COLUMNS, toWorkstation, type WorkstationRecord } from './workstations.queries';

export async function workstationsInService(db: Db, centreId: number, first: string, last: string): Promise<WorkstationRecord[]> {
  const rows = await db
    .selectFrom('workstation')
    .select(WORKSTATION_COLUMNS)
    .where('centre_id', '=', centreId)
    .where('in_service_from', '<=', last)
    .where((eb) => eb.or([eb('retired_on', 'is', null), eb('retired_on', '>', first)]))
    .orderBy('code')
    .execute();
  return rows.map(toWorkstation);
}

export interface GridAllocationRow {
  id: number;
  workstationId: number;
  occupantType: 'enterprise' | 'founder' | 'team';
  occupantName: string;
  terms: 'free' | 'preferential';
  startsOn: string;
  endsOn: string | null;
  daysPresent: number | null;
  attested: boolean | null;
}

export async function gridAllocations(db: Db, centreId: number, month: string, first: string, last: string): Promise<GridAllocationRow[]> {
  const rows = await db
    .selectFrom('allocation as a')
    .leftJoin('presence as p', (j) => j.onRef('p.allocation_id', '=', 'a.id').on('p.month', '=', month))
    .leftJoin('enterprise as e', 'e.id', 'a.enterprise_id')
    .leftJoin('founder as f', 'f.id', 'a.founder_id')
    .leftJoin('walk_in_team as t', 't.id', 'a.walk_in_team_id')
    .select([
      'a.id',
      'a.workstation_id',
      'a.occupant_type',
      'a.terms',
      'a.starts_on',
      'a.ends_on',
      'p.days_present',
      'p.attested',
      'e.name as enterprise_name',
      'f.name as founder_name',
      't.team_name',
    ])
    .where('a.centre_id', '=', centreId)
    .where('a.starts_on', '<=', last)
    .where((eb) => eb.or([eb('a.ends_on', 'is', null), eb('a.ends_on', '>=', first)]))
    .orderBy('a.starts_on')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    workstationId: r.workstation_id,
    occupantType: r.occupant_type,
    occupantName: r.enterprise_name ?? r.founder_name ?? r.team_name ?? '',
    terms: r.terms,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    daysPresent: r.days_present,
    attested: r.attested === null ? null : r.attested === 1,
  }));
}
