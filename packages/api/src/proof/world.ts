/**
 * The world of the security proof tests (authz matrix, fuzzing, personal data): ONE real server with the demo seed
 * plus, built through the real procedures, a second set of actors who own nothing of the demo's objects:
 *
 * - "mine" (the users whose access is tested): a newly registered enterprise (applicant), a newly registered
 *   founder, a second centre manager running a new, empty centre B, a newly created mentor, and the demo staff;
 * - "theirs" (the objects that belong to ANOTHER enterprise / centre / mentor): the demo applicant's enterprise and
 *   its cases (taken to notice, objection, approval, batch, payment, clawback), the demo centre's workstations,
 *   allocations, events and claim, and the demo mentor's pairing, sessions and poor-fit flag.
 */
import { randomUUID } from 'node:crypto';
import type { Role } from '@fund/domain';
import { demoTotp, founderInput, idNumber, signedIn, TEST_NOW } from '../test/account-fixtures';
import { CookieJar, jarFetch, type TestServer } from '../test/harness';
import { addAccount, centreInput } from '../modules/centres/centres.fixtures';
import { newMentor } from '../modules/mentoring/mentoring.fixtures';
import {
  awardData,
  enterpriseClient,
  loanData,
  makeReady,
  NOTICE_CONTACT,
  startFundingServer,
  uploadOk,
  type Client,
} from '../modules/funding/test/fixtures';
import { AFTER_NOTICE, AWARD_DOCS, createProgramme, LOAN_DOCS } from '../modules/funding/test/flow';

export type Actor = Role | 'anonymous';
export const ACTORS: readonly Actor[] = [
  'applicant',
  'founder',
  'centre_manager',
  'reviewer',
  'finance',
  'mentor',
  'admin',
  'auditor',
  'anonymous',
];

export interface Account {
  username: string;
  password: string;
}

/** Ids of objects that belong to someone OTHER than the tested applicant / founder / centre manager / mentor. */
export interface WorldIds {
  enterpriseA: number;
  enterpriseB: number;
  licenceDocA: number;
  bankAccountA: number;
  awardProgramme: number;
  loanProgramme: number;
  /** Demo enterprise's paid and clawed-back 以奖代投 case. */
  caseAward: number;
  /** Demo enterprise's 贷款贴息 case, still in notice, with an open objection. */
  caseLoan: number;
  noticeId: number;
  objectionId: number;
  disbursementId: number;
  batchId: number;
  clawbackId: number;
  centreA: number;
  centreB: number;
  workstationA: number;
  allocationA: number;
  eventA: number;
  claimA: number;
  /** The demo mentor's profile, pairing with the demo applicant, its request, a session and a flag. */
  mentorA: number;
  mentorB: number;
  requestA: number;
  pairingA: number;
  sessionA: number;
  flagA: number;
  /** A staff account the admin may disable / reset in the matrix without harming the tested accounts. */
  spareUser: number;
  demoFounderId: number;
}

export interface World {
  server: TestServer;
  ids: WorldIds;
  accounts: Record<Role, Account>;
  /** Personal data planted in the world (unmasked), to look for in responses. */
  planted: { idNumbers: string[]; mobiles: string[]; bankAccounts: string[] };
}

const PW = 'demo-pass-phrase-2026';

function one<T>(server: TestServer, sql: string, ...params: unknown[]): T {
  const row = server.sqlite.prepare(sql).get(...params) as T | undefined;
  if (row === undefined) throw new Error(`world: no row for ${sql}`);
  return row;
}

export const WORLD_BANK_ACCOUNT = '6222021234567890123';
export const WORLD_FOUNDER_ID_NUMBER = idNumber('20020101', '517');
export const WORLD_FOUNDER_MOBILE = '13700001111';
export const WORLD_OBJECTOR_MOBILE = '13600002222';

