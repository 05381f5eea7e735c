import { randomBytes, scryptSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TEST_PASSWORD, demoTotp, signedIn, startAccountServer, TEST_NOW } from '../../test/account-fixtures';
import { CookieJar, type TestServer } from '../../test/harness';
import { formatHash, parseHash, passwordHashStats } from './password-hash';

const MINUTE = 60_000;

function storedHash(server: TestServer, username: string): string {
  return (
    server.sqlite.prepare('select password_hash from app_user where username = ?').get(username) as {
      password_hash: string;
    }
  ).password_hash;
}

function auditActions(server: TestServer): string[] {
  return (
    server.sqlite.prepare('select action from audit_event order by seq').all() as { action: string }[]
  ).map((r) => r.action);
}

describe('signing in', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startAccountServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('signs a demo reviewer in, returns Me and sets an HttpOnly SameSite=Lax session cookie', async () => {
    const res = await server.fetch('/trpc/auth.signIn', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-fund-request': '1' },
      body: JSON.stringify({
        username: 'reviewer',
        password: DEMO_TEST_PASSWORD,
        totp: demoTotp(server, 'reviewer'),
      }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { result: { data: unknown } };
    expect(body.result.data).toMatchObject({
      username: 'reviewer',
      roles: ['reviewer'],
      enterpriseId: null,
      mustChangePassword: false,
    });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('fund_sid='))!;
    expect(cookie).toMatch(/^fund_sid=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/i);
  });

  it('stores only the SHA-256 of the session token', async () => {
    const { jar } = await signedIn(server, 'auditor');
    const token = jar.get('fund_sid')!;
    const rows = server.sqlite.prepare('select id_hash from session').all() as { id_hash: string }[];
    expect(rows.some((r) => r.id_hash === token)).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.id_hash))).toBe(true);
  });

  it('answers auth.me with the signed-in user, and null without a session', async () => {
    const { client } = await signedIn(server, 'applicant');
    expect(await client.auth.me.query()).toMatchObject({
      username: 'applicant',
      roles: ['applicant'],
      enterpriseId: expect.any(Number),
    });
    expect(await server.client().auth.me.query()).toBeNull();
  });

  it('refuses a wrong password with the generic message and audits the failure without the password', async () => {
    await expect(
      server.client().auth.signIn.mutate({ username: 'finance', password: 'not the password' }),
    ).rejects.toMatchObject({
      message: '用户名或密码错误',
      data: { code: 'UNAUTHORIZED', domainCode: 'AUTH.INVALID_CREDENTIALS' },
    });
    const row = server.sqlite
      .prepare(
        "select summary, payload_json from audit_event where action = 'auth.signIn.failed' order by seq desc limit 1",
      )
      .get() as { summary: string; payload_json: string };
    expect(row.summary).toContain('finance');
    expect(JSON.stringify(row)).not.toContain('not the password');
  });

  it('gives an unknown username the same answer, after computing a hash all the same', async () => {
    const before = passwordHashStats().computed;
    await expect(
      server.client().auth.signIn.mutate({ username: 'nobody.here', password: 'whatever it is' }),
    ).rejects.toMatchObject({
      message: '用户名或密码错误',
      data: { code: 'UNAUTHORIZED' },
    });
    expect(passwordHashStats().computed - before).toBe(1);
  });

  it('rotates the session id at sign-in: the old cookie of this browser stops working', async () => {
    const { client, jar } = await signedIn(server, 'mentor');
    const first = jar.get('fund_sid')!;
    await client.auth.signIn.mutate({ username: 'mentor', password: DEMO_TEST_PASSWORD });
    const second = jar.get('fund_sid')!;
    expect(second).not.toBe(first);
    const stale = new CookieJar();
    stale.set('fund_sid', first);
    expect(await server.client({ jar: stale }).auth.me.query()).toBeNull();
    expect(await client.auth.me.query()).toMatchObject({ username: 'mentor' });
  });

  it('revokes the session at sign-out, server-side', async () => {
    const { client, jar } = await signedIn(server, 'manager');
    const token = jar.get('fund_sid')!;
    expect(await client.auth.signOut.mutate()).toEqual({ ok: true });
    expect(jar.get('fund_sid')).toBeUndefined();
    const replay = new CookieJar();
    replay.set('fund_sid', token);
    expect(await server.client({ jar: replay }).auth.me.query()).toBeNull();
    expect(auditActions(server)).toContain('auth.signOut');
  });

  it('refuses sign-out without a session', async () => {
    await expect(server.client().auth.signOut.mutate()).rejects.toMatchObject({
      data: { code: 'UNAUTHORIZED' },
    });
  });

  it('upgrades a hash made with weaker parameters at the next successful sign-in', async () => {
    const salt = randomBytes(16);
    const weak = formatHash(
      { ln: 4, r: 8, p: 1 },
      salt,
      scryptSync(DEMO_TEST_PASSWORD, salt, 32, { N: 16, r: 8, p: 1 }),
    );
    server.sqlite.prepare("update app_user set password_hash = ? where username = 'founder2'").run(weak);
    await signedIn(server, 'founder2');
    expect(parseHash(storedHash(server, 'founder2'))?.params).toEqual({ ln: 10, r: 8, p: 1 });
    await signedIn(server, 'founder2'); // still the same password
  });
});

