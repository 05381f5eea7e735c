import type {
  IndustryKey,
  MentorAvailability,
  MentorKind,
  MentorProfileInput,
  MentorTopic,
} from '@fund/domain';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { parseList, type Db } from './mentoring.common';

export interface MentorRecord {
  id: number;
  userId: number | null;
  name: string;
  kind: MentorKind;
  organisation: string;
  title: string;
  industries: IndustryKey[];
  topics: MentorTopic[];
  bio: string;
  capacity: number;
  availability: MentorAvailability;
  createdAt: string;
  updatedAt: string;
}

const columns = [
  'id',
  'user_id',
  'name',
  'kind',
  'organisation',
  'title',
  'industries_json',
  'topics_json',
  'bio',
  'capacity',
  'availability',
  'created_at',
  'updated_at',
] as const;

function select(db: Db) {
  return db.selectFrom('mentor').select(columns);
}
type Row = Awaited<ReturnType<ReturnType<typeof select>['executeTakeFirstOrThrow']>>;

function toMentor(r: Row): MentorRecord {
  return {
    id: r.id,
    userId: r.user_id,
    name: r.name,
    kind: r.kind,
    organisation: r.organisation,
    title: r.title,
    industries: parseList<IndustryKey>(r.industries_json),
    topics: parseList<MentorTopic>(r.topics_json),
    bio: r.bio,
    capacity: r.capacity,
    availability: r.availability,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function findMentor(db: Db, id: number): Promise<MentorRecord | null> {
  const row = await select(db).where('id', '=', id).executeTakeFirst();
  return row ? toMentor(row) : null;
}

export async function findMentorOfUser(db: Db, userId: number): Promise<MentorRecord | null> {
  const row = await select(db).where('user_id', '=', userId).executeTakeFirst();
  return row ? toMentor(row) : null;
}

/** `%`, `_` and the escape character itself are literal in a search box. */
function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Every mentor matching the column filters, by id. Topic and industry filters are applied by the caller on the
 * parsed lists (a district has tens of mentors, not thousands; JSON functions would not be portable SQL).
 */
export async function listMentorRecords(
  db: Db,
  f: {
    q?: string | undefined;
    kind?: MentorKind | undefined;
    availability?: MentorAvailability | undefined;
  } = {},
): Promise<MentorRecord[]> {
  let q = select(db);
  const text = f.q?.trim();
  if (text) {
    const like = `%${likeEscape(text)}%`;
    q = q.where((eb) =>
      eb.or([
        sql<boolean>`${eb.ref('name')} like ${like} escape '\\'`,
        sql<boolean>`${eb.ref('organisation')} like ${like} escape '\\'`,
      ]),
    );
  }
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.availability) q = q.where('availability', '=', f.availability);
  const rows = await q.orderBy('id').execute();
  return rows.map(toMentor);
}

export async function insertMentor(
  trx: Transaction<Database>,
  userId: number | null,
  p: MentorProfileInput,
  at: string,
): Promise<number> {
  const { id } = await trx
    .insertInto('mentor')
    .values({
      user_id: userId,
      name: p.name,
      kind: p.kind,
      organisation: p.organisation,
      title: p.title,
      industries_json: JSON.stringify(p.industries),
      topics_json: JSON.stringify(p.topics),
      bio: p.bio,
      capacity: p.capacity,
      availability: p.availability,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateMentorProfile(
  trx: Transaction<Database>,
  id: number,
  p: MentorProfileInput,
  at: string,
): Promise<void> {
  await trx
    .updateTable('mentor')
    .set({
      name: p.name,
      kind: p.kind,
      organisation: p.organisation,
      title: p.title,
      industries_json: JSON.stringify(p.industries),
      topics_json: JSON.stringify(p.topics),
      bio: p.bio,
      capacity: p.capacity,
      availability: p.availability,
      updated_at: at,
    })
    .where('id', '=', id)
    .execute();
}

export async function setMentorAvailability(
  trx: Transaction<Database>,
  id: number,
  availability: MentorAvailability,
  at: string,
): Promise<void> {
  await trx.updateTable('mentor').set({ availability, updated_at: at }).where('id', '=', id).execute();
}

export async function userHasMentorProfile(db: Db, userId: number): Promise<boolean> {
  return (
    (await db.selectFrom('mentor').select('id').where('user_id', '=', userId).executeTakeFirst()) !==
    undefined
  );
}
