/**
 * Queries on the path of (nearly) every request, built and compiled by kysely ONCE per process (ADR 014). Building a
 * query (immutable, frozen operation nodes) and compiling it costs 20–100 µs — the session lookup with its three
 * sub-selects cost ten times its SQLite execution — and the SQL text of a fixed-shape query never changes: only the
 * bound values do. `precompiled(build)` compiles `build` once with placeholder arguments, records which bound
 * parameter is which argument (the others are constants of the query, kept as compiled), and then runs the same SQL
 * with each call's values; the statement cache (connection.ts) then reuses the prepared statement as well.
 *
 * Only for queries whose SHAPE does not depend on the argument values (no `in` lists of variable length, no
 * conditional clauses): every argument must appear as a bound parameter, which is checked at the first call.
 */
import { CompiledQuery, type Compilable, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema';

type Db = Kysely<Database> | Transaction<Database>;
type Slot = { arg: number } | { constant: unknown };

export function precompiled<Args extends unknown[], Row>(
  build: (db: Db, ...args: Args) => Compilable<Row>,
): (db: Db, ...args: Args) => Promise<Row[]> {
  let compiled: { sql: string; slots: Slot[] } | null = null;
  return async (db, ...args) => {
    if (compiled === null) {
      const placeholders = args.map((_, i) => `\u0000precompiled-argument-${i}\u0000`);
      const query = build(db, ...(placeholders as Args)).compile();
      const slots: Slot[] = query.parameters.map((p) => {
        const arg = typeof p === 'string' ? placeholders.indexOf(p) : -1;
        return arg === -1 ? { constant: p } : { arg };
      });
      for (let i = 0; i < args.length; i++) {
        if (!slots.some((s) => 'arg' in s && s.arg === i)) {
          throw new Error(`precompiled: argument ${i} is not a bound parameter of ${query.sql}`);
        }
      }
      compiled = { sql: query.sql, slots };
    }
    const parameters = compiled.slots.map((s) => ('arg' in s ? args[s.arg] : s.constant));
    const { rows } = await db.executeQuery<Row>(CompiledQuery.raw(compiled.sql, parameters));
    return rows;
  };
}

/** Shapes kept per query. Beyond it (a key that carries values?) a shape is compiled for its call only, not kept. */
export const MAX_PRECOMPILED_SHAPES = 64;

/**
 * `precompiled`, once per SHAPE, for a query whose SQL text depends on a few discrete facts of its arguments — the
 * length of an `in` list, whether an optional filter is given. `shape` names those facts (e.g. `'1:programme'`) and
 * must never contain a value; `build(shape)` returns the builder for that shape, whose arguments are all bound values
 * (an `in` list is passed as one argument per element). Each shape is compiled once, at its first call; the map is
 * bounded by `MAX_PRECOMPILED_SHAPES` (a further shape is then compiled on every call, as an unprepared query is).
 */
export function precompiledPerShape<Args extends unknown[], Row>(
  build: (shape: string) => (db: Db, ...args: Args) => Compilable<Row>,
): (shape: string, db: Db, ...args: Args) => Promise<Row[]> {
  const shapes = new Map<string, (db: Db, ...args: Args) => Promise<Row[]>>();
  return (shape, db, ...args) => {
    let run = shapes.get(shape);
    if (run === undefined) {
      run = precompiled(build(shape));
      if (shapes.size < MAX_PRECOMPILED_SHAPES) shapes.set(shape, run);
    }
    return run(db, ...args);
  };
}