describe('session expiry against the request clock', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startAccountServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('keeps a session alive while it is used, and ends it after 30 idle minutes', async () => {
    server.clock.freeze(TEST_NOW);
    const { client } = await signedIn(server, 'reviewer');
    server.clock.advance(29 * MINUTE);
    expect(await client.auth.me.query()).toMatchObject({ username: 'reviewer' });
    server.clock.advance(29 * MINUTE); // 58 minutes after sign-in, 29 after the last request
    expect(await client.auth.me.query()).toMatchObject({ username: 'reviewer' });
    server.clock.advance(31 * MINUTE);
    expect(await client.auth.me.query()).toBeNull();
  });

  it('ends a session 12 hours after sign-in however busy it is', async () => {
    server.clock.freeze(TEST_NOW);
    const { client } = await signedIn(server, 'auditor');
    for (let elapsed = 0; elapsed < 12 * 60 - 20; elapsed += 20) {
      server.clock.advance(20 * MINUTE);
      expect(await client.auth.me.query()).not.toBeNull();
    }
    server.clock.freeze(new Date(TEST_NOW.getTime() + 12 * 60 * MINUTE));
    expect(await client.auth.me.query()).toBeNull();
  });
});

describe('brute-force protection', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startAccountServer({ env: { SIGNIN_RATE_PER_ACCOUNT: '3', SIGNIN_RATE_PER_IP: '100' } });
  });
  afterAll(async () => {
    await server.close();
  });

  it('refuses attempts beyond the per-account limit with TOO_MANY_REQUESTS before any hash is computed', async () => {
    const c = server.client();
    for (let i = 0; i < 3; i++) {
      await expect(
        c.auth.signIn.mutate({ username: 'finance', password: `wrong guess ${i}` }),
      ).rejects.toMatchObject({
        data: { code: 'UNAUTHORIZED' },
      });
    }
    const before = passwordHashStats().computed;
    await expect(
      c.auth.signIn.mutate({ username: 'finance', password: DEMO_TEST_PASSWORD }),
    ).rejects.toMatchObject({
      message: '尝试次数过多，请稍后再试',
      data: { code: 'TOO_MANY_REQUESTS', domainCode: 'AUTH.TOO_MANY_ATTEMPTS' },
    });
    expect(passwordHashStats().computed).toBe(before);
    // Other accounts are not affected from this IP (its own limit is higher).
    await signedIn(server, 'auditor');
  });

  it('lets the owner back in once the bucket has refilled (no permanent lockout)', async () => {
    server.clock.advance(6 * MINUTE); // 3 per 15 minutes → one token back every 5 minutes
    const { client } = await signedIn(server, 'finance');
    expect(await client.auth.me.query()).toMatchObject({ username: 'finance' });
  });

  it('limits attempts per client IP across accounts', async () => {
    const s = await startAccountServer({ env: { SIGNIN_RATE_PER_ACCOUNT: '100', SIGNIN_RATE_PER_IP: '2' } });
    try {
      const c = s.client();
      await expect(
        c.auth.signIn.mutate({ username: 'admin', password: 'wrong one here' }),
      ).rejects.toMatchObject({ data: { code: 'UNAUTHORIZED' } });
      await expect(
        c.auth.signIn.mutate({ username: 'mentor', password: 'wrong one here' }),
      ).rejects.toMatchObject({ data: { code: 'UNAUTHORIZED' } });
      const before = passwordHashStats().computed;
      await expect(
        c.auth.signIn.mutate({ username: 'auditor', password: DEMO_TEST_PASSWORD }),
      ).rejects.toMatchObject({
        data: { code: 'TOO_MANY_REQUESTS' },
      });
      expect(passwordHashStats().computed).toBe(before);
    } finally {
      await s.close();
    }
  });

  it('locks an account for 15 minutes after 10 consecutive failures, then lets it in again', async () => {
    const s = await startAccountServer({
      env: { SIGNIN_RATE_PER_ACCOUNT: '100', SIGNIN_RATE_PER_IP: '100' },
    });
    try {
      const c = s.client();
      for (let i = 0; i < 10; i++) {
        await expect(
          c.auth.signIn.mutate({ username: 'mentor', password: `guess number ${i}` }),
        ).rejects.toMatchObject({
          data: { code: 'UNAUTHORIZED' },
        });
      }
      const before = passwordHashStats().computed;
      await expect(
        c.auth.signIn.mutate({ username: 'mentor', password: DEMO_TEST_PASSWORD }),
      ).rejects.toMatchObject({
        data: { code: 'TOO_MANY_REQUESTS' },
      });
      expect(passwordHashStats().computed).toBe(before);
      s.clock.advance(16 * MINUTE);
      await signedIn(s, 'mentor');
    } finally {
      await s.close();
    }
  });
});

