import type { IndustryKey, MenteeKind, MenteeStage, MentorKind, MentorTopic } from '@fund/domain';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { parseList, type Db } from './mentoring.common';
import type { MenteeRequestStatus } from './mentoring.tables';
import { menteeNameMaskedOf, menteeNameOf } from './pairings.queries';

export interface MenteeRequestRecord {
  id: number;
  requesterUserId: number;
  enterpriseId: number | null;
  founderId: number | null;
  menteeKind: MenteeKind;
  managerName: string | null;
  managerTitle: string | null;
  menteeName: string;
  /** For audit summaries (natural persons masked). */
  menteeNameMasked: string;
  topics: MentorTopic[];
  industry: IndustryKey;
  stage: MenteeStage;
  preferredKind: MentorKind | null;
  description: string;
  status: MenteeRequestStatus;
  createdAt: string;
}

function select(db: Db) {
  return db
    .selectFrom('mentee_request as r')
    .leftJoin('enterprise as e', 'e.id', 'r.enterprise_id')
    .leftJoin('founder as f', 'f.id', 'r.founder_id')
    .select([
      'r.id',
      'r.requester_user_id',
      'r.enterprise_id',
      'r.founder_id',
      'r.mentee_kind',
      'r.for_manager_name',
      'r.for_manager_title',
      'e.name as enterprise_name',
      'f.name as founder_name',
      'r.topics_json',
      'r.industry',
      'r.stage',
      'r.preferred_kind',
      'r.description',
      'r.status',
      'r.created_at',
    ]);
}
type Row = Awaited<ReturnType<ReturnType<typeof select>['executeTakeFirstOrThrow']>>;

function toRequest(r: Row): MenteeRequestRecord {
  return {
    id: r.id,
    requesterUserId: r.requester_user_id,
    enterpriseId: r.enterprise_id,
    founderId: r.founder_id,
    menteeKind: r.mentee_kind,
    managerName: r.for_manager_name,
    managerTitle: r.for_manager_title,
    menteeName: menteeNameOf(r),
    menteeNameMasked: menteeNameMaskedOf(r),
    topics: parseList<MentorTopic>(r.topics_json),
    industry: r.industry,
    stage: r.stage,
    preferredKind: r.preferred_kind,
    description: r.description,
    status: r.status,
    createdAt: r.created_at,
  };
}

export async function findRequest(db: Db, id: number): Promise<MenteeRequestRecord | null> {
  const row = await select(db).where('r.id', '=', id).executeTakeFirst();
  return row ? toRequest(row) : null;
}

/** A mentee's own requests (its enterprise's, or the founder's), newest first. */
export async function listRequestsOfMentee(
  db: Db,
  m: { enterpriseId: number | null; founderId: number | null; userId: number },
): Promise<MenteeRequestRecord[]> {
  const rows = await select(db)
    .where((eb) =>
      eb.or([
        eb('r.requester_user_id', '=', m.userId),
        ...(m.enterpriseId === null ? [] : [eb('r.enterprise_id', '=', m.enterpriseId)]),
        ...(m.founderId === null ? [] : [eb('r.founder_id', '=', m.founderId)]),
      ]),
    )
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .execute();
  return rows.map(toRequest);
}

export async function listRequestsByStatus(
  db: Db,
  statuses: MenteeRequestStatus[],
): Promise<MenteeRequestRecord[]> {
  const rows = await select(db)
    .where('r.status', 'in', statuses)
    .orderBy('r.created_at')
    .orderBy('r.id')
    .execute();
  return rows.map(toRequest);
}

export async function listRequestsByIds(db: Db, ids: number[]): Promise<MenteeRequestRecord[]> {
  if (ids.length === 0) return [];
  const rows = await select(db).where('r.id', 'in', ids).orderBy('r.id').execute();
  return rows.map(toRequest);
}

/** Whether the mentee already has a request that is open or paired (one live request per mentee). */
export async function hasLiveRequest(
  db: Db,
  m: { enterpriseId: number | null; founderId: number | null; managerName: string | null },
): Promise<boolean> {
  let q = db.selectFrom('mentee_request').select('id').where('status', 'in', ['open', 'paired']);
  q =
    m.founderId !== null
      ? q.where('founder_id', '=', m.founderId)
      : m.managerName === null
        ? q.where('enterprise_id', '=', m.enterpriseId).where('for_manager_name', 'is', null)
        : q.where('enterprise_id', '=', m.enterpriseId).where('for_manager_name', '=', m.managerName);
  return (await q.executeTakeFirst()) !== undefined;
}

export interface NewMenteeRequest {
  requesterUserId: number;
  enterpriseId: number | null;
  founderId: number | null;
  menteeKind: MenteeKind;
  managerName: string | null;
  managerTitle: string | null;
  topics: MentorTopic[];
  industry: IndustryKey;
  stage: MenteeStage;
  preferredKind: MentorKind | null;
  description: string;
  at: string;
}

export async function insertRequest(trx: Transaction<Database>, r: NewMenteeRequest): Promise<number> {
  const { id } = await trx
    .insertInto('mentee_request')
    .values({
      requester_user_id: r.requesterUserId,
      enterprise_id: r.enterpriseId,
      founder_id: r.founderId,
      mentee_kind: r.menteeKind,
      for_manager_name: r.managerName,
      for_manager_title: r.managerTitle,
      topics_json: JSON.stringify(r.topics),
      industry: r.industry,
      stage: r.stage,
      preferred_kind: r.preferredKind,
      description: r.description,
      status: 'open',
      created_at: r.at,
      updated_at: r.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function setRequestStatus(
  trx: Transaction<Database>,
  id: number,
  status: MenteeRequestStatus,
  at: string,
): Promise<void> {
  await trx.updateTable('mentee_request').set({ status, updated_at: at }).where('id', '=', id).execute();
}
