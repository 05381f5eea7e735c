/**
 * The world the money proofs run in (reliability-security.md §5, §6 R1): a template database built ONCE through the
 * real server (demo seed, an 以奖代投 programme with a budget, N enterprises registered, verified and holding a
 * milestone document), copied per model run (`fs.copyFileSync`, ~1 ms), and opened with the production
 * `openDatabase` (WAL, synchronous=FULL). Procedures are called in-process through `createCaller` on the REAL app
 * router, with the signed-in user put in the context (sign-in itself is proven by the auth tests).
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { usccCheckChar, validateUscc, type Role } from '@fund/domain';
import type BetterSqlite3 from 'better-sqlite3';
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { GENESIS_HASH, hashAuditRow, verifyAuditChain, type AuditRowForHash } from '../audit/audit.service';
import type { Context, SessionUser } from '../context';
import { moneyProblems } from '../cli/db-check';
import { createPii, type Pii } from '../crypto/pii';
import { openDatabase } from '../db/connection';
import type { Database } from '../db/schema';
import type { Env } from '../env';
import { appRouter } from '../router';
import { createCallerFactory } from '../trpc';
import { enterpriseInput, TEST_NOW } from '../test/account-fixtures';
import { CookieJar } from '../test/harness';
import { makeReady, signedIn, startFundingServer, uploadOk, userId } from '../modules/funding/test/fixtures';
import { AFTER_NOTICE, createProgramme } from '../modules/funding/test/flow';
import { seedCases } from '../modules/funding/test/seed-cases';
import type { TestServer } from '../test/harness';

/** Before approval (submit … objections) the clock reads 2026-11-26 10:00 Beijing; approval and later 2026-12-04. */
export const T_REVIEW = new Date('2026-11-26T02:00:00.000Z');
export const T_FINANCE = AFTER_NOTICE;
export const PUBLISHED_ON = '2026-11-26';
export const PAID_ON = '2026-12-04';

export interface ProofApplicant {
  userId: number;
  username: string;
  enterpriseId: number;
  /** A `milestone-evidence` document of this enterprise (the 以奖代投 checklist). */
  milestoneDocId: number;
}

export interface ProofTemplate {
  dir: string;
  /** A checkpointed, self-contained copy of the database (no -wal needed). */
  dbPath: string;
  env: Env;
  programmeId: number;
  allocatedFen: number;
  reviewer: SessionUser;
  finance: SessionUser;
  applicants: ProofApplicant[];
  /** audit_event rows in the template (for quick sanity checks). */
  auditEvents: number;
}

/** A valid USCC (both check characters right) for test enterprise `i`. */
export function proofUscc(i: number): string {
  const body = `MA4P${String(i).padStart(4, '0')}`;
  for (const c of '0123456789X') {
    const first17 = `91430602${body}${c}`;
    const code = first17 + usccCheckChar(first17);
    if (validateUscc(code).ok) return code;
  }
  throw new Error(`no valid USCC for ${i}`);
}

function staff(id: number, username: string, roles: Role[]): SessionUser {
  return {
    id,
    username,
    displayName: username,
    roles,
    enterpriseId: null,
    founderId: null,
    mustChangePassword: false,
    mustEnrolSecondFactor: false,
  };
}

/**
 * Builds the template through the real HTTP server. `budgetFen` is chosen by the caller so that the budget runs out
 * within a short run (30万 per award: 70万 lets two cases in and refuses the third).
 */
