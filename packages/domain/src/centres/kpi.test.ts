import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { truncatedPct } from './internal';
import { monthlyKpis, type KpiAllocation, type KpiWorkstation } from './kpi';

function thrown(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

const ws = (
  id: number,
  designation: 'free' | 'preferential',
  createdOn = '2025-01-01',
  retiredOn: string | null = null,
): KpiWorkstation => ({
  id,
  code: `A-${String(id).padStart(3, '0')}`,
  designation,
  createdOn,
  retiredOn,
});

/** `total` workstations, the first `free` designated free, the first `allocated` allocated for the whole month. */
function centre(total: number, free: number, allocated: number, month = '2026-03') {
  const workstations = Array.from({ length: total }, (_, i) => ws(i + 1, i < free ? 'free' : 'preferential'));
  const allocations: KpiAllocation[] = Array.from({ length: allocated }, (_, i) => ({
    id: i + 1,
    workstationId: i + 1,
    startsOn: `${month}-01`,
    endsOn: null,
    terms: i < free ? ('free' as const) : ('preferential' as const),
    occupantKey: `enterprise:${i + 1}`,
  }));
  return { month, workstations, allocations, events: [] };
}

describe('free share', () => {
  it('meets the 30% threshold with 30 free workstations out of 100, not with 29', () => {
    const at30 = monthlyKpis(centre(100, 30, 100));
    expect(at30).toMatchObject({
      workstations: 100,
      freeDesignated: 30,
      freeSharePct: '30.00',
      meetsFreeShare: true,
    });
    const at29 = monthlyKpis(centre(100, 29, 100));
    expect(at29).toMatchObject({ freeDesignated: 29, freeSharePct: '29.00', meetsFreeShare: false });
  });

  it('compares exactly: 29.99% is below 30%', () => {
    const k = monthlyKpis(centre(1_377, 413, 1_377)); // 29.9927…%
    expect(k.freeSharePct).toBe('29.99');
    expect(k.meetsFreeShare).toBe(false);
  });

  it('truncates the displayed share so that it never shows a threshold the centre missed', () => {
    // 602 / 2 007 = 29.99501…%: half-up would print 30.00 although the threshold is missed.
    const k = monthlyKpis(centre(2_007, 602, 2_007));
    expect(k.freeSharePct).toBe('29.99');
    expect(k.meetsFreeShare).toBe(false);
    expect(truncatedPct(2, 3)).toBe('66.66');
  });

  it('uses the programme’s threshold when given one', () => {
    expect(monthlyKpis({ ...centre(100, 29, 100), minFreeSharePct: '28.5' }).meetsFreeShare).toBe(true);
    expect(thrown(() => monthlyKpis({ ...centre(10, 3, 10), minFreeSharePct: '101' })).message).toBe(
      '免费工位占比下限应为 0–100 之间的百分比数值（如 30），收到 101',
    );
  });
});

describe('occupancy', () => {
  it('meets 80% with 8 of 10 workstations allocated, not with 7', () => {
    expect(monthlyKpis(centre(10, 3, 8))).toMatchObject({
      allocated: 8,
      occupancyPct: '80.00',
      meetsOccupancy: true,
    });
    expect(monthlyKpis(centre(10, 3, 7))).toMatchObject({
      allocated: 7,
      occupancyPct: '70.00',
      meetsOccupancy: false,
    });
  });

  it('counts a workstation as allocated from 15 days in the month, not 14', () => {
    const c = centre(1, 1, 0);
    const at = (startsOn: string) =>
      monthlyKpis({
        ...c,
        allocations: [
          { id: 1, workstationId: 1, startsOn, endsOn: null, terms: 'free', occupantKey: 'founder:1' },
        ],
      });
    expect(at('2026-03-17').allocated).toBe(1); // 17th–31st = 15 days
    expect(at('2026-03-18').allocated).toBe(0); // 14 days
  });

  it('adds up the days of successive occupants of one workstation', () => {
    const c = centre(1, 1, 0);
    const k = monthlyKpis({
      ...c,
      allocations: [
        {
          id: 1,
          workstationId: 1,
          startsOn: '2026-02-01',
          endsOn: '2026-03-07',
          terms: 'free',
          occupantKey: 'founder:1',
        },
        {
          id: 2,
          workstationId: 1,
          startsOn: '2026-03-24',
          endsOn: null,
          terms: 'free',
          occupantKey: 'founder:2',
        },
      ],
    });
    expect(k).toMatchObject({ allocated: 1, incubatedOccupants: 2, exits: 1, newEntrants: 1 }); // 7 + 8 = 15 days
  });

  it('leaves out workstations in service for fewer than 15 days of the month', () => {
    const workstations = [
      ws(1, 'free'),
      ws(2, 'free', '2026-03-18'),
      ws(3, 'preferential', '2025-01-01', '2026-03-15'),
      ws(4, 'free', '2025-01-01', '2026-03-16'),
    ];
    const k = monthlyKpis({ month: '2026-03', workstations, allocations: [], events: [] });
    expect(k.workstations).toBe(2); // 1 (whole month) and 4 (1st–15th = 15 days)
    expect(k.freeDesignated).toBe(2);
  });

  it('reports 0.00 and unmet thresholds for a centre without workstations', () => {
    expect(monthlyKpis({ month: '2026-03', workstations: [], allocations: [], events: [] })).toMatchObject({
      workstations: 0,
      freeSharePct: '0.00',
      occupancyPct: '0.00',
      meetsFreeShare: false,
      meetsOccupancy: false,
    });
  });
});

describe('occupants and events', () => {
  it('does not count a move between workstations as an exit and an entry', () => {
    const k = monthlyKpis({
      month: '2026-03',
      workstations: [ws(1, 'free'), ws(2, 'free'), ws(3, 'preferential')],
      allocations: [
        {
          id: 1,
          workstationId: 1,
          startsOn: '2026-01-01',
          endsOn: '2026-03-10',
          terms: 'free',
          occupantKey: 'team:1',
        },
        {
          id: 2,
          workstationId: 2,
          startsOn: '2026-03-11',
          endsOn: null,
          terms: 'free',
          occupantKey: 'team:1',
        },
        {
          id: 3,
          workstationId: 3,
          startsOn: '2026-03-05',
          endsOn: '2026-03-25',
          terms: 'preferential',
          occupantKey: 'enterprise:9',
        },
        {
          id: 4,
          workstationId: 1,
          startsOn: '2026-03-20',
          endsOn: null,
          terms: 'free',
          occupantKey: 'founder:4',
        },
      ],
      events: [],
    });
    expect(k).toMatchObject({ incubatedOccupants: 3, newEntrants: 2, exits: 1 });
  });

  it('counts the month’s events and signed-in attendees by kind', () => {
    const k = monthlyKpis({
      ...centre(1, 1, 1),
      events: [
        { date: '2026-03-05', kind: 'public-interest', attendeeCount: 12 },
        { date: '2026-03-20', kind: 'training-class', attendeeCount: 30, sector: '电子商务' },
        { date: '2026-04-01', kind: 'public-interest', attendeeCount: 50 },
      ],
    });
    expect(k).toMatchObject({ events: 2, attendees: 42, publicInterestEvents: 1, trainingClasses: 1 });
  });
});

describe('bad logs', () => {
  it('refuses two allocations of one workstation on the same day', () => {
    const c = centre(1, 1, 0);
    const e = thrown(() =>
      monthlyKpis({
        ...c,
        allocations: [
          {
            id: 1,
            workstationId: 1,
            startsOn: '2026-03-01',
            endsOn: '2026-03-15',
            terms: 'free',
            occupantKey: 'a',
          },
          { id: 2, workstationId: 1, startsOn: '2026-03-15', endsOn: null, terms: 'free', occupantKey: 'b' },
        ],
      }),
    );
    expect(e.code).toBe('CENTRES.OVERLAPPING_ALLOCATIONS');
    expect(e.message).toContain('请先更正分配台账');
  });

  it('refuses allocations of unknown workstations and malformed months', () => {
    const c = centre(1, 1, 0);
    expect(
      thrown(() =>
        monthlyKpis({
          ...c,
          allocations: [
            {
              id: 1,
              workstationId: 9,
              startsOn: '2026-03-01',
              endsOn: null,
              terms: 'free',
              occupantKey: 'a',
            },
          ],
        }),
      ).code,
    ).toBe('CENTRES.UNKNOWN_WORKSTATION');
    expect(thrown(() => monthlyKpis({ ...c, month: '2026-13' })).message).toBe(
      'KPI 月份应为 YYYY-MM 格式的月份（如 2026-03），收到 “2026-13”',
    );
  });
});

test.prop([fc.integer({ min: 1, max: 500 }), fc.nat(), fc.nat()])(
  'flags the thresholds exactly as the integer comparisons free × 100 ≥ 30 × total and allocated × 100 ≥ 80 × total',
  (total, f, a) => {
    const free = f % (total + 1);
    const allocated = a % (total + 1);
    const k = monthlyKpis(centre(total, free, allocated));
    expect(k.meetsFreeShare).toBe(free * 100 >= 30 * total);
    expect(k.meetsOccupancy).toBe(allocated * 100 >= 80 * total);
  },
);
