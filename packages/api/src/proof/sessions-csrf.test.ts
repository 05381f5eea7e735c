/**
 * Sessions, CSRF and security headers: what modules/auth/auth.test.ts, modules/users/users.test.ts and
 * server.test.ts do not already prove (ASVS 7.2.4, 7.4.1, 3.3.x, 3.5.x, 3.4.x):
 * - a session id planted in the browser before sign-in is never adopted (fixation), and sign-out clears the cookie
 *   with the same attributes;
 * - idle expiry and sign-out also end access to the document routes (/api/documents), not only to /trpc;
 * - cross-site form POSTs (text/plain, urlencoded, multipart, foreign Origin, cross-site Sec-Fetch-Site) are refused
 *   on /api/documents as on /trpc, WITH a valid session cookie, and write nothing;
 * - every kind of response (tRPC success / error / batch / 404 / 405, CSRF refusal, document routes, static files,
 *   SPA pages, redirects, health) carries the same security headers (snapshot), plus HSTS under https.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TEST_PASSWORD, demoTotp, signedIn, startAccountServer } from '../test/account-fixtures';
import { CookieJar, type TestServer } from '../test/harness';
import { PDF_BYTES, upload, uploadOk } from '../modules/funding/test/fixtures';

function fakeDist(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `fund-proof-${name}-dist-`));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), `<!doctype html><title>${name}</title><div id="root"></div>`);
  writeFileSync(join(dir, 'assets', `${name}.js`), `console.log('${name}')`);
  return dir;
}

const SECURITY_HEADERS = [
  'content-security-policy',
  'x-content-type-options',
  'x-frame-options',
  'referrer-policy',
  'permissions-policy',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'strict-transport-security',
] as const;

function securityHeaders(res: Response): Record<string, string | null> {
  return Object.fromEntries(SECURITY_HEADERS.map((h) => [h, res.headers.get(h)]));
}

const documentRows = (server: TestServer) =>
  (server.sqlite.prepare('select count(*) as n from enterprise_document').get() as { n: number }).n;

describe('sessions', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startAccountServer({ portalDist: fakeDist('portal'), adminDist: fakeDist('admin') });
  });
  afterAll(async () => {
    await server.close();
  });

  it('never adopts a session id planted before sign-in (fixation)', async () => {
    const planted = 'A'.repeat(43);
    const jar = new CookieJar();
    jar.set('fund_sid', planted);
    await server
      .client({ jar })
      .auth.signIn.mutate({ username: 'reviewer', password: DEMO_TEST_PASSWORD, totp: demoTotp(server, 'reviewer') });
    expect(jar.get('fund_sid')).toBeDefined();
    expect(jar.get('fund_sid')).not.toBe(planted);
    const attacker = new CookieJar();
    attacker.set('fund_sid', planted);
    expect(await server.client({ jar: attacker }).auth.me.query()).toBeNull();
  });

  it('clears the cookie at sign-out with the attributes it was set with', async () => {
    const { jar } = await signedIn(server, 'auditor');
    const res = await server.fetch('/trpc/auth.signOut', { method: 'POST', headers: { 'content-type': 'application/json', 'x-fund-request': '1' } }, jar);
    expect(res.status, await res.clone().text()).toBe(200);
    const cleared = res.headers.getSetCookie().find((c) => c.startsWith('fund_sid='))!;
    expect(cleared).toMatch(/^fund_sid=;/);
    expect(cleared).toMatch(/Path=\//);
    expect(cleared).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
    expect(jar.get('fund_sid')).toBeUndefined();
  });

  it('ends access to the document routes too after 30 idle minutes and after sign-out', async () => {
    const applicant = await signedIn(server, 'applicant');
    const id = await uploadOk(server, applicant.jar, 'business-licence');
    expect((await server.fetch(`/api/documents/${id}`, {}, applicant.jar)).status).toBe(200);

    const start = server.clock.now();
    server.clock.freeze(new Date(start.getTime() + 31 * 60_000));
    try {
      expect((await server.fetch(`/api/documents/${id}`, {}, applicant.jar)).status).toBe(401);
      expect(await applicant.client.auth.me.query()).toBeNull();
    } finally {
      server.clock.freeze(start);
    }

    const again = await signedIn(server, 'applicant');
    const token = again.jar.get('fund_sid')!;
    await again.client.auth.signOut.mutate();
    const replay = new CookieJar();
    replay.set('fund_sid', token);
    expect((await server.fetch(`/api/documents/${id}`, {}, replay)).status).toBe(401);
  });
});

describe('CSRF on the document upload route, with a valid session cookie', () => {
  let server: TestServer;
  let jar: CookieJar;
  beforeAll(async () => {
    server = await startAccountServer();
    ({ jar } = await signedIn(server, 'applicant'));
  });
  afterAll(async () => {
    await server.close();
  });

  const multipart = (): RequestInit['body'] => {
    const form = new FormData();
    form.append('kind', 'business-licence');
    form.append('file', new Blob([new Uint8Array(PDF_BYTES)], { type: 'application/pdf' }), 'licence.pdf');
    return form;
  };

  const attacks: [string, Record<string, string>, () => RequestInit['body']][] = [
    ['text/plain', { 'content-type': 'text/plain;charset=UTF-8' }, () => '%PDF-1.4 kind=business-licence'],
    ['urlencoded', { 'content-type': 'application/x-www-form-urlencoded' }, () => 'kind=business-licence&file=%25PDF-1.4'],
    ['multipart without the custom header', {}, multipart],
    ['multipart with a foreign Origin', { 'x-fund-request': '1', origin: 'https://evil.example' }, multipart],
    ['multipart with an opaque Origin', { 'x-fund-request': '1', origin: 'null' }, multipart],
    ['multipart with a cross-site Sec-Fetch-Site', { 'x-fund-request': '1', 'sec-fetch-site': 'cross-site' }, multipart],
  ];
  it.each(attacks)('refuses a cross-site %s POST and stores nothing', async (_label, headers, body) => {
    const before = documentRows(server);
    const res = await server.fetch('/api/documents', { method: 'POST', headers: { ...headers }, body: body() }, jar);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('CSRF.REFUSED');
    expect(documentRows(server)).toBe(before);
  });

  it('accepts the same upload from our own page', async () => {
    const before = documentRows(server);
    const res = await upload(server, jar, 'business-licence', PDF_BYTES, 'licence.pdf', 'application/pdf', {
      'x-fund-request': '1',
      origin: server.url,
      'sec-fetch-site': 'same-origin',
    });
    expect(res.status).toBe(201);
    expect(documentRows(server)).toBe(before + 1);
  });

  it('refuses a cross-site text/plain POST to a real state-changing procedure with a valid session', async () => {
    const admin = await signedIn(server, 'admin');
    const res = await server.fetch(
      '/trpc/users.disable',
      { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ userId: 2, reason: '跨站请求' }) },
      admin.jar,
    );
    expect(res.status).toBe(403);
    expect((server.sqlite.prepare('select count(*) as n from app_user where disabled_at is not null').get() as { n: number }).n).toBe(0);
  });
});

/** One request of each kind the server answers, with what it must answer. */
async function everyKindOfResponse(server: TestServer): Promise<Record<string, Response>> {
  const applicant = await signedIn(server, 'applicant');
  const docId = await uploadOk(server, applicant.jar, 'business-licence');
  const json = { 'content-type': 'application/json', 'x-fund-request': '1' };
  const out: Record<string, Response> = {
    'trpc query': await server.fetch('/trpc/health'),
    'trpc batch': await server.fetch(`/trpc/health,auth.me?batch=1&input=${encodeURIComponent('{}')}`),
    'trpc UNAUTHORIZED': await server.fetch('/trpc/audit.verify'),
    'trpc BAD_REQUEST': await server.fetch(`/trpc/registration.checkUscc?input=${encodeURIComponent('{"uscc":1}')}`),
    'trpc unknown path': await server.fetch('/trpc/no.such.procedure'),
    'trpc mutation over GET': await server.fetch('/trpc/auth.signOut'),
    'trpc mutation': await server.fetch('/trpc/testing.advanceClock', { method: 'POST', headers: json, body: '{"ms":0}' }),
    'CSRF refusal': await server.fetch('/trpc/auth.signOut', { method: 'POST', headers: { 'content-type': 'text/plain' } }),
    'upload without session': await server.fetch('/api/documents', { method: 'POST', headers: { 'x-fund-request': '1' }, body: new FormData() }),
    'document download': await server.fetch(`/api/documents/${docId}`, {}, applicant.jar),
    'document not found': await server.fetch('/api/documents/999999', {}, applicant.jar),
    'api 404': await server.fetch('/api/nothing'),
    healthz: await server.fetch('/healthz'),
    'portal page': await server.fetch('/'),
    'portal deep link': await server.fetch('/notices/1'),
    'admin page': await server.fetch('/admin/'),
    'admin redirect': await server.fetch('/admin', { redirect: 'manual' }),
    'static asset': await server.fetch('/assets/portal.js'),
    'missing asset': await server.fetch('/assets/missing.js'),
    HEAD: await server.fetch('/', { method: 'HEAD' }),
  };
  return out;
}

