import { addDays, compareIsoDate, monthOf, parseIsoDate } from '../dates';
import { invalid } from '../errors';
import { DEFAULT_PARAMETERS } from '../funding/programme';
import { allocatedDaysInMonth, type Allocation, type AllocationSpan } from './allocations';
import type { CentreEvent } from './events';
import {
  assertYearMonth,
  groupByWorkstation,
  meetsPct,
  monthBounds,
  parseThresholdPct,
  requireDayCount,
  sharedDaysInMonth,
  truncatedPct,
} from './internal';
import type { WorkstationDesignation } from './workstations';

/**
 * Monthly KPIs of a centre (domain-rules.md §6: "both shown monthly as KPIs"), and the two thresholds a month must
 * meet before it can be claimed: free share ≥ 30% and occupancy ≥ 80% (defaults; the programme sets them).
 *
 * Definitions (D = `minAllocatedDays`, the programme's free workstation-month day threshold, 15 by default):
 * - **workstations**: workstations in service for at least D days of the month (`createdOn` ≤ day < `retiredOn`).
 *   A desk opened on the 25th, or retired on the 5th, could never be "allocated" that month under the next rule, so
 *   it is no workstation-month on either side of the ratio.
 * - **freeDesignated**: of those, the ones designated free (§6 "at least 30% … designated free").
 * - **allocated**: of those, the ones covered by allocations (any occupant, any terms) on at least D days of the
 *   month. Decision: §6 counts a free workstation-month only from 15 allocated days, and the occupancy rate uses the
 *   same yardstick so that the two measure the same thing. "Allocated on any day" would let a centre reach 80% with
 *   one-day allocations at the end of the month, and "allocated on the last day" the same with a single day; D days
 *   is the smallest rule that cannot be gamed that way. Two occupants one after the other add up (10 + 18 days).
 * - **freeSharePct / occupancyPct**: exact ratios × 100, shown with two decimals **truncated**, so a share displayed
 *   as 30.00 really is at least 30% (29.996% shows 29.99 and fails). The `meets…` flags compare the exact integers
 *   (free × 100 ≥ threshold × total), never the rounded display, so 29.99% < 30%. No workstations: '0.00', not met.
 * - **incubatedOccupants**: distinct occupants with at least one allocated day in the month (在孵).
 * - **newEntrants / exits**: occupants whose stay began / ended in the month. A stay is a run of the occupant's
 *   allocations without a gap, so a move between desks is neither an exit nor an entry. For this to be right, pass
 *   every allocation of the centre that touches the month or the days just before and after it.
 * - **events / attendees**: all events dated in the month and their signed-in attendees; by kind as well.
 */
export interface KpiWorkstation {
  id: number | string;
  /** Shown in explanations; defaults to the id. */
  code?: string;
  designation: WorkstationDesignation;
  createdOn: string;
  /** First day out of service; null while in service. */
  retiredOn: string | null;
}

export interface KpiAllocation extends Allocation {
  /** Stable, non-personal key of the occupant, e.g. 'enterprise:12', 'founder:7', 'team:3'. */
  occupantKey: string;
}

export interface MonthlyKpiInput {
  month: string;
  workstations: readonly KpiWorkstation[];
  allocations: readonly KpiAllocation[];
  events: readonly CentreEvent[];
  /** D above; default: the programme default (15 days, §6). */
  minAllocatedDays?: number;
  /** Thresholds in percent as exact decimals (programme defaults '30' and '80'). */
  minFreeSharePct?: string | number;
  minOccupancyPct?: string | number;
}

export interface MonthlyKpis {
  month: string;
  workstations: number;
  freeDesignated: number;
  allocated: number;
  /** Two decimals, truncated: '30.00'. */
  freeSharePct: string;
  occupancyPct: string;
  minFreeSharePct: string;
  minOccupancyPct: string;
  meetsFreeShare: boolean;
  meetsOccupancy: boolean;
  incubatedOccupants: number;
  newEntrants: number;
  exits: number;
  events: number;
  attendees: number;
  publicInterestEvents: number;
  trainingClasses: number;
}

