import { DomainError } from '@fund/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from './test/db';
import { withIdempotency } from './idempotency';

const now = new Date('2026-11-26T05:00:00Z');

describe('idempotency keys', () => {
  let t: TestDatabase;
  let runs: number;
  beforeEach(async () => {
    t = await freshDatabase();
    runs = 0;
  });
  afterEach(async () => {
    await t.close();
  });

  const pay = (key: string, actorId: number | null, request: unknown) =>
    t.db.transaction().execute((trx) =>
      withIdempotency(trx, { key, actorId, procedure: 'disbursements.record', request, now }, () => {
        runs += 1;
        return Promise.resolve({ disbursementId: runs, amountFen: 100_000 });
      }),
    );

  it('runs the operation once and replays the stored response for a retry with the same request', async () => {
    const first = await pay('k-1', 5, { applicationId: 9, amountFen: 100_000 });
    const retry = await pay('k-1', 5, { amountFen: 100_000, applicationId: 9 }); // same content, other key order
    expect(retry).toEqual(first);
    expect(runs).toBe(1);
  });

  it('refuses the same key with a different request as a conflict', async () => {
    await pay('k-2', 5, { applicationId: 9 });
    const error = await pay('k-2', 5, { applicationId: 10 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'IDEMPOTENCY.KEY_REUSED', kind: 'conflict', message: '该请求编号已用于其他内容' });
    expect(runs).toBe(1);
  });

  it('scopes keys by actor and by procedure', async () => {
    await pay('k-3', 5, { applicationId: 9 });
    await pay('k-3', 6, { applicationId: 10 });
    await pay('k-3', null, { applicationId: 11 });
    await t.db.transaction().execute((trx) =>
      withIdempotency(trx, { key: 'k-3', actorId: 5, procedure: 'claims.submit', request: { x: 1 }, now }, () => {
        runs += 1;
        return Promise.resolve(null);
      }),
    );
    expect(runs).toBe(4);
  });

  it('stores nothing when the operation fails, so the client may retry', async () => {
    await expect(
      t.db.transaction().execute((trx) =>
        withIdempotency(trx, { key: 'k-4', actorId: 5, procedure: 'p', request: {}, now }, () => Promise.reject(new Error('boom'))),
      ),
    ).rejects.toThrow('boom');
    expect(await t.db.selectFrom('idempotency_key').select('key').execute()).toEqual([]);
    await pay('k-4', 5, {});
    expect(runs).toBe(1);
  });

  it('runs once when the same key arrives twice concurrently', async () => {
    const results = await Promise.all([pay('k-5', 5, { a: 1 }), pay('k-5', 5, { a: 1 }), pay('k-5', 5, { a: 1 })]);
    expect(runs).toBe(1);
    expect(new Set(results.map((r) => r.disbursementId))).toEqual(new Set([1]));
  });
});
