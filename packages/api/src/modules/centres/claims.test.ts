import { computeCentreClaim, DEFAULT_PARAMETERS, type CentreClaimMonthInput } from '@fund/domain';
import ExcelJS from 'exceljs';
import { createTRPCClient, httpLink } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRouter } from '../../router';
import { DEMO_TEST_PASSWORD, idNumber } from '../../test/account-fixtures';
import { CookieJar, jarFetch } from '../../test/harness';
import { errorOf, startCentresWorld, type CentresWorld } from './centres.fixtures';

let w: CentresWorld;
let programmeId: number;
const alloc = new Map<string, number>();
const ws = new Map<string, number>();
let unverifiedEnterprise: number;

const count = (sql: string) => (w.server.sqlite.prepare(`select count(*) as n from ${sql}`).get() as { n: number }).n;

beforeAll(async () => {
  w = await startCentresWorld();
  const m = w.managerA.centres;
  const verified = w.server.sqlite.prepare(`select id from enterprise where verification_status = 'verified' and dishonest_flag = 0 order by id`).all() as { id: number }[];
  unverifiedEnterprise = (w.server.sqlite.prepare(`select id from enterprise where verification_status <> 'verified' order by id`).get() as { id: number }).id;
  const founders = (w.server.sqlite.prepare('select id from founder order by id').all() as { id: number }[]).map((f) => f.id);
  const centre = await w.admin.centres.get.query({ centreId: w.centreA });
  await w.admin.centres.update.mutate({
    centreId: w.centreA,
    name: centre.name,
    kind: centre.kind,
    address: centre.address,
    operator: centre.operator,
    operatorEnterpriseId: verified[0]!.id,
    floorAreaM2: centre.floorAreaM2,
    recognitionLevel: centre.recognitionLevel,
    recognisedOn: centre.recognisedOn,
    facilities: [],
  });
  programmeId = (
    await w.admin.programmes.create.mutate({
      name: '2026年创业创新中心政府购买服务',
      fiscalYear: 2026,
      opensOn: '2026-11-01',
      closesOn: '2026-12-31',
      parameters: DEFAULT_PARAMETERS('centre-service'),
    })
  ).id;

  await m.workstations.bulkCreate.mutate({ centreId: w.centreA, bulk: { codes: 'F-01~F-05', zone: 'F区', kind: 'open-desk', designation: 'free', monthlyRentFen: 0 }, inServiceFrom: '2025-01-01' });
  await m.workstations.bulkCreate.mutate({ centreId: w.centreA, bulk: { codes: 'P-01~P-05', zone: 'P区', kind: 'office-seat', designation: 'preferential', monthlyRentFen: 50_000 }, inServiceFrom: '2025-01-01' });
  for (const item of (await m.workstations.list.query({ centreId: w.centreA })).items) ws.set(item.code, item.id);
  const occupants = {
    'F-01': { type: 'founder' as const, founderId: founders[0]! },
    'F-02': { type: 'founder' as const, founderId: founders[1]! },
    'F-03': { type: 'founder' as const, founderId: founders[2]! },
    'F-04': { type: 'team' as const, teamName: '萤火团队', contactName: '李小华', school: '湖南理工学院', idNumber: idNumber('20030101', '777'), mobile: '13600001111' },
    'F-05': { type: 'enterprise' as const, enterpriseId: unverifiedEnterprise },
    'P-01': { type: 'enterprise' as const, enterpriseId: verified[1]!.id },
    'P-02': { type: 'enterprise' as const, enterpriseId: verified[2]!.id },
    'P-03': { type: 'enterprise' as const, enterpriseId: verified[3]!.id },
    'P-04': { type: 'enterprise' as const, enterpriseId: verified[4]!.id },
  };
  for (const [code, occupant] of Object.entries(occupants)) {
    const { id } = await m.allocations.allocate.mutate({
      centreId: w.centreA,
      allocation: { workstationId: ws.get(code)!, occupant, startsOn: '2026-01-01', endsOn: null, terms: code.startsWith('F') ? 'free' : 'preferential' },
    });
    alloc.set(code, id);
  }
  await m.occupancy.save.mutate({
    centreId: w.centreA,
    month: '2026-03',
    rows: [
      { allocationId: alloc.get('F-01')!, daysPresent: 20, attested: false },
      { allocationId: alloc.get('F-02')!, daysPresent: 5, attested: false },
      { allocationId: alloc.get('F-03')!, daysPresent: null, attested: true },
      { allocationId: alloc.get('F-04')!, daysPresent: 10, attested: false },
      { allocationId: alloc.get('F-05')!, daysPresent: 20, attested: false },
    ],
  });
  await m.occupancy.save.mutate({ centreId: w.centreA, month: '2026-02', rows: [{ allocationId: alloc.get('F-01')!, daysPresent: null, attested: true }] });
  await m.events.create.mutate({ centreId: w.centreA, event: { title: '创业政策宣讲', date: '2026-03-10', kind: 'public-interest', attendeeCount: 12, sector: null }, speaker: '孙导师' });
  await m.events.create.mutate({ centreId: w.centreA, event: { title: '融资路演辅导', date: '2026-03-20', kind: 'public-interest', attendeeCount: 8, sector: null }, speaker: '' });
  await m.events.create.mutate({ centreId: w.centreA, event: { title: '电商运营培训班', date: '2026-03-25', kind: 'training-class', attendeeCount: 30, sector: '电子商务' }, speaker: '' });
}, 120_000);
afterAll(() => w.server.close());

