import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, startTestServer, type TestServer } from '../test/harness';
import { cookieRoleResolver } from '../test/probe-router';
import { exportAnchor } from './audit-anchor';
import { recordAudit } from './audit.service';

describe('audit procedures', () => {
  let server: TestServer;
  const as = (roles: string) => {
    const jar = new CookieJar();
    jar.set('test_roles', roles);
    return server.client({ jar });
  };

  beforeAll(async () => {
    server = await startTestServer({ sessionResolver: cookieRoleResolver });
    const events = [
      { at: '2026-11-25T15:30:00Z', user: { id: 1, displayName: '管理员' }, action: 'user.create', objectType: 'user', objectId: 10 },
      { at: '2026-11-25T16:30:00Z', user: { id: 2, displayName: '审核员' }, action: 'enterprise.verify', objectType: 'enterprise', objectId: 5 },
      { at: '2026-11-26T02:00:00Z', user: { id: 2, displayName: '审核员' }, action: 'enterprise.verify', objectType: 'enterprise', objectId: 6 },
      { at: '2026-11-27T02:00:00Z', user: null, action: 'founder.register', objectType: 'founder', objectId: 1 },
    ];
    for (const e of events) {
      await server.db.transaction().execute((trx) =>
        recordAudit(trx, { now: new Date(e.at), user: e.user, ip: '127.0.0.1' }, {
          action: e.action,
          objectType: e.objectType,
          objectId: e.objectId,
          summary: `${e.action} #${e.objectId}`,
          after: { mobile: '13812345678' },
        }),
      );
    }
  });
  afterAll(async () => {
    await server.close();
  });

  it('lists events newest first with masked payloads and a total', async () => {
    const page = await as('auditor').audit.list.query({});
    expect(page.total).toBe(4);
    expect(page.items.map((i) => i.seq)).toEqual([4, 3, 2, 1]);
    expect(page.items[3]).toMatchObject({ actorId: 1, actorName: '管理员', action: 'user.create', objectType: 'user', objectId: '10' });
    expect(page.items[0]!.payload).toEqual({ after: { mobile: '138****5678' } });
  });

  it('filters by action, actor, object and Beijing calendar day, and paginates', async () => {
    const c = as('admin');
    expect((await c.audit.list.query({ action: 'enterprise.verify' })).total).toBe(2);
    expect((await c.audit.list.query({ actorId: 1 })).items.map((i) => i.seq)).toEqual([1]);
    expect((await c.audit.list.query({ objectType: 'enterprise', objectId: '6' })).items.map((i) => i.seq)).toEqual([3]);
    // 2026-11-26 in Beijing = [2026-11-25T16:00Z, 2026-11-26T16:00Z)
    expect((await c.audit.list.query({ from: '2026-11-26', to: '2026-11-26' })).items.map((i) => i.seq)).toEqual([3, 2]);
    expect((await c.audit.list.query({ from: '2026-11-26T02:00:00Z' })).items.map((i) => i.seq)).toEqual([4, 3]);
    const p2 = await c.audit.list.query({ page: 2, pageSize: 3 });
    expect(p2).toMatchObject({ total: 4, items: [{ seq: 1 }] });
  });

  it('refuses people without audit.view', async () => {
    await expect(as('reviewer').audit.list.query({})).rejects.toMatchObject({ data: { code: 'FORBIDDEN' } });
    await expect(server.client().audit.verify.query()).rejects.toMatchObject({ data: { code: 'UNAUTHORIZED' } });
  });

  it('refuses a page size above 100 with a field error', async () => {
    await expect(as('admin').audit.list.query({ pageSize: 500 })).rejects.toMatchObject({
      data: { code: 'BAD_REQUEST', fieldErrors: { pageSize: expect.any(String) } },
    });
  });

  it('verifies the chain against the anchor', async () => {
    expect(await as('auditor').audit.verify.query()).toMatchObject({ ok: true, checked: 4, firstBrokenSeq: null, anchoredSeq: null });
    await exportAnchor(server.db, { key: server.env.AUDIT_ANCHOR_KEY, file: server.env.AUDIT_ANCHOR_FILE, now: server.clock.now() });
    expect(await as('auditor').audit.verify.query()).toMatchObject({ ok: true, anchoredSeq: 4 });
    server.sqlite.exec('DROP TRIGGER audit_event_no_delete');
    server.sqlite.exec('DELETE FROM audit_event WHERE seq = 4');
    expect(await as('auditor').audit.verify.query()).toMatchObject({ ok: false, firstBrokenSeq: 4 });
  });
});
