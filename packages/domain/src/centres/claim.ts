import { z } from 'zod';
import { compareIsoDate, monthOf, parseIsoDate } from '../dates';
import { conflict, invalid } from '../errors';
import type { CentreServiceParameters } from '../funding/programme';
import { fen, mulFenByRatio, sumFen, type Fen } from '../money';
import { allocatedDaysInMonth } from './allocations';
import type { CentreEvent } from './events';
import {
  addMonthsToYearMonth,
  assertYearMonth,
  groupByWorkstation,
  isYearMonth,
  monthBounds,
  requireDayCount,
  sharedDaysInMonth,
} from './internal';
import {
  monthlyKpiDetail,
  workstationServiceSpan,
  type KpiAllocation,
  type KpiWorkstation,
  type MonthlyKpis,
} from './kpi';

/**
 * A centre's claim for service support (政府购买服务), domain-rules.md §6:
 * - a **free workstation-month** counts when a workstation designated free was allocated free to an eligible
 *   occupant for ≥ `minAllocatedDays` (15) calendar days of the month and the occupant was present ≥ `minPresentDays`
 *   (8) days, or the manager attested presence for the month: `freeWorkstationMonthFen` (300元) each;
 * - a **public-interest event** with ≥ `minEventAttendees` (10) signed-in attendees: `eventFen` (2,000元) each;
 *   training classes are not paid per event (see events.ts);
 * - a month counts only if it meets both monthly KPIs (free share ≥ 30%, occupancy ≥ 80%, see kpi.ts); a month
 *   that fails contributes nothing and the result says why;
 * - a claim covers one month or one calendar quarter, and no month is claimed twice by the same centre.
 * Reading "the workstation was allocated free … for at least 15 calendar days" literally, the days are counted per
 * workstation and occupant: an occupant's successive allocations of the same desk add up, but an occupant moved to
 * another desk mid-month starts a new count there, and one workstation makes at most one workstation-month a month.
 * Presence is per occupant and month: several allocation-keyed records of that occupant on the desk add up.
 * Amounts are integer fen. The parameters are the programme's, frozen with the claim (§3).
 */

/** The claim-relevant parameters of a `centre-service` programme (funding/programme.ts). */
export type CentreClaimRule = Pick<
  CentreServiceParameters,
  | 'freeWorkstationMonthFen'
  | 'minAllocatedDays'
  | 'minPresentDays'
  | 'eventFen'
  | 'minEventAttendees'
  | 'minFreeSharePct'
  | 'minOccupancyPct'
>;

export const CLAIM_PERIOD_KINDS = ['month', 'quarter'] as const;
export type ClaimPeriodKind = (typeof CLAIM_PERIOD_KINDS)[number];
export const CLAIM_PERIOD_KIND_LABELS: Record<ClaimPeriodKind, string> = {
  month: '按月申报',
  quarter: '按季度申报',
};

/** Quarters are calendar quarters (第一季度 = 01–03 …), so they start in January, April, July or October. */
const QUARTER_START_MONTHS = ['01', '04', '07', '10'];

export const CentreClaimPeriod = z
  .object({
    kind: z.enum(CLAIM_PERIOD_KINDS, { error: '请选择申报周期（按月或按季度）' }),
    start: z.string().refine(isYearMonth, { error: '申报起始月份应为 YYYY-MM 格式（如 2026-03）' }),
  })
  .superRefine((p, ctx) => {
    if (p.kind === 'quarter' && isYearMonth(p.start) && !QUARTER_START_MONTHS.includes(p.start.slice(5))) {
      ctx.addIssue({ code: 'custom', path: ['start'], message: '按季度申报应从 1、4、7 或 10 月开始' });
    }
  });
export type CentreClaimPeriod = z.infer<typeof CentreClaimPeriod>;

