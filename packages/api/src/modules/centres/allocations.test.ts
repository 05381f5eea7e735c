import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpLink, createTRPCClient } from '@trpc/client';
import { ID_NUMBER_REGEX, idNumber, MOBILE_REGEX, DEMO_TEST_PASSWORD } from '../../test/account-fixtures';
import { CookieJar, jarFetch } from '../../test/harness';
import type { AppRouter } from '../../router';
import { enterpriseIds, errorOf, startCentresWorld, type CentresWorld } from './centres.fixtures';

let w: CentresWorld;
let wsIds: number[];
let enterprises: number[];

beforeAll(async () => {
  w = await startCentresWorld();
  const res = await w.managerA.centres.workstations.bulkCreate.mutate({
    centreId: w.centreA,
    bulk: { codes: 'A-001…A-120', zone: 'A区', kind: 'open-desk', designation: 'free', monthlyRentFen: 0 },
    inServiceFrom: '2025-01-01',
  });
  expect(res.created).toBe(120);
  const list = await w.managerA.centres.workstations.list.query({ centreId: w.centreA, pageSize: 100 });
  wsIds = list.items.map((i) => i.id);
  enterprises = await enterpriseIds(w.server);
}, 60_000);
afterAll(() => w.server.close());

describe('workstations', () => {
  it('bulk-creates a range of codes A-001…A-120 with padded numbers, paginated in the list', async () => {
    const page2 = await w.managerA.centres.workstations.list.query({ centreId: w.centreA, page: 2, pageSize: 100 });
    expect(page2.total).toBe(120);
    expect(page2.items.map((i) => i.code)).toEqual(Array.from({ length: 20 }, (_, i) => `A-${String(101 + i).padStart(3, '0')}`));
    expect(page2.items[0]).toMatchObject({ zone: 'A区', designation: 'free', designationLabel: '免费工位', current: null });
  });

  it('refuses a bulk creation that repeats an existing code, creating none of the range', async () => {
    const err = await errorOf(
      w.managerA.centres.workstations.bulkCreate.mutate({
        centreId: w.centreA,
        bulk: { codes: 'A-118~A-125', zone: 'A区', kind: 'open-desk', designation: 'free', monthlyRentFen: 0 },
      }),
    );
    expect(err).toMatchObject({ code: 'CONFLICT', domainCode: 'CENTRES.DUPLICATE_WORKSTATION_CODE' });
    expect(err.message).toContain('A-118');
    const list = await w.managerA.centres.workstations.list.query({ centreId: w.centreA, pageSize: 1 });
    expect(list.total).toBe(120);
  });

  it('refuses a preferential workstation without rent, in Chinese', async () => {
    const err = await errorOf(
      w.managerA.centres.workstations.create.mutate({
        centreId: w.centreA,
        workstation: { code: 'P-1', zone: 'P区', kind: 'office-seat', designation: 'preferential', monthlyRentFen: 0 },
      }),
    );
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.message).toContain('优惠工位须填写月租金');
  });
});

