import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../test/db';
import { withStatementCache } from './connection';
import { cachedRead, LruCache, ReadCache, readCacheOf, sqliteGeneration } from './read-cache';

let t: TestDatabase;
beforeEach(async () => {
  t = await freshDatabase();
  t.sqlite.exec('create table probe (id integer primary key, v text not null)');
  t.sqlite.prepare("insert into probe (v) values ('a')").run();
});
afterEach(() => t.close());

/** A computation that counts its runs and reads the probe table through kysely, as a service would. */
function probeRead() {
  let runs = 0;
  const read = () =>
    cachedRead(t.db, 'probe', async () => {
      runs += 1;
      const rows = await t.db
        .selectFrom('probe' as never)
        .select('v' as never)
        .orderBy('id' as never)
        .execute();
      return (rows as { v: string }[]).map((r) => r.v).join('');
    });
  return { read, runs: () => runs };
}

describe('LruCache', () => {
  it('keeps at most `limit` entries and drops the least recently used', () => {
    const c = new LruCache<string, number>(2);
    c.set('a', 1);
    c.set('b', 2);
    expect(c.get('a')).toBe(1); // a is now the most recent
    c.set('c', 3);
    expect(c.size).toBe(2);
    expect(c.get('b')).toBeUndefined();
    expect(c.get('a')).toBe(1);
    expect(c.get('c')).toBe(3);
  });
});

describe('read cache', () => {
  it('is registered for the kysely instance of openDatabase, and answers repeated reads without recomputing', async () => {
    expect(readCacheOf(t.db)).toBeInstanceOf(ReadCache);
    const p = probeRead();
    expect(await p.read()).toBe('a');
    expect(await p.read()).toBe('a');
    expect(p.runs()).toBe(1);
  });

  it('recomputes after a write through kysely (a transaction or a bare statement) or the raw connection', async () => {
    const p = probeRead();
    await p.read();
    await t.db.transaction().execute((trx) =>
      trx
        .insertInto('probe' as never)
        .values({ v: 'b' } as never)
        .execute(),
    );
    expect(await p.read()).toBe('ab');
    await t.db
      .updateTable('probe' as never)
      .set({ v: 'c' } as never)
      .where('v' as never, '=', 'b' as never)
      .execute();
    expect(await p.read()).toBe('ac');
    t.sqlite.prepare("insert into probe (v) values ('d')").run();
    expect(await p.read()).toBe('acd');
    expect(p.runs()).toBe(4);
  });

  it('recomputes after another connection to the same file commits (an import CLI, a restore)', async () => {
    const p = probeRead();
    await p.read();
    const other = new BetterSqlite3(join(t.dir, 'fund.db'));
    try {
      other.pragma('busy_timeout = 5000');
      other.prepare("insert into probe (v) values ('x')").run();
    } finally {
      other.close();
    }
    expect(await p.read()).toBe('ax');
    expect(await p.read()).toBe('ax');
    expect(p.runs()).toBe(2);
  });

  it('is not used inside a transaction, which must see its own uncommitted writes', async () => {
    const p = probeRead();
    await p.read();
    await t.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('probe' as never)
        .values({ v: 'b' })
        .execute();
      const seen = await cachedRead(trx, 'probe', () => Promise.resolve('computed in the transaction'));
      expect(seen).toBe('computed in the transaction');
    });
  });

  it('shares one computation between concurrent misses, and does not keep a failure', async () => {
    const p = probeRead();
    const [a, b, c] = await Promise.all([p.read(), p.read(), p.read()]);
    expect([a, b, c]).toEqual(['a', 'a', 'a']);
    expect(p.runs()).toBe(1);

    let attempts = 0;
    const failing = () =>
      cachedRead(t.db, 'failing', () => {
        attempts += 1;
        return attempts === 1 ? Promise.reject(new Error('boom')) : Promise.resolve('ok');
      });
    await expect(failing()).rejects.toThrow('boom');
    expect(await failing()).toBe('ok');
    expect(attempts).toBe(2);
  });

  it('holds at most its limit of entries', async () => {
    const cache = new ReadCache(sqliteGeneration(t.sqlite), 3);
    let runs = 0;
    const read = (key: string) => cache.read(key, () => Promise.resolve((runs += 1)));
    for (const k of ['a', 'b', 'c', 'd']) await read(k);
    expect(cache.size).toBe(3);
    await read('a'); // evicted: recomputed
    expect(runs).toBe(5);
    await read('d'); // still there
    expect(runs).toBe(5);
  });

  it('computes without caching when the generation cannot be read (closed connection)', async () => {
    const raw = new BetterSqlite3(':memory:');
    const cache = new ReadCache(sqliteGeneration(raw));
    raw.close();
    let runs = 0;
    await cache.read('k', () => Promise.resolve((runs += 1)));
    await cache.read('k', () => Promise.resolve((runs += 1)));
    expect(runs).toBe(2);
    expect(cache.size).toBe(0);
  });
});

describe('statement cache', () => {
  it('hands out one prepared statement per SQL text, bounded, and a fresh one while the cached one iterates', () => {
    const db = withStatementCache(t.sqlite, 2);
    const q = 'select v from probe';
    const s1 = db.prepare(q);
    expect(db.prepare(q)).toBe(s1);
    // An open iterator makes the statement busy: the caller gets a usable, separate statement.
    const it = s1.iterate([]);
    it.next();
    const s2 = db.prepare(q);
    expect(s2).not.toBe(s1);
    expect(s2.all([])).toEqual([{ v: 'a' }]);
    it.return?.();
    expect(db.prepare(q)).toBe(s1);
    // Bounded: two other texts push the first out.
    db.prepare('select 1');
    db.prepare('select 2');
    expect(db.prepare(q)).not.toBe(s1);
  });

  it('is what kysely runs on: reads and writes still work, with rows and insert ids', async () => {
    const { insertId } = await t.db
      .insertInto('probe' as never)
      .values({ v: 'b' })
      .executeTakeFirstOrThrow();
    expect(Number(insertId)).toBe(2);
    for (let i = 0; i < 3; i++) {
      const rows = await t.db
        .selectFrom('probe' as never)
        .select('v' as never)
        .orderBy('id' as never)
        .execute();
      expect(rows).toEqual([{ v: 'a' }, { v: 'b' }]);
    }
  });
});
