import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { centreInput, enterpriseIds, errorOf, startCentresWorld, type CentresWorld } from './centres.fixtures';

let w: CentresWorld;
let wsB: number;
let wsA: number;
let allocationB: number;
let eventB: number;

beforeAll(async () => {
  w = await startCentresWorld();
  const enterprises = await enterpriseIds(w.server);
  await w.managerB.centres.workstations.bulkCreate.mutate({
    centreId: w.centreB,
    bulk: { codes: 'B-01~B-03', zone: 'B区', kind: 'fixed-desk', designation: 'free', monthlyRentFen: 0 },
    inServiceFrom: '2025-01-01',
  });
  await w.managerA.centres.workstations.bulkCreate.mutate({
    centreId: w.centreA,
    bulk: { codes: 'A-01~A-03', zone: 'A区', kind: 'fixed-desk', designation: 'free', monthlyRentFen: 0 },
    inServiceFrom: '2025-01-01',
  });
  wsB = (await w.managerB.centres.workstations.list.query({ centreId: w.centreB })).items[0]!.id;
  wsA = (await w.managerA.centres.workstations.list.query({ centreId: w.centreA })).items[0]!.id;
  allocationB = (
    await w.managerB.centres.allocations.allocate.mutate({
      centreId: w.centreB,
      allocation: { workstationId: wsB, occupant: { type: 'enterprise', enterpriseId: enterprises[0]! }, startsOn: '2026-01-01', endsOn: '2026-06-30', terms: 'free' },
    })
  ).id;
  eventB = (
    await w.managerB.centres.events.create.mutate({
      centreId: w.centreB,
      event: { title: '创业沙龙', date: '2026-03-10', kind: 'public-interest', attendeeCount: 12, sector: null },
      speaker: '孙导师',
    })
  ).id;
}, 60_000);
afterAll(() => w.server.close());

