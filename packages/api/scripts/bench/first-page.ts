/**
 * "The JavaScript a new visitor downloads before seeing the page" (issue "Proof…", target ≤ 350 KB gzip):
 * - measured: headless Chromium (playwright from the tests package, /usr/bin/chromium) opens `/` on the running
 *   product server with an empty cache; every JS response received until the home page's heading is visible is
 *   counted, gzip level 9 of its bytes (what a gzip-serving server sends) and the bytes actually transferred;
 * - fallback without a browser: the entry script and its modulepreload links from dist/index.html, plus the chunks
 *   Vite's `__vite__mapDeps` lists for the HomePage import (static analysis of the same build).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

export interface FirstPage {
  method: 'chromium' | 'static';
  /** Sum of gzip -9 sizes of the JS files, in KB (1024 bytes). */
  gzipKb: number;
  /** Bytes on the wire as served (Content-Encoding honoured), KB; null for the static method. */
  transferredKb: number | null;
  files: { name: string; gzipBytes: number; transferredBytes: number | null }[];
  note?: string;
}

const gz = (b: Buffer) => gzipSync(b, { level: 9 }).length;
const kb = (n: number) => Math.round((n / 1024) * 10) / 10;
const CHROMIUM = '/usr/bin/chromium';

export function staticFirstPage(dist: string): FirstPage {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const names = new Set<string>();
  for (const m of html.matchAll(/<script[^>]+src="\/?([^"]+\.js)"/g)) names.add(m[1]!);
  for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/?([^"]+\.js)"/g)) names.add(m[1]!);
  const entry = [...names][0];
  if (entry) {
    const code = readFileSync(join(dist, entry), 'utf8');
    const deps =
      /m\.f=\[([^\]]*)\]/
        .exec(code)?.[1]
        ?.split(',')
        .map((s) => s.trim().replace(/^["'`]|["'`]$/g, '')) ?? [];
    const home =
      /import\(`?["'`]?\.\/(HomePage-[^"'`)]+\.js)["'`]?\)\s*,\s*__vite__mapDeps\(\[([\d,]+)\]\)/.exec(code);
    if (home) {
      for (const i of home[2]!.split(',')) {
        const dep = deps[Number(i)];
        if (dep) names.add(dep);
      }
    } else {
      for (const f of readdirSync(join(dist, 'assets')))
        if (/^HomePage-.*\.js$/.test(f)) names.add(`assets/${f}`);
    }
  }
  const files = [...names].map((name) => ({
    name,
    gzipBytes: gz(readFileSync(join(dist, name))),
    transferredBytes: null,
  }));
  return {
    method: 'static',
    gzipKb: kb(files.reduce((s, f) => s + f.gzipBytes, 0)),
    transferredKb: null,
    files,
  };
}

interface PlaywrightLike {
  chromium: {
    launch(o: object): Promise<{
      newContext(): Promise<{ newPage(): Promise<PageLike> }>;
      close(): Promise<void>;
    }>;
  };
}
interface ResponseLike {
  url(): string;
  headers(): Record<string, string>;
  body(): Promise<Buffer>;
  request(): { sizes(): Promise<{ responseBodySize: number }> };
}
interface PageLike {
  on(event: 'response', f: (r: ResponseLike) => void): void;
  goto(url: string, o?: object): Promise<unknown>;
  locator(s: string): { first(): { waitFor(o: object): Promise<void> } };
}

async function loadPlaywright(repoRoot: string): Promise<PlaywrightLike | null> {
  try {
    const req = createRequire(join(repoRoot, 'tests/package.json'));
    const mod = (await import(
      pathToFileURL(req.resolve('@playwright/test')).href
    )) as Partial<PlaywrightLike> & { default?: PlaywrightLike };
    return mod.chromium ? (mod as PlaywrightLike) : (mod.default ?? null);
  } catch {
    return null;
  }
}

export async function measureFirstPage(
  baseUrl: string,
  dist: string,
  repoRoot: string,
  timeoutMs = 30_000,
): Promise<FirstPage> {
  const pw = await loadPlaywright(repoRoot);
  if (!pw || !existsSync(CHROMIUM))
    return { ...staticFirstPage(dist), note: 'no Chromium/playwright: static analysis of dist' };
  const browser = await pw.chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await (await browser.newContext()).newPage();
    const pending: Promise<FirstPage['files'][number] | null>[] = [];
    let seen = false;
    page.on('response', (r) => {
      if (seen) return;
      const type = r.headers()['content-type'] ?? '';
      if (!/javascript/.test(type) && !/\.m?js(\?|$)/.test(r.url())) return;
      pending.push(
        (async () => {
          const body = await r.body();
          const sizes = await r
            .request()
            .sizes()
            .catch(() => ({ responseBodySize: body.length }));
          return {
            name: new URL(r.url()).pathname.replace(/^\//, ''),
            gzipBytes: gz(body),
            transferredBytes: sizes.responseBodySize,
          };
        })().catch(() => null),
      );
    });
    await page.goto(`${baseUrl}/`, { waitUntil: 'commit', timeout: timeoutMs });
    // The home page's first heading (the banner title); everything fetched up to here was needed to show it.
    await page.locator('main h2, h2').first().waitFor({ state: 'visible', timeout: timeoutMs });
    seen = true;
    const files = (await Promise.all(pending)).filter((f): f is NonNullable<typeof f> => f !== null);
    return {
      method: 'chromium',
      gzipKb: kb(files.reduce((s, f) => s + f.gzipBytes, 0)),
      transferredKb: kb(files.reduce((s, f) => s + (f.transferredBytes ?? 0), 0)),
      files,
    };
  } finally {
    await browser.close();
  }
}
