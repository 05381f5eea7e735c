/**
 * ASVS 8.2.1–8.2.3 (function- and object-level authorization), reliability-security.md §6 R7: every procedure of
 * the app router × every role (and anonymous), called over HTTP with a valid-shaped input that points at ANOTHER
 * enterprise's / centre's / mentor's object. Expected: UNAUTHORIZED (anonymous), FORBIDDEN (the permission table of
 * @fund/domain says no), NOT_FOUND (permitted, but the object is not theirs), or allowed (anything else — but never
 * an input-validation error, which would mean the sample input is wrong, and never a 500).
 */
import { can } from '@fund/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '../router';
import { listProcedures, PROCEDURE_SPECS, specOf, type Outcome, type ProcedureSpec } from './procedure-samples';
import { ACTORS, buildWorld, rawSession, rawSignedIn, type Actor, type RawSession, type World } from './world';

const DENY_CODES = new Set(['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND']);

export function expectedOutcome(spec: ProcedureSpec, actor: Actor): Outcome {
  const explicit = spec.expect?.[actor];
  if (explicit) return explicit;
  if (spec.access === 'public') return 'allow';
  if (actor === 'anonymous') return 'UNAUTHORIZED';
  if (spec.access === 'authed') return 'allow';
  if (!can([actor], spec.access.action)) return 'FORBIDDEN';
  if (spec.notOwner?.includes(actor)) return 'NOT_FOUND';
  return 'allow';
}

const procedures = listProcedures(appRouter);

describe('the procedure table covers the router', () => {
  it('has a spec for every procedure (a new procedure must be added to procedure-samples.ts)', () => {
    const missing = procedures.filter((p) => !(p.path in PROCEDURE_SPECS)).map((p) => p.path);
    if (missing.length > 0) specOf(missing[0]!); // throws the message that tells the developer what to add
    expect(missing).toEqual([]);
  });

  it('has no spec for a procedure that no longer exists, and a sample input exactly where one is needed', () => {
    const paths = new Set(procedures.map((p) => p.path));
    expect(Object.keys(PROCEDURE_SPECS).filter((p) => !paths.has(p))).toEqual([]);
    const wrong = procedures.filter((p) => p.hasInput !== (PROCEDURE_SPECS[p.path]?.input !== undefined)).map((p) => p.path);
    expect(wrong).toEqual([]);
  });
});

describe('authorization matrix: every procedure × every role × someone else’s object', () => {
  let world: World;
  const sessions = new Map<Actor, RawSession>();

  beforeAll(async () => {
    world = await buildWorld();
    for (const actor of ACTORS) {
      sessions.set(actor, actor === 'anonymous' ? rawSession(world.server) : await rawSignedIn(world.server, world.accounts[actor]));
    }
  }, 60_000);
  afterAll(async () => {
    await world?.server.close();
  });

  it('gives each role exactly the access the permission table and the ownership rules give it', async () => {
    const mismatches: string[] = [];
    let calls = 0;
    for (const p of procedures) {
      const spec = specOf(p.path);
      if (p.type === 'subscription') {
        mismatches.push(`${p.path}: subscriptions are not covered by the matrix yet`);
        continue;
      }
      for (const actor of ACTORS) {
        const session =
          spec.session === 'fresh'
            ? actor === 'anonymous'
              ? rawSession(world.server)
              : await rawSignedIn(world.server, world.accounts[actor])
            : sessions.get(actor)!;
        const r = await session.call(p.path, p.type, spec.input?.(world.ids));
        calls += 1;
        const want = expectedOutcome(spec, actor);
        let got: string;
        if (r.status >= 500 || r.code === 'INTERNAL_SERVER_ERROR') got = `500 ${r.body.slice(0, 200)}`;
        else if (r.code !== null && DENY_CODES.has(r.code)) got = r.code;
        else if (r.domainCode === 'INPUT.INVALID') got = `INVALID SAMPLE INPUT ${r.body.slice(0, 300)}`;
        else got = 'allow';
        if (got !== want) {
          mismatches.push(
            `${p.path} as ${actor}: expected ${want}, got ${got}${got === 'allow' && r.code ? ` (${r.code} ${r.domainCode ?? ''})` : ''}${spec.note ? ` — ${spec.note}` : ''}`,
          );
        }
      }
    }
    expect(calls).toBeGreaterThanOrEqual(procedures.length * ACTORS.length);
    expect(mismatches, mismatches.join('\n')).toEqual([]);
  }, 60_000);

  it('did not let the matrix sign anybody out, or sign anybody in as somebody else', async () => {
    for (const actor of ACTORS) {
      if (actor === 'anonymous') continue;
      const me = await sessions.get(actor)!.call('auth.me', 'query', undefined);
      expect(JSON.stringify(me.json?.result?.data)).toContain(world.accounts[actor].username);
    }
  });
});
