/**
 * API test harness: the REAL server (routes, hooks, router) on a fresh, migrated SQLite FILE in a temp directory,
 * listening on 127.0.0.1:0, with FUND_TEST_MODE=1 (a TestClock) and the fast password-hash profile.
 * Tests talk HTTP through `client()` (a tRPC client with its own cookie jar) — never mock queries.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createTRPCClient, httpBatchLink, httpLink, type TRPCClient } from '@trpc/client';
import type BetterSqlite3 from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { AnyTRPCRouter } from '@trpc/server';
import { createAppServer, type AppServerOptions } from '../app';
import type { SessionResolver } from '../context';
import { buildServer } from '../server';
import { TestClock, createClock } from '../clock';
import { createPii, type Pii } from '../crypto/pii';
import { openDatabase } from '../db/connection';
import { migrateToLatest } from '../db/migrations';
import type { Database } from '../db/schema';
import { parseEnv, type Env } from '../env';
import type { OutboundTransport } from '../notify/outbound';
import type { AppRouter } from '../router';

/** A minimal cookie jar: remembers Set-Cookie values and sends them back (paths/domains ignored: one origin). */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  /** Puts a cookie in the jar as if the server had set it. */
  set(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  names(): string[] {
    return [...this.cookies.keys()];
  }

  header(): string | undefined {
    if (this.cookies.size === 0) return undefined;
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  store(setCookies: string[]): void {
    for (const line of setCookies) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair!.indexOf('=');
      if (eq <= 0) continue;
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attrs.some((a) => {
        const [k, v = ''] = a.trim().split('=');
        const key = k!.toLowerCase();
        if (key === 'max-age') return Number(v) <= 0;
        if (key === 'expires') return Date.parse(v) <= Date.now();
        return false;
      });
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  clear(): void {
    this.cookies.clear();
  }
}

export type TestFetch = (url: string | URL, init?: RequestInit) => Promise<Response>;

/** `fetch` that sends the jar's cookies and stores the ones it gets back. */
export function jarFetch(jar: CookieJar): TestFetch {
  return async (url, init = {}) => {
    const headers = new Headers(init.headers);
    const cookie = jar.header();
    if (cookie && !headers.has('cookie')) headers.set('cookie', cookie);
    const res = await fetch(url, { ...init, headers });
    jar.store(res.headers.getSetCookie());
    return res;
  };
}

export interface ClientOptions {
  /** Share or inspect a jar; default: a new one (a new browser). */
  jar?: CookieJar;
  /** Batch requests like the apps do (default true). */
  batch?: boolean;
}

export interface TestServer {
  /** http://127.0.0.1:<port> */
  url: string;
  env: Env;
  db: Kysely<Database>;
  sqlite: BetterSqlite3.Database;
  clock: TestClock;
  pii: Pii;
  app: FastifyInstance;
  /** A tRPC client behaving like a browser tab of our apps: own cookie jar, `x-fund-request: 1` on every call. */
  client(options?: ClientOptions): TRPCClient<AppRouter>;
  /** Raw HTTP with a cookie jar (for CSRF, headers, static files). No headers are added. */
  fetch(path: string, init?: RequestInit, jar?: CookieJar): Promise<Response>;
  close(): Promise<void>;
}

export interface StartTestServerOptions {
  /** Extra environment variables (strings, as in process.env). */
  env?: Record<string, string | undefined>;
  portalDist?: string;
  adminDist?: string;
  /** Serve another router (tests of the tRPC pipeline mount extra procedures next to the app's). */
  router?: AnyTRPCRouter;
  /**
   * Replace the app's session resolver — ONLY for tests of the core middleware (authed/withPermission) that must not
   * depend on the auth module. Module tests sign in through the real `auth.signIn`.
   */
  sessionResolver?: SessionResolver;
  /** Capture server logs (default: logging off). */
  logStream?: { write(line: string): void };
  /** Replace the outbound SMS/e-mail transport (default: NOTIFY_TRANSPORT=log). */
  outbound?: OutboundTransport;
}

export async function startTestServer(options: StartTestServerOptions = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'fund-api-test-'));
  const env = parseEnv({
    NODE_ENV: 'test',
    DATA_DIR: dir,
    FUND_TEST_MODE: '1',
    PASSWORD_HASH_PROFILE: 'fast',
    DATA_KEY: randomBytes(32).toString('hex'),
    AUDIT_ANCHOR_KEY: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'info',
    ...options.env,
  });
  const { db, sqlite } = openDatabase(env.DATABASE_PATH);
  await migrateToLatest(db);
  const clock = createClock(env);
  if (!(clock instanceof TestClock)) throw new Error('harness expects FUND_TEST_MODE=1');

  const serverOptions: AppServerOptions = {
    env,
    db,
    clock,
    logger: options.logStream !== undefined,
    ...(options.logStream ? { logStream: options.logStream } : {}),
    ...(options.router ? { router: options.router } : {}),
    ...(options.outbound ? { outbound: options.outbound } : {}),
    ...(options.portalDist ? { portalDist: options.portalDist } : {}),
    ...(options.adminDist ? { adminDist: options.adminDist } : {}),
  };
  const app = options.sessionResolver
    ? buildServer({ ...serverOptions, sessionResolver: options.sessionResolver })
    : createAppServer(serverOptions);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    env,
    db,
    sqlite,
    clock,
    pii: createPii(env.DATA_KEY),
    app,
    client({ jar = new CookieJar(), batch = true } = {}) {
      const linkOptions = { url: `${url}/trpc`, fetch: jarFetch(jar), headers: { 'x-fund-request': '1' } };
      return createTRPCClient<AppRouter>({ links: [batch ? httpBatchLink(linkOptions) : httpLink(linkOptions)] });
    },
    fetch(path, init, jar = new CookieJar()) {
      return jarFetch(jar)(`${url}${path}`, init);
    },
    async close() {
      await app.close();
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
