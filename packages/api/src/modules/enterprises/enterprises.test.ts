import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterpriseInput, FREE_USCCS, signedIn, startAccountServer } from '../../test/account-fixtures';
import type { TestServer } from '../../test/harness';
import { searchOf, todayInChina } from './enterprises.service';

describe('enterprise profiles', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startAccountServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('shows the demo applicant its own enterprise', async () => {
    const { client } = await signedIn(server, 'applicant');
    const me = await client.auth.me.query();
    const profile = await client.enterprises.mine.query();
    expect(profile).toMatchObject({
      id: me!.enterpriseId,
      uscc: '91430602MA4L1A2B9Q',
      name: '岳阳某某科技有限公司',
      industry: 'software-it',
      establishedOn: '2024-11-26',
      sizeClass: 'small',
      stage: 'startup',
      inDistrict: true,
      contactMobileMasked: '139****0001',
    });
    expect(await client.enterprises.get.query({ id: profile.id })).toEqual(profile);
  });

  it('answers NOT_FOUND when an applicant asks for another enterprise', async () => {
    const { client } = await signedIn(server, 'applicant');
    const other = server.sqlite
      .prepare("select id from enterprise where uscc = '91430602MA4L2C3D21'")
      .get() as { id: number };
    await expect(client.enterprises.get.query({ id: other.id })).rejects.toMatchObject({
      data: { code: 'NOT_FOUND', domainCode: 'ENTERPRISE.NOT_FOUND' },
    });
    await expect(client.enterprises.get.query({ id: 999_999 })).rejects.toMatchObject({
      data: { code: 'NOT_FOUND' },
    });
  });

  it('leaves an enterprise without a metric its industry needs unclassified, and says what is missing', async () => {
    const { client } = await signedIn(server, 'reviewer');
    const row = server.sqlite
      .prepare("select id from enterprise where uscc = '91430602MA4L8Q9R61'")
      .get() as { id: number };
    const profile = await client.enterprises.get.query({ id: row.id });
    expect(profile).toMatchObject({
      sizeClass: null,
      sizeLabel: null,
      sizeProblem: expect.stringContaining('营业收入'),
      stage: 'growth',
    });
    expect(profile.missing).toContain(profile.sizeProblem);
  });

  it('shows an enterprise registered outside the district, a dishonest one and a mature one as such', async () => {
    const { client } = await signedIn(server, 'auditor');
    const idOf = (uscc: string) =>
      (server.sqlite.prepare('select id from enterprise where uscc = ?').get(uscc) as { id: number }).id;
    const outside = await client.enterprises.get.query({ id: idOf('91430611MA4L5J6K42') });
    expect(outside.inDistrict).toBe(false);
    expect(outside.missing.some((m) => m.startsWith('登记地不在本区'))).toBe(true);
    const dishonest = await client.enterprises.get.query({ id: idOf('91430602MA4L9T0U79') });
    expect(dishonest).toMatchObject({ dishonest: true, verification: 'verified' });
    expect(dishonest.missing).toContain('已被列入失信名单，暂不能申报');
    expect(await client.enterprises.get.query({ id: idOf('91430602MA4L6L7M8B') })).toMatchObject({
      stage: 'mature',
      sizeClass: 'medium',
    });
  });

  it('refuses enterprises.mine to staff and everything to anonymous callers', async () => {
    const { client } = await signedIn(server, 'reviewer');
    await expect(client.enterprises.mine.query()).rejects.toMatchObject({ data: { code: 'FORBIDDEN' } });
    await expect(server.client().enterprises.mine.query()).rejects.toMatchObject({
      data: { code: 'UNAUTHORIZED' },
    });
    await expect(server.client().enterprises.get.query({ id: 1 })).rejects.toMatchObject({
      data: { code: 'UNAUTHORIZED' },
    });
  });

  it('refuses enterprises.get to a role that may see no enterprise at all', async () => {
    const { client } = await signedIn(server, 'mentor');
    await expect(client.enterprises.get.query({ id: 1 })).rejects.toMatchObject({
      data: { code: 'FORBIDDEN' },
    });
  });
});

