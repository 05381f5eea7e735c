/**
 * Built assets travel compressed (issue "Proof…", first page ≤ 350 KB gzip): the portal build writes `.br`/`.gz`
 * next to each asset (apps/portal/vite.config.ts) and the server sends the variant the browser accepts
 * (@fastify/static `preCompressed`), the plain file otherwise.
 */
import { request } from 'node:http';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test/harness';

const SOURCE = `export const greeting = '${'你好，岳阳！'.repeat(400)}';\n`;

function distWithCompressedAsset(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fund-precompressed-dist-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>portal</title><div id="root"></div>');
  const file = join(dir, 'assets', 'app.js');
  writeFileSync(file, SOURCE);
  writeFileSync(`${file}.gz`, gzipSync(SOURCE, { level: 9 }));
  writeFileSync(`${file}.br`, brotliCompressSync(SOURCE));
  return dir;
}

/** Raw HTTP GET (fetch would decode the body and hide what was on the wire). */
function get(
  url: string,
  headers: Record<string, string>,
): Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

describe('precompressed static assets', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ portalDist: distWithCompressedAsset() });
  });
  afterAll(async () => {
    await server.close();
  });

  it('sends the gzip file with Content-Encoding: gzip to a client that accepts gzip', async () => {
    const res = await get(`${server.url}/assets/app.js`, { 'accept-encoding': 'gzip' });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(gunzipSync(res.body).toString()).toBe(SOURCE);
  });

  it('prefers brotli when the client accepts it', async () => {
    const res = await get(`${server.url}/assets/app.js`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(res.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(res.body).toString()).toBe(SOURCE);
  });

  it('sends the plain file to a client that accepts no encoding', async () => {
    const res = await get(`${server.url}/assets/app.js`, { 'accept-encoding': 'identity' });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.toString()).toBe(SOURCE);
  });
});