/** The fund defaults of §6 (15 days, 30%, 80%), taken from the programme parameters so there is one source. */
const CENTRE_DEFAULTS = DEFAULT_PARAMETERS('centre-service');
const DEFAULT_MIN_ALLOCATED_DAYS = CENTRE_DEFAULTS.minAllocatedDays;
const DEFAULT_MIN_FREE_SHARE_PCT = CENTRE_DEFAULTS.minFreeSharePct;
const DEFAULT_MIN_OCCUPANCY_PCT = CENTRE_DEFAULTS.minOccupancyPct;

/** The days a workstation is in service: from `createdOn` to the day before `retiredOn`. */
export function workstationServiceSpan(ws: KpiWorkstation): AllocationSpan {
  parseIsoDate(ws.createdOn, '工位启用日期');
  if (ws.retiredOn === null) return { startsOn: ws.createdOn, endsOn: null };
  parseIsoDate(ws.retiredOn, '工位停用日期');
  if (compareIsoDate(ws.retiredOn, ws.createdOn) <= 0) {
    throw invalid(
      'CENTRES.END_BEFORE_START',
      `工位 ${ws.code ?? String(ws.id)} 的停用日期 ${ws.retiredOn} 应晚于启用日期 ${ws.createdOn}`,
      {
        workstationId: ws.id,
      },
    );
  }
  return { startsOn: ws.createdOn, endsOn: addDays(ws.retiredOn, -1) };
}

/**
 * Refuses input that would double count: duplicate workstation ids, allocations of unknown workstations, allocations
 * whose end precedes their start, and two allocations of one workstation on the same day.
 */
export function checkCentreLog(
  workstations: readonly KpiWorkstation[],
  allocations: readonly KpiAllocation[],
): void {
  const ids = new Set<number | string>();
  for (const ws of workstations) {
    if (ids.has(ws.id))
      throw invalid('CENTRES.DUPLICATE_WORKSTATION', `工位 ${ws.code ?? String(ws.id)} 重复出现`, {
        workstationId: ws.id,
      });
    ids.add(ws.id);
  }
  for (const a of allocations) {
    if (!ids.has(a.workstationId)) {
      throw invalid(
        'CENTRES.UNKNOWN_WORKSTATION',
        `分配记录引用了不存在的工位（${String(a.workstationId)}）`,
        { workstationId: a.workstationId },
      );
    }
    parseIsoDate(a.startsOn, '分配开始日期');
    if (a.endsOn !== null) {
      parseIsoDate(a.endsOn, '分配结束日期');
      if (compareIsoDate(a.endsOn, a.startsOn) < 0) {
        throw invalid('CENTRES.END_BEFORE_START', `分配结束日期 ${a.endsOn} 早于开始日期 ${a.startsOn}`, {
          allocationId: a.id ?? null,
        });
      }
    }
  }
  for (const list of groupByWorkstation(allocations).values()) {
    const sorted = [...list].sort((x, y) => compareIsoDate(x.startsOn, y.startsOn));
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1]!;
      const next = sorted[i]!;
      if (prev.endsOn === null || compareIsoDate(next.startsOn, prev.endsOn) <= 0) {
        throw invalid(
          'CENTRES.OVERLAPPING_ALLOCATIONS',
          `工位 ${String(next.workstationId)} 的分配记录时间重叠（${prev.startsOn} 起与 ${next.startsOn} 起），请先更正分配台账`,
          { workstationId: next.workstationId },
        );
      }
    }
  }
}

/** Stays of each occupant: maximal runs of its allocations with no day in between (open end = still present). */
function stays(allocations: readonly KpiAllocation[]): AllocationSpan[] {
  const byOccupant = new Map<string, KpiAllocation[]>();
  for (const a of allocations) {
    const list = byOccupant.get(a.occupantKey) ?? [];
    list.push(a);
    byOccupant.set(a.occupantKey, list);
  }
  const result: AllocationSpan[] = [];
  for (const list of byOccupant.values()) {
    const sorted = [...list].sort((x, y) => compareIsoDate(x.startsOn, y.startsOn));
    let current: AllocationSpan | null = null;
    for (const a of sorted) {
      if (
        current !== null &&
        (current.endsOn === null || compareIsoDate(a.startsOn, addDays(current.endsOn, 1)) <= 0)
      ) {
        if (current.endsOn !== null && (a.endsOn === null || compareIsoDate(a.endsOn, current.endsOn) > 0))
          current.endsOn = a.endsOn;
        continue;
      }
      if (current !== null) result.push(current);
      current = { startsOn: a.startsOn, endsOn: a.endsOn };
    }
    if (current !== null) result.push(current);
  }
  return result;
}