describe('KPIs and events', () => {
  it('shows each month’s workstations, free share, occupancy, occupants and events, exportable to Excel', async () => {
    const k = await w.reviewer.centres.kpis.monthly.query({ centreId: w.centreA, from: '2026-01', to: '2026-03' });
    expect(k.months.map((x) => x.month)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(k.months[2]).toMatchObject({
      workstations: 10,
      freeDesignated: 5,
      allocated: 9,
      freeSharePct: '50.00',
      occupancyPct: '90.00',
      meetsFreeShare: true,
      meetsOccupancy: true,
      incubatedOccupants: 9,
      newEntrants: 0,
      events: 3,
      attendees: 50,
    });
    expect(k.months[0]!.newEntrants).toBe(9);
    const file = await w.managerA.centres.kpis.export.query({ centreId: w.centreA, from: '2026-01', to: '2026-03' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('月份');
    expect(sheet.getRow(4).getCell(1).value).toBe('2026-03');
    expect(sheet.getRow(4).getCell(7).value).toBe('90.00');
  });

  it('records the attendees signed in to an event, occupants and walk-ins, as its attendee count', async () => {
    const m = w.managerA.centres;
    const { id } = await m.events.create.mutate({ centreId: w.centreA, event: { title: '创业导师面对面', date: '2026-04-08', kind: 'public-interest', attendeeCount: 0, sector: null }, speaker: '孙导师' });
    const founder = (w.server.sqlite.prepare('select id from founder order by id').get() as { id: number }).id;
    const team = (w.server.sqlite.prepare('select id from walk_in_team').get() as { id: number }).id;
    await expect(
      m.events.recordAttendance.mutate({ eventId: id, attendees: [{ type: 'founder', founderId: founder }, { type: 'team', walkInTeamId: team }, { type: 'guest', name: '张同学' }] }),
    ).resolves.toEqual({ attendeeCount: 3 });
    const list = await m.events.list.query({ centreId: w.centreA, year: 2026 });
    expect(list.items.find((e) => e.id === id)).toMatchObject({ attendeeCount: 3, namedAttendees: 3, kindLabel: '公益性创业辅导活动', speaker: '孙导师' });
  });

  it('tracks training classes per sector against the ≥2 per year target', async () => {
    const t = await w.managerA.centres.events.trainingProgress.query({ centreId: w.centreA, year: 2026, sectors: ['电子商务', '现代农业'] });
    expect(t.sectors).toEqual([
      { sector: '电子商务', classes: 1, attendees: 30, target: 2, met: false, remaining: 1 },
      { sector: '现代农业', classes: 0, attendees: 0, target: 2, met: false, remaining: 2 },
    ]);
  });
});

describe('service-support claims', () => {
  it('computes the same amount and lines as the domain calculator on the seeded logs', async () => {
    const preview = await w.managerA.centres.claims.preview.query({ centreId: w.centreA, period: { kind: 'month', start: '2026-03' } });
    // The same facts, assembled by hand from what was seeded above.
    const workstations = [...ws].map(([code, id]) => ({ id, code, designation: code.startsWith('F') ? ('free' as const) : ('preferential' as const), createdOn: '2025-01-01', retiredOn: null }));
    const occupantKeyOf = (code: string) => `${code}`;
    const month: CentreClaimMonthInput = {
      month: '2026-03',
      workstations,
      allocations: [...alloc].map(([code, id]) => ({
        id,
        workstationId: ws.get(code)!,
        terms: code.startsWith('F') ? ('free' as const) : ('preferential' as const),
        startsOn: '2026-01-01',
        endsOn: null,
        occupantKey: occupantKeyOf(code),
        occupantEligible: code !== 'F-05',
      })),
      presence: [
        { allocationId: alloc.get('F-01')!, month: '2026-03', daysPresent: 20 },
        { allocationId: alloc.get('F-02')!, month: '2026-03', daysPresent: 5 },
        { allocationId: alloc.get('F-03')!, month: '2026-03', attested: true },
        { allocationId: alloc.get('F-04')!, month: '2026-03', daysPresent: 10 },
        { allocationId: alloc.get('F-05')!, month: '2026-03', daysPresent: 20 },
      ],
      events: [
        { date: '2026-03-10', kind: 'public-interest', attendeeCount: 12 },
        { date: '2026-03-20', kind: 'public-interest', attendeeCount: 8 },
        { date: '2026-03-25', kind: 'training-class', attendeeCount: 30, sector: '电子商务' },
      ],
    };
    const expected = computeCentreClaim({ period: { kind: 'month', start: '2026-03' }, rule: DEFAULT_PARAMETERS('centre-service'), months: [month], alreadyClaimedMonths: [], asOf: '2026-11-26' });
    expect(expected.amountFen).toBe(290_000); // 3 free workstation-months × 300元 + 1 event × 2,000元
    expect(preview.amountFen).toBe(expected.amountFen);
    expect(preview.lines.map((l) => [l.item, l.quantity, l.unitFen, l.amountFen])).toEqual(expected.lines.map((l) => [l.item, l.quantity, l.unitFen, l.amountFen]));
    expect(preview.workstationMonths.map((x) => x.workstationCode).sort()).toEqual(['F-01', 'F-03', 'F-04']);
    expect(preview.uncountedWorkstationMonths.find((u) => u.workstationCode === 'F-05')!.reason).toContain('不符合扶持条件');
  });

  it('offers the manager the open 政府购买服务 programmes to claim under, without budgets and only for their centre', async () => {
    const offered = await w.managerA.centres.claims.programmes.query({ centreId: w.centreA });
    expect(offered.map((p) => p.id)).toContain(programmeId);
    expect(offered.every((p) => !('budget' in p) && !('parameters' in p))).toBe(true);
    expect((await errorOf(w.managerB.centres.claims.programmes.query({ centreId: w.centreA }))).code).toBe('NOT_FOUND');
  });

  it('submits the claim as a centre-service case in the shared review workflow, with its working line by line, and locks the month’s logs', async () => {
    const res = await w.managerA.centres.claims.submit.mutate({ centreId: w.centreA, period: { kind: 'month', start: '2026-03' }, programmeId, expectedAmountFen: 290_000 });
    expect(res).toMatchObject({ amountFen: 290_000, months: ['2026-03'] });
    const c = await w.reviewer.cases.get.query({ caseId: res.caseId });
    expect(c).toMatchObject({ scheme: 'centre-service', status: 'submitted', computedAmountFen: 290_000, programmeId });
    expect(c.working.map((l) => l.label)).toEqual(expect.arrayContaining(['2026-03 免费工位服务（工位·月）', '2026-03 公益性创业辅导活动（场）']));
    const queue = await w.reviewer.review.queue.query({ programmeId });
    expect(JSON.stringify(queue)).toContain(res.caseNo);
    const list = await w.managerA.centres.claims.list.query({ centreId: w.centreA });
    expect(list.items[0]).toMatchObject({ id: res.claimId, amountFen: 290_000, status: 'submitted', locksLogs: true });
    expect(count(`audit_event where action = 'centre.claim.submit'`)).toBe(1);

    // Locked: presence, allocations, events and imports touching March are refused.
    const locked = [
      await errorOf(w.managerA.centres.occupancy.save.mutate({ centreId: w.centreA, month: '2026-03', rows: [{ allocationId: alloc.get('F-02')!, daysPresent: 9, attested: false }] })),
      await errorOf(w.managerA.centres.allocations.end.mutate({ allocationId: alloc.get('F-02')!, endsOn: '2026-03-15' })),
      await errorOf(w.managerA.centres.events.create.mutate({ centreId: w.centreA, event: { title: '补录活动', date: '2026-03-28', kind: 'public-interest', attendeeCount: 20, sector: null } })),
    ];
    locked.push(
      await errorOf(
        w.managerA.centres.workstations.create.mutate({
          centreId: w.centreA,
          workstation: { code: 'F-06', zone: 'F区', kind: 'open-desk', designation: 'free', monthlyRentFen: 0 },
          inServiceFrom: '2026-03-01',
        }),
      ),
    );
    for (const e of locked) expect(e).toMatchObject({ code: 'CONFLICT', domainCode: 'CENTRES.CLAIMED_MONTH_LOCKED' });
    expect(locked[0]!.message).toContain('已申报');
    const grid = await w.managerA.centres.occupancy.grid.query({ centreId: w.centreA, month: '2026-03' });
    expect(grid.locked).toBe(true);
    const imp = await w.managerA.centres.imports.run.mutate({
      centreId: w.centreA,
      kind: 'occupancy',
      fileName: 'm.csv',
      contentBase64: Buffer.from('工位编号,月份,在驻天数,整月在驻确认,分配编号\r\nF-02,2026-03,9,,\r\n').toString('base64'),
    });
    expect(imp).toMatchObject({ ok: false, errors: [{ row: 2, column: '月份', reason: '2026-03 已申报，台账已锁定，不能导入该月出勤' }] });
  });

  it('refuses a month already claimed, alone or inside a quarter', async () => {
    for (const period of [{ kind: 'month' as const, start: '2026-03' }, { kind: 'quarter' as const, start: '2026-01' }]) {
      const e = await errorOf(w.managerA.centres.claims.submit.mutate({ centreId: w.centreA, period, programmeId }));
      expect(e).toMatchObject({ code: 'CONFLICT', domainCode: 'CENTRES.MONTH_ALREADY_CLAIMED' });
      expect(e.message).toContain('2026-03');
    }
  });

  it('lets exactly one of 10 concurrent submissions of the same month through', async () => {
    const jar = new CookieJar();
    await w.server.client({ jar }).auth.signIn.mutate({ username: 'manager', password: DEMO_TEST_PASSWORD });
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        createTRPCClient<AppRouter>({ links: [httpLink({ url: `${w.server.url}/trpc`, fetch: jarFetch(jar), headers: { 'x-fund-request': '1' } })] }).centres.claims.submit.mutate({
          centreId: w.centreA,
          period: { kind: 'month', start: '2026-02' },
          programmeId,
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((x): x is PromiseRejectedResult => x.status === 'rejected')) {
      expect((r.reason as { data?: { domainCode?: string } }).data?.domainCode).toBe('CENTRES.MONTH_ALREADY_CLAIMED');
    }
    expect(count(`claimed_month where month = '2026-02'`)).toBe(1);
    expect(count(`funding_case where scheme = 'centre-service'`)).toBe(2);
  });

  it('unlocks the logs when a reviewer returns the claim, and recomputes the amount on resubmission', async () => {
    const claim = (await w.managerA.centres.claims.list.query({ centreId: w.centreA })).items.find((c) => c.months.includes('2026-03'))!;
    await w.reviewer.review.returnForCorrection.mutate({ caseId: claim.caseId!, reason: 'F-02 出勤记录有误，请核实后更正' });
    await w.managerA.centres.occupancy.save.mutate({ centreId: w.centreA, month: '2026-03', rows: [{ allocationId: alloc.get('F-02')!, daysPresent: 9, attested: false }] });
    const res = await w.managerA.centres.claims.resubmit.mutate({ claimId: claim.id, answer: '已核实签到表，F-02 实际在驻 9 天' });
    expect(res.amountFen).toBe(320_000);
    const c = await w.reviewer.cases.get.query({ caseId: claim.caseId! });
    expect(c).toMatchObject({ status: 'submitted', computedAmountFen: 320_000 });
    const again = await errorOf(w.managerA.centres.occupancy.save.mutate({ centreId: w.centreA, month: '2026-03', rows: [{ allocationId: alloc.get('F-02')!, daysPresent: 10, attested: false }] }));
    expect(again.domainCode).toBe('CENTRES.CLAIMED_MONTH_LOCKED');
  });
});
