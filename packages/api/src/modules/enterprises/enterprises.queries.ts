import type { EnterpriseVerification, IndustryKey } from '@fund/domain';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { EnterpriseTable, SizeDataSource } from './enterprises.tables';

type Db = Kysely<Database> | Transaction<Database>;

/** An enterprise as stored, without its ciphertexts and blind indexes (nothing here can unmask personal data). */
export interface EnterpriseRecord {
  id: number;
  uscc: string;
  name: string;
  legalRepresentative: string;
  industry: IndustryKey;
  establishedOn: string;
  registeredDistrictCode: string;
  employees: number | null;
  revenueFen: number | null;
  totalAssetsFen: number | null;
  reportingYear: number;
  sizeDataSource: SizeDataSource;
  contactName: string;
  contactMobileMasked: string;
  verification: EnterpriseVerification;
  dishonest: boolean;
  usccOverrideReason: string | null;
  ownerUserId: number | null;
  createdAt: string;
}

const columns = [
  'id',
  'uscc',
  'name',
  'legal_representative',
  'industry',
  'established_on',
  'registered_district_code',
  'employees',
  'revenue_fen',
  'total_assets_fen',
  'size_reporting_year',
  'size_data_source',
  'contact_name',
  'contact_mobile_masked',
  'verification_status',
  'dishonest_flag',
  'uscc_override_reason',
  'owner_user_id',
  'created_at',
] as const;

type Row = Pick<Selectable<EnterpriseTable>, (typeof columns)[number]>;

function toEnterprise(row: Row): EnterpriseRecord {
  return {
    id: row.id,
    uscc: row.uscc,
    name: row.name,
    legalRepresentative: row.legal_representative,
    industry: row.industry,
    establishedOn: row.established_on,
    registeredDistrictCode: row.registered_district_code,
    employees: row.employees,
    revenueFen: row.revenue_fen,
    totalAssetsFen: row.total_assets_fen,
    reportingYear: row.size_reporting_year,
    sizeDataSource: row.size_data_source,
    contactName: row.contact_name,
    contactMobileMasked: row.contact_mobile_masked,
    verification: row.verification_status,
    dishonest: row.dishonest_flag === 1,
    usccOverrideReason: row.uscc_override_reason,
    ownerUserId: row.owner_user_id,
    createdAt: row.created_at,
  };
}

export async function findEnterprise(db: Db, id: number): Promise<EnterpriseRecord | null> {
  const row = await db.selectFrom('enterprise').select(columns).where('id', '=', id).executeTakeFirst();
  return row ? toEnterprise(row) : null;
}

export async function findEnterpriseOfOwner(db: Db, userId: number): Promise<EnterpriseRecord | null> {
  const row = await db
    .selectFrom('enterprise')
    .select(columns)
    .where('owner_user_id', '=', userId)
    .executeTakeFirst();
  return row ? toEnterprise(row) : null;
}

export async function isUsccTaken(db: Db, uscc: string): Promise<boolean> {
  const row = await db.selectFrom('enterprise').select('id').where('uscc', '=', uscc).executeTakeFirst();
  return row !== undefined;
}

/** Column values of a new enterprise; personal data arrives already encrypted, indexed and masked. */
export interface NewEnterprise {
  uscc: string;
  name: string;
  legalRepresentative: string;
  industry: IndustryKey;
  establishedOn: string;
  registeredDistrictCode: string;
  employees: number | null;
  revenueFen: number | null;
  totalAssetsFen: number | null;
  reportingYear: number;
  sizeDataSource: SizeDataSource;
  contactName: string;
  contactMobile: { enc: string; bidx: string; masked: string };
  verification: EnterpriseVerification;
  dishonest: boolean;
  usccOverrideReason: string | null;
  ownerUserId: number | null;
  privacyConsent: { version: string; at: string } | null;
  createdAt: string;
}

export async function insertEnterprise(trx: Transaction<Database>, e: NewEnterprise): Promise<number> {
  const { id } = await trx
    .insertInto('enterprise')
    .values({
      uscc: e.uscc,
      name: e.name,
      legal_representative: e.legalRepresentative,
      industry: e.industry,
      established_on: e.establishedOn,
      registered_district_code: e.registeredDistrictCode,
      employees: e.employees,
      revenue_fen: e.revenueFen,
      total_assets_fen: e.totalAssetsFen,
      size_reporting_year: e.reportingYear,
      size_data_source: e.sizeDataSource,
      contact_name: e.contactName,
      contact_mobile_enc: e.contactMobile.enc,
      contact_mobile_bidx: e.contactMobile.bidx,
      contact_mobile_masked: e.contactMobile.masked,
      verification_status: e.verification,
      dishonest_flag: e.dishonest ? 1 : 0,
      uscc_override_reason: e.usccOverrideReason,
      owner_user_id: e.ownerUserId,
      privacy_consent_version: e.privacyConsent?.version ?? null,
      privacy_consent_at: e.privacyConsent?.at ?? null,
      created_at: e.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** `%`, `_` and the escape character itself are literal in a search box. */
function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export type EnterpriseSearch = { kind: 'uscc-prefix'; prefix: string } | { kind: 'name'; text: string };

/**
 * Newest first, `total` for the pager. A USCC prefix is a range on the unique index (`uscc >= p and uscc < p~`,
 * '~' sorting after every USCC character, portable and index-friendly unlike a case-insensitive LIKE); a name is a
 * substring (LIKE '%…%', which no B-tree can serve — the planner walks the created_at index and filters).
 */
export async function listEnterprises(
  db: Db,
  args: {
    search: EnterpriseSearch | null;
    verification?: EnterpriseVerification | undefined;
    page: number;
    pageSize: number;
  },
): Promise<{ items: EnterpriseRecord[]; total: number }> {
  let base = db.selectFrom('enterprise');
  const s = args.search;
  if (s?.kind === 'uscc-prefix') {
    base = base.where('uscc', '>=', s.prefix).where('uscc', '<', `${s.prefix}~`);
  } else if (s?.kind === 'name') {
    base = base.where((eb) => sql<boolean>`${eb.ref('name')} like ${`%${likeEscape(s.text)}%`} escape '\\'`);
  }
  if (args.verification !== undefined) base = base.where('verification_status', '=', args.verification);
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
  return { items: rows.map(toEnterprise), total: Number(count.n) };
}

// ─── USCC disputes ─────────────────────────────────────────────────────────────────────────────────────────────

export interface NewUsccDispute {
  uscc: string;
  contactName: string;
  contactMobile: { enc: string; masked: string };
  description: string;
  createdAt: string;
}

export async function insertUsccDispute(trx: Transaction<Database>, d: NewUsccDispute): Promise<number> {
  const { id } = await trx
    .insertInto('uscc_dispute')
    .values({
      uscc: d.uscc,
      contact_name: d.contactName,
      contact_mobile_enc: d.contactMobile.enc,
      contact_mobile_masked: d.contactMobile.masked,
      description: d.description,
      created_at: d.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