/** The months ('YYYY-MM') a claim period covers: one, or the three of a calendar quarter. */
export function periodMonths(period: CentreClaimPeriod): string[] {
  assertYearMonth(period.start, '申报起始月份');
  switch (period.kind) {
    case 'month':
      return [period.start];
    case 'quarter':
      if (!QUARTER_START_MONTHS.includes(period.start.slice(5))) {
        throw invalid('CENTRES.QUARTER_START', `按季度申报应从 1、4、7 或 10 月开始，收到 ${period.start}`, {
          start: period.start,
        });
      }
      return [0, 1, 2].map((n) => addMonthsToYearMonth(period.start, n));
    default:
      return period.kind satisfies never;
  }
}

/** A quarter as people name it: '2026年第一季度'; a month: '2026年3月'. */
export function claimPeriodLabel(period: CentreClaimPeriod): string {
  const months = periodMonths(period);
  const year = period.start.slice(0, 4);
  if (period.kind === 'month') return `${year}年${Number(period.start.slice(5))}月`;
  const quarter = ['一', '二', '三', '四'][(Number(months[0]!.slice(5)) - 1) / 3]!;
  return `${year}年第${quarter}季度`;
}

export interface ClaimAllocation extends KpiAllocation {
  id: number | string;
  /**
   * Whether the occupant is eligible (§6 "an eligible occupant"): decided by the service from the occupant's record
   * (e.g. a verified micro/small enterprise, a registered founder or team), not guessed here.
   */
  occupantEligible: boolean;
}

/**
 * Presence (在驻/出勤) of an occupant in a month, from the sign-in log or the manager's attestation. Keyed by the
 * allocation, or by the workstation when the log is kept per desk (then it only applies when one occupant used the
 * desk that month, since it cannot be attributed otherwise).
 */
export interface PresenceRecord {
  allocationId?: number | string;
  workstationId?: number | string;
  month: string;
  daysPresent?: number;
  /** The manager attested presence for the whole month (§6). */
  attested?: boolean;
}

export interface CentreClaimMonthInput {
  month: string;
  workstations: readonly KpiWorkstation[];
  allocations: readonly ClaimAllocation[];
  presence: readonly PresenceRecord[];
  events: readonly CentreEvent[];
}

export interface CentreClaimInput {
  period: CentreClaimPeriod;
  rule: CentreClaimRule;
  months: readonly CentreClaimMonthInput[];
  /** Months of this centre's earlier claims that were not rejected or withdrawn. */
  alreadyClaimedMonths: readonly string[];
  /** Today, when known: a month can only be claimed after it has ended. */
  asOf?: string;
}

export const CLAIM_LINE_ITEMS = ['free-workstation-month', 'public-interest-event'] as const;
export type ClaimLineItem = (typeof CLAIM_LINE_ITEMS)[number];
export const CLAIM_LINE_ITEM_LABELS: Record<ClaimLineItem, string> = {
  'free-workstation-month': '免费工位服务',
  'public-interest-event': '公益性创业辅导活动',
};

export interface CentreClaimLine {
  month: string;
  item: ClaimLineItem;
  /** '2026-03 免费工位服务（工位·月）' */
  label: string;
  quantity: number;
  unitFen: Fen;
  amountFen: Fen;
  note?: string;
}

export interface CountedWorkstationMonth {
  month: string;
  workstationId: number | string;
  workstationCode: string;
  occupantKey: string;
  allocationIds: (number | string)[];
  allocatedDays: number;
  daysPresent: number | null;
  attested: boolean;
}

export interface UncountedWorkstationMonth {
  month: string;
  workstationId: number | string;
  workstationCode: string;
  occupantKey: string | null;
  reason: string;
}

export interface ClaimEventDecision {
  month: string;
  eventId: number | string | null;
  title: string | null;
  date: string;
  kind: CentreEvent['kind'];
  attendeeCount: number;
  counted: boolean;
  reason: string | null;
}

export interface CentreClaimMonthResult {
  month: string;
  kpis: MonthlyKpis;
  eligible: boolean;
  /** Why the month is not eligible (Chinese sentences); empty when eligible. */
  reasons: string[];
  workstationMonths: number;
  qualifyingEvents: number;
  amountFen: Fen;
}