export async function buildWorld(options: { logStream?: { write(line: string): void } } = {}): Promise<World> {
  const server = await startFundingServer({
    ...(options.logStream ? { logStream: options.logStream } : {}),
    env: { SIGNIN_RATE_PER_IP: '100000', SIGNIN_RATE_PER_ACCOUNT: '10000' },
  });
  const admin = (await signedIn(server, 'admin')).client;
  const reviewer = (await signedIn(server, 'reviewer')).client;
  const demoApplicant = await signedIn(server, 'applicant');

  // ── "mine": the tested applicant, founder, centre manager and mentor ──
  const entB = await enterpriseClient(server); // username ceshi.keji
  const enterpriseB = (await entB.client.enterprises.mine.query()).id;
  await server.client().registration.registerFounder.mutate(
    founderInput({ idNumber: WORLD_FOUNDER_ID_NUMBER, mobile: WORLD_FOUNDER_MOBILE }),
  );
  const managerBId = await addAccount(server, 'manager.b', ['centre_manager']);
  const { id: centreB } = await admin.centres.create.mutate(centreInput('城陵矶电商快递物流园'));
  await admin.centres.assignManager.mutate({ centreId: centreB, userId: managerBId });
  const mentorB = await newMentor(server, admin);
  const spareUser = await addAccount(server, 'spare.staff', ['reviewer']);

  // ── "theirs": the demo enterprise's cases through the whole workflow ──
  const { enterpriseId: enterpriseA, licenceId: licenceDocA } = await makeReady(server, demoApplicant, reviewer);
  const bankAccountA = one<{ id: number }>(server, 'select id from enterprise_bank_account where enterprise_id = ?', enterpriseA).id;
  const awardProgramme = await createProgramme(admin, {
    name: '2026年度以奖代投（安全测试）',
    scheme: 'award-in-lieu-of-investment',
    budgetFen: 50_000_000,
  });
  const loanProgramme = await createProgramme(admin, {
    name: '2026年度贷款贴息（安全测试）',
    scheme: 'loan-interest-subsidy',
    budgetFen: 100_000_000,
  });
  const applyA = async (programmeId: number, data: Record<string, unknown>, kinds: string[]) => {
    const documentIds: number[] = [];
    for (const k of kinds) documentIds.push(await uploadOk(server, demoApplicant.jar, k));
    const { id } = await demoApplicant.client.cases.saveDraft.mutate({ programmeId, data, documentIds });
    await demoApplicant.client.cases.submit.mutate({ caseId: id });
    return id;
  };
  const caseAward = await applyA(awardProgramme, awardData(), AWARD_DOCS);
  const caseLoan = await applyA(loanProgramme, loanData(), LOAN_DOCS);
  for (const caseId of [caseAward, caseLoan]) {
    const c = await reviewer.cases.get.query({ caseId });
    await reviewer.review.recommend.mutate({ caseId, amountFen: c.computedAmountFen! });
  }
  const { noticeId } = await reviewer.notices.publish.mutate({
    caseIds: [caseAward, caseLoan],
    publishedOn: '2026-11-26',
    title: '2026年度扶持资金拟支持名单公示',
    objectionContact: NOTICE_CONTACT,
  });
  const { objectionId } = await server.client().objections.lodge.mutate({
    caseId: caseLoan,
    name: '王建设',
    contact: WORLD_OBJECTOR_MOBILE,
    reasons: '该企业贷款合同存疑，请核查放款凭证是否真实。',
  });

  // Centre A (the demo centre) gets a claim from its own manager; centre events exist in the seed.
  const centreA = one<{ id: number }>(
    server,
    "select c.id from centre c join centre_manager m on m.centre_id = c.id join app_user u on u.id = m.user_id where u.username = 'manager'",
  ).id;
  const managerA = (await signedIn(server, 'manager')).client;
  const centreProgramme = one<{ id: number }>(server, "select id from programme where scheme = 'centre-service' order by id limit 1").id;
  let claimA: number;
  try {
    await managerA.centres.claims.submit.mutate({ centreId: centreA, period: { kind: 'month', start: '2026-10' }, programmeId: centreProgramme });
    claimA = one<{ id: number }>(server, 'select id from centre_claim where centre_id = ? order by id desc limit 1', centreA).id;
  } catch (e) {
    throw new Error(`world: the demo centre's claim could not be submitted: ${(e as Error).message}`);
  }
  const workstationA = one<{ id: number }>(server, 'select id from workstation where centre_id = ? order by id limit 1', centreA).id;
  const allocationA = one<{ id: number }>(
    server,
    'select a.id from allocation a join workstation w on w.id = a.workstation_id where w.centre_id = ? order by a.id limit 1',
    centreA,
  ).id;
  const eventA = one<{ id: number }>(server, 'select id from centre_event where centre_id = ? order by id limit 1', centreA).id;

  // The demo mentor's pairing with the demo applicant; the applicant flags it.
  const mentorA = one<{ id: number }>(
    server,
    "select m.id from mentor m join app_user u on u.id = m.user_id where u.username = 'mentor'",
  ).id;
  const pairingA = one<{ id: number; request_id: number }>(
    server,
    "select id, request_id from pairing where mentor_id = ? and status = 'active' order by id limit 1",
    mentorA,
  );
  const sessionA = one<{ id: number }>(server, 'select id from mentoring_session where pairing_id = ? order by id limit 1', pairingA.id).id;
  const { id: flagA } = await demoApplicant.client.mentoring.sessions.flagPoorFit.mutate({
    pairingId: pairingA.id,
    reason: '导师时间安排与企业需求不匹配',
  });
  const demoFounderId = one<{ id: number }>(
    server,
    "select f.id from founder f join app_user u on u.id = f.user_id where u.username = 'founder'",
  ).id;

  // ── after the notice: approve, batch, pay, claw back the award case ──
  server.clock.freeze(AFTER_NOTICE);
  const finance = (await signedIn(server, 'finance')).client;
  const reviewer2 = (await signedIn(server, 'reviewer')).client;
  const { disbursementId } = await finance.finance.approve.mutate({ caseId: caseAward, idempotencyKey: randomUUID() });
  const { batchId } = await finance.finance.createBatch.mutate({ disbursementIds: [disbursementId] });
  await finance.finance.recordPayment.mutate({
    disbursementId,
    voucherNo: 'GK-PROOF-0001',
    paidOn: '2026-12-04',
    idempotencyKey: randomUUID(),
  });
  const { clawbackId } = await reviewer2.clawbacks.record.mutate({
    caseId: caseAward,
    ground: 'false-material',
    reason: '材料虚假（安全测试）',
  });

  return {
    server,
    ids: {
      enterpriseA,
      enterpriseB,
      licenceDocA,
      bankAccountA,
      awardProgramme,
      loanProgramme,
      caseAward,
      caseLoan,
      noticeId,
      objectionId,
      disbursementId,
      batchId,
      clawbackId,
      centreA,
      centreB,
      workstationA,
      allocationA,
      eventA,
      claimA,
      mentorA,
      mentorB: mentorB.id,
      requestA: pairingA.request_id,
      pairingA: pairingA.id,
      sessionA,
      flagA,
      spareUser,
      demoFounderId,
    },
    accounts: {
      applicant: { username: 'ceshi.keji', password: 'a long enough pass phrase' },
      founder: { username: 'zhao.xiaolong', password: 'another long pass phrase' },
      centre_manager: { username: 'manager.b', password: PW },
      reviewer: { username: 'reviewer', password: PW },
      finance: { username: 'finance', password: PW },
      mentor: { username: mentorB.username, password: mentorB.password },
      admin: { username: 'admin', password: PW },
      auditor: { username: 'auditor', password: PW },
    },
    planted: {
      idNumbers: [WORLD_FOUNDER_ID_NUMBER],
      mobiles: [WORLD_FOUNDER_MOBILE, WORLD_OBJECTOR_MOBILE, '13973000001', '13812345678'],
      bankAccounts: [WORLD_BANK_ACCOUNT],
    },
  };
}

