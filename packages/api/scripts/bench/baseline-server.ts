/**
 * The RAW BASELINE of `pnpm bench` (reliability-security.md G6, §6 R8): node:http + better-sqlite3 running the same
 * SQL as the product's query functions and answering the same JSON (`{"result":{"data":…}}` at the same tRPC paths),
 * against the same database file, on the same machine, in its own process.
 *
 * What it skips BY DESIGN — that difference is what the product/baseline ratio measures: Fastify, the tRPC pipeline,
 * input validation (zod), sessions (cookie → session row → user and roles, the touch), authorisation checks
 * (`withPermission`, `isCentreManager`), kysely's query building, security headers and logging. The applicant's
 * enterprise (which the product takes from the session) is given at start-up (BENCH_APPLICANT_ENTERPRISE).
 * The SQL below is copied from the queries files named in each handler; `index.ts` checks before measuring that both
 * servers return deep-equal data, so a drift in either shows up as a failed run, not as a wrong ratio.
 *
 * Run by index.ts: `tsx scripts/bench/baseline-server.ts` with BENCH_DB, BENCH_APPLICANT_ENTERPRISE, PORT (0 = any).
 * Prints one line `{"port":N}` when listening.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import BetterSqlite3 from 'better-sqlite3';
import {
  addDays,
  allocatedDaysInMonth,
  DEFAULT_PARAMETERS,
  monthlyKpis,
  OCCUPANT_TYPE_LABELS,
  parseProgrammeParameters,
  type CentreServiceParameters,
  type MonthlyKpis,
} from '@fund/domain';
import { todayInChina } from '../../src/modules/enterprises/enterprises.service';
import { allocationsAround, monthsBetween } from '../../src/modules/centres/kpis.service';
import { monthRange } from '../../src/modules/centres/occupancy.service';

const dbPath = process.env.BENCH_DB;
const applicantEnterprise = Number(process.env.BENCH_APPLICANT_ENTERPRISE);
if (!dbPath || !Number.isSafeInteger(applicantEnterprise)) {
  console.error('BENCH_DB and BENCH_APPLICANT_ENTERPRISE are required');
  process.exit(2);
}

// The same pragmas as src/db/connection.ts.
const sqlite = new BetterSqlite3(dbPath);
sqlite.pragma('journal_mode = WAL');
sqlite.pragma('synchronous = FULL');
sqlite.pragma('foreign_keys = ON');
sqlite.pragma('busy_timeout = 5000');

// ── funding: cases.queries.ts listBase / listOfEnterprise / listQueue ──
const LIST_BASE = `select "funding_case"."id", "funding_case"."case_no", "funding_case"."programme_id", "programme"."name" as "programme_name",
  "funding_case"."scheme", "funding_case"."status", "funding_case"."recommended_amount_fen", "funding_case"."computed_amount_fen",
  "funding_case"."submitted_at", "funding_case"."updated_at", "funding_case"."enterprise_id", "enterprise"."name" as "enterprise_name",
  "enterprise"."uscc"
  from "funding_case"
  inner join "programme" on "programme"."id" = "funding_case"."programme_id"
  inner join "enterprise" on "enterprise"."id" = "funding_case"."enterprise_id"`;
const mineItems = sqlite.prepare(
  `${LIST_BASE} where "funding_case"."enterprise_id" = ? order by "funding_case"."updated_at" desc, "funding_case"."id" desc limit ? offset ?`,
);
const mineCount = sqlite.prepare(`select count(*) as "n" from "funding_case" where "enterprise_id" = ?`);
const queueItems = sqlite.prepare(
  `${LIST_BASE} where "funding_case"."status" in (?) and "funding_case"."programme_id" = ?
   order by "funding_case"."submitted_at" asc, "funding_case"."id" asc limit ? offset ?`,
);
const queueCount = sqlite.prepare(
  `select count(*) as "n" from "funding_case" where "status" in (?) and "programme_id" = ?`,
);

interface ListRow {
  id: number;
  case_no: string;
  programme_id: number;
  programme_name: string;
  scheme: string;
  status: string;
  recommended_amount_fen: number | null;
  computed_amount_fen: number | null;
  submitted_at: string | null;
  updated_at: string;
  enterprise_id: number;
  enterprise_name: string;
  uscc: string;
}
const toListItem = (r: ListRow) => ({
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
});

// ── centres: centres.queries.ts findCentre; occupancy.queries.ts; claims.queries.ts lockedMonths;
//    workstations.queries.ts workstationsOfCentre; allocations.queries.ts allocationsOverlapping; events.service.ts
//    eventsBetween; programmes.queries.ts listProgrammes ──
const findCentre = sqlite.prepare(
  `select "id", "name", "kind", "address", "operator", "operator_enterprise_id", "floor_area_m2", "recognition_level", "recognised_on",
   "created_at", "updated_at" from "centre" where "id" = ?`,
);
const WS_COLUMNS = `"id", "centre_id", "code", "zone", "kind", "designation", "monthly_rent_fen", "in_service_from", "retired_on"`;
const workstationsInService = sqlite.prepare(
  `select ${WS_COLUMNS} from "workstation" where "centre_id" = ? and "in_service_from" <= ? and ("retired_on" is null or "retired_on" > ?) order by "code"`,
);
const gridAllocations = sqlite.prepare(
  `select "a"."id", "a"."workstation_id", "a"."occupant_type", "a"."terms", "a"."starts_on", "a"."ends_on", "p"."days_present", "p"."attested",
     "e"."name" as "enterprise_name", "f"."name" as "founder_name", "t"."team_name"
   from "allocation" as "a"
   left join "presence" as "p" on "p"."allocation_id" = "a"."id" and "p"."month" = ?
   left join "enterprise" as "e" on "e"."id" = "a"."enterprise_id"
   left join "founder" as "f" on "f"."id" = "a"."founder_id"
   left join "walk_in_team" as "t" on "t"."id" = "a"."walk_in_team_id"
   where "a"."centre_id" = ? and "a"."starts_on" <= ? and ("a"."ends_on" is null or "a"."ends_on" >= ?)
   order by "a"."starts_on"`,
);
const lockedMonths = sqlite.prepare(
  `select "m"."month" from "claimed_month" as "m"
   inner join "centre_claim" as "c" on "c"."id" = "m"."claim_id"
   left join "funding_case" as "f" on "f"."id" = "c"."funding_case_id"
   where "m"."centre_id" = ? and ("f"."id" is null or "f"."status" not in (?, ?, ?))
   order by "m"."month"`,
);
const workstationsOfCentre = sqlite.prepare(
  `select ${WS_COLUMNS} from "workstation" where "centre_id" = ? order by "code"`,
);
const allocationsOverlapping = sqlite.prepare(
  `select "id", "centre_id", "workstation_id", "occupant_type", "enterprise_id", "founder_id", "walk_in_team_id", "terms", "starts_on",
     "ends_on", "moved_from_id"
   from "allocation" where "centre_id" = ? and "starts_on" <= ? and ("ends_on" is null or "ends_on" >= ?)`,
);
const eventsBetween = sqlite.prepare(
  `select "id", "title", "kind", "sector", "event_date", "attendee_count" from "centre_event"
   where "centre_id" = ? and "event_date" >= ? and "event_date" <= ? order by "event_date"`,
);
const openCentreProgrammes = sqlite.prepare(
  `select "programme"."id", "programme"."name", "programme"."scheme", "programme"."fiscal_year", "programme"."opens_on", "programme"."closes_on",
     "programme"."guidelines", "programme"."status", "programme"."created_at", "programme_version"."id" as "version_id",
     "programme_version"."version", "programme_version"."parameters_json"
   from "programme" inner join "programme_version" on "programme_version"."id" = "programme"."current_version_id"
   where "programme"."status" = ? and "programme"."opens_on" <= ? and "programme"."closes_on" >= ? and "programme"."scheme" in (?)
   order by "programme"."fiscal_year" desc, "programme"."id" desc`,
);

interface CentreRow {
  id: number;
  name: string;
}
interface WsRow {
  id: number;
  code: string;
  zone: string;
  designation: 'free' | 'preferential';
  in_service_from: string;
  retired_on: string | null;
}
interface GridAllocationRow {
  id: number;
  workstation_id: number;
  occupant_type: 'enterprise' | 'founder' | 'team';
  terms: 'free' | 'preferential';
  starts_on: string;
  ends_on: string | null;
  days_present: number | null;
  attested: number | null;
  enterprise_name: string | null;
  founder_name: string | null;
  team_name: string | null;
}

function grid(centreId: number, month: string) {
  const centre = findCentre.get(centreId) as CentreRow | undefined;
  if (!centre) return null;
  const { first, last, days } = monthRange(month);
  const workstations = workstationsInService.all(centreId, last, first) as WsRow[];
  const allocations = gridAllocations.all(month, centreId, last, first) as GridAllocationRow[];
  const locked = (lockedMonths.all(centreId, 'returned', 'rejected', 'withdrawn') as { month: string }[]).map(
    (r) => r.month,
  );
  const byWs = new Map<number, GridAllocationRow[]>();
  for (const a of allocations) {
    const list = byWs.get(a.workstation_id) ?? [];
    list.push(a);
    byWs.set(a.workstation_id, list);
  }
  const rows = [];
  let withAllocation = 0;
  let recorded = 0;
  for (const w of workstations) {
    const base = { workstationId: w.id, code: w.code, zone: w.zone, designation: w.designation };
    const list = byWs.get(w.id);
    if (!list) {
      rows.push({
        ...base,
        allocationId: null,
        occupantType: null,
        occupantTypeLabel: null,
        occupantName: null,
        terms: null,
        startsOn: null,
        endsOn: null,
        allocatedDays: 0,
        daysPresent: null,
        attested: false,
        recorded: false,
      });
      continue;
    }
    for (const a of list) {
      withAllocation += 1;
      if (a.attested !== null) recorded += 1;
      rows.push({
        ...base,
        allocationId: a.id,
        occupantType: a.occupant_type,
        occupantTypeLabel: OCCUPANT_TYPE_LABELS[a.occupant_type],
        occupantName: a.enterprise_name ?? a.founder_name ?? a.team_name ?? '',
        terms: a.terms,
        startsOn: a.starts_on,
        endsOn: a.ends_on,
        allocatedDays: allocatedDaysInMonth({ startsOn: a.starts_on, endsOn: a.ends_on }, month),
        daysPresent: a.days_present,
        attested: a.attested === 1,
        recorded: a.attested !== null,
      });
    }
  }
  return {
    centreId,
    month,
    daysInMonth: days,
    locked: locked.includes(month),
    rows,
    summary: {
      workstations: workstations.length,
      allocations: withAllocation,
      recorded,
      missing: withAllocation - recorded,
    },
  };
}

/** The same memo as kpis.service.ts (a pure function's result keyed by a hash of its input), so both do equal work. */
const KPI_MEMO = new Map<string, MonthlyKpis>();

