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
