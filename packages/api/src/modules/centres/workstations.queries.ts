/** Workstation queries (functions of (db, args)). */
import type { AllocatableWorkstation } from '@fund/domain';
import type { Selectable } from 'kysely';
import type { Db } from './centres.queries';
import type { WorkstationTable } from './centres.tables';

export interface WorkstationRecord {
  id: number;
  centreId: number;
  code: string;
  zone: string;
  kind: WorkstationTable['kind'];
  designation: WorkstationTable['designation'];
  monthlyRentFen: number;
  inServiceFrom: string;
  retiredOn: string | null;
}

export const WORKSTATION_COLUMNS = [
  'id',
  'centre_id',
  'code',
  'zone',
  'kind',
  'designation',
  'monthly_rent_fen',
  'in_service_from',
  'retired_on',
] as const;

export function toWorkstation(
  r: Pick<Selectable<WorkstationTable>, (typeof WORKSTATION_COLUMNS)[number]>,
): WorkstationRecord {
  return {
    id: r.id,
    centreId: r.centre_id,
    code: r.code,
    zone: r.zone,
    kind: r.kind,
    designation: r.designation,
    monthlyRentFen: r.monthly_rent_fen,
    inServiceFrom: r.in_service_from,
    retiredOn: r.retired_on,
  };
}

/** The shape the domain's allocation rules read. */
export function allocatable(w: WorkstationRecord): AllocatableWorkstation {
  return { id: w.id, code: w.code, designation: w.designation, createdOn: w.inServiceFrom, retiredOn: w.retiredOn };
}

export async function findWorkstation(db: Db, id: number): Promise<WorkstationRecord | null> {
  const r = await db.selectFrom('workstation').select(WORKSTATION_COLUMNS).where('id', '=', id).executeTakeFirst();
  return r ? toWorkstation(r) : null;
}

export async function findWorkstationByCode(db: Db, centreId: number, code: string): Promise<WorkstationRecord | null> {
  const r = await db
    .selectFrom('workstation')
    .select(WORKSTATION_COLUMNS)
    .where('centre_id', '=', centreId)
    .where('code', '=', code)
    .executeTakeFirst();
  return r ? toWorkstation(r) : null;
}

export async function workstationsOfCentre(db: Db, centreId: number): Promise<WorkstationRecord[]> {
  const rows = await db
    .selectFrom('workstation')
    .select(WORKSTATION_COLUMNS)
    .where('centre_id', '=', centreId)
    .orderBy('code')
    .execute();
  return rows.map(toWorkstation);
}

export async function codesOfCentre(db: Db, centreId: number): Promise<string[]> {
  const rows = await db.selectFrom('workstation').select('code').where('centre_id', '=', centreId).execute();
  return rows.map((r) => r.code);
}
