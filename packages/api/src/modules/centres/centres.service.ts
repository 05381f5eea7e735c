/**
 * Centres (创业创新中心, 小企业产业园, 创业基地, 电商快递物流园) and who may see or operate them.
 *
 * Scope (domain-rules.md §10, deny by default): a centre_manager reads and operates only the centres they are
 * assigned to; staff with a district-wide role (reviewer, finance, admin, auditor) read every centre; operating
 * (`centre.operate`, `claim.submit`) is always limited to the manager's own centres, whatever other roles the user
 * holds. Another centre's id is NOT_FOUND, so ids cannot be probed.
 */
import { conflict, forbidden, notFound, type Role } from '@fund/domain';
import { recordAudit } from '../../audit/audit.service';
import type { SessionUser } from '../../context';
import { inTransaction } from '../../trpc';
import type { AuthedContext } from '../auth/auth.service';
import { todayInChina } from '../enterprises/enterprises.service';
import {
  facilitiesOf,
  findCentre,
  isCentreManager,
  listCentres,
  managedCentreIds,
  managersOf,
  replaceFacilities,
  workstationCounts,
  type CentreRecord,
  type Db,
  type FacilityRecord,
  type ManagerRecord,
} from './centres.queries';
import {
  CENTRE_KIND_LABELS,
  RECOGNISED_CENTRES_TARGET,
  RECOGNITION_LEVEL_LABELS,
  type AssignManager,
  type CentreInput,
  type UpdateCentre,
} from './centres.schemas';

/** Roles that read every centre (district staff). A pure centre_manager reads only their own. */
const DISTRICT_READERS: readonly Role[] = ['reviewer', 'finance', 'admin', 'auditor'];

export const centreNotFound = () => notFound('CENTRES.NOT_FOUND', '未找到该创业创新中心');

export function today(ctx: { now: Date }): string {
  return todayInChina(ctx.now);
}

/** null = every centre; otherwise the ids the user may read. */
export async function readableCentreIds(db: Db, user: SessionUser): Promise<number[] | null> {
  if (user.roles.some((r) => DISTRICT_READERS.includes(r))) return null;
  if (!user.roles.includes('centre_manager')) return [];
  return managedCentreIds(db, user.id);
}

/** The centre, if the user may read it; NOT_FOUND otherwise (also for a centre that does not exist). */
export async function requireReadableCentre(db: Db, user: SessionUser, centreId: number): Promise<CentreRecord> {
  const centre = await findCentre(db, centreId);
  if (!centre) throw centreNotFound();
  if (user.roles.some((r) => DISTRICT_READERS.includes(r))) return centre;
  if (user.roles.includes('centre_manager') && (await isCentreManager(db, centreId, user.id))) return centre;
  throw centreNotFound();
}

/**
 * The centre, if the user manages it (writes to a centre's logs). A centre the user can read but does not manage is
 * FORBIDDEN (it is visible to them anyway); one they cannot read is NOT_FOUND.
 */
export async function requireOperableCentre(db: Db, user: SessionUser, centreId: number): Promise<CentreRecord> {
  const centre = await requireReadableCentre(db, user, centreId);
  if (!user.roles.includes('centre_manager') || !(await isCentreManager(db, centreId, user.id))) {
    throw forbidden('CENTRES.NOT_MANAGER', '只有该中心的管理员可以操作本中心的台账');
  }
  return centre;
}

export interface CentreSummary extends CentreRecord {
  kindLabel: string;
  recognitionLevelLabel: string | null;
  recognised: boolean;
  managers: ManagerRecord[];
  workstations: number;
  freeWorkstations: number;
  allocatedWorkstations: number;
}

export interface CentreDetail extends CentreSummary {
  facilities: FacilityRecord[];
}

function isRecognised(c: CentreRecord, on: string): boolean {
  return c.recognitionLevel !== null && c.recognisedOn !== null && c.recognisedOn <= on;
}

async function summaries(db: Db, centres: CentreRecord[], on: string): Promise<CentreSummary[]> {
  const ids = centres.map((c) => c.id);
  const [managers, counts] = await Promise.all([managersOf(db, ids), workstationCounts(db, ids, on)]);
  return centres.map((c) => {
    const n = counts.get(c.id) ?? { total: 0, free: 0, allocated: 0 };
    return {
      ...c,
      kindLabel: CENTRE_KIND_LABELS[c.kind],
      recognitionLevelLabel: c.recognitionLevel === null ? null : RECOGNITION_LEVEL_LABELS[c.recognitionLevel],
      recognised: isRecognised(c, on),
      managers: managers.get(c.id) ?? [],
      workstations: n.total,
      freeWorkstations: n.free,
      allocatedWorkstations: n.allocated,
    };
  });
}

export async function list(ctx: AuthedContext): Promise<CentreSummary[]> {
  const ids = await readableCentreIds(ctx.db, ctx.user);
  return summaries(ctx.db, await listCentres(ctx.db, ids), today(ctx));
}

export async function get(ctx: AuthedContext, centreId: number): Promise<CentreDetail> {
  const centre = await requireReadableCentre(ctx.db, ctx.user, centreId);
  const [summary] = await summaries(ctx.db, [centre], today(ctx));
  return { ...summary!, facilities: await facilitiesOf(ctx.db, centreId) };
}

