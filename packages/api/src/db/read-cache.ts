/**
 * Read-through cache of COMPUTED reads (occupancy grid, centre KPIs: tens of milliseconds of queries and domain work
 * each, read far more often than the centre's data changes), keyed by the query input and the DATA GENERATION of the
 * connection (ADR 014). Authorisation is not the cache's business: callers check permission and row scope first, on
 * every request, and only then ask the cache — so a key never has to encode who may see it.
 *
 * The data generation is `PRAGMA data_version` + `total_changes()`, read in one statement on every lookup (≈ 2 µs):
 * - `total_changes()` counts every row inserted, updated or deleted by THIS connection since it opened — whatever
 *   path the write took: `inTransaction`, a bare `db.updateTable` (the session touch), raw `sqlite` writes of tests
 *   and tools. A hand-bumped counter in `inTransaction` would miss the paths that do not go through it. It moves
 *   before the commit (and a rollback does not move it back): that only costs a miss, never a stale answer.
 * - `data_version` changes when ANOTHER connection commits to the file (the import CLI, a restore, a second process).
 * Any write, to any table, invalidates every entry: coarse, but it cannot be wrong, and a recomputation is only what
 * every request cost before the cache.
 *
 * Why a stale entry cannot be served: the generation is read BEFORE the computation starts and the result is stored
 * under it. A write that commits after that read moves the generation, so the entry is never found by a request that
 * starts after the write; a request concurrent with the write may get either state, as it could without a cache.
 * The promise is stored, not the value: concurrent misses of one key share one computation (no stampede after a
 * write). A failed computation is dropped, not cached. Cached values are shared between requests: callers must treat
 * them as immutable.
 */
import type BetterSqlite3 from 'better-sqlite3';

/** A bounded map that drops the least recently used entry (Map keeps insertion order; a hit re-inserts). */
export class LruCache<K, V> {
  readonly #map = new Map<K, V>();
  constructor(readonly limit: number) {
    if (!(limit >= 1)) throw new RangeError('LruCache limit must be ≥ 1');
  }
  get size(): number {
    return this.#map.size;
  }
  get(key: K): V | undefined {
    const value = this.#map.get(key);
    if (value !== undefined) {
      this.#map.delete(key);
      this.#map.set(key, value);
    }
    return value;
  }
  /** Without refreshing recency. */
  peek(key: K): V | undefined {
    return this.#map.get(key);
  }
  set(key: K, value: V): void {
    this.#map.delete(key);
    if (this.#map.size >= this.limit) this.#map.delete(this.#map.keys().next().value!);
    this.#map.set(key, value);
  }
  delete(key: K): void {
    this.#map.delete(key);
  }
  clear(): void {
    this.#map.clear();
  }
}

/** A grid is ≈ 0.5 MB of objects at 500 desks: 100 entries bound the cache to tens of MB. */
export const READ_CACHE_SIZE = 100;

export class ReadCache {
  readonly #entries: LruCache<string, { generation: string; value: Promise<unknown> }>;
  readonly #generation: () => string | null;

  /** `generation()` answers null when it cannot tell (the connection is busy or closed): then nothing is cached. */
  constructor(generation: () => string | null, limit = READ_CACHE_SIZE) {
    this.#generation = generation;
    this.#entries = new LruCache(limit);
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The cached result of `compute` for `key` at the current data generation, or `compute()`'s, stored. */
  read<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const generation = this.#generation();
    if (generation === null) return compute();
    const hit = this.#entries.get(key);
    if (hit !== undefined && hit.generation === generation) return hit.value as Promise<T>;
    const value = compute();
    const entry = { generation, value };
    this.#entries.set(key, entry);
    value.catch(() => {
      if (this.#entries.peek(key) === entry) this.#entries.delete(key);
    });
    return value;
  }

  clear(): void {
    this.#entries.clear();
  }
}

/** The data generation of a better-sqlite3 connection (see the header): changes on every write, from anywhere. */
export function sqliteGeneration(sqlite: BetterSqlite3.Database): () => string | null {
  let stmt: BetterSqlite3.Statement<[], { v: number; c: number }> | null = null;
  return () => {
    try {
      stmt ??= sqlite.prepare('select data_version as v, total_changes() as c from pragma_data_version');
      const { v, c } = stmt.get()!;
      return `${v}:${c}`;
    } catch {
      // Closed, or busy with an open iterator: compute without the cache rather than fail the read.
      return null;
    }
  };
}

/**
 * One cache per database handle, found from the `Kysely` instance the services get as `ctx.db` (registered by
 * `openDatabase`). A `Transaction` or a `Kysely` built elsewhere (db-check) has none: its reads are never cached —
 * which is right for reads inside a transaction, that must see the transaction's own writes.
 */
const caches = new WeakMap<object, ReadCache>();

export function registerReadCache(db: object, sqlite: BetterSqlite3.Database): ReadCache {
  const cache = new ReadCache(sqliteGeneration(sqlite));
  caches.set(db, cache);
  return cache;
}

export function readCacheOf(db: object): ReadCache | undefined {
  return caches.get(db);
}

/** `compute()` through the read cache of `db`, or directly when `db` has none (a transaction, a tool's connection). */
export function cachedRead<T>(db: object, key: string, compute: () => Promise<T>): Promise<T> {
  const cache = caches.get(db);
  return cache ? cache.read(key, compute) : compute();
}
