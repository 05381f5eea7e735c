import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './http/security';
import { startTestServer, type TestServer } from './test/harness';

function fakeDist(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `fund-${name}-dist-`));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), `<!doctype html><title>${name}</title><div id="root"></div>`);
  writeFileSync(join(dir, 'assets', `${name}.js`), `console.log('${name}')`);
  return dir;
}

const setClockBody = JSON.stringify({ now: '2031-01-01T00:00:00.000Z' });

describe('HTTP server', () => {
  let server: TestServer;
  const logs: string[] = [];
  beforeAll(async () => {
    server = await startTestServer({
      portalDist: fakeDist('portal'),
      adminDist: fakeDist('admin'),
      logStream: { write: (l) => void logs.push(l) },
    });
  });
  afterAll(async () => {
    await server.close();
  });

  const post = (path: string, headers: Record<string, string>, body: RequestInit['body'] = setClockBody) =>
    server.fetch(path, { method: 'POST', headers, body });
  const clockYear = () => server.clock.now().getUTCFullYear();

  describe('CSRF (ASVS 3.5)', () => {
    it.each([
      ['text/plain', 'text/plain;charset=UTF-8'],
      ['a urlencoded form', 'application/x-www-form-urlencoded'],
    ])('refuses a cross-site form POST sent as %s', async (_label, type) => {
      const res = await post('/trpc/testing.setClock', { 'content-type': type, origin: 'https://evil.example' });
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/请求被拒绝/);
      expect(clockYear()).not.toBe(2031);
    });

    it('refuses a multipart form POST to /trpc even with the custom header', async () => {
      const form = new FormData();
      form.set('now', '2031-01-01T00:00:00.000Z');
      const res = await server.fetch('/trpc/testing.setClock', { method: 'POST', headers: { 'x-fund-request': '1' }, body: form });
      expect(res.status).toBe(403);
      expect(clockYear()).not.toBe(2031);
    });

    it('refuses JSON without the custom header', async () => {
      expect((await post('/trpc/testing.setClock', { 'content-type': 'application/json' })).status).toBe(403);
    });

    it.each([
      ['a foreign Origin', { origin: 'https://evil.example' }],
      ['an opaque Origin', { origin: 'null' }],
      ['a cross-site Sec-Fetch-Site', { 'sec-fetch-site': 'cross-site' }],
      ['a same-site (sibling subdomain) Sec-Fetch-Site', { 'sec-fetch-site': 'same-site' }],
    ])('refuses JSON with the header but %s', async (_label, extra) => {
      const res = await post('/trpc/testing.setClock', { 'content-type': 'application/json', 'x-fund-request': '1', ...extra });
      expect(res.status).toBe(403);
      expect(clockYear()).not.toBe(2031);
    });

    it('accepts a same-origin JSON mutation with the custom header', async () => {
      const res = await post('/trpc/testing.setClock', {
        'content-type': 'application/json; charset=utf-8',
        'x-fund-request': '1',
        origin: server.url,
        'sec-fetch-site': 'same-origin',
      });
      expect(res.status).toBe(200);
      expect(clockYear()).toBe(2031);
      server.clock.set(new Date());
    });

    it('lets multipart uploads under /api pass the CSRF checks only with the header', async () => {
      const form = () => {
        const f = new FormData();
        f.set('file', new Blob(['%PDF-1.7']), 'a.pdf');
        return f;
      };
      expect((await server.fetch('/api/upload', { method: 'POST', body: form() })).status).toBe(403);
      const passed = await server.fetch('/api/upload', { method: 'POST', headers: { 'x-fund-request': '1', origin: server.url }, body: form() });
      expect(passed.status).toBe(404); // no upload route yet: the request got past the CSRF checks
    });

    it('never runs a mutation over GET', async () => {
      const res = await server.fetch(`/trpc/testing.setClock?input=${encodeURIComponent(setClockBody)}`);
      expect(res.status).toBe(405);
      expect(clockYear()).not.toBe(2031);
    });
  });

  describe('security headers (ASVS 3.4)', () => {
    it.each(['/', '/admin/', '/trpc/health', '/healthz', '/no/such/file.js'])('are sent on %s', async (path) => {
      const res = await server.fetch(path);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(CONTENT_SECURITY_POLICY).toMatch(/object-src 'none'.*base-uri 'none'.*frame-ancestors 'none'/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
      expect(res.headers.get('permissions-policy')).toMatch(/camera=\(\)/);
      expect(res.headers.get('strict-transport-security')).toBeNull(); // plain http: no HSTS
    });

    it('are sent on refused requests too, and API answers are never cached', async () => {
      const refused = await post('/trpc/testing.setClock', { 'content-type': 'text/plain' });
      expect(refused.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect((await server.fetch('/trpc/health')).headers.get('cache-control')).toBe('no-store');
    });
  });

  describe('the two apps on one origin', () => {
    it('serves the portal at / with client-side routes falling back to its index.html', async () => {
      for (const path of ['/', '/apply/3', '/enterprise/profile?tab=size']) {
        const res = await server.fetch(path);
        expect(res.status).toBe(200);
        expect(await res.text()).toContain('<title>portal</title>');
      }
      expect(await (await server.fetch('/assets/portal.js')).text()).toContain("console.log('portal')");
    });

    it('serves the admin console at /admin/ with its own fallback and assets', async () => {
      for (const path of ['/admin/', '/admin/users/5']) {
        const res = await server.fetch(path);
        expect(res.status).toBe(200);
        expect(await res.text()).toContain('<title>admin</title>');
      }
      expect(await (await server.fetch('/admin/assets/admin.js')).text()).toContain("console.log('admin')");
      const bare = await server.fetch('/admin', { redirect: 'manual' });
      expect(bare.status).toBe(302);
      expect(bare.headers.get('location')).toBe('/admin/');
    });

    it('answers a missing file or API path with 404 instead of an index page', async () => {
      expect((await server.fetch('/assets/missing.js')).status).toBe(404);
      expect((await server.fetch('/api/nothing')).status).toBe(404);
      expect((await server.fetch('/trpc')).status).toBe(404);
    });

    it('answers GET /healthz', async () => {
      const res = await server.fetch('/healthz');
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ ok: true });
    });
  });

  it('keeps cookies and credentials out of the log', async () => {
    await server.fetch('/trpc/health', { headers: { cookie: 'fund_sid=SESSIONTOKENabcdef', authorization: 'Bearer TOPSECRET' } });
    await post('/trpc/testing.setClock', { 'content-type': 'application/json', 'x-fund-request': '1' }, JSON.stringify({ now: 'x', password: 'hunter2hunter2' }));
    const text = logs.join('\n');
    expect(text).toContain('/trpc/health');
    expect(text).not.toMatch(/SESSIONTOKENabcdef|TOPSECRET|hunter2hunter2/);
  });
});

