/**
 * Uploads over HTTP (reliability-security.md §4; ASVS 5.2.x file handling): what modules/funding/documents.test.ts
 * (unit tests of sniffMime / sanitiseFileName) does not prove end to end —
 * - the type comes from the bytes: what the browser claims is ignored, both to refuse and to serve;
 * - the size limit holds at the byte (10 MB accepted, 10 MB + 1 refused with 413), an empty file is refused;
 * - hostile names (traversal, backslashes, NUL, control and bidi characters, 5,000 characters, emoji and CJK) never
 *   reach the file system: files are stored under their SHA-256 only, and the name is served back RFC 5987-encoded
 *   in `Content-Disposition: attachment`, with a safe Content-Type, nosniff and no-store;
 * - hostile ids in the download URL, someone else's document and no session are 404 / 401, never a 500.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, startAccountServer, type Client } from '../test/account-fixtures';
import type { CookieJar, TestServer } from '../test/harness';
import { MAX_DOCUMENT_BYTES } from '../modules/funding/documents.service';
import { enterpriseClient, FAKE_PDF, PDF_BYTES, PNG_BYTES, upload } from '../modules/funding/test/fixtures';

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p));
    else out.push(p);
  }
  return out;
}

const documentRows = (server: TestServer) =>
  (server.sqlite.prepare('select count(*) as n from enterprise_document').get() as { n: number }).n;

/** Distinct bytes per upload (a same-content upload would be a duplicate of the same enterprise). */
let counter = 0;
const pdf = () => Buffer.concat([PDF_BYTES, Buffer.from(`%${(counter += 1)}\n`)]);

