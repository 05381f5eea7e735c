/** Queries of funding cases: functions of (db, args), explicit columns, one mapper per shape. */
import { randomUUID } from 'node:crypto';
import {
  fen,
  type CaseStatus,
  type FundingHistoryEntry,
  type Scheme,
  type SubsidisedLoanPeriod,
} from '@fund/domain';
import type { Transaction } from 'kysely';
import { precompiled, precompiledPerShape } from '../../db/precompiled';
import type { Database } from '../../db/schema';
import type { CaseRow } from './case-state';
import type { Db } from './funding.common';

/** Compiled once (ADR 014): the first read of every case mutation. */
const caseRowById = precompiled((db, id: number) =>
  db.selectFrom('funding_case').selectAll().where('id', '=', id),
);

export async function findCaseRow(db: Db, id: number): Promise<CaseRow | null> {
  const [row] = await caseRowById(db, id);
  return row ?? null;
}

/**
 * One compiled UPDATE per set of columns (ADR 014): `columnsOf` writes a few fixed column sets (one per kind of
 * transition), so the shape key is the list of column NAMES; every value is bound.
 */
const caseUpdate = precompiledPerShape((key) => {
  const columns = key.split(',');
  return (db, ...args: unknown[]) =>
    (db as Transaction<Database>)
      .updateTable('funding_case')
      .set(Object.fromEntries(columns.map((c, i) => [c, args[i]])) as Partial<CaseRow>)
      .where('id', '=', args[columns.length] as number);
});

export async function updateCase(
  trx: Transaction<Database>,
  id: number,
  values: Partial<CaseRow>,
  now: Date,
): Promise<void> {
  const { id: _id, ...rest } = values;
  const set: Record<string, unknown> = { ...rest, updated_at: now.toISOString() };
  const columns = Object.keys(set).filter((c) => set[c] !== undefined);
  await caseUpdate(columns.join(','), trx, ...columns.map((c) => set[c]), id);
}

const CASE_PREFIX: Record<Scheme, string> = {
  'loan-interest-subsidy': 'DK',
  'award-in-lieu-of-investment': 'JD',
  'centre-service': 'FW',
};

