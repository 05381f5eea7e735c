/**
 * Personal data (PIPL Art. 28/51, reliability-security.md §4 "mask everywhere by default … log every unmasked view …
 * never log these values", ASVS 16.2.5): with known ID numbers, mobiles and bank accounts seeded (founders, walk-in
 * teams, enterprise contacts, bank accounts, objections, USCC disputes), EVERY query procedure of the router, called
 * as admin / auditor / reviewer / finance / anonymous, and every xlsx export (parsed with exceljs, every cell) shows
 * only masked values. The one deliberate unmasked export (finance.exportBatch: the bank's payment file) writes a
 * `pii.unmask.export` audit event. Server logs and audit rows contain no ID-number or mobile pattern and none of the
 * seeded values.
 *
 * The seeded values are not a hand-kept list: every `*_enc` column of the database is decrypted, so a new encrypted
 * field is covered by itself.
 */
import { findUnmaskedPersonalData } from '@fund/domain';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '../router';
import { listProcedures, specOf } from './procedure-samples';
import { buildWorld, rawSession, rawSignedIn, WORLD_BANK_ACCOUNT, type RawSession, type World } from './world';

const DISPUTE_MOBILE = '13500003333';
const SEARCH_ID_NUMBER_PREFIX = '430602';

/** Every plaintext behind an `*_enc` column (ID numbers, mobiles, bank accounts…). */
function seededPlaintexts(world: World): string[] {
  const { sqlite, pii } = world.server;
  const out = new Set<string>();
  const tables = sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").all() as { name: string }[];
  for (const { name } of tables) {
    const cols = (sqlite.prepare(`pragma table_info("${name}")`).all() as { name: string }[]).map((c) => c.name).filter((c) => c.endsWith('_enc'));
    for (const col of cols) {
      for (const row of sqlite.prepare(`select "${col}" as v from "${name}" where "${col}" is not null`).all() as { v: string }[]) {
        out.add(pii.decryptField(row.v));
      }
    }
  }
  return [...out].filter((v) => v.length >= 8);
}

function leaks(text: string, seeded: readonly string[]): string[] {
  const digits = text.replace(/[\s-]/g, '');
  return [...findUnmaskedPersonalData(text), ...seeded.filter((v) => digits.includes(v.replace(/[\s-]/g, '')))];
}

async function xlsxText(base64: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as never);
  const cells: string[] = [];
  wb.eachSheet((ws) => {
    cells.push(ws.name);
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        cells.push(typeof cell.value === 'object' ? JSON.stringify(cell.value) : String(cell.value));
      });
    });
  });
  return cells.join('\n');
}

/** base64 payloads that look like an xlsx file (a zip: "UEsDB"), anywhere in a response. */
function xlsxPayloads(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string' && value.startsWith('UEsDB') && value.length > 100) out.push(value);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) xlsxPayloads(v, out);
  return out;
}