export interface CentreClaimResult {
  period: CentreClaimPeriod;
  periodLabel: string;
  amountFen: Fen;
  lines: CentreClaimLine[];
  months: CentreClaimMonthResult[];
  ineligibleMonths: { month: string; reasons: string[] }[];
  workstationMonths: CountedWorkstationMonth[];
  uncountedWorkstationMonths: UncountedWorkstationMonth[];
  events: ClaimEventDecision[];
}

function requireRule(rule: CentreClaimRule): void {
  fen(rule.freeWorkstationMonthFen);
  fen(rule.eventFen);
  if (rule.freeWorkstationMonthFen < 0 || rule.eventFen < 0) {
    throw invalid('CENTRES.INVALID_RULE', '补助标准不能为负数', {});
  }
  requireDayCount(rule.minAllocatedDays, '最少分配天数', 31);
  requireDayCount(rule.minPresentDays, '最少在驻天数', 31);
  requireDayCount(rule.minEventAttendees, '最少签到人数', Number.MAX_SAFE_INTEGER);
}

function key(id: number | string): string {
  return `${typeof id}:${String(id)}`;
}

function checkPresence(
  input: CentreClaimMonthInput,
  allocationIds: Set<string>,
  workstationIds: Set<string>,
  days: number,
): void {
  const seen = new Set<string>();
  for (const p of input.presence) {
    if (p.month !== input.month) {
      throw invalid(
        'CENTRES.PRESENCE_MONTH_MISMATCH',
        `出勤记录的月份 ${String(p.month)} 与申报月份 ${input.month} 不一致`,
        { month: p.month },
      );
    }
    const byAllocation = p.allocationId !== undefined;
    if (byAllocation === (p.workstationId !== undefined)) {
      throw invalid('CENTRES.INVALID_PRESENCE', '出勤记录须对应一条分配记录或一个工位（二选一）', {
        month: p.month,
      });
    }
    const k = byAllocation ? `a|${key(p.allocationId!)}` : `w|${key(p.workstationId!)}`;
    if (
      byAllocation ? !allocationIds.has(key(p.allocationId!)) : !workstationIds.has(key(p.workstationId!))
    ) {
      throw invalid(
        'CENTRES.INVALID_PRESENCE',
        `${input.month} 的出勤记录引用了不存在的${byAllocation ? '分配记录' : '工位'}`,
        { month: p.month },
      );
    }
    if (seen.has(k))
      throw invalid('CENTRES.DUPLICATE_PRESENCE', `${input.month} 有重复的出勤记录，请合并后再申报`, {
        month: p.month,
      });
    seen.add(k);
    if (p.daysPresent === undefined && p.attested !== true) {
      throw invalid('CENTRES.INVALID_PRESENCE', '出勤记录须填写在驻天数，或由管理员确认整月在驻', {
        month: p.month,
      });
    }
    if (
      p.daysPresent !== undefined &&
      (!Number.isSafeInteger(p.daysPresent) || p.daysPresent < 0 || p.daysPresent > days)
    ) {
      throw invalid(
        'CENTRES.INVALID_PRESENCE',
        `在驻天数应为 0–${days} 之间的整数，收到 ${String(p.daysPresent)}`,
        { month: p.month },
      );
    }
  }
}

interface OccupantOnDesk {
  occupantKey: string;
  allocations: ClaimAllocation[];
  days: number;
  eligible: boolean;
}

interface MonthOutcome {
  counted: CountedWorkstationMonth[];
  uncounted: UncountedWorkstationMonth[];
}