export async function buildTemplate(
  options: { enterprises?: number; budgetFen?: number } = {},
): Promise<ProofTemplate> {
  const enterprises = options.enterprises ?? 4;
  const budgetFen = options.budgetFen ?? 70_000_000;
  const server = await startFundingServer();
  try {
    const admin = (await signedIn(server, 'admin')).client;
    const reviewer = (await signedIn(server, 'reviewer')).client;
    const programmeId = await createProgramme(admin, {
      name: '模型测试：以奖代投',
      scheme: 'award-in-lieu-of-investment',
      budgetFen,
    });
    const applicants: ProofApplicant[] = [];
    for (let i = 0; i < enterprises; i += 1) {
      const jar = new CookieJar();
      const client = server.client({ jar });
      const username = `model.applicant${i}`;
      await client.registration.registerEnterprise.mutate(
        enterpriseInput({
          uscc: proofUscc(i),
          name: `岳阳模型测试${i}号科技有限公司`,
          username,
          contactMobile: `1390000${String(i).padStart(4, '0')}`,
        }),
      );
      const { enterpriseId } = await makeReady(server, { client, jar }, reviewer);
      const milestoneDocId = await uploadOk(server, jar, 'milestone-evidence');
      applicants.push({ userId: userId(server, username), username, enterpriseId, milestoneDocId });
    }
    const dir = mkdtempSync(join(tmpdir(), 'fund-proof-template-'));
    const dbPath = join(dir, 'template.db');
    server.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await server.sqlite.backup(dbPath);
    const auditEvents = (server.sqlite.prepare('select count(*) n from audit_event').get() as { n: number })
      .n;
    return {
      dir,
      dbPath,
      env: server.env,
      programmeId,
      allocatedFen: budgetFen,
      reviewer: staff(userId(server, 'reviewer'), 'reviewer', ['reviewer']),
      finance: staff(userId(server, 'finance'), 'finance', ['finance']),
      applicants,
      auditEvents,
    };
  } finally {
    await server.close();
  }
}

export function removeTemplate(t: ProofTemplate): void {
  rmSync(t.dir, { recursive: true, force: true });
}

const noop = () => undefined;
const silentLog = {
  level: 'silent',
  fatal: noop,
  error: noop,
  warn: noop,
  info: noop,
  debug: noop,
  trace: noop,
  silent: noop,
  child: () => silentLog,
} as unknown as FastifyBaseLogger;

const createCaller = createCallerFactory(appRouter);
export type Caller = ReturnType<typeof createCaller>;

export interface ProofRun {
  template: ProofTemplate;
  path: string;
  db: Kysely<Database>;
  sqlite: BetterSqlite3.Database;
  pii: Pii;
  /** A caller acting as `user` (null: anonymous public) at instant `now`. */
  as(user: SessionUser | null, now: Date): Caller;
  applicantUser(a: ProofApplicant): SessionUser;
  close(): Promise<void>;
}

let runCounter = 0;

/**
 * Copies the template to a fresh file and opens it as the server would (`openDatabase`). `durable: false` (the
 * default for model runs) then relaxes `synchronous` to NORMAL: same transactions, same locking, same WAL, but no
 * fsync per commit — durability across crashes is the crash loop's proof (crash-loop.test.ts), not this one's, and
 * 7,500 fsyncs would dominate the run time.
 */
export function openRun(t: ProofTemplate, options: { dir?: string; durable?: boolean } = {}): ProofRun {
  runCounter += 1;
  const path = join(options.dir ?? t.dir, `run-${process.pid}-${runCounter}.db`);
  copyFileSync(t.dbPath, path);
  const { db, sqlite } = openDatabase(path);
  if (!options.durable) sqlite.pragma('synchronous = NORMAL');
  const pii = createPii(t.env.DATA_KEY);
  const clock = { now: () => T_REVIEW };
  return {
    template: t,
    path,
    db,
    sqlite,
    pii,
    as(user, now) {
      const ctx: Context = {
        db,
        env: t.env,
        clock,
        now,
        pii,
        user,
        sessionId: user ? `model-${user.id}` : null,
        ip: '127.0.0.1',
        userAgent: 'lifecycle-model',
        outbound: { send: () => Promise.resolve() },
        req: {} as FastifyRequest,
        res: {} as FastifyReply,
        log: silentLog,
      };
      return createCaller(ctx);
    },
    applicantUser(a) {
      return {
        id: a.userId,
        username: a.username,
        displayName: a.username,
        roles: ['applicant'],
        enterpriseId: a.enterpriseId,
        founderId: null,
        mustChangePassword: false,
        mustEnrolSecondFactor: false,
      };
    },
    async close() {
      await db.destroy();
      for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
    },
  };
}

/** Ledger sums of one programme, by kind. */
export interface LedgerSums {
  allocation: number;
  commitment: number;
  release: number;
  payment: number;
  recovery: number;
}

