import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findUnmaskedPersonalData } from '@fund/domain';
import { fc, test as fcTest } from '@fast-check/vitest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../test/db';
import { exportAnchor, readAnchor, verifyWithAnchorFile } from './audit-anchor';
import { GENESIS_HASH, recordAudit, verifyAuditChain, type AuditInput } from './audit.service';

const actor = { now: new Date('2026-11-26T03:00:00Z'), ip: '10.0.0.8', user: { id: 7, displayName: '审核员甲' } };

async function append(t: TestDatabase, n: number, make: (i: number) => Partial<AuditInput> = () => ({})) {
  for (let i = 0; i < n; i++) {
    await t.db.transaction().execute((trx) =>
      recordAudit(trx, actor, {
        action: 'enterprise.verify',
        objectType: 'enterprise',
        objectId: i + 1,
        summary: `核验企业 #${i + 1}`,
        after: { verification: 'verified', n: i },
        ...make(i),
      }),
    );
  }
}

/** Simulates an attacker with raw database access: drops the append-only triggers first. */
function tamper(t: TestDatabase, sql: string, ...params: unknown[]) {
  t.sqlite.exec('DROP TRIGGER IF EXISTS audit_event_no_update; DROP TRIGGER IF EXISTS audit_event_no_delete;');
  t.sqlite.prepare(sql).run(...params);
}

describe('audit chain', () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await freshDatabase();
  });
  afterEach(async () => {
    await t.close();
  });

  it('verifies an empty log and a log after many appends, chained from the genesis hash', async () => {
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, checked: 0, firstBrokenSeq: null });
    await append(t, 25);
    const result = await verifyAuditChain(t.db, { batchSize: 7 });
    expect(result).toMatchObject({ ok: true, checked: 25, firstBrokenSeq: null });
    const first = await t.db.selectFrom('audit_event').selectAll().where('seq', '=', 1).executeTakeFirstOrThrow();
    expect(first.prev_hash).toBe(GENESIS_HASH);
    expect(first).toMatchObject({ actor_id: 7, actor_name: '审核员甲', ip: '10.0.0.8', at: '2026-11-26T03:00:00.000Z' });
  });

  it.each([
    ['at', "'2026-11-26T03:00:01.000Z'"],
    ['actor_id', '8'],
    ['actor_name', "'审核员乙'"],
    ['action', "'enterprise.verifx'"],
    ['object_type', "'enterprisf'"],
    ['object_id', "'99'"],
    ['summary', "'核验企业 #X'"],
    ['payload_json', `'{"after":{"n":1,"verification":"unverified"}}'`],
    ['ip', "'10.0.0.9'"],
    ['prev_hash', `'${'1'.repeat(64)}'`],
    ['hash', `'${'2'.repeat(64)}'`],
  ])('reports the seq of a row whose %s was changed', async (column, value) => {
    await append(t, 6);
    tamper(t, `UPDATE audit_event SET ${column} = ${value} WHERE seq = 4`);
    const result = await verifyAuditChain(t.db, { batchSize: 2 });
    expect(result.ok).toBe(false);
    expect(result.firstBrokenSeq).toBe(4);
    expect(result.message).toMatch(/第 4 条/);
  });

  it('reports a row deleted from the middle at the row that follows it', async () => {
    await append(t, 5);
    tamper(t, 'DELETE FROM audit_event WHERE seq = 2');
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, firstBrokenSeq: 3 });
  });

  it('refuses UPDATE and DELETE through SQL (append-only triggers)', async () => {
    await append(t, 2);
    expect(() => t.sqlite.prepare("UPDATE audit_event SET summary = 'x' WHERE seq = 1").run()).toThrow(/append-only/);
    expect(() => t.sqlite.prepare('DELETE FROM audit_event WHERE seq = 2').run()).toThrow(/append-only/);
    await expect(t.db.deleteFrom('audit_event').execute()).rejects.toThrow(/append-only/);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, checked: 2 });
  });

  it('keeps one unforked chain when many requests append at the same time', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.db.transaction().execute((trx) => recordAudit(trx, actor, { action: 'a', objectType: 'o', objectId: i, summary: `并发 ${i}` })),
      ),
    );
    const seqs = (await t.db.selectFrom('audit_event').select('seq').orderBy('seq').execute()).map((r) => r.seq);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, checked: 20 });
  });

  it('refuses to record outside a transaction', async () => {
    // @ts-expect-error — the type already demands a Transaction; the runtime guard catches casts.
    await expect(recordAudit(t.db, actor, { action: 'a', objectType: 'b', summary: 'c' })).rejects.toThrow(/transaction/);
  });

  it('rolls the audit event back with the business change it belongs to', async () => {
    await expect(
      t.db.transaction().execute(async (trx) => {
        await recordAudit(trx, actor, { action: 'user.create', objectType: 'user', objectId: 1, summary: '创建用户' });
        throw new Error('business rule failed after the audit write');
      }),
    ).rejects.toThrow();
    expect(await t.db.selectFrom('audit_event').select('seq').execute()).toEqual([]);
  });

  it('masks personal data and hides secrets in payloads', async () => {
    await t.db.transaction().execute((trx) =>
      recordAudit(trx, actor, {
        action: 'founder.register',
        objectType: 'founder',
        objectId: 3,
        summary: '个人创业者注册',
        before: null,
        after: {
          name: '张三',
          idNumber: '32010219900307123X',
          id_number: '110101199003071234',
          contactMobile: '13812345678',
          phone: '02588889999',
          bankAccount: '6222020200112233445',
          account_number: '6222020200112233446',
          password: 'correct horse battery staple',
          totpSecret: 'JBSWY3DPEHPK3PXP',
          secret: 's3cr3t',
          mustChangePassword: true,
          id_number_enc: 'v1:abc',
          idNumberBidx: 'deadbeef',
          mobileMasked: '138****5678',
          nested: [{ mobile: '13900001111' }],
        },
        details: { reason: '材料齐全' },
      }),
    );
    const row = await t.db.selectFrom('audit_event').select('payload_json').executeTakeFirstOrThrow();
    const payload = JSON.parse(row.payload_json) as { after: Record<string, unknown>; details: unknown };
    expect(payload.after).toEqual({
      name: '张三',
      idNumber: '320102********123X',
      id_number: '110101********1234',
      contactMobile: '138****5678',
      phone: '02*******99',
      bankAccount: '6222 **** **** 3445',
      account_number: '6222 **** **** 3446',
      password: '[已隐藏]',
      totpSecret: '[已隐藏]',
      secret: '[已隐藏]',
      mustChangePassword: true,
      mobileMasked: '138****5678',
      nested: [{ mobile: '139****1111' }],
    });
    expect(payload.details).toEqual({ reason: '材料齐全' });
    expect(findUnmaskedPersonalData(row.payload_json)).toEqual([]);
    expect(row.payload_json).not.toMatch(/\d{11,}/);
  });
});