/** A draft with its human-readable number, e.g. 'DK-2026-000123' (prefix by scheme, fiscal year, id). */
export async function insertDraft(
  trx: Transaction<Database>,
  d: {
    enterpriseId: number;
    programmeId: number;
    fiscalYear: number;
    scheme: Scheme;
    dataJson: string;
    documentIdsJson: string;
    by: number;
    now: Date;
  },
): Promise<{ id: number; caseNo: string }> {
  const at = d.now.toISOString();
  const { id } = await trx
    .insertInto('funding_case')
    .values({
      case_no: `tmp-${randomUUID()}`,
      enterprise_id: d.enterpriseId,
      programme_id: d.programmeId,
      programme_version_id: null,
      fiscal_year: d.fiscalYear,
      scheme: d.scheme,
      status: 'draft',
      data_json: d.dataJson,
      document_ids_json: d.documentIdsJson,
      computed_amount_fen: null,
      working_json: null,
      recommended_amount_fen: null,
      adjustment_reason: null,
      recommended_by: null,
      recommended_at: null,
      notice_id: null,
      published_on: null,
      notice_ends_on: null,
      approved_by: null,
      approved_at: null,
      disbursed_by: null,
      disbursed_at: null,
      voucher_no: null,
      paid_on: null,
      first_submitted_at: null,
      submitted_at: null,
      submitted_by: null,
      returned_by: null,
      returned_at: null,
      return_reason: null,
      closed_by: null,
      closed_at: null,
      close_reason: null,
      closed_from: null,
      close_kind: null,
      objection_id: null,
      clawback_fen: null,
      clawback_json: null,
      created_by: d.by,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const caseNo = `${CASE_PREFIX[d.scheme]}-${d.fiscalYear}-${String(id).padStart(6, '0')}`;
  await trx.updateTable('funding_case').set({ case_no: caseNo }).where('id', '=', id).execute();
  return { id, caseNo };
}

/** Compiled once per shape (ADR 014): with or without a case to leave out. */
const historyQuery = precompiledPerShape((key) => (db, ...args: unknown[]) => {
  const q = db
    .selectFrom('funding_case')
    .select([
      'programme_id',
      'fiscal_year',
      'status',
      'recommended_amount_fen',
      'computed_amount_fen',
      'clawback_fen',
    ])
    .where('enterprise_id', '=', args[0] as number);
  return key === 'except' ? q.where('id', '!=', args[1] as number) : q;
});

/** The enterprise's other cases, as the domain's eligibility rules read them (§3 repeat and yearly cap). */
export async function fundingHistory(
  db: Db,
  enterpriseId: number,
  exceptCaseId: number | null,
): Promise<FundingHistoryEntry[]> {
  const rows =
    exceptCaseId === null
      ? await historyQuery('all', db, enterpriseId)
      : await historyQuery('except', db, enterpriseId, exceptCaseId);
  return rows.map((r) => ({
    programmeId: r.programme_id,
    fiscalYear: r.fiscal_year,
    status: r.status,
    // Net of any recovery: a clawed-back award counts only for what was kept.
    awardedFen: Math.max(0, (r.recommended_amount_fen ?? r.computed_amount_fen ?? 0) - (r.clawback_fen ?? 0)),
  }));
}

/** Interest-share subsidy approved or paid to the enterprise in a fiscal year (§4: capped per enterprise per year). */
export async function loanSubsidyThisYear(
  db: Db,
  enterpriseId: number,
  fiscalYear: number,
  exceptCaseId: number,
) {
  const r = await db
    .selectFrom('funding_case')
    .select((eb) => eb.fn.sum<number>('recommended_amount_fen').as('total'))
    .where('enterprise_id', '=', enterpriseId)
    .where('fiscal_year', '=', fiscalYear)
    .where('scheme', '=', 'loan-interest-subsidy')
    .where('status', 'in', ['approved', 'disbursed'] satisfies CaseStatus[])
    .where('id', '!=', exceptCaseId)
    .executeTakeFirst();
  return fen(Number(r?.total ?? 0));
}

/** Loan days already subsidised by other live cases (rows of rejected/withdrawn cases are deleted with them). */
export async function subsidisedPeriods(
  db: Db,
  contractKeys: readonly string[],
  exceptCaseId: number,
): Promise<SubsidisedLoanPeriod[]> {
  if (contractKeys.length === 0) return [];
  const rows = await db
    .selectFrom('subsidised_period')
    .select(['bank_name', 'contract_no', 'start', 'end_exclusive'])
    .where('contract_key', 'in', [...contractKeys])
    .where('case_id', '!=', exceptCaseId)
    .execute();
  return rows.map((r) => ({
    bankName: r.bank_name,
    contractNo: r.contract_no,
    start: r.start,
    endExclusive: r.end_exclusive,
  }));
}

export async function awardedMilestoneKeys(
  db: Db,
  enterpriseId: number,
  exceptCaseId: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom('awarded_milestone')
    .select('milestone_key')
    .where('enterprise_id', '=', enterpriseId)
    .where('case_id', '!=', exceptCaseId)
    .execute();
  return rows.map((r) => r.milestone_key);
}

/** Contract numbers and bank names compared without spacing, hyphens, width or case (as the domain compares them). */
export function contractKey(p: { bankName: string; contractNo: string }): string {
  const norm = (s: string) =>
    s
      .normalize('NFKC')
      .replace(/[\s\-－—_]+/g, '')
      .toUpperCase();
  return `${norm(p.bankName)}|${norm(p.contractNo)}`;
}

/** Replaces the §3 once-only registrations of a case (what it subsidises / awards). */
export async function registerOnceOnly(
  trx: Transaction<Database>,
  c: {
    caseId: number;
    enterpriseId: number;
    periods: readonly SubsidisedLoanPeriod[];
    milestoneKeys: readonly string[];
  },
): Promise<void> {
  await releaseOnceOnly(trx, c.caseId);
  if (c.periods.length > 0) {
    await trx
      .insertInto('subsidised_period')
      .values(
        c.periods.map((p) => ({
          contract_key: contractKey(p),
          bank_name: p.bankName,
          contract_no: p.contractNo,
          start: p.start,
          end_exclusive: p.endExclusive,
          case_id: c.caseId,
        })),
      )
      .execute();
  }
  if (c.milestoneKeys.length > 0) {
    await trx
      .insertInto('awarded_milestone')
      .values(
        c.milestoneKeys.map((k) => ({ enterprise_id: c.enterpriseId, milestone_key: k, case_id: c.caseId })),
      )
      .execute();
  }
}

/** A rejected or withdrawn case no longer holds its loan days or milestone. */
export async function releaseOnceOnly(trx: Transaction<Database>, caseId: number): Promise<void> {
  await trx.deleteFrom('subsidised_period').where('case_id', '=', caseId).execute();
  await trx.deleteFrom('awarded_milestone').where('case_id', '=', caseId).execute();
}

export interface CaseListItem {
  id: number;
  caseNo: string;
  programmeId: number;
  programmeName: string;
  scheme: Scheme;
  status: CaseStatus;
  amountFen: number | null;
  submittedAt: string | null;
  updatedAt: string;
  enterpriseId: number;
  enterpriseName: string;
  uscc: string;
}

function listBase(db: Db) {
  return db
    .selectFrom('funding_case')
    .innerJoin('programme', 'programme.id', 'funding_case.programme_id')
    .innerJoin('enterprise', 'enterprise.id', 'funding_case.enterprise_id')
    .select([
      'funding_case.id',
      'funding_case.case_no',
      'funding_case.programme_id',
      'programme.name as programme_name',
      'funding_case.scheme',
      'funding_case.status',
      'funding_case.recommended_amount_fen',
      'funding_case.computed_amount_fen',
      'funding_case.submitted_at',
      'funding_case.updated_at',
      'funding_case.enterprise_id',
      'enterprise.name as enterprise_name',
      'enterprise.uscc',
    ]);
}

type ListRow = Awaited<ReturnType<ReturnType<typeof listBase>['executeTakeFirstOrThrow']>>;

function toListItem(r: ListRow): CaseListItem {
  return {
    id: r.id,
    caseNo: r.case_no,
    programmeId: r.programme_id,
    programmeName: r.programme_name,
    scheme: r.scheme,
    status: r.status,
    amountFen: r.recommended_amount_fen ?? r.computed_amount_fen,
    submittedAt: r.submitted_at,
    updatedAt: r.updated_at,
    enterpriseId: r.enterprise_id,
    enterpriseName: r.enterprise_name,
    uscc: r.uscc,
  };
}

/**
 * The applicant's list: newest change first, on the (enterprise_id, updated_at) index. Compiled once
 * (`precompiled`, ADR 014): the applicant's home page asks for it on every visit.
 */
const enterpriseItems = precompiled((db, enterpriseId: number, limit: number, offset: number) =>
  listBase(db)
    .where('funding_case.enterprise_id', '=', enterpriseId)
    .orderBy('funding_case.updated_at', 'desc')
    .orderBy('funding_case.id', 'desc')
    .limit(limit)
    .offset(offset),
);
const enterpriseCount = precompiled((db, enterpriseId: number) =>
  db
    .selectFrom('funding_case')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('enterprise_id', '=', enterpriseId),
);

export async function listOfEnterprise(db: Db, enterpriseId: number, limit: number, offset: number) {
  const items = await enterpriseItems(db, enterpriseId, limit, offset);
  const [{ n }] = (await enterpriseCount(db, enterpriseId)) as [{ n: number }];
  return { items: items.map(toListItem), total: Number(n) };
}

/**
 * Staff queues: by status (and programme), oldest submission first, on the (programme_id, status, submitted_at) index.
 * Compiled once per shape (`precompiledPerShape`, ADR 014): the shape is the number of statuses and whether a
 * programme is given; the statuses are bound one parameter each. (Binding the list as ONE JSON parameter,
 * `status in (select value from json_each(?))`, was measured and refused: SQLite then sorts the programme's rows in a
 * temp B-tree instead of reading the index in submission order.)
 */
type QueueShape = { statuses: number; programme: boolean };
const shapeKey = (s: QueueShape) => `${s.statuses}:${s.programme ? 'programme' : 'all'}`;
const parseShape = (key: string): QueueShape => {
  const [n, p] = key.split(':');
  return { statuses: Number(n), programme: p === 'programme' };
};
const queueItems = precompiledPerShape((key) => {
  const shape = parseShape(key);
  return (db, ...args: unknown[]) => {
    let q = listBase(db).where('funding_case.status', 'in', args.slice(0, shape.statuses) as CaseStatus[]);
    if (shape.programme) q = q.where('funding_case.programme_id', '=', args[shape.statuses] as number);
    const [limit, offset] = args.slice(-2) as [number, number];
    return q
      .orderBy('funding_case.submitted_at', 'asc')
      .orderBy('funding_case.id', 'asc')
      .limit(limit)
      .offset(offset);
  };
});
const queueCount = precompiledPerShape((key) => {
  const shape = parseShape(key);
  return (db, ...args: unknown[]) => {
    let c = db
      .selectFrom('funding_case')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', 'in', args.slice(0, shape.statuses) as CaseStatus[]);
    if (shape.programme) c = c.where('programme_id', '=', args[shape.statuses] as number);
    return c;
  };
});

export async function listQueue(
  db: Db,
  f: { statuses: readonly CaseStatus[]; programmeId?: number | undefined; limit: number; offset: number },
) {
  const statuses = [...new Set(f.statuses)];
  if (statuses.length === 0) return { items: [], total: 0 };
  const programme = f.programmeId !== undefined;
  const key = shapeKey({ statuses: statuses.length, programme });
  const filter = programme ? [...statuses, f.programmeId] : statuses;
  const items = await queueItems(key, db, ...filter, f.limit, f.offset);
  const [{ n }] = (await queueCount(key, db, ...filter)) as [{ n: number }];
  return { items: items.map(toListItem), total: Number(n) };
}
