import {
  maskName,
  type MenteeKind,
  type MentorKind,
  type PairingParty,
  type PairingStatus,
} from '@fund/domain';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { Db } from './mentoring.common';

/** A pairing with what every view needs of its request, mentor and mentee (names only: no personal data). */
export interface PairingRecord {
  id: number;
  mentorId: number;
  mentorName: string;
  /** Who the mentor is, as a mentee sees it on 我的导师: organisation, title and kind (no personal data). */
  mentorOrganisation: string;
  mentorTitle: string;
  mentorKind: MentorKind;
  mentorUserId: number | null;
  requestId: number;
  requesterUserId: number;
  menteeKind: MenteeKind;
  enterpriseId: number | null;
  founderId: number | null;
  managerName: string | null;
  menteeName: string;
  /** For audit summaries: a natural person's name masked (张**), an enterprise's name as it is (§8). */
  menteeNameMasked: string;
  status: PairingStatus;
  proposedBy: number;
  proposedOn: string;
  proposedAt: string;
  responseDueOn: string;
  respondedAt: string | null;
  acceptedOn: string | null;
  declinedOn: string | null;
  declinedBy: PairingParty | null;
  declineReason: string | null;
  completedOn: string | null;
  endedOn: string | null;
  endedBy: PairingParty | null;
  endedReason: string | null;
  minSessions: number;
  sessionsHeld: number | null;
  countsAsCompleted: boolean | null;
}

