/**
 * The two browser apps, served by the API process on one origin (ADR 001): the portal at `/`, the admin console at
 * `/admin/` (built with Vite `base: '/admin/'`). Unknown page paths fall back to the app's index.html (client-side
 * routing); a missing build gives a clear page instead of a bare 404.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyReply } from 'fastify';

export interface SpaApp {
  name: string;
  label: string;
  dir: string;
  /** `/` or `/admin/` */
  base: string;
}

export function isBuilt(app: SpaApp): boolean {
  return existsSync(join(app.dir, 'index.html'));
}

/** A page path is one whose last segment has no file extension (`/apply/3`, not `/assets/x.js`). */
export function looksLikePage(path: string): boolean {
  const last = path.slice(path.lastIndexOf('/') + 1);
  return !/\.[A-Za-z0-9]+$/.test(last);
}

export async function sendIndex(app: SpaApp, reply: FastifyReply): Promise<FastifyReply> {
  if (!isBuilt(app)) return sendNotBuilt(app, reply);
  const html = await readFile(join(app.dir, 'index.html'));
  return reply.code(200).type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function sendNotBuilt(app: SpaApp, reply: FastifyReply): FastifyReply {
  const html = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(app.label)}尚未构建</title>
<style>body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#222}code{background:#f4f4f4;padding:.1rem .3rem}</style>
</head><body>
<h1>${escapeHtml(app.label)}尚未构建</h1>
<p>服务器正在运行，但还没有找到${escapeHtml(app.label)}的构建产物：<code>${escapeHtml(app.dir)}</code>。</p>
<p>请在仓库根目录运行 <code>pnpm build</code>（或 <code>pnpm start</code>，它会先构建再启动）。</p>
<p lang="en">The ${escapeHtml(app.name)} app has not been built yet. Run <code>pnpm build</code> in the repository root.</p>
</body></html>`;
  return reply.code(503).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
}