describe('audit anchor', () => {
  let t: TestDatabase;
  let file: string;
  const key = randomBytes(32);
  const now = new Date('2026-11-26T04:00:00Z');
  beforeEach(async () => {
    t = await freshDatabase();
    file = join(t.dir, 'audit-anchor.json');
  });
  afterEach(async () => {
    await t.close();
  });

  it('writes a signed head that a later verification accepts, also after more appends', async () => {
    await append(t, 4);
    const anchor = await exportAnchor(t.db, { key, file, now });
    expect(anchor).toMatchObject({ seq: 4, at: now.toISOString() });
    expect(readAnchor(file)).toEqual(anchor);
    await append(t, 2);
    expect(await verifyWithAnchorFile(t.db, file, key)).toMatchObject({ ok: true, checked: 6, anchoredSeq: 4 });
  });

  it('detects a deleted tail that the chain alone cannot see', async () => {
    await append(t, 6);
    await exportAnchor(t.db, { key, file, now });
    tamper(t, 'DELETE FROM audit_event WHERE seq >= 5');
    expect((await verifyAuditChain(t.db)).ok).toBe(true); // internally consistent…
    const result = await verifyWithAnchorFile(t.db, file, key); // …but shorter than the anchor
    expect(result).toMatchObject({ ok: false, firstBrokenSeq: 5, anchoredSeq: 6 });
  });

  it('detects a whole chain rewritten with consistent hashes', async () => {
    await append(t, 3);
    await exportAnchor(t.db, { key, file, now });
    tamper(t, 'DELETE FROM audit_event');
    await append(t, 3, () => ({ summary: '伪造的记录' }));
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
    expect(await verifyWithAnchorFile(t.db, file, key)).toMatchObject({ ok: false, firstBrokenSeq: 3 });
  });

  it('rejects an anchor signed with another key or edited by hand', async () => {
    await append(t, 2);
    await exportAnchor(t.db, { key, file, now });
    expect((await verifyWithAnchorFile(t.db, file, randomBytes(32))).ok).toBe(false);
    const a = readAnchor(file)!;
    writeFileSync(file, JSON.stringify({ ...a, seq: 1 }));
    expect(await verifyWithAnchorFile(t.db, file, key)).toMatchObject({ ok: false, message: expect.stringMatching(/签名无效/) });
  });

  it('refuses to anchor a chain that fails verification', async () => {
    await append(t, 3);
    await exportAnchor(t.db, { key, file, now });
    tamper(t, 'DELETE FROM audit_event WHERE seq = 3');
    await expect(exportAnchor(t.db, { key, file, now })).rejects.toThrow(/拒绝生成新锚点/);
  });
});

describe('audit chain (property)', () => {
  const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 });
  const event = fc.record({
    action: text,
    objectType: text,
    objectId: fc.option(fc.oneof(text, fc.nat()), { nil: null }),
    summary: text,
    after: fc.option(fc.dictionary(text, fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null))), { nil: undefined }),
  });

  fcTest.prop([fc.array(event, { minLength: 1, maxLength: 12 }), fc.nat(), fc.constantFrom('summary', 'action', 'payload_json', 'at')], {
    numRuns: 15,
  })('verifies after any sequence of appends and fails at the row of any single change', async (events, pick, column) => {
    const t = await freshDatabase();
    try {
      for (const e of events) await t.db.transaction().execute((trx) => recordAudit(trx, actor, e));
      expect((await verifyAuditChain(t.db, { batchSize: 5 })).ok).toBe(true);
      const seq = (pick % events.length) + 1;
      tamper(t, `UPDATE audit_event SET ${column} = ${column} || ' ' WHERE seq = ?`, seq);
      expect(await verifyAuditChain(t.db, { batchSize: 5 })).toMatchObject({ ok: false, firstBrokenSeq: seq });
    } finally {
      await t.close();
    }
  });
});