function base(db: Db) {
  return db
    .selectFrom('pairing as p')
    .innerJoin('mentee_request as r', 'r.id', 'p.request_id')
    .innerJoin('mentor as m', 'm.id', 'p.mentor_id')
    .leftJoin('enterprise as e', 'e.id', 'r.enterprise_id')
    .leftJoin('founder as f', 'f.id', 'r.founder_id')
    .select([
      'p.id',
      'p.mentor_id',
      'm.name as mentor_name',
      'm.organisation as mentor_organisation',
      'm.title as mentor_title',
      'm.kind as mentor_kind',
      'm.user_id as mentor_user_id',
      'p.request_id',
      'r.requester_user_id',
      'r.mentee_kind',
      'r.enterprise_id',
      'r.founder_id',
      'r.for_manager_name',
      'e.name as enterprise_name',
      'f.name as founder_name',
      'p.status',
      'p.proposed_by',
      'p.proposed_on',
      'p.proposed_at',
      'p.response_due_on',
      'p.responded_at',
      'p.accepted_on',
      'p.declined_on',
      'p.declined_by',
      'p.decline_reason',
      'p.completed_on',
      'p.ended_on',
      'p.ended_by',
      'p.ended_reason',
      'p.min_sessions',
      'p.sessions_held',
      'p.counts_as_completed',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

export function menteeNameOf(r: {
  enterprise_name: string | null;
  founder_name: string | null;
  for_manager_name: string | null;
}): string {
  if (r.founder_name !== null) return r.founder_name;
  if (r.for_manager_name !== null) return `${r.for_manager_name}（${r.enterprise_name ?? ''}）`;
  return r.enterprise_name ?? '';
}

export function menteeNameMaskedOf(r: {
  enterprise_name: string | null;
  founder_name: string | null;
  for_manager_name: string | null;
}): string {
  if (r.founder_name !== null) return maskName(r.founder_name);
  if (r.for_manager_name !== null) return `${maskName(r.for_manager_name)}（${r.enterprise_name ?? ''}）`;
  return r.enterprise_name ?? '';
}

function toPairing(r: Row): PairingRecord {
  return {
    id: r.id,
    mentorId: r.mentor_id,
    mentorName: r.mentor_name,
    mentorOrganisation: r.mentor_organisation,
    mentorTitle: r.mentor_title,
    mentorKind: r.mentor_kind,
    mentorUserId: r.mentor_user_id,
    requestId: r.request_id,
    requesterUserId: r.requester_user_id,
    menteeKind: r.mentee_kind,
    enterpriseId: r.enterprise_id,
    founderId: r.founder_id,
    managerName: r.for_manager_name,
    menteeName: menteeNameOf(r),
    menteeNameMasked: menteeNameMaskedOf(r),
    status: r.status,
    proposedBy: r.proposed_by,
    proposedOn: r.proposed_on,
    proposedAt: r.proposed_at,
    responseDueOn: r.response_due_on,
    respondedAt: r.responded_at,
    acceptedOn: r.accepted_on,
    declinedOn: r.declined_on,
    declinedBy: r.declined_by,
    declineReason: r.decline_reason,
    completedOn: r.completed_on,
    endedOn: r.ended_on,
    endedBy: r.ended_by,
    endedReason: r.ended_reason,
    minSessions: r.min_sessions,
    sessionsHeld: r.sessions_held,
    countsAsCompleted: r.counts_as_completed === null ? null : r.counts_as_completed === 1,
  };
}

export async function findPairing(db: Db, id: number): Promise<PairingRecord | null> {
  const row = await base(db).where('p.id', '=', id).executeTakeFirst();
  return row ? toPairing(row) : null;
}

export interface PairingFilter {
  ids?: number[];
  mentorIds?: number[];
  requestIds?: number[];
  statuses?: PairingStatus[];
  /** Pairings of requests whose mentee is this enterprise / founder / requester (a mentee's own). */
  mentee?: { enterpriseId: number | null; founderId: number | null; userId: number };
}

/** Newest proposal first. */
export async function listPairings(db: Db, f: PairingFilter = {}): Promise<PairingRecord[]> {
  let q = base(db);
  if (f.ids) q = f.ids.length === 0 ? q.where('p.id', '=', -1) : q.where('p.id', 'in', f.ids);
  if (f.mentorIds)
    q = f.mentorIds.length === 0 ? q.where('p.id', '=', -1) : q.where('p.mentor_id', 'in', f.mentorIds);
  if (f.requestIds)
    q = f.requestIds.length === 0 ? q.where('p.id', '=', -1) : q.where('p.request_id', 'in', f.requestIds);
  if (f.statuses) q = q.where('p.status', 'in', f.statuses);
  const mentee = f.mentee;
  if (mentee) {
    q = q.where((eb) =>
      eb.or([
        eb('r.requester_user_id', '=', mentee.userId),
        ...(mentee.enterpriseId === null ? [] : [eb('r.enterprise_id', '=', mentee.enterpriseId)]),
        ...(mentee.founderId === null ? [] : [eb('r.founder_id', '=', mentee.founderId)]),
      ]),
    );
  }
  const rows = await q.orderBy('p.proposed_at', 'desc').orderBy('p.id', 'desc').execute();
  return rows.map(toPairing);
}

/** Pairings that may hold a place (the domain's `holdsPlace` decides, against today). */
export function livePairingsOf(db: Db, mentorIds?: number[]): Promise<PairingRecord[]> {
  return listPairings(db, { statuses: ['proposed', 'active'], ...(mentorIds ? { mentorIds } : {}) });
}

export interface NewPairing {
  mentorId: number;
  requestId: number;
  proposedBy: number;
  proposedOn: string;
  proposedAt: string;
  responseDueOn: string;
  minSessions: number;
}

export async function insertPairing(trx: Transaction<Database>, p: NewPairing): Promise<number> {
  const { id } = await trx
    .insertInto('pairing')
    .values({
      mentor_id: p.mentorId,
      request_id: p.requestId,
      status: 'proposed',
      proposed_by: p.proposedBy,
      proposed_on: p.proposedOn,
      proposed_at: p.proposedAt,
      response_due_on: p.responseDueOn,
      responded_at: null,
      accepted_on: null,
      declined_on: null,
      declined_by: null,
      decline_reason: null,
      completed_on: null,
      ended_on: null,
      ended_by: null,
      ended_reason: null,
      min_sessions: p.minSessions,
      sessions_held: null,
      counts_as_completed: null,
      updated_at: p.proposedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Writes a transition computed by the domain; `from` guards against a concurrent change of the same row. */
export async function updatePairingState(
  trx: Transaction<Database>,
  id: number,
  from: PairingStatus,
  set: Partial<{
    status: PairingStatus;
    responded_at: string;
    accepted_on: string;
    declined_on: string;
    declined_by: PairingParty;
    decline_reason: string;
    completed_on: string;
    ended_on: string;
    ended_by: PairingParty;
    ended_reason: string;
    sessions_held: number;
    counts_as_completed: number;
    updated_at: string;
  }>,
): Promise<boolean> {
  const result = await trx
    .updateTable('pairing')
    .set(set)
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countSessions(db: Db, pairingId: number): Promise<number> {
  const row = await db
    .selectFrom('mentoring_session')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('pairing_id', '=', pairingId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