function kpis(centreId: number, from: string, to: string) {
  const centre = findCentre.get(centreId) as CentreRow | undefined;
  if (!centre) return null;
  const months = monthsBetween(from, to);
  const first = monthRange(months[0]!).first;
  const last = monthRange(months[months.length - 1]!).last;
  const workstations = (workstationsOfCentre.all(centreId) as WsRow[]).map((w) => ({
    id: w.id,
    code: w.code,
    designation: w.designation,
    createdOn: w.in_service_from,
    retiredOn: w.retired_on,
  }));
  const allocations = (
    allocationsOverlapping.all(centreId, addDays(last, 1), addDays(first, -1)) as {
      id: number;
      workstation_id: number;
      occupant_type: string;
      enterprise_id: number | null;
      founder_id: number | null;
      walk_in_team_id: number | null;
      terms: 'free' | 'preferential';
      starts_on: string;
      ends_on: string | null;
    }[]
  ).map((a) => ({
    id: a.id,
    workstationId: a.workstation_id,
    terms: a.terms,
    startsOn: a.starts_on,
    endsOn: a.ends_on,
    occupantKey: `${a.occupant_type}:${a.occupant_type === 'enterprise' ? a.enterprise_id : a.occupant_type === 'founder' ? a.founder_id : a.walk_in_team_id}`,
  }));
  const events = (
    eventsBetween.all(centreId, first, last) as {
      id: number;
      title: string;
      kind: 'public-interest' | 'training-class';
      sector: string | null;
      event_date: string;
      attendee_count: number;
    }[]
  ).map((r) => ({
    id: r.id,
    title: r.title,
    kind: r.kind,
    sector: r.sector,
    date: r.event_date,
    attendeeCount: r.attendee_count,
  }));
  const today = todayInChina(new Date());
  const [programme] = openCentreProgrammes.all('active', today, today, 'centre-service') as {
    parameters_json: string;
  }[];
  const parsed = programme ? parseProgrammeParameters(JSON.parse(programme.parameters_json)) : null;
  const params: CentreServiceParameters =
    parsed?.scheme === 'centre-service' ? parsed : DEFAULT_PARAMETERS('centre-service');
  const wsKey = createHash('sha256').update(JSON.stringify(workstations)).digest('hex');
  const paramsKey = `${params.minAllocatedDays}|${params.minFreeSharePct}|${params.minOccupancyPct}`;
  return {
    centreId: centre.id,
    centreName: centre.name,
    months: months.map((month) => {
      const range = monthRange(month);
      const input = {
        month,
        workstations,
        allocations: allocationsAround(allocations, month),
        events: events.filter((e) => e.date >= range.first && e.date <= range.last),
        minAllocatedDays: params.minAllocatedDays,
        minFreeSharePct: params.minFreeSharePct,
        minOccupancyPct: params.minOccupancyPct,
      };
      const key = createHash('sha256')
        .update(
          `${wsKey}|${paramsKey}|${month}|${JSON.stringify(input.allocations)}|${JSON.stringify(input.events)}`,
        )
        .digest('hex');
      let hit = KPI_MEMO.get(key);
      if (!hit) {
        hit = monthlyKpis(input);
        KPI_MEMO.set(key, hit);
      }
      return hit;
    }),
  };
}

