/**
 * One HTTP process on one origin (docs/decisions/001-http-adapter.md): tRPC at /trpc, uploads under /api, the portal
 * at / and the admin console at /admin/. CSRF checks and security headers are global hooks.
 */
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import type { AnyTRPCRouter } from '@trpc/server';
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { join } from 'node:path';
import type { Clock } from './clock';
import { createContextFactory, noSessionResolver, type SessionResolver } from './context';
import { createPii } from './crypto/pii';
import type { Database } from './db/schema';
import { REPO_ROOT, type Env } from './env';
import { csrfProblem, pathOf, setSecurityHeaders } from './http/security';
import { isBuilt, looksLikePage, sendIndex, type SpaApp } from './http/spa';
import { registerDocumentRoutes } from './modules/funding/documents.routes';
import type { OutboundTransport } from './notify/outbound';
import { appRouter } from './router';

export interface BuildServerOptions {
  env: Env;
  db: Kysely<Database>;
  clock: Clock;
  /** The auth module's resolver (wired in src/app.ts). Without one, nobody is signed in. */
  sessionResolver?: SessionResolver;
  /** false: no logging (tests). Default: pino at env.LOG_LEVEL to stdout. */
  logger?: boolean;
  /** Where log lines go instead of stdout (tests grep them for personal data). */
  logStream?: { write(line: string): void };
  /** The router to serve (default `appRouter`); tests mount extra procedures to exercise the error pipeline. */
  router?: AnyTRPCRouter;
  /** Outbound SMS/e-mail transport instead of the one NOTIFY_TRANSPORT selects (tests: a failing one). */
  outbound?: OutboundTransport;
  /** Overrides for the built apps (tests). Default: apps/portal/dist and apps/admin/dist. */
  portalDist?: string;
  adminDist?: string;
}

/** Never logged: cookies, credentials, and personal data that might appear in a logged object. */
export const LOG_REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  'headers.cookie',
  'headers.authorization',
  'cookie',
  'password',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.temporaryPassword',
  '*.totp',
  '*.totpSecret',
  '*.token',
  '*.idNumber',
  '*.mobile',
  '*.contactMobile',
  '*.bankAccount',
];

/**
 * The request as logged: the PATH without the query string. tRPC queries carry their input in `?input=…`, and a
 * staff search by mobile or ID number (`enterprises.list?input={"q":"139…"}`) would otherwise put personal data
 * into every log line (found by src/proof/personal-data.test.ts).
 */
export function serializeRequest(req: FastifyRequest): Record<string, unknown> {
  return {
    method: req.method,
    url: pathOf(req.url),
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}

export function buildServer(options: BuildServerOptions): FastifyInstance {
  const { env, db, clock } = options;
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: env.LOG_LEVEL,
            redact: { paths: LOG_REDACT_PATHS, censor: '[已隐藏]' },
            serializers: { req: serializeRequest },
            ...(options.logStream ? { stream: options.logStream } : {}),
          },
    // Batched tRPC paths (`a.b,c.d,…`) are one route parameter; Fastify's default limit of 100 would 404 them.
    routerOptions: { maxParamLength: 5000 },
    // No proxy in front by default: `req.ip` is the socket address. Revisit (trustProxy) behind a reverse proxy.
    trustProxy: false,
  });

  app.addHook('onRequest', async (req, reply) => {
    const problem = csrfProblem(req, env);
    if (problem === null) return;
    req.log.warn({ csrf: problem, method: req.method, url: pathOf(req.url) }, 'refused a request that failed the CSRF checks');
    return reply
      .code(403)
      .type('application/json; charset=utf-8')
      .send({ error: { code: 'CSRF.REFUSED', message: '请求被拒绝：来源校验未通过，请刷新页面后重试' } });
  });

  app.addHook('onSend', async (req, reply, payload) => {
    setSecurityHeaders(req, reply, env);
    return payload;
  });

  void app.register(fastifyCookie);

  const createContext = createContextFactory({
    db,
    env,
    clock,
    pii: createPii(env.DATA_KEY),
    sessionResolver: options.sessionResolver ?? noSessionResolver,
    ...(options.outbound ? { outbound: options.outbound } : {}),
  });
  void app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: options.router ?? appRouter,
      createContext,
      onError({ error, path, req }) {
        if (error.code === 'INTERNAL_SERVER_ERROR') {
          req.log.error({ err: error.cause ?? error, path }, 'unhandled error in a tRPC procedure');
        }
      },
    },
  } satisfies FastifyTRPCPluginOptions<AnyTRPCRouter>);

  registerDocumentRoutes(app, { db, env, clock, sessionResolver: options.sessionResolver ?? noSessionResolver });

  app.get('/healthz', async () => {
    await sql`select 1`.execute(db);
    return { ok: true, now: clock.now().toISOString() };
  });

  const portal: SpaApp = { name: 'portal', label: '企业服务门户', dir: options.portalDist ?? join(REPO_ROOT, 'apps/portal/dist'), base: '/' };
  const admin: SpaApp = { name: 'admin', label: '管理后台', dir: options.adminDist ?? join(REPO_ROOT, 'apps/admin/dist'), base: '/admin/' };

  let decorated = false;
  for (const spa of [portal, admin]) {
    if (!isBuilt(spa)) continue;
    void app.register(fastifyStatic, {
      root: spa.dir,
      prefix: spa.base,
      index: false, // index.html is served by the SPA fallback below, uncached
      decorateReply: !decorated,
      wildcard: true,
      preCompressed: true, // .br/.gz written at build time (apps/portal/vite.config.ts), sent when accepted
    });
    decorated = true;
  }

  app.get('/admin', (_req, reply) => reply.redirect('/admin/'));
  app.get('/', (_req, reply) => sendIndex(portal, reply));
  app.get('/admin/', (_req, reply) => sendIndex(admin, reply));

  app.setNotFoundHandler(async (req, reply) => {
    const path = pathOf(req.url);
    const api = path === '/trpc' || path.startsWith('/trpc/') || path.startsWith('/api/') || path === '/healthz';
    if ((req.method === 'GET' || req.method === 'HEAD') && !api && looksLikePage(path)) {
      return sendIndex(path.startsWith('/admin/') ? admin : portal, reply);
    }
    return reply.code(404).type('application/json; charset=utf-8').send({ error: { code: 'NOT_FOUND', message: '未找到请求的内容' } });
  });

  return app;
}
