/**
 * Composition root shared by main.ts and the test harness: the one place where the modules' pieces (today: the
 * auth module's session resolver) are plugged into the generic server, so tests run exactly what production runs.
 */
import type { FastifyInstance } from 'fastify';
import type { SessionResolver } from './context';
import { createSessionResolver } from './modules/auth/auth.service';
import { buildServer, type BuildServerOptions } from './server';

export type AppServerOptions = Omit<BuildServerOptions, 'sessionResolver'>;

export function createAppServer(options: AppServerOptions): FastifyInstance {
  // ── auth module ──
  const sessionResolver: SessionResolver = createSessionResolver({ db: options.db, env: options.env });
  return buildServer({ ...options, sessionResolver });
}
