import type { MentorTopic, RatingSide, SessionMode } from '@fund/domain';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { parseList, type Db } from './mentoring.common';

export interface RatingRecord {
  id: number;
  sessionId: number;
  pairingId: number;
  party: RatingSide;
  score: number;
  comment: string;
  ratedOn: string;
}

export interface SessionRecord {
  id: number;
  pairingId: number;
  date: string;
  durationMinutes: number;
  mode: SessionMode;
  topics: MentorTopic[];
  notes: string;
  agreedActions: string[];
  loggedByParty: RatingSide;
  createdAt: string;
  ratings: RatingRecord[];
}

export interface FlagView {
  id: number;
  pairingId: number;
  sessionId: number | null;
  party: RatingSide;
  reason: string;
  createdAt: string;
  resolvedAt: string | null;
  resolution: string | null;
}

/** Sessions (with their ratings) of some pairings, by date. */
export async function listSessions(db: Db, pairingIds: number[]): Promise<SessionRecord[]> {
  if (pairingIds.length === 0) return [];
  const rows = await db
    .selectFrom('mentoring_session')
    .select([
      'id',
      'pairing_id',
      'date',
      'duration_minutes',
      'mode',
      'topics_json',
      'notes',
      'agreed_actions_json',
      'logged_by_party',
      'created_at',
    ])
    .where('pairing_id', 'in', pairingIds)
    .orderBy('date')
    .orderBy('id')
    .execute();
  const ratings = await listRatings(db, pairingIds);
  return rows.map((r) => ({
    id: r.id,
    pairingId: r.pairing_id,
    date: r.date,
    durationMinutes: r.duration_minutes,
    mode: r.mode,
    topics: parseList<MentorTopic>(r.topics_json),
    notes: r.notes,
    agreedActions: parseList<string>(r.agreed_actions_json),
    loggedByParty: r.logged_by_party,
    createdAt: r.created_at,
    ratings: ratings.filter((x) => x.sessionId === r.id),
  }));
}

export async function listRatings(db: Db, pairingIds?: number[]): Promise<RatingRecord[]> {
  if (pairingIds !== undefined && pairingIds.length === 0) return [];
  let q = db
    .selectFrom('session_rating as sr')
    .innerJoin('mentoring_session as s', 's.id', 'sr.session_id')
    .select(['sr.id', 'sr.session_id', 's.pairing_id', 'sr.party', 'sr.score', 'sr.comment', 'sr.rated_on']);
  if (pairingIds !== undefined) q = q.where('s.pairing_id', 'in', pairingIds);
  const rows = await q.orderBy('sr.id').execute();
  return rows.map((r) => ({
    id: r.id,
    sessionId: r.session_id,
    pairingId: r.pairing_id,
    party: r.party,
    score: r.score,
    comment: r.comment,
    ratedOn: r.rated_on,
  }));
}

export async function findSessionRow(
  db: Db,
  id: number,
): Promise<{ id: number; pairingId: number; date: string } | null> {
  const row = await db
    .selectFrom('mentoring_session')
    .select(['id', 'pairing_id', 'date'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { id: row.id, pairingId: row.pairing_id, date: row.date } : null;
}

export async function ratedSidesOf(db: Db, sessionId: number): Promise<RatingSide[]> {
  const rows = await db
    .selectFrom('session_rating')
    .select('party')
    .where('session_id', '=', sessionId)
    .execute();
  return rows.map((r) => r.party);
}

export interface NewSession {
  pairingId: number;
  date: string;
  durationMinutes: number;
  mode: SessionMode;
  topics: MentorTopic[];
  notes: string;
  agreedActions: string[];
  loggedBy: number;
  loggedByParty: RatingSide;
  at: string;
}

export async function insertSession(trx: Transaction<Database>, s: NewSession): Promise<number> {
  const { id } = await trx
    .insertInto('mentoring_session')
    .values({
      pairing_id: s.pairingId,
      date: s.date,
      duration_minutes: s.durationMinutes,
      mode: s.mode,
      topics_json: JSON.stringify(s.topics),
      notes: s.notes,
      agreed_actions_json: JSON.stringify(s.agreedActions),
      logged_by: s.loggedBy,
      logged_by_party: s.loggedByParty,
      created_at: s.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function insertRating(
  trx: Transaction<Database>,
  r: {
    sessionId: number;
    party: RatingSide;
    score: number;
    comment: string;
    ratedBy: number;
    ratedOn: string;
    at: string;
  },
): Promise<number> {
  const { id } = await trx
    .insertInto('session_rating')
    .values({
      session_id: r.sessionId,
      party: r.party,
      score: r.score,
      comment: r.comment,
      rated_by: r.ratedBy,
      rated_on: r.ratedOn,
      created_at: r.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

const flagColumns = [
  'id',
  'pairing_id',
  'session_id',
  'party',
  'reason',
  'created_at',
  'resolved_at',
  'resolution',
] as const;

function toFlag(r: {
  id: number;
  pairing_id: number;
  session_id: number | null;
  party: RatingSide;
  reason: string;
  created_at: string;
  resolved_at: string | null;
  resolution: string | null;
}): FlagView {
  return {
    id: r.id,
    pairingId: r.pairing_id,
    sessionId: r.session_id,
    party: r.party,
    reason: r.reason,
    createdAt: r.created_at,
    resolvedAt: r.resolved_at,
    resolution: r.resolution,
  };
}

export async function listOpenFlags(db: Db): Promise<FlagView[]> {
  const rows = await db
    .selectFrom('poor_fit_flag')
    .select(flagColumns)
    .where('resolved_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toFlag);
}

export async function listFlagsOf(db: Db, pairingId: number): Promise<FlagView[]> {
  const rows = await db
    .selectFrom('poor_fit_flag')
    .select(flagColumns)
    .where('pairing_id', '=', pairingId)
    .orderBy('id')
    .execute();
  return rows.map(toFlag);
}

export async function findFlag(db: Db, id: number): Promise<FlagView | null> {
  const row = await db
    .selectFrom('poor_fit_flag')
    .select(flagColumns)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toFlag(row) : null;
}

export async function insertFlag(
  trx: Transaction<Database>,
  f: {
    pairingId: number;
    sessionId: number | null;
    party: RatingSide;
    reason: string;
    flaggedBy: number;
    at: string;
  },
): Promise<number> {
  const { id } = await trx
    .insertInto('poor_fit_flag')
    .values({
      pairing_id: f.pairingId,
      session_id: f.sessionId,
      party: f.party,
      reason: f.reason,
      flagged_by: f.flaggedBy,
      created_at: f.at,
      resolved_at: null,
      resolved_by: null,
      resolution: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function resolveFlagRow(
  trx: Transaction<Database>,
  id: number,
  by: number,
  resolution: string,
  at: string,
): Promise<boolean> {
  const r = await trx
    .updateTable('poor_fit_flag')
    .set({ resolved_at: at, resolved_by: by, resolution })
    .where('id', '=', id)
    .where('resolved_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