describe('centre scope', () => {
  it('lists only the manager’s own centre, and every centre for district staff', async () => {
    expect((await w.managerA.centres.list.query()).map((c) => c.id)).toEqual([w.centreA]);
    expect((await w.reviewer.centres.list.query()).map((c) => c.id).sort()).toEqual([w.centreA, w.centreB].sort());
    const a = await w.managerA.centres.get.query({ centreId: w.centreA });
    expect(a).toMatchObject({ name: '南湖创业创新中心', kindLabel: '创业创新中心', recognised: true, workstations: 3, freeWorkstations: 3 });
    expect(a.facilities.map((f) => f.name)).toEqual(['千兆光纤', '3D 打印机']);
    expect(a.managers.map((m) => m.username)).toEqual(['manager']);
  });

  it('a manager of centre A cannot see or change centre B through any procedure that takes an id (NOT_FOUND/FORBIDDEN)', async () => {
    const m = w.managerA.centres;
    const c = w.centreB;
    const calls: [string, () => Promise<unknown>][] = [
      ['get', () => m.get.query({ centreId: c })],
      ['workstations.list', () => m.workstations.list.query({ centreId: c })],
      ['workstations.create', () => m.workstations.create.mutate({ centreId: c, workstation: { code: 'X-1', zone: 'X', kind: 'open-desk', designation: 'free', monthlyRentFen: 0 } })],
      ['workstations.bulkCreate', () => m.workstations.bulkCreate.mutate({ centreId: c, bulk: { codes: 'X-1~X-3', zone: 'X', kind: 'open-desk', designation: 'free', monthlyRentFen: 0 } })],
      ['workstations.retire', () => m.workstations.retire.mutate({ workstationId: wsB, retiredOn: '2027-01-01' })],
      ['allocations.list', () => m.allocations.list.query({ centreId: c })],
      ['allocations.allocate (B centre)', () => m.allocations.allocate.mutate({ centreId: c, allocation: { workstationId: wsB, occupant: { type: 'enterprise', enterpriseId: 1 }, startsOn: '2026-08-01', endsOn: null, terms: 'free' } })],
      ['allocations.allocate (B desk under A)', () => m.allocations.allocate.mutate({ centreId: w.centreA, allocation: { workstationId: wsB, occupant: { type: 'enterprise', enterpriseId: 1 }, startsOn: '2026-08-01', endsOn: null, terms: 'free' } })],
      ['allocations.end', () => m.allocations.end.mutate({ allocationId: allocationB, endsOn: '2026-03-31' })],
      ['allocations.extend', () => m.allocations.extend.mutate({ allocationId: allocationB, endsOn: '2026-12-31' })],
      ['allocations.move', () => m.allocations.move.mutate({ allocationId: allocationB, toWorkstationId: wsA, on: '2026-03-01' })],
      ['occupancy.grid', () => m.occupancy.grid.query({ centreId: c, month: '2026-03' })],
      ['occupancy.save', () => m.occupancy.save.mutate({ centreId: c, month: '2026-03', rows: [{ allocationId: allocationB, daysPresent: 20, attested: false }] })],
      ['occupancy.save (B allocation under A)', () => m.occupancy.save.mutate({ centreId: w.centreA, month: '2026-03', rows: [{ allocationId: allocationB, daysPresent: 20, attested: false }] })],
      ['imports.template', () => m.imports.template.query({ centreId: c, kind: 'occupancy', format: 'csv' })],
      ['imports.run', () => m.imports.run.mutate({ centreId: c, kind: 'occupancy', fileName: 'a.csv', contentBase64: Buffer.from('x').toString('base64') })],
      ['events.list', () => m.events.list.query({ centreId: c })],
      ['events.create', () => m.events.create.mutate({ centreId: c, event: { title: 'x', date: '2026-03-01', kind: 'public-interest', attendeeCount: 1, sector: null } })],
      ['events.recordAttendance', () => m.events.recordAttendance.mutate({ eventId: eventB, attendees: [{ type: 'guest', name: '张三' }] })],
      ['events.trainingProgress', () => m.events.trainingProgress.query({ centreId: c, year: 2026 })],
      ['kpis.monthly', () => m.kpis.monthly.query({ centreId: c, from: '2026-01', to: '2026-03' })],
      ['kpis.export', () => m.kpis.export.query({ centreId: c, from: '2026-01', to: '2026-03' })],
      ['claims.preview', () => m.claims.preview.query({ centreId: c, period: { kind: 'month', start: '2026-03' } })],
      ['claims.submit', () => m.claims.submit.mutate({ centreId: c, period: { kind: 'month', start: '2026-03' }, programmeId: 1 })],
      ['claims.list', () => m.claims.list.query({ centreId: c })],
    ];
    for (const [name, call] of calls) {
      const err = await errorOf(call());
      expect([name, ['NOT_FOUND', 'FORBIDDEN'].includes(err.code)]).toEqual([name, true]);
    }
    // Nothing of B changed.
    const b = await w.managerB.centres.allocations.list.query({ centreId: w.centreB });
    expect(b.items[0]).toMatchObject({ id: allocationB, endsOn: '2026-06-30', workstationId: wsB });
    expect((await w.managerB.centres.workstations.list.query({ centreId: w.centreB })).total).toBe(3);
  });

  it('lets district staff read a centre but not operate it', async () => {
    await expect(w.reviewer.centres.get.query({ centreId: w.centreB })).resolves.toMatchObject({ id: w.centreB });
    const err = await errorOf(
      w.reviewer.centres.workstations.create.mutate({ centreId: w.centreB, workstation: { code: 'R-1', zone: 'R', kind: 'open-desk', designation: 'free', monthlyRentFen: 0 } }),
    );
    expect(err.code).toBe('FORBIDDEN');
  });

  it('lets only the admin create and update centres and assign managers', async () => {
    const err = await errorOf(w.managerA.centres.create.mutate(centreInput('某创业基地')));
    expect(err.code).toBe('FORBIDDEN');
    await w.admin.centres.update.mutate({ ...centreInput('南湖创业创新中心'), centreId: w.centreA, floorAreaM2: 3200, facilities: [] });
    expect(await w.admin.centres.get.query({ centreId: w.centreA })).toMatchObject({ floorAreaM2: 3200, facilities: [] });
    const dup = await errorOf(w.admin.centres.create.mutate(centreInput('南湖创业创新中心')));
    expect(dup).toMatchObject({ code: 'CONFLICT', domainCode: 'CENTRES.DUPLICATE_NAME' });
  });

  it('shows progress against the 5–10 recognised centres target', async () => {
    const t = await w.admin.centres.targets.query();
    expect(t).toMatchObject({ recognised: 2, min: 5, max: 10, met: false, remaining: 3 });
  });
});