/** §6 free workstation-months of one eligible month: at most one per workstation. */
function freeWorkstationMonths(
  input: CentreClaimMonthInput,
  rule: CentreClaimRule,
  inService: readonly KpiWorkstation[],
): MonthOutcome {
  const { month } = input;
  const counted: CountedWorkstationMonth[] = [];
  const uncounted: UncountedWorkstationMonth[] = [];
  const byWorkstation = groupByWorkstation(input.allocations);
  // checkPresence has made each key unique: at most one record per allocation and one per workstation.
  const presenceByAllocation = new Map<string, PresenceRecord>();
  const presenceByDesk = new Map<string, PresenceRecord>();
  for (const p of input.presence) {
    if (p.allocationId !== undefined) presenceByAllocation.set(key(p.allocationId), p);
    if (p.workstationId !== undefined) presenceByDesk.set(key(p.workstationId), p);
  }
  for (const ws of inService) {
    if (ws.designation !== 'free') continue; // §6: a free workstation is one *designated* zero-rent
    const code = ws.code ?? String(ws.id);
    const service = workstationServiceSpan(ws);
    const occupants = new Map<string, OccupantOnDesk>();
    const used = (byWorkstation.get(ws.id) ?? []).filter((a) => allocatedDaysInMonth(a, month) > 0);
    for (const a of used) {
      if (a.terms !== 'free') continue;
      const o = occupants.get(a.occupantKey) ?? {
        occupantKey: a.occupantKey,
        allocations: [],
        days: 0,
        eligible: true,
      };
      o.allocations.push(a);
      o.days += sharedDaysInMonth(a, service, month);
      o.eligible &&= a.occupantEligible;
      occupants.set(a.occupantKey, o);
    }
    if (occupants.size === 0) {
      uncounted.push({
        month,
        workstationId: ws.id,
        workstationCode: code,
        occupantKey: null,
        reason: '本月未免费分配',
      });
      continue;
    }
    const deskUsers = new Set(used.map((a) => a.occupantKey)).size;
    const qualifying: CountedWorkstationMonth[] = [];
    const sorted = [...occupants.values()].sort(
      (a, b) =>
        b.days - a.days || (a.occupantKey < b.occupantKey ? -1 : a.occupantKey > b.occupantKey ? 1 : 0),
    );
    for (const o of sorted) {
      const reasons: string[] = [];
      if (!o.eligible) reasons.push('入驻对象不符合扶持条件');
      if (o.days < rule.minAllocatedDays)
        reasons.push(`免费分配 ${o.days} 天，不足 ${rule.minAllocatedDays} 天`);
      const byAllocation = o.allocations.flatMap((a) => presenceByAllocation.get(key(a.id)) ?? []);
      const byDesk = presenceByDesk.get(key(ws.id));
      let records: readonly PresenceRecord[] = [];
      let missingPresence: string | null = null;
      if (byAllocation.length > 0) records = byAllocation;
      else if (byDesk !== undefined && deskUsers === 1) records = [byDesk];
      else if (byDesk !== undefined)
        missingPresence = '本月该工位有多个入驻对象，按工位登记的出勤无法区分，请按分配记录登记';
      else missingPresence = '无出勤记录，也无管理员出勤确认';
      // checkPresence guarantees every record has a day count or an attestation.
      const attested = records.some((p) => p.attested === true);
      const withDays = records.filter((p) => p.daysPresent !== undefined);
      const daysPresent =
        withDays.length === 0 ? null : withDays.reduce((sum, p) => sum + (p.daysPresent ?? 0), 0);
      if (missingPresence !== null) reasons.push(missingPresence);
      else if (!attested && daysPresent !== null && daysPresent < rule.minPresentDays) {
        reasons.push(`在驻 ${daysPresent} 天，不足 ${rule.minPresentDays} 天，且无管理员出勤确认`);
      }
      if (reasons.length > 0) {
        uncounted.push({
          month,
          workstationId: ws.id,
          workstationCode: code,
          occupantKey: o.occupantKey,
          reason: reasons.join('；'),
        });
        continue;
      }
      qualifying.push({
        month,
        workstationId: ws.id,
        workstationCode: code,
        occupantKey: o.occupantKey,
        allocationIds: o.allocations.map((a) => a.id),
        allocatedDays: o.days,
        daysPresent,
        attested,
      });
    }
    // A workstation-month is one workstation for one month: two qualifying occupants in a 31-day month (15 + 16
    // days) still make one. The one with more days is shown as counted.
    const [first, ...rest] = qualifying;
    if (first) counted.push(first);
    for (const q of rest) {
      uncounted.push({
        month,
        workstationId: ws.id,
        workstationCode: code,
        occupantKey: q.occupantKey,
        reason: '同一工位同一月份只计一次',
      });
    }
  }
  return { counted, uncounted };
}