describe('allocations', () => {
  it('lets exactly one of 16 concurrent allocations of the same workstation and overlapping periods succeed', async () => {
    const ws = wsIds[0]!;
    // 16 tabs of the manager's signed-in browser, each request on its own HTTP call (no batching), all at once.
    const jar = new CookieJar();
    await w.server.client({ jar }).auth.signIn.mutate({ username: 'manager', password: DEMO_TEST_PASSWORD });
    const clients = Array.from({ length: 16 }, () =>
      createTRPCClient<AppRouter>({
        links: [httpLink({ url: `${w.server.url}/trpc`, fetch: jarFetch(jar), headers: { 'x-fund-request': '1' } })],
      }),
    );
    const results = await Promise.allSettled(
      clients.map((c, i) =>
        c.centres.allocations.allocate.mutate({
          centreId: w.centreA,
          allocation: {
            workstationId: ws,
            occupant: { type: 'enterprise', enterpriseId: enterprises[i % enterprises.length]! },
            startsOn: `2026-0${1 + (i % 3)}-01`,
            endsOn: i % 2 === 0 ? null : '2026-06-30',
            terms: 'free',
          },
        }),
      ),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(15);
    for (const r of refused) {
      const e = r.reason as { data?: { code?: string; domainCode?: string }; message: string };
      expect(e.data?.code).toBe('CONFLICT');
      expect(e.data?.domainCode).toBe('CENTRES.ALLOCATION_OVERLAP');
      expect(e.message).toMatch(/时间重叠/);
    }
    const rows = w.server.sqlite.prepare('select count(*) as n from allocation where workstation_id = ?').get(ws) as { n: number };
    expect(rows.n).toBe(1);
  });

  it('refuses an overlapping allocation at the database level too (trigger), whatever writes it', async () => {
    const ws = wsIds[5]!;
    await w.managerA.centres.allocations.allocate.mutate({
      centreId: w.centreA,
      allocation: { workstationId: ws, occupant: { type: 'enterprise', enterpriseId: enterprises[0]! }, startsOn: '2026-06-01', endsOn: null, terms: 'free' },
    });
    const insert = (startsOn: string, endsOn: string | null) =>
      w.server.sqlite
        .prepare(
          `insert into allocation (centre_id, workstation_id, occupant_type, enterprise_id, terms, starts_on, ends_on, created_by, created_at, updated_at)
           values (?, ?, 'enterprise', ?, 'free', ?, ?, 1, 'x', 'x')`,
        )
        .run(w.centreA, ws, enterprises[1]!, startsOn, endsOn);
    expect(() => insert('2027-01-01', null)).toThrow(/CENTRES.ALLOCATION_OVERLAP/);
    expect(() => insert('2026-05-01', '2026-06-01')).toThrow(/CENTRES.ALLOCATION_OVERLAP/);
    expect(() => insert('2026-05-01', '2026-05-31')).not.toThrow();
  });

  it('ends, extends and moves an allocation, each audited', async () => {
    const { id } = await w.managerA.centres.allocations.allocate.mutate({
      centreId: w.centreA,
      allocation: { workstationId: wsIds[1]!, occupant: { type: 'enterprise', enterpriseId: enterprises[0]! }, startsOn: '2026-02-01', endsOn: '2026-05-31', terms: 'free' },
    });
    await w.managerA.centres.allocations.extend.mutate({ allocationId: id, endsOn: '2026-08-31' });
    const moved = await w.managerA.centres.allocations.move.mutate({ allocationId: id, toWorkstationId: wsIds[2]!, on: '2026-06-01' });
    await w.managerA.centres.allocations.end.mutate({ allocationId: moved.newId, endsOn: '2026-07-31' });

    const list = await w.managerA.centres.allocations.list.query({ centreId: w.centreA, workstationId: wsIds[2]! });
    expect(list.items[0]).toMatchObject({ id: moved.newId, startsOn: '2026-06-01', endsOn: '2026-07-31', movedFromId: id });
    const old = await w.managerA.centres.allocations.list.query({ centreId: w.centreA, workstationId: wsIds[1]! });
    expect(old.items[0]).toMatchObject({ id, startsOn: '2026-02-01', endsOn: '2026-05-31' });

    const audit = w.server.sqlite
      .prepare(`select action, payload_json from audit_event where action like 'centre.allocation.%' order by seq`)
      .all() as { action: string; payload_json: string }[];
    const actions = audit.map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['centre.allocation.extend', 'centre.allocation.move', 'centre.allocation.end']));
    const extend = audit.find((a) => a.action === 'centre.allocation.extend')!;
    expect(JSON.parse(extend.payload_json)).toMatchObject({ before: { endsOn: '2026-05-31' }, after: { endsOn: '2026-08-31' } });
  });

  it('refuses allocating a free workstation on preferential terms, in Chinese', async () => {
    const err = await errorOf(
      w.managerA.centres.allocations.allocate.mutate({
        centreId: w.centreA,
        allocation: { workstationId: wsIds[3]!, occupant: { type: 'enterprise', enterpriseId: enterprises[0]! }, startsOn: '2026-02-01', endsOn: null, terms: 'preferential' },
      }),
    );
    expect(err).toMatchObject({ code: 'BAD_REQUEST', domainCode: 'CENTRES.TERMS_MISMATCH' });
    expect(err.message).toContain('只能免费分配');
  });

  it('stores a walk-in team’s ID number and mobile encrypted, and shows and audits them only masked', async () => {
    const id = idNumber('20040512', '231');
    const mobile = '13712345678';
    const { id: allocationId } = await w.managerA.centres.allocations.allocate.mutate({
      centreId: w.centreA,
      allocation: {
        workstationId: wsIds[4]!,
        occupant: { type: 'team', teamName: '星火团队', contactName: '钱小明', school: '湖南理工学院', idNumber: id, mobile },
        startsOn: '2026-03-01',
        endsOn: null,
        terms: 'free',
      },
    });
    const row = w.server.sqlite.prepare('select * from walk_in_team').get() as Record<string, string>;
    expect(JSON.stringify(row)).not.toContain(id);
    expect(JSON.stringify(row)).not.toContain(mobile);
    expect(w.server.pii.decryptField(row.id_number_enc!)).toBe(id);
    expect(w.server.pii.decryptField(row.mobile_enc!)).toBe(mobile);

    const list = await w.managerA.centres.allocations.list.query({ centreId: w.centreA, workstationId: wsIds[4]! });
    const item = list.items.find((i) => i.id === allocationId)!;
    expect(item).toMatchObject({ occupantName: '星火团队', idNumberMasked: `${id.slice(0, 6)}********${id.slice(-4)}`, mobileMasked: '137****5678' });
    expect(JSON.stringify(list)).not.toMatch(ID_NUMBER_REGEX);
    expect(JSON.stringify(list)).not.toMatch(MOBILE_REGEX);

    const audit = w.server.sqlite.prepare('select summary, payload_json from audit_event').all();
    expect(JSON.stringify(audit)).not.toContain(id);
    expect(JSON.stringify(audit)).not.toContain(mobile);
  });
});
