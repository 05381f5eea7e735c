import { checkPassword, validateUscc } from '@fund/domain';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../clock';
import { createPii } from '../crypto/pii';
import { parseEnv, type Env } from '../env';
import { startAccountServer } from '../test/account-fixtures';
import { freshDatabase, type TestDatabase } from '../test/db';
import { DEMO_ENTERPRISES, DEMO_PASSWORD_FILE, seedDemoDataIfEmpty } from './demo';

const NOW = new Date('2026-11-26T02:00:00Z');

describe('demo seed', () => {
  let handle: TestDatabase;
  const envFor = (dir: string, extra: Record<string, string> = {}): Env =>
    parseEnv({
      NODE_ENV: 'development',
      DATA_DIR: dir,
      DATA_KEY: randomBytes(32).toString('hex'),
      AUDIT_ANCHOR_KEY: randomBytes(32).toString('hex'),
      PASSWORD_HASH_PROFILE: 'fast',
      ...extra,
    });
  const ctxFor = (env: Env) => ({ clock: systemClock, now: NOW, pii: createPii(env.DATA_KEY) });
  const count = (table: string) =>
    (handle.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

  afterEach(async () => {
    await handle.close();
  });

  it('fills an empty database once and prints the same generated password on every later start', async () => {
    handle = await freshDatabase();
    const env = envFor(handle.dir);
    const first = await seedDemoDataIfEmpty(handle.db, env, ctxFor(env));
    expect(first!.password).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    expect(checkPassword(first!.password)).toEqual({ ok: true });
    const file = join(handle.dir, DEMO_PASSWORD_FILE);
    expect(readFileSync(file, 'utf8').trim()).toBe(first!.password);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(first!.accounts.map((a) => a.username)).toEqual([
      'admin',
      'reviewer',
      'finance',
      'manager',
      'mentor',
      'auditor',
      'applicant',
      'founder',
      'founder2',
      'founder3',
    ]);
    expect([count('app_user'), count('enterprise'), count('founder'), count('audit_event')]).toEqual([
      10, 12, 3, 1,
    ]);

    const again = await seedDemoDataIfEmpty(handle.db, env, ctxFor(env));
    expect(again).toEqual(first);
    expect([count('app_user'), count('enterprise'), count('audit_event')]).toEqual([10, 12, 1]);
  });

  it('uses DEMO_PASSWORD when it is set, without writing a file', async () => {
    handle = await freshDatabase();
    const env = envFor(handle.dir, { DEMO_PASSWORD: 'my chosen demo pass' });
    expect((await seedDemoDataIfEmpty(handle.db, env, ctxFor(env)))!.password).toBe('my chosen demo pass');
    expect(existsSync(join(handle.dir, DEMO_PASSWORD_FILE))).toBe(false);
  });

  it('links the applicant to 岳阳某某科技有限公司, and every demo USCC passes the GB 32100 check', async () => {
    handle = await freshDatabase();
    const env = envFor(handle.dir);
    await seedDemoDataIfEmpty(handle.db, env, ctxFor(env));
    for (const e of DEMO_ENTERPRISES) expect(validateUscc(e.uscc)).toMatchObject({ ok: true, warnings: [] });
    const owned = handle.sqlite
      .prepare(
        "select e.name, e.uscc, e.established_on, e.industry from enterprise e join app_user u on u.id = e.owner_user_id where u.username = 'applicant'",
      )
      .get();
    expect(owned).toEqual({
      name: '岳阳某某科技有限公司',
      uscc: '91430602MA4L1A2B9Q',
      established_on: '2024-11-26',
      industry: 'software-it',
    });
    expect(count("enterprise where verification_status = 'verified'")).toBeGreaterThan(0);
    const mobiles = handle.sqlite
      .prepare('select contact_mobile_enc, contact_mobile_masked from enterprise')
      .all() as Record<string, string>[];
    expect(
      mobiles.every(
        (m) => /^\d{3}\*{4}\d{4}$/.test(m.contact_mobile_masked!) && m.contact_mobile_enc!.startsWith('v1:'),
      ),
    ).toBe(true);
  });

  it('creates in production only a first administrator who must change the password, and no demo data', async () => {
    handle = await freshDatabase();
    const env = envFor(handle.dir, { NODE_ENV: 'production' });
    const result = await seedDemoDataIfEmpty(handle.db, env, ctxFor(env));
    expect(result!.accounts).toEqual([{ username: 'admin', roles: ['admin'], totpSecret: null }]);
    expect([count('app_user'), count('enterprise'), count('founder')]).toEqual([1, 0, 0]);
    expect(handle.sqlite.prepare('select must_change_password from app_user').get()).toEqual({
      must_change_password: 1,
    });
    expect(existsSync(join(handle.dir, DEMO_PASSWORD_FILE))).toBe(false);
    expect(await seedDemoDataIfEmpty(handle.db, env, ctxFor(env))).toBeNull();
  });
});

describe('demo accounts through the real server', () => {
  it('signs in with the password the seed reported', async () => {
    const server = await startAccountServer({ seed: false });
    try {
      const seeded = await seedDemoDataIfEmpty(server.db, server.env, {
        clock: server.clock,
        now: server.clock.now(),
        pii: server.pii,
      });
      const c = server.client();
      expect(await c.auth.signIn.mutate({ username: 'applicant', password: seeded!.password })).toMatchObject(
        {
          roles: ['applicant'],
          enterpriseId: expect.any(Number),
        },
      );
      expect(await c.enterprises.mine.query()).toMatchObject({
        name: '岳阳某某科技有限公司',
        sizeClass: 'small',
        stage: 'startup',
      });
    } finally {
      await server.close();
    }
  });
});