type Handler = (input: Record<string, unknown>) => unknown;
const handlers: Record<string, Handler> = {
  'review.queue': (i) => {
    const limit = Number(i.pageSize ?? 20);
    const offset = (Number(i.page ?? 1) - 1) * limit;
    const status = typeof i.status === 'string' ? i.status : 'submitted';
    const items = (queueItems.all(status, i.programmeId, limit, offset) as ListRow[]).map(toListItem);
    const { n } = queueCount.get(status, i.programmeId) as { n: number };
    return { items, total: n };
  },
  'cases.mine': (i) => {
    const limit = Number(i.pageSize ?? 20);
    const offset = (Number(i.page ?? 1) - 1) * limit;
    const items = (mineItems.all(applicantEnterprise, limit, offset) as ListRow[]).map(toListItem);
    const { n } = mineCount.get(applicantEnterprise) as { n: number };
    return { items, total: n };
  },
  'centres.occupancy.grid': (i) => grid(Number(i.centreId), String(i.month)),
  'centres.kpis.monthly': (i) => kpis(Number(i.centreId), String(i.from), String(i.to)),
};

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

const server = createServer((req: IncomingMessage, res: ServerResponse) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const handler = url.pathname.startsWith('/trpc/')
    ? handlers[url.pathname.slice('/trpc/'.length)]
    : undefined;
  if (!handler || req.method !== 'GET') return send(res, 404, { error: { message: 'not found' } });
  try {
    const raw = url.searchParams.get('input');
    const data = handler(raw ? (JSON.parse(raw) as Record<string, unknown>) : {});
    if (data === null) return send(res, 404, { error: { message: 'not found' } });
    send(res, 200, { result: { data } });
  } catch (e) {
    send(res, 500, { error: { message: e instanceof Error ? e.message : String(e) } });
  }
});
server.keepAliveTimeout = 30_000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(JSON.stringify({ port: (server.address() as AddressInfo).port }));
});
const stop = () => server.close(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