function eventDecisions(
  input: CentreClaimMonthInput,
  rule: CentreClaimRule,
  monthEligible: boolean,
): ClaimEventDecision[] {
  return input.events
    .filter((e) => {
      parseIsoDate(e.date, '活动日期');
      return monthOf(e.date) === input.month;
    })
    .sort((a, b) => compareIsoDate(a.date, b.date))
    .map((e) => {
      let reason: string | null = null;
      if (e.kind !== 'public-interest') reason = '创业培训班不按次补助（计入培训班目标）';
      else if (e.attendeeCount < rule.minEventAttendees)
        reason = `签到 ${e.attendeeCount} 人，不足 ${rule.minEventAttendees} 人`;
      else if (!monthEligible) reason = '该月未达到申报条件';
      return {
        month: input.month,
        eventId: e.id ?? null,
        title: e.title ?? null,
        date: e.date,
        kind: e.kind,
        attendeeCount: e.attendeeCount,
        counted: reason === null,
        reason,
      };
    });
}

function monthReasons(k: MonthlyKpis): string[] {
  const reasons: string[] = [];
  if (k.workstations === 0) return ['该月没有在用工位'];
  if (!k.meetsFreeShare) {
    reasons.push(
      `免费工位占比 ${k.freeSharePct}%（${k.freeDesignated}/${k.workstations}），低于 ${k.minFreeSharePct}%`,
    );
  }
  if (!k.meetsOccupancy) {
    reasons.push(
      `工位使用率 ${k.occupancyPct}%（${k.allocated}/${k.workstations}），低于 ${k.minOccupancyPct}%`,
    );
  }
  return reasons;
}

/**
 * The amount a centre may claim for a period, with every line, every counted and uncounted workstation-month and
 * event explained. Refuses (conflict `CENTRES.MONTH_ALREADY_CLAIMED`) a period containing a month already claimed,
 * and (invalid) a period whose months are missing from `months`, not yet ended on `asOf`, or inconsistent logs.
 */
