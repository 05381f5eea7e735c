import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { FounderTable } from './founders.tables';

type Db = Kysely<Database> | Transaction<Database>;

/** The contract's `FounderProfile`: personal data only masked (the ciphertexts are never selected here). */
export interface FounderProfile {
  id: number;
  name: string;
  school: string;
  graduationYear: number;
  idNumberMasked: string;
  mobileMasked: string;
  createdAt: string;
}

const columns = [
  'id',
  'name',
  'school',
  'graduation_year',
  'id_number_masked',
  'mobile_masked',
  'created_at',
] as const;

function toFounder(row: Pick<Selectable<FounderTable>, (typeof columns)[number]>): FounderProfile {
  return {
    id: row.id,
    name: row.name,
    school: row.school,
    graduationYear: row.graduation_year,
    idNumberMasked: row.id_number_masked,
    mobileMasked: row.mobile_masked,
    createdAt: row.created_at,
  };
}

export async function findFounderOfUser(db: Db, userId: number): Promise<FounderProfile | null> {
  const row = await db.selectFrom('founder').select(columns).where('user_id', '=', userId).executeTakeFirst();
  return row ? toFounder(row) : null;
}

export async function isIdNumberRegistered(db: Db, idNumberBidx: string): Promise<boolean> {
  const row = await db
    .selectFrom('founder')
    .select('id')
    .where('id_number_bidx', '=', idNumberBidx)
    .executeTakeFirst();
  return row !== undefined;
}

export interface NewFounder {
  name: string;
  school: string;
  graduationYear: number;
  idNumber: { enc: string; bidx: string; masked: string };
  mobile: { enc: string; bidx: string; masked: string };
  userId: number;
  privacyConsent: { version: string; at: string };
  createdAt: string;
}

export async function insertFounder(trx: Transaction<Database>, f: NewFounder): Promise<number> {
  const { id } = await trx
    .insertInto('founder')
    .values({
      name: f.name,
      school: f.school,
      graduation_year: f.graduationYear,
      id_number_enc: f.idNumber.enc,
      id_number_bidx: f.idNumber.bidx,
      id_number_masked: f.idNumber.masked,
      mobile_enc: f.mobile.enc,
      mobile_bidx: f.mobile.bidx,
      mobile_masked: f.mobile.masked,
      user_id: f.userId,
      privacy_consent_version: f.privacyConsent.version,
      privacy_consent_at: f.privacyConsent.at,
      created_at: f.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** `%`, `_` and the escape character itself are literal in a search box. */
function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Newest first; `q` matches part of the name or of the school. */
export async function listFounders(
  db: Db,
  args: { q?: string | undefined; page: number; pageSize: number },
): Promise<{ items: FounderProfile[]; total: number }> {
  const q = args.q?.trim() ? args.q.trim() : null;
  let base = db.selectFrom('founder');
  if (q !== null) {
    const pattern = `%${likeEscape(q)}%`;
    base = base.where((eb) =>
      eb.or([
        sql<boolean>`${eb.ref('name')} like ${pattern} escape '\\'`,
        sql<boolean>`${eb.ref('school')} like ${pattern} escape '\\'`,
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    base
      .select(columns)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(args.pageSize)
      .offset((args.page - 1) * args.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toFounder), total: Number(count.n) };
}
