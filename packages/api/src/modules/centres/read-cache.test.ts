/**
 * The read cache under the occupancy grid and the KPI page (ADR 014), through the real router: scope is checked on
 * every request before the cache, and a write — through the router, or from another connection to the same file —
 * is visible on the next read.
 */
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCacheOf } from '../../db/read-cache';
import { enterpriseIds, errorOf, startCentresWorld, type CentresWorld } from './centres.fixtures';

let w: CentresWorld;
let enterprises: number[];
let desks: { id: number; code: string }[];

beforeAll(async () => {
  w = await startCentresWorld();
  enterprises = await enterpriseIds(w.server);
  await w.managerA.centres.workstations.bulkCreate.mutate({
    centreId: w.centreA,
    bulk: { codes: 'C-001…C-010', zone: 'C区', kind: 'open-desk', designation: 'free', monthlyRentFen: 0 },
    inServiceFrom: '2025-01-01',
  });
  desks = (await w.managerA.centres.workstations.list.query({ centreId: w.centreA, pageSize: 100 })).items;
  for (const d of desks.slice(0, 5)) {
    await w.managerA.centres.allocations.allocate.mutate({
      centreId: w.centreA,
      allocation: {
        workstationId: d.id,
        occupant: { type: 'enterprise', enterpriseId: enterprises[d.id % enterprises.length]! },
        startsOn: '2026-01-01',
        endsOn: null,
        terms: 'free',
      },
    });
  }
}, 120_000);
afterAll(() => w.server.close());

const gridA = () => w.managerA.centres.occupancy.grid.query({ centreId: w.centreA, month: '2026-03' });
const kpisA = () =>
  w.managerA.centres.kpis.monthly.query({ centreId: w.centreA, from: '2026-01', to: '2026-03' });

describe('read cache under the grid and the KPI page', () => {
  it('checks scope on every request: a cached grid or series of centre A is never served to the manager of B', async () => {
    await gridA();
    await kpisA();
    expect(readCacheOf(w.server.db)!.size).toBeGreaterThanOrEqual(2);
    expect(
      await errorOf(w.managerB.centres.occupancy.grid.query({ centreId: w.centreA, month: '2026-03' })),
    ).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(
      await errorOf(
        w.managerB.centres.kpis.monthly.query({ centreId: w.centreA, from: '2026-01', to: '2026-03' }),
      ),
    ).toMatchObject({ code: 'NOT_FOUND' });
    // District staff read every centre, and get the same answer as the manager.
    expect(await w.reviewer.centres.occupancy.grid.query({ centreId: w.centreA, month: '2026-03' })).toEqual(
      await gridA(),
    );
  });

  it('shows a write through the router on the next read', async () => {
    const before = await gridA();
    expect(before.summary).toMatchObject({ allocations: 5, recorded: 0 });
    const rows = before.rows
      .filter((r) => r.allocationId !== null)
      .map((r) => ({ allocationId: r.allocationId!, daysPresent: 20, attested: false }));
    await w.managerA.centres.occupancy.save.mutate({ centreId: w.centreA, month: '2026-03', rows });
    expect((await gridA()).summary).toMatchObject({ allocations: 5, recorded: 5 });

    expect((await kpisA()).months.map((m) => m.allocated)).toEqual([5, 5, 5]);
    await w.managerA.centres.allocations.allocate.mutate({
      centreId: w.centreA,
      allocation: {
        workstationId: desks[5]!.id,
        occupant: { type: 'enterprise', enterpriseId: enterprises[0]! },
        startsOn: '2026-02-01',
        endsOn: null,
        terms: 'free',
      },
    });
    expect((await kpisA()).months.map((m) => m.allocated)).toEqual([5, 6, 6]);
  });

  it('shows a write committed by another connection to the same file (the import CLI, a restore) on the next read', async () => {
    const before = await gridA();
    const first = before.rows.find((r) => r.allocationId !== null)!;
    expect(first.daysPresent).toBe(20);
    const beforeKpis = await kpisA();
    const other = new BetterSqlite3(w.server.env.DATABASE_PATH);
    try {
      other.pragma('busy_timeout = 5000');
      other
        .prepare("update presence set days_present = 7 where allocation_id = ? and month = '2026-03'")
        .run(first.allocationId);
      other
        .prepare(
          "insert into centre_event (centre_id, title, kind, sector, event_date, attendee_count, created_by, created_at) values (?, '路演', 'public-interest', null, '2026-03-10', 0, ?, ?)",
        )
        .run(w.centreA, w.managerAId, new Date().toISOString());
    } finally {
      other.close();
    }
    expect((await gridA()).rows.find((r) => r.allocationId === first.allocationId)!.daysPresent).toBe(7);
    expect((await kpisA()).months[2]!.events).toBe(beforeKpis.months[2]!.events + 1);
  });
});