describe('security headers on every kind of response', () => {
  it('are the same everywhere over http (snapshot), and API answers are never cached', async () => {
    const server = await startAccountServer({ portalDist: fakeDist('portal'), adminDist: fakeDist('admin') });
    try {
      const responses = await everyKindOfResponse(server);
      const statuses = Object.fromEntries(Object.entries(responses).map(([k, r]) => [k, r.status]));
      expect(statuses).toMatchSnapshot('statuses');
      const first = securityHeaders(responses['trpc query']!);
      expect(first).toMatchSnapshot('headers');
      for (const [kind, res] of Object.entries(responses)) {
        expect(securityHeaders(res), kind).toEqual(first);
      }
      for (const kind of ['trpc query', 'trpc UNAUTHORIZED', 'CSRF refusal', 'document download', 'document not found', 'healthz']) {
        expect(responses[kind]!.headers.get('cache-control'), kind).toBe('no-store');
      }
    } finally {
      await server.close();
    }
  });

  it('add HSTS (≥ 1 year, includeSubDomains) to every kind under an https PUBLIC_ORIGIN', async () => {
    const server = await startAccountServer({
      portalDist: fakeDist('portal'),
      adminDist: fakeDist('admin'),
      env: { PUBLIC_ORIGIN: 'https://fund.example.gov.cn' },
    });
    try {
      for (const [kind, res] of Object.entries(await everyKindOfResponse(server))) {
        const hsts = res.headers.get('strict-transport-security');
        expect(hsts, kind).toMatch(/max-age=(\d+); includeSubDomains/);
        expect(Number(/max-age=(\d+)/.exec(hsts!)![1]), kind).toBeGreaterThanOrEqual(31_536_000);
      }
    } finally {
      await server.close();
    }
  });
});