export function computeCentreClaim(input: CentreClaimInput): CentreClaimResult {
  const { period, rule } = input;
  requireRule(rule);
  const months = periodMonths(period);

  for (const m of input.alreadyClaimedMonths) assertYearMonth(m, '已申报月份');
  const claimed = months.filter((m) => input.alreadyClaimedMonths.includes(m));
  if (claimed.length > 0) {
    throw conflict('CENTRES.MONTH_ALREADY_CLAIMED', `${claimed.join('、')} 已申报过，不能重复申报`, {
      months: claimed,
    });
  }
  if (input.asOf !== undefined) {
    parseIsoDate(input.asOf, '申报日期');
    const open = months.filter((m) => compareIsoDate(monthBounds(m).last, input.asOf!) >= 0);
    if (open.length > 0) {
      throw invalid('CENTRES.MONTH_NOT_ENDED', `${open.join('、')} 尚未结束，月份结束后才能申报`, {
        months: open,
      });
    }
  }

  const byMonth = new Map<string, CentreClaimMonthInput>();
  for (const m of input.months) {
    if (!months.includes(m.month)) {
      throw invalid(
        'CENTRES.MONTH_OUTSIDE_PERIOD',
        `${String(m.month)} 不在本次申报期（${months.join('、')}）内`,
        { month: m.month },
      );
    }
    if (byMonth.has(m.month))
      throw invalid('CENTRES.DUPLICATE_MONTH', `${m.month} 的台账重复提供`, { month: m.month });
    byMonth.set(m.month, m);
  }
  const missing = months.filter((m) => !byMonth.has(m));
  if (missing.length > 0) {
    throw invalid('CENTRES.MONTH_DATA_MISSING', `缺少 ${missing.join('、')} 的工位和活动台账`, {
      months: missing,
    });
  }

  const lines: CentreClaimLine[] = [];
  const monthResults: CentreClaimMonthResult[] = [];
  const counted: CountedWorkstationMonth[] = [];
  const uncounted: UncountedWorkstationMonth[] = [];
  const events: ClaimEventDecision[] = [];

  for (const month of months) {
    const data = byMonth.get(month)!;
    const { kpis, inService } = monthlyKpiDetail({
      month,
      workstations: data.workstations,
      allocations: data.allocations,
      events: data.events,
      minAllocatedDays: rule.minAllocatedDays,
      minFreeSharePct: rule.minFreeSharePct,
      minOccupancyPct: rule.minOccupancyPct,
    });
    const allocationIds = new Set<string>();
    for (const a of data.allocations) {
      if (a.id === undefined || allocationIds.has(key(a.id))) {
        throw invalid('CENTRES.INVALID_ALLOCATION_ID', '每条分配记录须有唯一的编号', { month });
      }
      allocationIds.add(key(a.id));
    }
    checkPresence(
      data,
      allocationIds,
      new Set(data.workstations.map((w) => key(w.id))),
      monthBounds(month).days,
    );

    const reasons = monthReasons(kpis);
    const eligible = reasons.length === 0;
    const monthEvents = eventDecisions(data, rule, eligible);
    events.push(...monthEvents);
    let workstationMonths = 0;
    const qualifyingEvents = monthEvents.filter((e) => e.counted).length;
    const monthLines: CentreClaimLine[] = [];
    if (eligible) {
      const outcome = freeWorkstationMonths(
        data,
        rule,
        inService.map((w) => w.workstation),
      );
      counted.push(...outcome.counted);
      uncounted.push(...outcome.uncounted);
      workstationMonths = outcome.counted.length;
      if (workstationMonths > 0) {
        const notCounted = outcome.uncounted.filter((u) => u.occupantKey !== null).length;
        monthLines.push({
          month,
          item: 'free-workstation-month',
          label: `${month} ${CLAIM_LINE_ITEM_LABELS['free-workstation-month']}（工位·月）`,
          quantity: workstationMonths,
          unitFen: rule.freeWorkstationMonthFen,
          amountFen: mulFenByRatio(rule.freeWorkstationMonthFen, workstationMonths, 1),
          ...(notCounted > 0 ? { note: `另有 ${notCounted} 个免费分配未达条件，未计入（见明细）` } : {}),
        });
      }
      if (qualifyingEvents > 0) {
        const short = monthEvents.filter((e) => e.kind === 'public-interest' && !e.counted).length;
        monthLines.push({
          month,
          item: 'public-interest-event',
          label: `${month} ${CLAIM_LINE_ITEM_LABELS['public-interest-event']}（场）`,
          quantity: qualifyingEvents,
          unitFen: rule.eventFen,
          amountFen: mulFenByRatio(rule.eventFen, qualifyingEvents, 1),
          ...(short > 0 ? { note: `另有 ${short} 场签到不足 ${rule.minEventAttendees} 人，未计入` } : {}),
        });
      }
    }
    lines.push(...monthLines);
    monthResults.push({
      month,
      kpis,
      eligible,
      reasons,
      workstationMonths,
      qualifyingEvents,
      amountFen: sumFen(monthLines.map((l) => l.amountFen)),
    });
  }

  return {
    period: { kind: period.kind, start: period.start },
    periodLabel: claimPeriodLabel(period),
    amountFen: sumFen(lines.map((l) => l.amountFen)),
    lines,
    months: monthResults,
    ineligibleMonths: monthResults
      .filter((m) => !m.eligible)
      .map((m) => ({ month: m.month, reasons: m.reasons })),
    workstationMonths: counted,
    uncountedWorkstationMonths: uncounted,
    events,
  };
}
