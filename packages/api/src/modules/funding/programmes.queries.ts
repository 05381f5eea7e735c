import { parseProgrammeParameters, type ProgrammeParameters, type Scheme } from '@fund/domain';
import type { Transaction } from 'kysely';
import { precompiled } from '../../db/precompiled';
import { LruCache } from '../../db/read-cache';
import type { Database } from '../../db/schema';
import { canonicalJson } from '../../lib/canonical-json';
import type { Db } from './funding.common';
import type { ProgrammeStatus } from './funding.tables';

export interface ProgrammeRecord {
  id: number;
  name: string;
  scheme: Scheme;
  fiscalYear: number;
  opensOn: string;
  closesOn: string;
  guidelines: string;
  status: ProgrammeStatus;
  versionId: number;
  version: number;
  parameters: ProgrammeParameters;
  createdAt: string;
}

const columns = [
  'programme.id',
  'programme.name',
  'programme.scheme',
  'programme.fiscal_year',
  'programme.opens_on',
  'programme.closes_on',
  'programme.guidelines',
  'programme.status',
  'programme.created_at',
  'programme_version.id as version_id',
  'programme_version.version',
  'programme_version.parameters_json',
] as const;

function base(db: Db) {
  return db
    .selectFrom('programme')
    .innerJoin('programme_version', 'programme_version.id', 'programme.current_version_id')
    .select(columns);
}

type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

function toProgramme(r: Row): ProgrammeRecord {
  return {
    id: r.id,
    name: r.name,
    scheme: r.scheme,
    fiscalYear: r.fiscal_year,
    opensOn: r.opens_on,
    closesOn: r.closes_on,
    guidelines: r.guidelines,
    status: r.status,
    versionId: r.version_id,
    version: r.version,
    parameters: parseProgrammeParameters(JSON.parse(r.parameters_json)),
    createdAt: r.created_at,
  };
}

export async function findProgramme(db: Db, id: number): Promise<ProgrammeRecord | null> {
  const r = await base(db).where('programme.id', '=', id).executeTakeFirst();
  return r ? toProgramme(r) : null;
}

export async function listProgrammes(
  db: Db,
  filter: { openOn?: string; schemes?: readonly Scheme[] } = {},
): Promise<ProgrammeRecord[]> {
  let q = base(db).where('programme.status', '=', 'active');
  if (filter.openOn)
    q = q.where('programme.opens_on', '<=', filter.openOn).where('programme.closes_on', '>=', filter.openOn);
  if (filter.schemes) q = q.where('programme.scheme', 'in', [...filter.schemes]);
  const rows = await q.orderBy('programme.fiscal_year', 'desc').orderBy('programme.id', 'desc').execute();
  return rows.map(toProgramme);
}

/** The frozen parameters of a version (what a submitted case is computed under). */
export async function findVersionParameters(db: Db, versionId: number): Promise<ProgrammeParameters> {
  const [r] = await versionParametersJson(db, versionId);
  if (!r) throw new Error(`programme version ${versionId} not found`);
  // Parsed (zod) once per distinct JSON text: keyed by the text, not the id, so an in-place edit of a version
  // without applications is never served stale. Shared: frozen, callers must not mutate it.
  let parsed = parsedParameters.get(r.parameters_json);
  if (parsed === undefined) {
    parsed = deepFreeze(parseProgrammeParameters(JSON.parse(r.parameters_json)));
    parsedParameters.set(r.parameters_json, parsed);
  }
  return parsed;
}

const versionParametersJson = precompiled((db, versionId: number) =>
  db.selectFrom('programme_version').select('parameters_json').where('id', '=', versionId),
);
const parsedParameters = new LruCache<string, ProgrammeParameters>(200);
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export async function insertProgramme(
  trx: Transaction<Database>,
  p: {
    name: string;
    scheme: Scheme;
    fiscalYear: number;
    opensOn: string;
    closesOn: string;
    guidelines: string;
    parameters: ProgrammeParameters;
    by: number;
    now: Date;
  },
): Promise<{ id: number; versionId: number }> {
  const at = p.now.toISOString();
  const { id } = await trx
    .insertInto('programme')
    .values({
      name: p.name,
      scheme: p.scheme,
      fiscal_year: p.fiscalYear,
      opens_on: p.opensOn,
      closes_on: p.closesOn,
      guidelines: p.guidelines,
      current_version_id: null,
      created_by: p.by,
      created_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const versionId = await insertVersion(trx, {
    programmeId: id,
    version: 1,
    parameters: p.parameters,
    by: p.by,
    now: p.now,
  });
  await trx.updateTable('programme').set({ current_version_id: versionId }).where('id', '=', id).execute();
  return { id, versionId };
}

export async function insertVersion(
  trx: Transaction<Database>,
  v: { programmeId: number; version: number; parameters: ProgrammeParameters; by: number; now: Date },
): Promise<number> {
  const { id } = await trx
    .insertInto('programme_version')
    .values({
      programme_id: v.programmeId,
      version: v.version,
      parameters_json: canonicalJson(v.parameters),
      created_by: v.by,
      created_at: v.now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function versionHasApplications(db: Db, versionId: number): Promise<boolean> {
  const r = await db
    .selectFrom('funding_case')
    .select('id')
    .where('programme_version_id', '=', versionId)
    .limit(1)
    .executeTakeFirst();
  return r !== undefined;
}
