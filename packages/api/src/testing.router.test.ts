import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from './clock';
import { openDatabase } from './db/connection';
import { migrateToLatest } from './db/migrations';
import { parseEnv } from './env';
import { buildServer } from './server';
import { startTestServer, type TestServer } from './test/harness';

describe('test clock procedures', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('move the clock every request sees', async () => {
    const client = server.client();
    await client.testing.setClock.mutate({ now: '2027-03-01T08:00:00+08:00', freeze: true });
    expect((await client.health.query()).now).toBe('2027-03-01T00:00:00.000Z');
    await client.testing.advanceClock.mutate({ ms: 7 * 86_400_000 });
    expect((await client.health.query()).now).toBe('2027-03-08T00:00:00.000Z');
  });
});

describe('test clock procedures outside test mode', () => {
  const env = parseEnv({ NODE_ENV: 'development', DATABASE_PATH: ':memory:', DATA_KEY: randomBytes(32).toString('hex'), AUDIT_ANCHOR_KEY: randomBytes(32).toString('hex') });
  const { db } = openDatabase(':memory:');
  const app = buildServer({ env, db, clock: systemClock, logger: false, portalDist: '/nonexistent', adminDist: '/nonexistent' });
  beforeAll(async () => {
    await migrateToLatest(db);
  });
  afterAll(async () => {
    await app.close();
    await db.destroy();
  });

  it('answer NOT_FOUND and leave time alone', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/trpc/testing.setClock',
      headers: { 'content-type': 'application/json', 'x-fund-request': '1' },
      payload: { now: '2031-01-01T00:00:00Z' },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { data: { domainCode: 'TESTING.DISABLED' } } });
    expect(new Date().getUTCFullYear()).toBeLessThan(2031);
  });
});