describe('uploads', () => {
  let server: TestServer;
  let applicant: { client: Client; jar: CookieJar };
  let other: { client: Client; jar: CookieJar };
  beforeAll(async () => {
    server = await startAccountServer();
    applicant = await signedIn(server, 'applicant');
    other = await enterpriseClient(server);
  });
  afterAll(async () => {
    await server.close();
  });

  it.each([
    ['HTML claiming to be a PDF', FAKE_PDF, 'x.pdf', 'application/pdf'],
    ['SVG claiming to be a PNG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), 'x.png', 'image/png'],
    ['a PDF signature after a leading space', Buffer.from(' %PDF-1.4\n'), 'x.pdf', 'application/pdf'],
    ['an executable', Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), 'x.pdf', 'application/pdf'],
    ['an empty file', Buffer.alloc(0), 'x.pdf', 'application/pdf'],
  ])('refuses %s and stores nothing', async (_label, bytes, name, type) => {
    const before = documentRows(server);
    const res = await upload(server, applicant.jar, 'business-licence', bytes, name, type);
    expect(res.status).toBe(400);
    expect(documentRows(server)).toBe(before);
  });

  it('serves the type found in the bytes, whatever the browser claimed', async () => {
    const res = await upload(server, applicant.jar, 'business-licence', PNG_BYTES, 'photo.pdf', 'application/pdf');
    expect(res.status).toBe(201);
    const { id, mime } = (await res.json()) as { id: number; mime: string };
    expect(mime).toBe('image/png');
    const got = await server.fetch(`/api/documents/${id}`, {}, applicant.jar);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(got.headers.get('content-disposition')).toMatch(/^attachment; /);
  });

  it('accepts exactly 10 MB and refuses 10 MB + 1 byte with 413', async () => {
    const body = (n: number) => Buffer.concat([pdf(), Buffer.alloc(n - pdf().length, 0x20)]);
    expect((await upload(server, applicant.jar, 'business-licence', body(MAX_DOCUMENT_BYTES))).status).toBe(201);
    const before = documentRows(server);
    const res = await upload(server, applicant.jar, 'business-licence', body(MAX_DOCUMENT_BYTES + 1));
    expect(res.status).toBe(413);
    expect(documentRows(server)).toBe(before);
  });

  it('refuses a second file and hostile kinds without a 500', async () => {
    const form = new FormData();
    form.append('kind', 'business-licence');
    form.append('file', new Blob([new Uint8Array(pdf())], { type: 'application/pdf' }), 'a.pdf');
    form.append('file', new Blob([new Uint8Array(pdf())], { type: 'application/pdf' }), 'b.pdf');
    const two = await server.fetch('/api/documents', { method: 'POST', body: form, headers: { 'x-fund-request': '1' } }, applicant.jar);
    expect(two.status).toBeLessThan(500);
    for (const kind of ['../../etc', 'A', '', 'x'.repeat(41), "kind' OR 1=1", '营业执照']) {
      expect((await upload(server, applicant.jar, kind, pdf())).status, kind).toBe(400);
    }
  });

  const HOSTILE_NAMES: [string, (stored: string) => void][] = [
    ['../../etc/passwd', (s) => expect(s).toBe('passwd')],
    ['..\\..\\windows\\win.ini', (s) => expect(s).toBe('win.ini')],
    ['/absolute/path/licence.pdf', (s) => expect(s).toBe('licence.pdf')],
    ['a\u0000b.pdf', (s) => expect(s).not.toContain('\u0000')],
    ['line\r\nbreak".pdf', (s) => expect(s).not.toMatch(/[\r\n"]/)], // the browser percent-encodes these
    ['..', (s) => expect(s).toBe('document.pdf')],
    ['.htaccess', (s) => expect(s).toBe('document.pdf')],
    [`${'长'.repeat(5000)}.pdf`, (s) => expect([...s].length).toBeLessThanOrEqual(100)],
    [`${'a'.repeat(99)}😀.pdf`, (s) => expect(s).toBe(`${'a'.repeat(99)}😀`)], // 100 code points, emoji whole
    ['营业执照（2026）😀.pdf', (s) => expect(s).toBe('营业执照（2026）😀.pdf')],
    ['invoice\u202Efdp.exe', (s) => expect(s).toBe('invoicefdp.exe')],
    ['zero\u200Bwidth\u2066.pdf', (s) => expect(s).toBe('zero\u200Bwidth.pdf')],
  ];

  it.each(HOSTILE_NAMES)('keeps the hostile name %j out of the file system and serves it back safely', async (name, check) => {
    const res = await upload(server, applicant.jar, 'business-licence', pdf(), name);
    expect(res.status).toBe(201);
    const doc = (await res.json()) as { id: number; originalName: string; sha256: string };
    check(doc.originalName);
    expect([...doc.originalName].some((ch) => ch.charCodeAt(0) < 0x20 || '\\/"'.includes(ch))).toBe(false);

    // Only <UPLOAD_DIR>/<2 hex>/<sha256>: nothing named after the upload, nothing outside.
    for (const f of filesUnder(server.env.UPLOAD_DIR)) {
      expect(relative(server.env.UPLOAD_DIR, f)).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{64}$/);
    }

    const got = await server.fetch(`/api/documents/${doc.id}`, {}, applicant.jar);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('cache-control')).toBe('no-store');
    const disposition = got.headers.get('content-disposition')!;
    const m = /^attachment; filename="([\x20-\x7e]*)"; filename\*=UTF-8''([A-Za-z0-9%!'()*._~-]*)$/.exec(disposition);
    expect(m, disposition).not.toBeNull();
    expect(m![1]).not.toMatch(/["\\]/);
    expect(decodeURIComponent(m![2]!)).toBe(doc.originalName);
  });

  it.each(['abc', '-1', '0', '1e3', '0x1', '1.5', '99999999999999999999', '..%2F..%2Fetc%2Fpasswd', '%00', '1%20OR%201=1'])(
    'answers the download id %j with 404, never a file or a 500',
    async (id) => {
      const res = await server.fetch(`/api/documents/${id}`, {}, applicant.jar);
      expect([404]).toContain(res.status);
    },
  );

  it("answers someone else's document with 404 and no session with 401", async () => {
    const res = await upload(server, applicant.jar, 'business-licence', pdf(), 'mine.pdf');
    const { id } = (await res.json()) as { id: number };
    expect((await server.fetch(`/api/documents/${id}`, {}, other.jar)).status).toBe(404);
    const founder = await signedIn(server, 'founder');
    expect((await server.fetch(`/api/documents/${id}`, {}, founder.jar)).status).toBe(404);
    expect((await server.fetch(`/api/documents/${id}`)).status).toBe(401);
    expect((await upload(server, founder.jar, 'business-licence', pdf())).status).toBe(403);
  });
});
