/**
 * Fixtures for the account modules' API tests (auth, users, registration, enterprises, founders). Accounts come
 * from the real demo seed and sign in through the real `auth.signIn`: there is no backdoor.
 */
import {
  idCheckChar,
  PRIVACY_NOTICE,
  TOTP_PERIOD_SECONDS,
  TOTP_WINDOW,
  totpCode,
  totpStep,
  type RegisterEnterprise,
  type RegisterFounder,
} from '@fund/domain';
import { seedDemoData } from '../seed/demo';
import { demoTotpSecret } from '../seed/demo-totp';
import { CookieJar, startTestServer, type StartTestServerOptions, type TestServer } from './harness';

/** "Now" in every account test: 2026-11-26 10:00 in Beijing. */
export const TEST_NOW = new Date('2026-11-26T02:00:00.000Z');
export const DEMO_TEST_PASSWORD = 'demo-pass-phrase-2026';

/** Valid USCCs that the demo seed does not use. */
export const FREE_USCCS = ['91430602MA4LD14C05', '91430602MA4LE25D34', '91430602MA4L7N8PXA'] as const;
/** FREE_USCCS[0] with a wrong check character (pos 18) — like the early pilot codes of domain-rules.md §2. */
export const BAD_CHECK_CHAR_USCC = '91430602MA4LD14C06';

/** A valid 公民身份号码 for a given birth date (YYYYMMDD) and sequence. */
export function idNumber(birth: string, sequence = '123', region = '430602'): string {
  const first17 = `${region}${birth}${sequence}`;
  return first17 + idCheckChar(first17);
}

export async function startAccountServer(
  options: StartTestServerOptions & { seed?: boolean } = {},
): Promise<TestServer> {
  const { seed = true, ...rest } = options;
  const server = await startTestServer(rest);
  server.clock.freeze(TEST_NOW);
  if (seed)
    await seedDemoData(
      server.db,
      { clock: server.clock, now: TEST_NOW, pii: server.pii },
      DEMO_TEST_PASSWORD,
    );
  return server;
}

export type Client = ReturnType<TestServer['client']>;

/** A new browser signed in as `username`; the jar is returned for cookie assertions. */
export async function signedIn(
  server: TestServer,
  username: string,
  password = DEMO_TEST_PASSWORD,
): Promise<{ client: Client; jar: CookieJar }> {
  const jar = new CookieJar();
  const client = server.client({ jar });
  await client.auth.signIn.mutate({ username, password, totp: demoTotp(server, username, password) });
  return { client, jar };
}

/**
 * What the authenticator app of a demo/test staff account shows now (accounts with a second factor set up; undefined
 * for the others). A code is accepted once only, and the tests' clock is usually frozen: when this account's last
 * accepted step leaves no fresh code within the accepted window, the clock moves on to the next step first — as a
 * person waits for the next code.
 */
export function demoTotp(server: TestServer, username: string, password = DEMO_TEST_PASSWORD): string | undefined {
  const row = server.sqlite
    .prepare('select totp_secret_enc is not null as enrolled, totp_last_step as last from app_user where username = ?')
    .get(username) as { enrolled: number; last: number | null } | undefined;
  if (!row?.enrolled) return undefined;
  const secret = demoTotpSecret(password, username);
  const now = server.clock.now();
  const step = totpStep(now);
  if (row.last === null || row.last < step) return totpCode(secret, now);
  // The next unused step: still inside the window (a code the app shows "early"), or after moving the clock there.
  const next = row.last + 1;
  if (next > step + TOTP_WINDOW + 1) {
    // The test moved the clock back (a new scenario): the codes used in the future it left behind do not count.
    server.sqlite.prepare('update app_user set totp_last_step = null where username = ?').run(username);
    return totpCode(secret, now);
  }
  if (next > step + TOTP_WINDOW) server.clock.advance((next - TOTP_WINDOW) * TOTP_PERIOD_SECONDS * 1000 - now.getTime());
  return totpCode(secret, new Date(next * TOTP_PERIOD_SECONDS * 1000));
}

export function enterpriseInput(
  overrides: Partial<Record<keyof RegisterEnterprise, unknown>> = {},
): RegisterEnterprise {
  return {
    uscc: FREE_USCCS[0],
    name: '岳阳测试科技有限公司',
    legalRepresentative: '张三丰',
    industry: 'software-it',
    establishedOn: '2025-05-01',
    registeredDistrictCode: '430602',
    employees: 20,
    revenueFen: 300_000_000, // 300万元
    totalAssetsFen: null,
    reportingYear: 2025,
    contactName: '李四海',
    contactMobile: '13812345678',
    username: 'ceshi.keji',
    password: 'a long enough pass phrase',
    privacyConsentVersion: PRIVACY_NOTICE.version,
    ...overrides,
  } as RegisterEnterprise;
}

export function founderInput(
  overrides: Partial<Record<keyof RegisterFounder, unknown>> = {},
): RegisterFounder {
  return {
    name: '赵小龙',
    school: '湖南理工学院',
    graduationYear: 2025,
    idNumber: idNumber('20030418'),
    mobile: '13912345678',
    username: 'zhao.xiaolong',
    password: 'another long pass phrase',
    privacyConsentVersion: PRIVACY_NOTICE.version,
    ...overrides,
  } as RegisterFounder;
}

/** Row counts of the tables a registration writes, to prove that a refused one wrote nothing. */
export function rowCounts(server: TestServer): Record<string, number> {
  const count = (table: string) =>
    (server.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  return Object.fromEntries(
    ['app_user', 'user_role', 'session', 'enterprise', 'founder', 'uscc_dispute', 'audit_event'].map((t) => [
      t,
      count(t),
    ]),
  );
}

/** Unmasked mainland mobiles and 18-character ID numbers (the checks of reliability-security.md §4 R7). */
export const MOBILE_REGEX = /1[3-9]\d{9}/;
export const ID_NUMBER_REGEX = /\d{17}[\dXx]/;
