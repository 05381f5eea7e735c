/** Queries of centres, their managers and facilities: functions of (db, args), explicit columns, one `toX()`. */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { CentreFacilityTable, CentreTable } from './centres.tables';

export type Db = Kysely<Database> | Transaction<Database>;

export interface CentreRecord {
  id: number;
  name: string;
  kind: CentreTable['kind'];
  address: string;
  operator: string;
  operatorEnterpriseId: number | null;
  floorAreaM2: number;
  recognitionLevel: CentreTable['recognition_level'];
  recognisedOn: string | null;
  createdAt: string;
  updatedAt: string;
}

const CENTRE_COLUMNS = [
  'id',
  'name',
  'kind',
  'address',
  'operator',
  'operator_enterprise_id',
  'floor_area_m2',
  'recognition_level',
  'recognised_on',
  'created_at',
  'updated_at',
] as const;

export function toCentre(r: Selectable<CentreTable>): CentreRecord {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    address: r.address,
    operator: r.operator,
    operatorEnterpriseId: r.operator_enterprise_id,
    floorAreaM2: r.floor_area_m2,
    recognitionLevel: r.recognition_level,
    recognisedOn: r.recognised_on,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function findCentre(db: Db, id: number): Promise<CentreRecord | null> {
  const r = await db.selectFrom('centre').select(CENTRE_COLUMNS).where('id', '=', id).executeTakeFirst();
  return r ? toCentre(r) : null;
}

/** All centres, or only those in `ids` (a manager's scope). */
export async function listCentres(db: Db, ids: number[] | null): Promise<CentreRecord[]> {
  let q = db.selectFrom('centre').select(CENTRE_COLUMNS).orderBy('name');
  if (ids !== null) {
    if (ids.length === 0) return [];
    q = q.where('id', 'in', ids);
  }
  return (await q.execute()).map(toCentre);
}

export async function managedCentreIds(db: Db, userId: number): Promise<number[]> {
  const rows = await db.selectFrom('centre_manager').select('centre_id').where('user_id', '=', userId).execute();
  return rows.map((r) => r.centre_id);
}

export async function isCentreManager(db: Db, centreId: number, userId: number): Promise<boolean> {
  const r = await db
    .selectFrom('centre_manager')
    .select('user_id')
    .where('centre_id', '=', centreId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return r !== undefined;
}

export interface ManagerRecord {
  userId: number;
  username: string;
  displayName: string;
  assignedAt: string;
}

export async function managersOf(db: Db, centreIds: number[]): Promise<Map<number, ManagerRecord[]>> {
  const map = new Map<number, ManagerRecord[]>();
  if (centreIds.length === 0) return map;
  const rows = await db
    .selectFrom('centre_manager as m')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .select(['m.centre_id', 'm.user_id', 'm.assigned_at', 'u.username', 'u.display_name'])
    .where('m.centre_id', 'in', centreIds)
    .orderBy('u.username')
    .execute();
  for (const r of rows) {
    const list = map.get(r.centre_id) ?? [];
    list.push({ userId: r.user_id, username: r.username, displayName: r.display_name, assignedAt: r.assigned_at });
    map.set(r.centre_id, list);
  }
  return map;
}

export interface FacilityRecord {
  id: number;
  kind: CentreFacilityTable['kind'];
  name: string;
  description: string;
  quantity: number;
}

export async function facilitiesOf(db: Db, centreId: number): Promise<FacilityRecord[]> {
  return db
    .selectFrom('centre_facility')
    .select(['id', 'kind', 'name', 'description', 'quantity'])
    .where('centre_id', '=', centreId)
    .orderBy('kind')
    .orderBy('id')
    .execute();
}

export async function replaceFacilities(
  trx: Transaction<Database>,
  centreId: number,
  facilities: readonly { kind: 'broadband' | 'equipment'; name: string; description: string; quantity: number }[],
): Promise<void> {
  await trx.deleteFrom('centre_facility').where('centre_id', '=', centreId).execute();
  if (facilities.length === 0) return;
  await trx
    .insertInto('centre_facility')
    .values(facilities.map((f) => ({ centre_id: centreId, ...f })))
    .execute();
}

export async function workstationCounts(db: Db, centreIds: number[], on: string): Promise<Map<number, { total: number; free: number; allocated: number }>> {
  const map = new Map<number, { total: number; free: number; allocated: number }>();
  if (centreIds.length === 0) return map;
  const rows = await db
    .selectFrom('workstation as w')
    .select((eb) => [
      'w.centre_id',
      eb.fn.countAll<number>().as('total'),
      eb.fn.sum<number>(eb.case().when('w.designation', '=', 'free').then(1).else(0).end()).as('free'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(
              eb.exists(
                eb
                  .selectFrom('allocation as a')
                  .select('a.id')
                  .whereRef('a.workstation_id', '=', 'w.id')
                  .where('a.starts_on', '<=', on)
                  .where((w) => w.or([w('a.ends_on', 'is', null), w('a.ends_on', '>=', on)])),
              ),
            )
            .then(1)
            .else(0)
            .end(),
        )
        .as('allocated'),
    ])
    .where('w.centre_id', 'in', centreIds)
    .where('w.in_service_from', '<=', on)
    .where((w) => w.or([w('w.retired_on', 'is', null), w('w.retired_on', '>', on)]))
    .groupBy('w.centre_id')
    .execute();
  for (const r of rows) map.set(r.centre_id, { total: Number(r.total), free: Number(r.free ?? 0), allocated: Number(r.allocated ?? 0) });
  return map;
}