describe('personal data is masked in every list, export and public page, and never logged', () => {
  let world: World;
  const logs: string[] = [];
  let seeded: string[];

  beforeAll(async () => {
    world = await buildWorld({ logStream: { write: (l) => void logs.push(l) } });
    await world.server.client().registration.reportDispute.mutate({
      uscc: '91430602MA4L1A2B9Q',
      contactName: '王五',
      contactMobile: DISPUTE_MOBILE,
      description: '该统一社会信用代码被他人冒用注册，请核查。',
    });
    seeded = seededPlaintexts(world);
  }, 60_000);
  afterAll(async () => {
    await world?.server.close();
  });

  it('knows the seeded values it looks for (ID numbers, mobiles, bank accounts of every kind of record)', () => {
    expect(seeded).toEqual(expect.arrayContaining([...world.planted.idNumbers, ...world.planted.mobiles, WORLD_BANK_ACCOUNT, DISPUTE_MOBILE]));
    expect(seeded.filter((v) => /^\d{17}[\dX]$/.test(v)).length).toBeGreaterThanOrEqual(7); // founders + walk-in teams
  });

  it('shows only masked values in every query procedure, as every staff role and anonymous, xlsx exports included', async () => {
    const sessions: [string, RawSession][] = [['anonymous', rawSession(world.server)]];
    for (const role of ['admin', 'auditor', 'reviewer', 'finance', 'centre_manager', 'mentor'] as const) {
      sessions.push([role, await rawSignedIn(world.server, world.accounts[role])]);
    }
    const demoManager = await rawSignedIn(world.server, { username: 'manager', password: 'demo-pass-phrase-2026' });
    const demoApplicant = await rawSignedIn(world.server, { username: 'applicant', password: 'demo-pass-phrase-2026' });
    sessions.push(['manager of the demo centre', demoManager], ['demo applicant', demoApplicant]);

    // Besides each procedure's sample: the objects that hold the seeded data, and searches BY the personal data.
    const extraInputs: Record<string, unknown[]> = {
      'enterprises.get': [{ id: world.ids.enterpriseA }, { id: world.ids.enterpriseB }],
      'verification.ofEnterprise': [{ enterpriseId: world.ids.enterpriseA }],
      'cases.get': [{ caseId: world.ids.caseAward }],
      'enterprises.list': [{ q: '13973000001' }, { pageSize: 100 }],
      'founders.list': [{ q: SEARCH_ID_NUMBER_PREFIX }, { q: world.planted.mobiles[0] }, { pageSize: 100 }],
      'users.list': [{ pageSize: 100 }],
      'audit.list': [{ pageSize: 100 }],
      'objections.list': [{ pageSize: 100 }],
      'centres.allocations.list': [{ centreId: world.ids.centreA, pageSize: 100 }],
      'centres.kpis.export': [{ centreId: world.ids.centreA, from: '2026-01', to: '2026-12' }],
    };

    const found: string[] = [];
    let exports = 0;
    let calls = 0;
    for (const p of listProcedures(appRouter)) {
      if (p.type !== 'query') continue;
      const spec = specOf(p.path);
      const inputs = [spec.input?.(world.ids), ...(extraInputs[p.path] ?? [])];
      for (const [who, session] of sessions) {
        for (const input of inputs) {
          const r = await session.call(p.path, 'query', input);
          calls += 1;
          for (const l of leaks(r.body, seeded)) found.push(`${p.path} as ${who}: ${l}`);
          for (const b64 of xlsxPayloads(r.json?.result?.data)) {
            exports += 1;
            for (const l of leaks(await xlsxText(b64), seeded)) found.push(`${p.path} xlsx as ${who}: ${l}`);
          }
        }
      }
    }
    expect(calls).toBeGreaterThan(300);
    expect(exports).toBeGreaterThanOrEqual(3); // KPI export, mentoring contribution export, import templates
    expect(found, found.join('\n')).toEqual([]);
  }, 90_000);

  it('audits the one deliberate unmasked export (the bank payment file) and keeps the number out of the audit row', async () => {
    const finance = await rawSignedIn(world.server, world.accounts.finance);
    const before = world.server.sqlite.prepare("select count(*) as n from audit_event where action = 'pii.unmask.export'").get() as { n: number };
    const r = await finance.call('finance.exportBatch', 'mutation', { batchId: world.ids.batchId });
    expect(r.code).toBeNull();
    const file = r.json!.result!.data as { base64: string };
    expect(await xlsxText(file.base64)).toContain(WORLD_BANK_ACCOUNT); // unmasked on purpose: the bank needs it
    const rows = world.server.sqlite
      .prepare("select actor_id, summary, payload_json from audit_event where action = 'pii.unmask.export'")
      .all() as { actor_id: number; summary: string; payload_json: string }[];
    expect(rows.length).toBe(before.n + 1);
    expect(rows.at(-1)!.actor_id).toBeGreaterThan(0);
    expect(leaks(JSON.stringify(rows), seeded)).toEqual([]);
  });

  it('keeps ID numbers, mobiles and bank accounts out of the server log and the audit trail', () => {
    expect(logs.length).toBeGreaterThan(100);
    const inLogs = logs.flatMap((l) => leaks(l, seeded).map((x) => `${x} in ${l.slice(0, 300)}`));
    expect(inLogs, inLogs.slice(0, 5).join('\n')).toEqual([]);
    const audit = world.server.sqlite.prepare('select seq, action, summary, payload_json from audit_event').all() as {
      seq: number;
      action: string;
      summary: string;
      payload_json: string;
    }[];
    const inAudit = audit.flatMap((a) => leaks(`${a.summary} ${a.payload_json}`, seeded).map((x) => `#${a.seq} ${a.action}: ${x}`));
    expect(inAudit, inAudit.join('\n')).toEqual([]);
  });
});