async function nameTaken(db: Db, name: string, exceptId: number | null): Promise<boolean> {
  let q = db.selectFrom('centre').select('id').where('name', '=', name);
  if (exceptId !== null) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

async function requireOperatorEnterprise(db: Db, id: number | null): Promise<void> {
  if (id === null) return;
  const e = await db.selectFrom('enterprise').select('id').where('id', '=', id).executeTakeFirst();
  if (!e) throw notFound('CENTRES.OPERATOR_NOT_FOUND', '未找到该运营单位企业，请先登记企业');
}

const duplicateName = (name: string) => conflict('CENTRES.DUPLICATE_NAME', `已有名为“${name}”的中心`);

export async function create(ctx: AuthedContext, input: CentreInput): Promise<{ id: number }> {
  return inTransaction(ctx, async (trx) => {
    if (await nameTaken(trx, input.name, null)) throw duplicateName(input.name);
    await requireOperatorEnterprise(trx, input.operatorEnterpriseId);
    const at = ctx.now.toISOString();
    const { id } = await trx
      .insertInto('centre')
      .values({
        name: input.name,
        kind: input.kind,
        address: input.address,
        operator: input.operator,
        operator_enterprise_id: input.operatorEnterpriseId,
        floor_area_m2: input.floorAreaM2,
        recognition_level: input.recognitionLevel,
        recognised_on: input.recognisedOn,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await replaceFacilities(trx, id, input.facilities);
    await recordAudit(trx, ctx, {
      action: 'centre.create',
      objectType: 'centre',
      objectId: id,
      summary: `登记${CENTRE_KIND_LABELS[input.kind]}“${input.name}”`,
      after: input,
    });
    return { id };
  });
}

export async function update(ctx: AuthedContext, input: UpdateCentre): Promise<{ id: number }> {
  const { centreId, ...fields } = input;
  return inTransaction(ctx, async (trx) => {
    const before = await findCentre(trx, centreId);
    if (!before) throw centreNotFound();
    if (await nameTaken(trx, fields.name, centreId)) throw duplicateName(fields.name);
    await requireOperatorEnterprise(trx, fields.operatorEnterpriseId);
    const facilitiesBefore = await facilitiesOf(trx, centreId);
    await trx
      .updateTable('centre')
      .set({
        name: fields.name,
        kind: fields.kind,
        address: fields.address,
        operator: fields.operator,
        operator_enterprise_id: fields.operatorEnterpriseId,
        floor_area_m2: fields.floorAreaM2,
        recognition_level: fields.recognitionLevel,
        recognised_on: fields.recognisedOn,
        updated_at: ctx.now.toISOString(),
      })
      .where('id', '=', centreId)
      .execute();
    await replaceFacilities(trx, centreId, fields.facilities);
    await recordAudit(trx, ctx, {
      action: 'centre.update',
      objectType: 'centre',
      objectId: centreId,
      summary: `修改中心“${fields.name}”的信息`,
      before: { ...before, facilities: facilitiesBefore },
      after: fields,
    });
    return { id: centreId };
  });
}

export async function assignManager(ctx: AuthedContext, input: AssignManager): Promise<{ managers: ManagerRecord[] }> {
  return inTransaction(ctx, async (trx) => {
    const centre = await findCentre(trx, input.centreId);
    if (!centre) throw centreNotFound();
    const user = await trx
      .selectFrom('app_user')
      .select(['id', 'username'])
      .where('id', '=', input.userId)
      .executeTakeFirst();
    if (!user) throw notFound('CENTRES.USER_NOT_FOUND', '未找到该用户');
    if (input.remove) {
      await trx
        .deleteFrom('centre_manager')
        .where('centre_id', '=', input.centreId)
        .where('user_id', '=', input.userId)
        .execute();
    } else {
      const role = await trx
        .selectFrom('user_role')
        .select('role')
        .where('user_id', '=', input.userId)
        .where('role', '=', 'centre_manager')
        .executeTakeFirst();
      if (!role) throw conflict('CENTRES.NOT_A_MANAGER_ACCOUNT', `用户 ${user.username} 没有“孵化载体管理员”角色，请先在用户管理中授予`);
      await trx
        .insertInto('centre_manager')
        .values({ centre_id: input.centreId, user_id: input.userId, assigned_at: ctx.now.toISOString() })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    await recordAudit(trx, ctx, {
      action: input.remove ? 'centre.manager.remove' : 'centre.manager.assign',
      objectType: 'centre',
      objectId: input.centreId,
      summary: `${input.remove ? '取消' : '指定'} ${user.username} ${input.remove ? '对' : '为'}中心“${centre.name}”${input.remove ? '的管理权限' : '的管理员'}`,
      details: { userId: input.userId },
    });
    const managers = await managersOf(trx, [input.centreId]);
    return { managers: managers.get(input.centreId) ?? [] };
  });
}

export interface RecognisedCentresProgress {
  recognised: number;
  min: number;
  max: number;
  met: boolean;
  remaining: number;
  centres: { id: number; name: string; kindLabel: string; recognitionLevelLabel: string | null; recognisedOn: string | null; recognised: boolean }[];
}

/** §6 policy target: 5–10 recognised centres (district-wide; a manager sees the count over their own centres). */
export async function targets(ctx: AuthedContext): Promise<RecognisedCentresProgress> {
  const ids = await readableCentreIds(ctx.db, ctx.user);
  const on = today(ctx);
  const centres = await listCentres(ctx.db, ids);
  const rows = centres.map((c) => ({
    id: c.id,
    name: c.name,
    kindLabel: CENTRE_KIND_LABELS[c.kind],
    recognitionLevelLabel: c.recognitionLevel === null ? null : RECOGNITION_LEVEL_LABELS[c.recognitionLevel],
    recognisedOn: c.recognisedOn,
    recognised: isRecognised(c, on),
  }));
  const recognised = rows.filter((r) => r.recognised).length;
  const { min, max } = RECOGNISED_CENTRES_TARGET;
  return { recognised, min, max, met: recognised >= min, remaining: Math.max(0, min - recognised), centres: rows };
}
