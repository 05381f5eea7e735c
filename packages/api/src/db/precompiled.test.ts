import type { Kysely, Transaction } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../test/db';
import { MAX_PRECOMPILED_SHAPES, precompiled, precompiledPerShape } from './precompiled';

/** A table of the test's own, typed for these queries only. */
interface Probe {
  probe: { id: number; status: string; kind: string };
}
const asProbe = (db: unknown) => db as Kysely<Probe> | Transaction<Probe>;

let t: TestDatabase;
beforeEach(async () => {
  t = await freshDatabase();
  t.sqlite.exec('create table probe (id integer primary key, status text not null, kind text not null)');
  const insert = t.sqlite.prepare('insert into probe (status, kind) values (?, ?)');
  for (let i = 0; i < 12; i++) insert.run(i % 3 === 0 ? 'draft' : 'active', i % 4 === 0 ? 'hidden' : 'shown');
});
afterEach(() => t.close());

describe('precompiled', () => {
  it('runs the once-compiled SQL with each call’s values, keeping the query’s own constants', async () => {
    const probes = precompiled((db, status: string, limit: number) =>
      asProbe(db)
        .selectFrom('probe')
        .select(['id', 'status'])
        .where('status', '=', status)
        .where('kind', '!=', 'hidden') // a constant of the query, bound as a parameter too
        .orderBy('id')
        .limit(limit),
    );
    const built = (status: string, limit: number, db: unknown = t.db) =>
      asProbe(db)
        .selectFrom('probe')
        .select(['id', 'status'])
        .where('status', '=', status)
        .where('kind', '!=', 'hidden')
        .orderBy('id')
        .limit(limit)
        .execute();
    for (const [status, limit] of [
      ['active', 2],
      ['draft', 5],
      ['active', 100],
    ] as const) {
      const rows = await probes(t.db, status, limit);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows).toEqual(await built(status, limit));
    }
    // Inside a transaction too: on the transaction's connection, seeing its own uncommitted rows.
    await t.db.transaction().execute(async (trx) => {
      t.sqlite.prepare("insert into probe (status, kind) values ('active', 'shown')").run();
      expect(await probes(trx, 'active', 100)).toEqual(await built('active', 100, trx));
    });
  });

  it('refuses a query whose shape does not bind every argument', async () => {
    // A clause that depends on the value: the placeholder takes the other branch, so the argument is never bound.
    const shapeDependsOnValue = precompiled((db, limit: number | null) => {
      const q = asProbe(db).selectFrom('probe').select('id');
      return typeof limit === 'number' ? q.limit(limit) : q;
    });
    await expect(shapeDependsOnValue(t.db, 3)).rejects.toThrow(/argument 0 is not a bound parameter/);
  });

  it('per shape: one compiled query per key, each answering what the built query answers', async () => {
    let builds = 0;
    const byStatuses = precompiledPerShape((key) => {
      builds += 1;
      const n = Number(key.split(':')[0]);
      return (db, ...args: unknown[]) =>
        asProbe(db)
          .selectFrom('probe')
          .select(['id', 'status'])
          .where('status', 'in', args.slice(0, n) as string[])
          .orderBy('id');
    });
    const built = (statuses: string[]) =>
      asProbe(t.db).selectFrom('probe').select(['id', 'status']).where('status', 'in', statuses).orderBy('id').execute();
    for (const statuses of [['active'], ['draft'], ['active', 'draft'], ['draft', 'none'], ['none']]) {
      expect(await byStatuses(String(statuses.length), t.db, ...statuses)).toEqual(await built(statuses));
    }
    expect(builds).toBe(2);
    // Beyond the bound a shape still runs (compiled for its call), it is just not kept.
    const statuses = ['draft', 'active', 'none'];
    for (let i = 0; i < MAX_PRECOMPILED_SHAPES + 2; i++) {
      const n = 1 + (i % 3);
      expect(await byStatuses(`${n}:${i}`, t.db, ...statuses.slice(0, n))).toEqual(await built(statuses.slice(0, n)));
    }
    expect(builds).toBe(2 + MAX_PRECOMPILED_SHAPES + 2);
  });
});