export { TEST_NOW, AFTER_NOTICE };

/** A browser-like raw HTTP session (own cookie jar) for calling any procedure by its path. */
export interface RawSession {
  jar: CookieJar;
  call(path: string, type: 'query' | 'mutation', input: unknown): Promise<RawResult>;
}

export interface RawResult {
  status: number;
  body: string;
  json: { result?: { data?: unknown }; error?: { message?: string; data?: { code?: string; domainCode?: string | null } } } | null;
  /** tRPC error code (data.code) or null when the call succeeded. */
  code: string | null;
  domainCode: string | null;
}

export function rawSession(server: TestServer, jar = new CookieJar()): RawSession {
  const f = jarFetch(jar);
  return {
    jar,
    async call(path, type, input) {
      let res: Response;
      if (type === 'query') {
        const q = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
        res = await f(`${server.url}/trpc/${path}${q}`);
      } else {
        res = await f(`${server.url}/trpc/${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-fund-request': '1' },
          ...(input === undefined ? {} : { body: JSON.stringify(input) }),
        });
      }
      const body = await res.text();
      let json: RawResult['json'] = null;
      try {
        json = JSON.parse(body) as RawResult['json'];
      } catch {
        json = null;
      }
      const code = json?.error ? (json.error.data?.code ?? 'UNKNOWN') : res.ok ? null : `HTTP_${res.status}`;
      return { status: res.status, body, json, code, domainCode: json?.error?.data?.domainCode ?? null };
    },
  };
}

/** Signs in through the real auth.signIn and returns the raw session. */
export async function rawSignedIn(server: TestServer, account: Account): Promise<RawSession> {
  const s = rawSession(server);
  const totp = demoTotp(server, account.username, account.password);
  const r = await s.call('auth.signIn', 'mutation', totp === undefined ? account : { ...account, totp });
  if (r.code !== null) throw new Error(`sign-in of ${account.username} failed: ${r.body}`);
  return s;
}

export type { Client };
export { TEST_NOW as WORLD_START };
