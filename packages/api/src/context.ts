// Brings @fastify/cookie's `req.cookies` / `reply.setCookie` typings into every program that reaches the router
// type (the apps type-check this file through `import type { AppRouter }`).
import type {} from '@fastify/cookie';
import type { Role } from '@fund/domain';
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { CreateFastifyContextOptions } from '@trpc/server/adapters/fastify';
import type { Clock } from './clock';
import type { Pii } from './crypto/pii';
import type { Database } from './db/schema';
import type { Env } from './env';
import { selectTransport, type OutboundTransport } from './notify/outbound';

/** The signed-in user as every procedure sees it. Shaped like the contract's `Me`, so `auth.me` can return it. */
export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  enterpriseId: number | null;
  founderId: number | null;
  mustChangePassword: boolean;
  /**
   * The account's roles require a second factor (SECOND_FACTOR_ROLES) and none is set up yet: until it is, the
   * session may only set one up (trpc.ts `authedProcedure`), like a password that must be changed.
   */
  mustEnrolSecondFactor: boolean;
}

export interface ResolvedSession {
  user: SessionUser;
  /** Opaque id of the session row (e.g. the SHA-256 of the cookie token), for sign-out and rotation. */
  sessionId: string;
}

/**
 * Provided by the auth module and registered when the server is built (src/app.ts). Reads the session cookie from
 * `req.cookies`, checks idle/absolute expiry against `now` (the request clock), returns null when not signed in.
 */
export interface SessionResolver {
  resolve(req: FastifyRequest, now: Date): Promise<ResolvedSession | null> | ResolvedSession | null;
}

export const noSessionResolver: SessionResolver = { resolve: () => null };

export interface Context {
  db: Kysely<Database>;
  env: Env;
  clock: Clock;
  /** The request's instant, read once from `clock` when the request starts. Use it, not `new Date()`. */
  now: Date;
  pii: Pii;
  user: SessionUser | null;
  sessionId: string | null;
  ip: string | null;
  userAgent: string | null;
  /** Fastify request (cookies: `req.cookies`). */
  req: FastifyRequest;
  /** Fastify reply (cookies: `res.setCookie(...)`, `res.clearCookie(...)`). */
  res: FastifyReply;
  log: FastifyBaseLogger;
  /** Outbound SMS/e-mail (NOTIFY_TRANSPORT); used by `inTransaction` after the commit (ADR 012). */
  outbound: OutboundTransport;
}

export interface ContextDeps {
  db: Kysely<Database>;
  env: Env;
  clock: Clock;
  pii: Pii;
  sessionResolver: SessionResolver;
  /** Overrides the transport chosen by NOTIFY_TRANSPORT (tests: a failing transport). */
  outbound?: OutboundTransport;
}

export function createContextFactory(deps: ContextDeps) {
  return async function createContext({ req, res }: CreateFastifyContextOptions): Promise<Context> {
    const now = deps.clock.now();
    const session = await deps.sessionResolver.resolve(req, now);
    const ua = req.headers['user-agent'];
    return {
      db: deps.db,
      env: deps.env,
      clock: deps.clock,
      now,
      pii: deps.pii,
      user: session?.user ?? null,
      sessionId: session?.sessionId ?? null,
      ip: req.ip || null,
      userAgent: typeof ua === 'string' ? ua.slice(0, 512) : null,
      req,
      res,
      log: req.log,
      outbound: deps.outbound ?? selectTransport(deps.env.NOTIFY_TRANSPORT, req.log),
    };
  };
}
