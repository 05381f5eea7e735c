/**
 * Fuzzing every procedure's input over HTTP (reliability-security.md §4 and §6 R7): hostile values — wrong types,
 * nulls, 100 KB strings, RTL / emoji / zero-width / CJK text, SQL and HTML payloads, edge numbers, deep nesting,
 * prototype keys — derived from each procedure's valid sample input, sent as an admin and as anonymous.
 * Invariants: never a 5xx; a REFUSED call changes nothing in the database (row counts of every table and the last
 * audit sequence number are the same before and after), and a query (GET) never writes, accepted or not.
 *
 * FUZZ_RUNS (default 20) inputs per procedure as admin, and per public procedure as anonymous (3 for the others:
 * the auth check answers before the input is parsed); FUZZ_SEED replays a run (the seed is in the test's name).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '../router';
import type { TestServer } from '../test/harness';
import { hostileInputs } from './hostile';
import { listProcedures, specOf } from './procedure-samples';
import { buildWorld, rawSession, rawSignedIn, type RawSession, type World } from './world';

const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
const SEED = process.env.FUZZ_SEED === undefined ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED);

/**
 * Writes a refusal may legitimately make: attempts are counted in token buckets (sign-in, password change, public
 * registration and objections: ASVS 2.4.1 / 6.3.1), and failed sign-ins and password changes are audited (ASVS
 * 16.3.2). For these procedures the check compares row counts with those tables left out; for every other
 * procedure, SQLite's total_changes() on the server's one connection must not move at all (inserts, updates and
 * deletes alike).
 */
const COUNTED_ATTEMPTS: Record<string, readonly string[]> = {
  'auth.signIn': ['rate_limit_bucket', 'audit_event', 'audit_seq', 'app_user'],
  'auth.changePassword': ['rate_limit_bucket', 'audit_event', 'audit_seq', 'app_user'],
  'auth.totp.regenerateRecoveryCodes': ['rate_limit_bucket'],
  'registration.registerEnterprise': ['rate_limit_bucket'],
  'registration.registerFounder': ['rate_limit_bucket'],
  'registration.reportDispute': ['rate_limit_bucket'],
  'objections.lodge': ['rate_limit_bucket'],
};

/** Row counts of every table and the last audit sequence number. */
export function dbChecksum(server: TestServer): Record<string, number> {
  const tables = server.sqlite
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%' order by name")
    .all() as { name: string }[];
  const out: Record<string, number> = {};
  for (const { name } of tables) {
    out[name] = (server.sqlite.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n;
  }
  out.audit_seq = (server.sqlite.prepare('select coalesce(max(seq), 0) as n from audit_event').get() as { n: number }).n;
  return out;
}

/** Rows inserted, updated or deleted on the server's connection since it opened. */
export function totalChanges(server: TestServer): number {
  return (server.sqlite.prepare('select total_changes() as n').get() as { n: number }).n;
}

function changed(before: Record<string, number>, after: Record<string, number>, allowed: readonly string[]): string[] {
  return Object.keys(after).filter((k) => before[k] !== after[k] && !allowed.includes(k)).map((k) => `${k}: ${before[k]} → ${after[k]}`);
}

describe(`fuzzing every procedure's input (${RUNS} inputs per procedure and actor, seed ${SEED})`, () => {
  let world: World;
  let admin: RawSession;
  const anonymous = () => rawSession(world.server);

  beforeAll(async () => {
    world = await buildWorld();
    admin = await rawSignedIn(world.server, world.accounts.admin);
  }, 60_000);
  afterAll(async () => {
    await world?.server.close();
  });

  it('refuses a NUL character in any text with 400 and writes nothing (was a 500: SQLite length() stops at NUL)', async () => {
    const before = totalChanges(world.server);
    const r = await admin.call('programmes.create', 'mutation', {
      name: '\u0000nul',
      fiscalYear: 2026,
      opensOn: '2026-11-01',
      closesOn: '2026-12-31',
      parameters: { scheme: 'award-in-lieu-of-investment' },
    });
    expect(r).toMatchObject({ status: 400, code: 'BAD_REQUEST', domainCode: 'INPUT.INVALID' });
    expect(totalChanges(world.server)).toBe(before);
    const anon = await anonymous().call('registration.checkUscc', 'query', { uscc: 'a\u0000b' });
    expect(anon).toMatchObject({ status: 400, domainCode: 'INPUT.INVALID' });
  });

  it('never answers 5xx, never writes on a refusal, and never writes from a query', async () => {
    const failures: string[] = [];
    for (const p of listProcedures(appRouter)) {
      if (p.type === 'subscription') continue;
      const spec = specOf(p.path);
      const sample = spec.input?.(world.ids);
      for (const actor of ['admin', 'anonymous'] as const) {
        // signOut would end the admin's session: fuzz it anonymously only.
        if (actor === 'admin' && p.path === 'auth.signOut') continue;
        try {
          await fc.assert(
            fc.asyncProperty(hostileInputs(sample), async (input) => {
              const session = actor === 'admin' ? admin : anonymous();
              const counted = COUNTED_ATTEMPTS[p.path];
              const before = counted ? dbChecksum(world.server) : null;
              const changesBefore = totalChanges(world.server);
              const r = await session.call(p.path, p.type as 'query' | 'mutation', input);
              expect(r.status, `5xx from ${p.path}: ${r.body.slice(0, 300)}`).toBeLessThan(500);
              if (p.type === 'query') {
                // ASVS 3.5.3: queries are GET, so they must be free of side effects whatever the answer.
                expect(totalChanges(world.server) - changesBefore, `the query ${p.path} wrote to the database`).toBe(0);
              } else if (r.code !== null) {
                if (counted) {
                  const diff = changed(before!, dbChecksum(world.server), counted);
                  expect(diff, `${p.path} refused (${r.code}) but wrote: ${diff.join(', ')}`).toEqual([]);
                } else {
                  const writes = totalChanges(world.server) - changesBefore;
                  const diff = writes === 0 ? [] : changed(dbChecksum(world.server), dbChecksum(world.server), []);
                  expect(writes, `${p.path} refused (${r.code} ${r.domainCode ?? ''}) but wrote ${writes} row(s) ${diff.join(', ')}`).toBe(0);
                }
              }
            }),
            { numRuns: actor === 'anonymous' && spec.access !== 'public' ? Math.min(RUNS, 3) : RUNS, seed: SEED, endOnFailure: true },
          );
        } catch (e) {
          failures.push(`${p.path} as ${actor}: ${(e as Error).message.split('\n').filter((l) => /Counterexample|wrote|5xx|Error/.test(l)).slice(0, 6).join('\n')}`);
        }
        // A fuzzed call may legitimately end the admin's session (e.g. a valid password change): sign in again.
        if (actor === 'admin') {
          const me = await admin.call('auth.me', 'query', undefined);
          if (!JSON.stringify(me.json?.result?.data ?? null).includes('"admin"')) {
            admin = await rawSignedIn(world.server, world.accounts.admin);
          }
        }
      }
    }
    expect(failures, failures.join('\n\n')).toEqual([]);
  }, 150_000);
});