describe('changing the password', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startAccountServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('refuses a new password that breaks the policy, with a Chinese field message', async () => {
    const { client } = await signedIn(server, 'founder3');
    await expect(
      client.auth.changePassword.mutate({ currentPassword: DEMO_TEST_PASSWORD, newPassword: 'short' }),
    ).rejects.toMatchObject({
      data: { code: 'BAD_REQUEST', fieldErrors: { newPassword: expect.stringMatching(/至少需要8个字符/) } },
    });
    await expect(
      client.auth.changePassword.mutate({ currentPassword: DEMO_TEST_PASSWORD, newPassword: 'password123' }),
    ).rejects.toMatchObject({
      data: { code: 'BAD_REQUEST', fieldErrors: { newPassword: '该密码过于常见，很容易被猜到，请换一个' } },
    });
    await expect(
      client.auth.changePassword.mutate({ currentPassword: DEMO_TEST_PASSWORD, newPassword: 'Founder3' }),
    ).rejects.toMatchObject({
      message: '密码不能与用户名相同',
      data: { code: 'BAD_REQUEST' },
    });
  });

  it('refuses a wrong current password', async () => {
    const { client } = await signedIn(server, 'founder3');
    await expect(
      client.auth.changePassword.mutate({
        currentPassword: 'not my password',
        newPassword: 'a brand new pass phrase',
      }),
    ).rejects.toMatchObject({
      message: '当前密码不正确',
      data: { code: 'BAD_REQUEST', domainCode: 'AUTH.WRONG_PASSWORD' },
    });
  });

  it('ends the other sessions, keeps this browser signed in with a new session id, and accepts only the new password', async () => {
    const elsewhere = await signedIn(server, 'founder');
    const here = await signedIn(server, 'founder');
    const oldHere = here.jar.get('fund_sid');
    expect(
      await here.client.auth.changePassword.mutate({
        currentPassword: DEMO_TEST_PASSWORD,
        newPassword: 'a brand new pass phrase',
      }),
    ).toEqual({ ok: true });
    expect(await elsewhere.client.auth.me.query()).toBeNull();
    expect(here.jar.get('fund_sid')).not.toBe(oldHere);
    expect(await here.client.auth.me.query()).toMatchObject({ username: 'founder' });
    await expect(
      server.client().auth.signIn.mutate({ username: 'founder', password: DEMO_TEST_PASSWORD }),
    ).rejects.toMatchObject({
      data: { code: 'UNAUTHORIZED' },
    });
    await signedIn(server, 'founder', 'a brand new pass phrase');
    expect(auditActions(server)).toContain('auth.changePassword');
  });
});

describe('cookies under https', () => {
  it('uses the __Host- prefix and Secure when PUBLIC_ORIGIN is https', async () => {
    const server = await startAccountServer({ env: { PUBLIC_ORIGIN: 'https://fund.example.gov.cn' } });
    try {
      const res = await server.fetch('/trpc/auth.signIn', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-fund-request': '1' },
        body: JSON.stringify({ username: 'admin', password: DEMO_TEST_PASSWORD, totp: demoTotp(server, 'admin') }),
      });
      expect(res.status).toBe(200);
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith('__Host-fund_sid='))!;
      expect(cookie).toMatch(/; Secure/i);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/Path=\//);
      expect(cookie).not.toMatch(/Domain=/i);
    } finally {
      await server.close();
    }
  });
});
