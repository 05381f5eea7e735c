/** Fixtures of the funding API tests: the real server, real sign-ins, and a few more staff accounts. */
import { randomUUID } from 'node:crypto';
import type { Role } from '@fund/domain';
import {
  DEMO_TEST_PASSWORD,
  signedIn,
  startAccountServer,
  type Client,
} from '../../../test/account-fixtures';
import type { CookieJar, TestServer } from '../../../test/harness';
import { insertAccount } from '../../auth/auth.queries';
import { hashPassword } from '../../auth/password-hash';
import { demoTotpSecretEnc } from '../../../seed/demo-totp';

export { DEMO_TEST_PASSWORD, signedIn, type Client };

/** Extra staff: a second reviewer, a second finance officer, and one person holding reviewer + finance (§10). */
export const EXTRA_STAFF: { username: string; displayName: string; roles: Role[] }[] = [
  { username: 'reviewer2', displayName: '李审核', roles: ['reviewer'] },
  { username: 'finance2', displayName: '陈财务', roles: ['finance'] },
  { username: 'dual', displayName: '张兼岗（审核+财务）', roles: ['reviewer', 'finance'] },
];

export async function startFundingServer(
  options: Parameters<typeof startAccountServer>[0] = {},
): Promise<TestServer> {
  const server = await startAccountServer({
    ...options,
    env: { SIGNIN_RATE_PER_IP: '100000', SIGNIN_RATE_PER_ACCOUNT: '10000', ...options.env },
  });
  const hash = await hashPassword(DEMO_TEST_PASSWORD, 'fast');
  await server.db.transaction().execute(async (trx) => {
    for (const s of EXTRA_STAFF) {
      await insertAccount(trx, {
        ...s,
        passwordHash: hash,
        mustChangePassword: false,
        now: server.clock.now(),
        totpSecretEnc: demoTotpSecretEnc(server.pii, DEMO_TEST_PASSWORD, s.username, s.roles),
      });
    }
  });
  return server;
}

export const key = () => randomUUID();

export function userId(server: TestServer, username: string): number {
  return (server.sqlite.prepare('select id from app_user where username = ?').get(username) as { id: number })
    .id;
}

/** A minimal valid PDF / PNG, and bytes that only claim to be a PDF. */
export const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
export const PNG_BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
export const FAKE_PDF = Buffer.from('<html><script>alert(1)</script></html>', 'utf8');

/** POST /api/documents as the browser does it (multipart + the CSRF header). */
export async function upload(
  server: TestServer,
  jar: CookieJar,
  kind: string,
  bytes: Buffer,
  fileName = 'file.pdf',
  type = 'application/pdf',
  headers: Record<string, string> = { 'x-fund-request': '1' },
): Promise<Response> {
  const form = new FormData();
  form.append('kind', kind);
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), fileName);
  return server.fetch('/api/documents', { method: 'POST', body: form, headers }, jar);
}

export async function uploadOk(
  server: TestServer,
  jar: CookieJar,
  kind: string,
  bytes = PDF_BYTES,
): Promise<number> {
  const res = await upload(server, jar, kind, bytes, `${kind}.pdf`);
  if (res.status !== 201) throw new Error(`upload failed ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { id: number }).id;
}

/** Licence uploaded, bank account entered, both verified by `reviewer`: the enterprise may apply (§2). */
export async function makeReady(
  server: TestServer,
  applicant: { client: Client; jar: CookieJar },
  reviewer: Client,
): Promise<{ enterpriseId: number; licenceId: number }> {
  const me = await applicant.client.enterprises.mine.query();
  const licenceId = await uploadOk(server, applicant.jar, 'business-licence');
  await applicant.client.verification.submitBankAccount.mutate({
    bank: '中国工商银行岳阳分行',
    accountName: me.name,
    accountNumber: '6222 0212 3456 7890 123',
  });
  const accounts = await reviewer.verification.ofEnterprise.query({ enterpriseId: me.id });
  await reviewer.verification.verifyEnterprise.mutate({
    enterpriseId: me.id,
    licenceDocumentId: licenceId,
    registeredDistrictCode: '430602',
    note: '营业执照与法定代表人核验一致',
  });
  await reviewer.verification.verifyBankAccount.mutate({
    accountId: accounts.bankAccounts[0]!.id,
    decision: 'verified',
    reason: '开户许可证与户名一致',
  });
  return { enterpriseId: me.id, licenceId };
}

/** 贷款贴息 data (§4 LPR-spread): 200万 at 3.50% signed 2026-01-15, LPR 3.00% → subsidy rate 2.00%. */
export function loanData(overrides: Record<string, unknown> = {}) {
  return {
    mode: 'lpr-spread',
    bankName: '中国建设银行岳阳分行',
    contractNo: 'JH-2026-0001',
    contractSignedOn: '2026-01-15',
    maturityOn: '2027-01-15',
    principalFen: 200_000_000,
    contractRatePct: '3.50',
    segments: [{ principalFen: 200_000_000, start: '2026-01-15', endExclusive: '2026-07-15' }],
    ...overrides,
  };
}

/** 以奖代投 data (§5): first external equity financing of 300万 → 30万. */
export function awardData(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'equity-financing',
    financingFen: 300_000_000,
    financedOn: '2026-06-01',
    investorName: '岳阳产业投资基金',
    ...overrides,
  };
}

export const NOTICE_CONTACT = '岳阳楼区中小微企业发展引导基金办公室 0730-8888888';

/** A second enterprise with its own applicant account (registered through the real registration). */
export async function enterpriseClient(server: TestServer): Promise<{ client: Client; jar: CookieJar }> {
  const { enterpriseInput } = await import('../../../test/account-fixtures');
  const jar = new (await import('../../../test/harness')).CookieJar();
  const client = server.client({ jar });
  await client.registration.registerEnterprise.mutate(enterpriseInput());
  return { client, jar };
}