export function ledgerSums(sqlite: BetterSqlite3.Database, programmeId: number): LedgerSums {
  const out: LedgerSums = { allocation: 0, commitment: 0, release: 0, payment: 0, recovery: 0 };
  const rows = sqlite
    .prepare('select kind, sum(amount_fen) s from ledger_entry where programme_id = ? group by kind')
    .all(programmeId) as { kind: keyof LedgerSums; s: number }[];
  for (const r of rows) out[r.kind] = r.s;
  return out;
}

/**
 * The money invariants every proof checks on a database, whatever wrote it (src/cli/db-check.ts `moneyProblems`:
 * ≤ 1 disbursement per case, ≤ 1 payment per disbursement, every payment with its ledger entry and every
 * disbursement with its commitment, committed ≤ allocated + recovered, paid ≤ committed), plus the audit chain.
 * Returns the list of violations (empty = all hold).
 */
export async function moneyViolations(
  db: Kysely<Database>,
  sqlite: BetterSqlite3.Database,
  options: { audit?: boolean } = {},
): Promise<string[]> {
  const v = moneyProblems(sqlite);
  if (options.audit !== false) {
    const audit = await verifyAuditChain(db);
    if (!audit.ok) v.push(`audit chain: ${audit.message}`);
  }
  return v;
}

const verifiedHead = new WeakMap<BetterSqlite3.Database, { seq: number; hash: string }>();

/**
 * `verifyAuditChain`, incrementally: the first call walks the whole chain with the production verifier; later calls
 * recompute (with the production `hashAuditRow`) only the events appended since, linking them to the last verified
 * head. Earlier events cannot change under us (UPDATE/DELETE triggers abort), and the model test still runs the full
 * verifier at the end of every run. Returns null when ok, else the problem.
 */
export async function auditChainProblem(
  db: Kysely<Database>,
  sqlite: BetterSqlite3.Database,
): Promise<string | null> {
  const head = verifiedHead.get(sqlite);
  if (!head) {
    const full = await verifyAuditChain(db);
    if (!full.ok) return full.message;
    const last = sqlite.prepare('select seq, hash from audit_event order by seq desc limit 1').get() as
      { seq: number; hash: string } | undefined;
    verifiedHead.set(sqlite, last ?? { seq: 0, hash: GENESIS_HASH });
    return null;
  }
  const rows = sqlite
    .prepare('select * from audit_event where seq > ? order by seq')
    .all(head.seq) as (AuditRowForHash & {
    hash: string;
  })[];
  let prev = head;
  for (const row of rows) {
    if (row.seq !== prev.seq + 1 || row.prev_hash !== prev.hash)
      return `audit event ${row.seq} does not link to ${prev.seq}`;
    if (hashAuditRow(row) !== row.hash) return `audit event ${row.seq}: hash mismatch`;
    prev = { seq: row.seq, hash: row.hash };
  }
  verifiedHead.set(sqlite, prev);
  return null;
}

/** `count` cases in notice (ended) on `programmeId`, seeded as the services would leave them. */
export async function inNoticeCases(
  server: TestServer,
  programmeId: number,
  count: number,
  amountFen: number,
  tag: string,
) {
  const reviewerId = userId(server, 'reviewer');
  const { current_version_id: versionId } = server.sqlite
    .prepare('select current_version_id from programme where id = ?')
    .get(programmeId) as { current_version_id: number };
  const { lastInsertRowid: noticeId } = server.sqlite
    .prepare(
      "insert into notice (title, published_on, ends_on, objection_deadline, working_days, objection_contact, published_by, created_at) values ('竞态测试公示', '2026-11-26', '2026-12-03', '2026-12-03', 5, '0730-8888888', ?, ?)",
    )
    .run(reviewerId, TEST_NOW.toISOString());
  const { caseIds } = await seedCases(server.db, {
    programmeId,
    versionId,
    fiscalYear: 2026,
    count,
    amountFen: () => amountFen,
    status: 'in_notice',
    recommendedBy: reviewerId,
    submittedBy: reviewerId,
    noticeId: Number(noticeId),
    publishedOn: '2026-11-26',
    noticeEndsOn: '2026-12-03',
    now: TEST_NOW,
    tag,
    withBankAccount: { pii: server.pii },
  });
  return caseIds;
}