export interface MonthlyKpiDetail {
  kpis: MonthlyKpis;
  /** Workstations counted in `workstations`, with their allocated days in the month. */
  inService: { workstation: KpiWorkstation; allocatedDays: number }[];
}

/** The KPIs plus the per-workstation facts behind them (used by the claim calculation). */
export function monthlyKpiDetail(input: MonthlyKpiInput): MonthlyKpiDetail {
  const { month } = input;
  assertYearMonth(month, 'KPI 月份');
  const { first, last } = monthBounds(month);
  const minDays = requireDayCount(input.minAllocatedDays ?? DEFAULT_MIN_ALLOCATED_DAYS, '最少分配天数', 31);
  const freePct = parseThresholdPct(input.minFreeSharePct ?? DEFAULT_MIN_FREE_SHARE_PCT, '免费工位占比下限');
  const occupancyPct = parseThresholdPct(
    input.minOccupancyPct ?? DEFAULT_MIN_OCCUPANCY_PCT,
    '工位使用率下限',
  );
  checkCentreLog(input.workstations, input.allocations);

  const byWorkstation = groupByWorkstation(input.allocations);
  const inService: MonthlyKpiDetail['inService'] = [];
  for (const ws of input.workstations) {
    const span = workstationServiceSpan(ws);
    const serviceDays = allocatedDaysInMonth(span, month);
    if (serviceDays === 0 || serviceDays < minDays) continue;
    let allocatedDays = 0;
    for (const a of byWorkstation.get(ws.id) ?? []) allocatedDays += sharedDaysInMonth(a, span, month);
    inService.push({ workstation: ws, allocatedDays });
  }
  const total = inService.length;
  const freeDesignated = inService.filter((w) => w.workstation.designation === 'free').length;
  const allocated = inService.filter((w) => w.allocatedDays >= minDays && w.allocatedDays > 0).length;

  const occupants = new Set<string>();
  for (const a of input.allocations) if (allocatedDaysInMonth(a, month) > 0) occupants.add(a.occupantKey);
  const inMonth = (d: string) => compareIsoDate(d, first) >= 0 && compareIsoDate(d, last) <= 0;
  const allStays = stays(input.allocations);

  const events = input.events.filter((e) => {
    parseIsoDate(e.date, '活动日期');
    return monthOf(e.date) === month;
  });
  for (const e of events) {
    if (!Number.isSafeInteger(e.attendeeCount) || e.attendeeCount < 0) {
      throw invalid('CENTRES.INVALID_ATTENDEES', `活动 ${e.title ?? e.date} 的签到人数应为非负整数`, {
        eventId: e.id ?? null,
      });
    }
  }

  return {
    inService,
    kpis: {
      month,
      workstations: total,
      freeDesignated,
      allocated,
      freeSharePct: truncatedPct(freeDesignated, total),
      occupancyPct: truncatedPct(allocated, total),
      minFreeSharePct: freePct.toString(),
      minOccupancyPct: occupancyPct.toString(),
      meetsFreeShare: meetsPct(freeDesignated, total, freePct),
      meetsOccupancy: meetsPct(allocated, total, occupancyPct),
      incubatedOccupants: occupants.size,
      newEntrants: allStays.filter((s) => inMonth(s.startsOn)).length,
      exits: allStays.filter((s) => s.endsOn !== null && inMonth(s.endsOn)).length,
      events: events.length,
      attendees: events.reduce((sum, e) => sum + e.attendeeCount, 0),
      publicInterestEvents: events.filter((e) => e.kind === 'public-interest').length,
      trainingClasses: events.filter((e) => e.kind === 'training-class').length,
    },
  };
}

/** The monthly KPIs of a centre; see the definitions at the top of this file. */
export function monthlyKpis(input: MonthlyKpiInput): MonthlyKpis {
  return monthlyKpiDetail(input).kpis;
}