describe('staff enterprise list', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startAccountServer();
    // One more, registered after the demo data: it must come first.
    server.clock.advance(60_000);
    await server
      .client()
      .registration.registerEnterprise.mutate(
        enterpriseInput({ uscc: FREE_USCCS[1], name: '岳阳最新注册科技有限公司' }),
      );
  });
  afterAll(async () => {
    await server.close();
  });

  it('lists enterprises newest first with a total, page by page', async () => {
    const { client } = await signedIn(server, 'reviewer');
    const first = await client.enterprises.list.query({ page: 1, pageSize: 5 });
    expect(first.total).toBe(13);
    expect(first.items).toHaveLength(5);
    expect(first.items[0]).toMatchObject({
      name: '岳阳最新注册科技有限公司',
      verification: 'unverified',
      sizeLabel: '小型',
      stageLabel: '初创期',
    });
    const last = await client.enterprises.list.query({ page: 3, pageSize: 5 });
    expect(last.items).toHaveLength(3);
    const all = await client.enterprises.list.query({ pageSize: 100 });
    const created = all.items.map((i) => i.createdAt);
    expect([...created].sort().reverse()).toEqual(created);
    expect(new Set([...first.items, ...last.items].map((i) => i.id)).size).toBe(8);
    expect(Object.keys(first.items[0]!).sort()).toEqual(
      ['createdAt', 'id', 'industryLabel', 'name', 'sizeLabel', 'stageLabel', 'uscc', 'verification'].sort(),
    );
  });

  it('searches by part of the name and by the start of the USCC', async () => {
    const { client } = await signedIn(server, 'finance');
    const byName = await client.enterprises.list.query({ q: '科技' });
    expect(byName.items.map((i) => i.name).sort()).toEqual(
      ['岳阳云端网络科技有限公司', '岳阳最新注册科技有限公司', '岳阳某某科技有限公司'].sort(),
    );
    const byPrefix = await client.enterprises.list.query({ q: '92430602' });
    expect(byPrefix).toMatchObject({ total: 1, items: [{ name: '岳阳楼区小桥便利店' }] });
    expect((await client.enterprises.list.query({ q: '91430611' })).items.map((i) => i.uscc)).toEqual([
      '91430611MA4L5J6K42',
    ]);
    expect((await client.enterprises.list.query({ q: '9143 0602 ma4l2' })).items.map((i) => i.uscc)).toEqual([
      '91430602MA4L2C3D21',
    ]);
    expect((await client.enterprises.list.query({ q: '100%' })).total).toBe(0);
  });

  it('filters by verification status', async () => {
    const { client } = await signedIn(server, 'admin');
    const verified = await client.enterprises.list.query({ verification: 'verified' });
    expect(verified.total).toBe(6);
    expect(verified.items.every((i) => i.verification === 'verified')).toBe(true);
    const unverifiedSoftware = await client.enterprises.list.query({ verification: 'unverified', q: '软件' });
    expect(unverifiedSoftware.items.map((i) => i.name)).toEqual(['岳阳青橙软件工作室有限公司']);
  });

  it('refuses the list to an applicant (FORBIDDEN) and to anonymous callers (UNAUTHORIZED)', async () => {
    const { client } = await signedIn(server, 'applicant');
    await expect(client.enterprises.list.query({})).rejects.toMatchObject({
      data: { code: 'FORBIDDEN', domainCode: 'AUTH.FORBIDDEN' },
    });
    await expect(server.client().enterprises.list.query({})).rejects.toMatchObject({
      data: { code: 'UNAUTHORIZED' },
    });
  });

  it('refuses a page size above 100', async () => {
    const { client } = await signedIn(server, 'admin');
    await expect(client.enterprises.list.query({ pageSize: 101 })).rejects.toMatchObject({
      data: { code: 'BAD_REQUEST', fieldErrors: { pageSize: '每页最多100条' } },
    });
  });

  it('serves a USCC-prefix search from the unique index and verification filters from their index', () => {
    const plan = (q: string) =>
      (server.sqlite.prepare(`explain query plan ${q}`).all() as { detail: string }[])
        .map((r) => r.detail)
        .join(' | ');
    expect(
      plan("select id from enterprise where uscc >= '9143' and uscc < '9143~' order by created_at desc"),
    ).toMatch(/USING INDEX/);
    expect(
      plan(
        "select id from enterprise where verification_status = 'verified' order by created_at desc, id desc",
      ),
    ).toMatch(/enterprise_verification_idx|enterprise_created_at_idx/);
  });
});

describe('reading the search box', () => {
  it('takes USCC-shaped text as a USCC prefix and anything else as part of a name', () => {
    expect(searchOf('914306')).toEqual({ kind: 'uscc-prefix', prefix: '914306' });
    expect(searchOf(' 91-4306 ma ')).toEqual({ kind: 'uscc-prefix', prefix: '914306MA' });
    expect(searchOf('科技')).toEqual({ kind: 'name', text: '科技' });
    expect(searchOf('ABC')).toEqual({ kind: 'name', text: 'ABC' });
    expect(searchOf('   ')).toBeNull();
  });

  it('judges "today" by the calendar in China (UTC+8)', () => {
    expect(todayInChina(new Date('2026-11-25T15:59:59Z'))).toBe('2026-11-25');
    expect(todayInChina(new Date('2026-11-25T16:00:00Z'))).toBe('2026-11-26');
  });
});
