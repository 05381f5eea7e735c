/**
 * R6 at the CLI level (reliability-security.md §2 tests a–b and "why anchoring is required"): the operator's
 * `audit:verify` (src/cli/audit-verify.ts, spawned as a process against a temp data dir) accepts an intact anchored
 * log and exits 1 naming the problem for: one changed byte in the database FILE, a deleted tail, and a whole chain
 * rewritten with consistent hashes (only the anchor outside the DB can see the last two). The service-level
 * versions are in src/audit/audit.service.test.ts.
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashAuditRow, recordAudit, type AuditRowForHash } from '../audit/audit.service';
import { openDatabase } from '../db/connection';
import { migrateToLatest } from '../db/migrations';
import { spawnTs } from './child';

const DATA_KEY = randomBytes(32).toString('hex');
const ANCHOR_KEY = randomBytes(32).toString('hex');

async function verify(dataDir: string, ...args: string[]) {
  const child = spawnTs('src/cli/audit-verify.ts', args, {
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    DATABASE_PATH: join(dataDir, 'fund.db'),
    DATA_KEY,
    AUDIT_ANCHOR_KEY: ANCHOR_KEY,
  });
  const { code } = await child.exited;
  return { code, out: `${child.lines.join('\n')}\n${child.stderr()}` };
}

/** Opens the file as someone with write access to it would: triggers dropped, anything goes. */
function tamper(dataDir: string, fn: (db: BetterSqlite3.Database) => void) {
  const db = new BetterSqlite3(join(dataDir, 'fund.db'));
  try {
    for (const { name } of db
      .prepare("select name from sqlite_master where type = 'trigger' and tbl_name = 'audit_event'")
      .all() as { name: string }[])
      db.exec(`drop trigger "${name}"`);
    fn(db);
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

describe('audit:verify from the command line (R6)', () => {
  let base: string;
  const copies: string[] = [];

  function copyOfBase(): string {
    const d = mkdtempSync(join(tmpdir(), 'fund-proof-audit-'));
    copies.push(d);
    for (const f of ['fund.db', 'audit-anchor.json']) copyFileSync(join(base, f), join(d, f));
    return d;
  }

  beforeAll(async () => {
    base = mkdtempSync(join(tmpdir(), 'fund-proof-audit-base-'));
    mkdirSync(base, { recursive: true });
    const { db, sqlite } = openDatabase(join(base, 'fund.db'));
    await migrateToLatest(db);
    for (let i = 1; i <= 12; i += 1)
      await db.transaction().execute((trx) =>
        recordAudit(
          trx,
          { now: new Date(Date.UTC(2026, 10, 26, 2, i)) },
          {
            action: 'funding.case.disburse',
            objectType: 'funding_case',
            objectId: i,
            summary: `登记拨付 TAMPER-ME-${String(i).padStart(2, '0')}：¥300,000.00`,
          },
        ),
      );
    sqlite.pragma('journal_mode = DELETE'); // one self-contained file to flip a byte in
    await db.destroy();
    const anchored = await verify(base, '--anchor');
    expect(anchored.code, anchored.out).toBe(0);
    expect(anchored.out).toMatch(/anchor written/);
  }, 60_000);
  afterAll(() => {
    for (const d of [base, ...copies]) rmSync(d, { recursive: true, force: true });
  });

  it('accepts the intact, anchored log', async () => {
    const r = await verify(copyOfBase());
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/checked=\d+ anchoredSeq=\d+ firstBrokenSeq=-/);
  });

  it('exits 1 at the right seq when one byte of the database file is changed', async () => {
    const d = copyOfBase();
    const file = join(d, 'fund.db');
    const bytes = readFileSync(file);
    const at = bytes.indexOf(Buffer.from('TAMPER-ME-07'));
    expect(at).toBeGreaterThan(0);
    bytes[at + 'TAMPER-ME-0'.length] = '8'.charCodeAt(0); // "TAMPER-ME-07" → "TAMPER-ME-08"
    writeFileSync(file, bytes);
    const r = await verify(d);
    expect(r.code, r.out).toBe(1);
    const db = new BetterSqlite3(file, { readonly: true });
    const rows = db
      .prepare("select seq from audit_event where summary like '%TAMPER-ME-08%' order by seq")
      .all() as {
      seq: number;
    }[];
    db.close();
    expect(rows).toHaveLength(2); // the original 08 and the forged one
    expect(r.out).toContain(`at seq ${rows[0]!.seq}`);
  });

  it('exits 1 when the tail of the log is deleted (seen only through the anchor)', async () => {
    const d = copyOfBase();
    tamper(d, (db) => db.exec('delete from audit_event where seq > (select max(seq) - 3 from audit_event)'));
    const r = await verify(d);
    expect(r.code, r.out).toBe(1);
    expect(r.out).toMatch(/末尾的记录缺失/);
  });

  it('exits 1 when the whole chain is rewritten with consistent hashes', async () => {
    const d = copyOfBase();
    tamper(d, (db) => {
      const rows = db.prepare('select * from audit_event order by seq').all() as (AuditRowForHash & {
        hash: string;
      })[];
      let prev = '0'.repeat(64);
      const update = db.prepare('update audit_event set summary = ?, prev_hash = ?, hash = ? where seq = ?');
      for (const row of rows) {
        const summary = row.summary.replace('¥300,000.00', '¥30,000.00');
        const hash = hashAuditRow({ ...row, summary, prev_hash: prev });
        update.run(summary, prev, hash, row.seq);
        prev = hash;
      }
    });
    const r = await verify(d);
    expect(r.code, r.out).toBe(1);
    expect(r.out).toMatch(/整体改写/);
  });
});