describe('HTTP server without built apps', () => {
  let server: TestServer;
  beforeAll(async () => {
    const none = join(tmpdir(), 'fund-no-such-dist');
    server = await startTestServer({ portalDist: none, adminDist: none });
  });
  afterAll(async () => {
    await server.close();
  });

  it('explains in Chinese that the apps must be built', async () => {
    for (const path of ['/', '/admin/', '/admin/users']) {
      const res = await server.fetch(path);
      expect(res.status).toBe(503);
      const html = await res.text();
      expect(html).toMatch(/尚未构建/);
      expect(html).toContain('pnpm build');
    }
  });
});

describe('HTTP server with a public https origin', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { PUBLIC_ORIGIN: 'https://fund.example.gov.cn' } });
  });
  afterAll(async () => {
    await server.close();
  });

  it('sends HSTS and checks Origin against PUBLIC_ORIGIN', async () => {
    const res = await server.fetch('/healthz');
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    const headers = { 'content-type': 'application/json', 'x-fund-request': '1' };
    const own = await server.fetch('/trpc/testing.advanceClock', { method: 'POST', headers: { ...headers, origin: 'https://fund.example.gov.cn' }, body: '{"ms":1}' });
    expect(own.status).toBe(200);
    const local = await server.fetch('/trpc/testing.advanceClock', { method: 'POST', headers: { ...headers, origin: server.url }, body: '{"ms":1}' });
    expect(local.status).toBe(403);
  });
});
