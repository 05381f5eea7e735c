/**
 * Browser-facing protections applied to every request (reliability-security.md §4):
 * - CSRF (ASVS 3.5.1–3.5.3): state-changing requests must be non-CORS-safelisted (JSON or, for uploads, multipart
 *   under /api), carry the custom header `x-fund-request: 1` (which a cross-site form cannot set), and come from our
 *   own origin. tRPC queries are GET and side-effect free.
 * - Security headers (ASVS 3.4.x): one onSend hook, so errors, 404s and static files get them too.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Env } from '../env';

export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-fund-request';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'", // antd (cssinjs) injects <style> elements at run time
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

export function pathOf(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]!.trim().toLowerCase();
}

function normaliseOrigin(value: string): string | null {
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

/** Why a state-changing request is refused, or null when it passes. Messages are for the server log. */
export function csrfProblem(req: FastifyRequest, env: Pick<Env, 'PUBLIC_ORIGIN'>): string | null {
  if (SAFE_METHODS.has(req.method)) return null;
  const path = pathOf(req.url);
  const type = mediaType(req.headers['content-type']);
  const allowed = path === '/trpc' || path.startsWith('/trpc/') ? ['application/json'] : ['application/json', 'multipart/form-data'];
  if (!allowed.includes(type)) return `content-type "${type}" not allowed`;
  if (req.headers[CSRF_HEADER] !== '1') return `missing ${CSRF_HEADER} header`;

  const origin = req.headers.origin;
  if (origin !== undefined) {
    const expected = env.PUBLIC_ORIGIN ?? normaliseOrigin(`${req.protocol}://${req.host}`);
    if (normaliseOrigin(origin) === null || normaliseOrigin(origin) !== expected) return `foreign origin "${origin}"`;
  }
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return `sec-fetch-site "${String(site)}"`;
  return null;
}

export function setSecurityHeaders(req: FastifyRequest, reply: FastifyReply, env: Pick<Env, 'PUBLIC_ORIGIN'>): void {
  reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'same-origin');
  reply.header('x-frame-options', 'DENY');
  reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()');
  reply.header('cross-origin-opener-policy', 'same-origin');
  reply.header('cross-origin-resource-policy', 'same-origin');
  if (env.PUBLIC_ORIGIN?.startsWith('https:')) {
    reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  }
  const path = pathOf(req.url);
  if (path.startsWith('/trpc') || path.startsWith('/api/') || path === '/healthz') {
    reply.header('cache-control', 'no-store');
  }
}
