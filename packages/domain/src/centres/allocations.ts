import { z } from 'zod';
import { addDays, compareIsoDate, IsoDate, parseIsoDate } from '../dates';
import { conflict, invalid } from '../errors';
import { IdNumberInput, MobileInput } from '../enterprise/schemas';
import { assertYearMonth, monthBounds, spanDaysInMonth } from './internal';
import type { WorkstationDesignation } from './workstations';

/**
 * Allocations (工位分配) of a workstation to an occupant, domain-rules.md §6. An allocation covers the days from
 * `startsOn` to `endsOn`, **both inclusive**; `endsOn: null` means open-ended (no end date agreed yet). One
 * workstation has at most one allocation on any day.
 */
export const ALLOCATION_TERMS = ['free', 'preferential'] as const;
export type AllocationTerms = (typeof ALLOCATION_TERMS)[number];
export const ALLOCATION_TERMS_LABELS: Record<AllocationTerms, string> = {
  free: '免费使用',
  preferential: '优惠租用',
};

/** A span of days, both ends inclusive; `endsOn: null` = open-ended. */
export interface AllocationSpan {
  startsOn: string;
  endsOn: string | null;
}

export interface Allocation extends AllocationSpan {
  /** Absent on an allocation not stored yet (a candidate). */
  id?: number | string;
  workstationId: number | string;
  terms: AllocationTerms;
}

/** What an allocation needs to know about its workstation. `retiredOn` is the first day it is out of service. */
export interface AllocatableWorkstation {
  id: number | string;
  code: string;
  designation: WorkstationDesignation;
  createdOn: string;
  retiredOn: string | null;
}

// ---------------------------------------------------------------------------------------------------------------
// Occupants

export const OCCUPANT_TYPES = ['enterprise', 'founder', 'team'] as const;
export type OccupantType = (typeof OCCUPANT_TYPES)[number];
export const OCCUPANT_TYPE_LABELS: Record<OccupantType, string> = {
  enterprise: '入驻企业',
  founder: '个人创业者',
  team: '创业团队（未注册）',
};

const RecordRef = (what: string) =>
  z
    .number({ error: `请选择${what}` })
    .int({ error: `请选择${what}` })
    .positive({ error: `请选择${what}` });
const Name = (what: string, max: number) =>
  z
    .string({ error: `请填写${what}` })
    .trim()
    .min(1, { error: `请填写${what}` })
    .max(max, { error: `${what}最长 ${max} 个字` });

/**
 * A walk-in team (students or graduates without a business licence) is registered by its contact person, whose ID
 * number and mobile are checked here and stored normalised (the service encrypts them, §8).
 */
export const WalkInTeamInput = z.object({
  type: z.literal('team'),
  teamName: Name('团队名称', 100),
  contactName: Name('联系人姓名', 50),
  school: Name('所在学校', 100),
  // Validated by validateIdNumber / isMainlandMobile (privacy/identity.ts) and stored normalised.
  idNumber: IdNumberInput,
  mobile: MobileInput,
});
export type WalkInTeamInput = z.infer<typeof WalkInTeamInput>;

export const OccupantInput = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('enterprise'), enterpriseId: RecordRef('入驻企业') }),
    z.object({ type: z.literal('founder'), founderId: RecordRef('个人创业者') }),
    WalkInTeamInput,
  ],
  { error: '请选择入驻对象类型（企业、个人创业者或创业团队）' },
);
export type OccupantInput = z.infer<typeof OccupantInput>;

export const AllocateWorkstation = z
  .object({
    workstationId: RecordRef('工位'),
    occupant: OccupantInput,
    startsOn: IsoDate,
    endsOn: IsoDate.nullable().default(null),
    terms: z.enum(ALLOCATION_TERMS, { error: '请选择使用方式（免费使用或优惠租用）' }),
  })
  .superRefine((v, ctx) => {
    if (v.endsOn !== null && compareIsoDate(v.endsOn, v.startsOn) < 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['endsOn'],
        message: `结束日期 ${v.endsOn} 早于开始日期 ${v.startsOn}`,
      });
    }
  });
export type AllocateWorkstation = z.infer<typeof AllocateWorkstation>;

// ---------------------------------------------------------------------------------------------------------------
// Overlap and coverage

function endsBeforeOrOn(a: string | null, b: string | null): boolean {
  if (b === null) return true;
  if (a === null) return false;
  return compareIsoDate(a, b) <= 0;
}

/** Whether two spans share at least one day (ends inclusive, null = open-ended). */
export function overlaps(a: AllocationSpan, b: AllocationSpan): boolean {
  // a starts no later than b ends, and b starts no later than a ends.
  return endsBeforeOrOn(a.startsOn, b.endsOn) && endsBeforeOrOn(b.startsOn, a.endsOn);
}

/**
 * The existing allocation of the same workstation that shares a day with `candidate` (the earliest one if several),
 * or null. An allocation with the candidate's own id is skipped, so an allocation being changed never clashes with
 * its old self.
 */
export function findOverlap<T extends Allocation>(existing: readonly T[], candidate: Allocation): T | null {
  let found: T | null = null;
  for (const a of existing) {
    if (a.workstationId !== candidate.workstationId) continue;
    if (candidate.id !== undefined && a.id === candidate.id) continue;
    if (!overlaps(a, candidate)) continue;
    if (found === null || compareIsoDate(a.startsOn, found.startsOn) < 0) found = a;
  }
  return found;
}

/** Number of days of the 'YYYY-MM' month that the span covers (0 when it misses the month). */
export function allocatedDaysInMonth(span: AllocationSpan, month: string): number {
  return spanDaysInMonth(span, month);
}

// ---------------------------------------------------------------------------------------------------------------
// Changes: allocate, end, extend, move

export interface AllocationChangeContext {
  /** Allocations already stored for the centre (any workstation); the one being changed may be among them. */
  existing: readonly Allocation[];
  /**
   * Months ('YYYY-MM') the centre has claimed (claims not rejected or withdrawn). A claim is computed from the logs
   * (§6), so a change that adds, removes or moves a day inside a claimed month is refused: the claim would no longer
   * match its evidence.
   */
  claimedMonths?: readonly string[];
}

function describeSpan(s: AllocationSpan): string {
  return `${s.startsOn} 至 ${s.endsOn ?? '长期'}`;
}

function requireOrder(span: AllocationSpan): void {
  parseIsoDate(span.startsOn, '开始日期');
  if (span.endsOn === null) return;
  parseIsoDate(span.endsOn, '结束日期');
  if (compareIsoDate(span.endsOn, span.startsOn) < 0) {
    throw invalid('CENTRES.END_BEFORE_START', `结束日期 ${span.endsOn} 早于开始日期 ${span.startsOn}`, {
      ...span,
    });
  }
}

function requireInService(ws: AllocatableWorkstation, span: AllocationSpan): void {
  if (compareIsoDate(span.startsOn, ws.createdOn) < 0) {
    throw conflict(
      'CENTRES.WORKSTATION_NOT_IN_SERVICE',
      `工位 ${ws.code} 自 ${ws.createdOn} 起启用，不能从 ${span.startsOn} 开始分配`,
      {
        workstationId: ws.id,
      },
    );
  }
  if (ws.retiredOn !== null && (span.endsOn === null || compareIsoDate(span.endsOn, ws.retiredOn) >= 0)) {
    throw conflict(
      'CENTRES.WORKSTATION_NOT_IN_SERVICE',
      `工位 ${ws.code} 自 ${ws.retiredOn} 起停用，分配须在 ${addDays(ws.retiredOn, -1)} 或之前结束`,
      { workstationId: ws.id },
    );
  }
}

/** §6 free share: a workstation designated free is only ever allocated free, or the designation would mean nothing. */
function requireTermsFit(ws: AllocatableWorkstation, terms: AllocationTerms): void {
  if (ws.designation === 'free' && terms !== 'free') {
    throw invalid('CENTRES.TERMS_MISMATCH', `工位 ${ws.code} 是免费工位，只能免费分配`, {
      workstationId: ws.id,
    });
  }
}

function requireNoOverlap(
  ws: AllocatableWorkstation,
  existing: readonly Allocation[],
  candidate: Allocation,
): void {
  const clash = findOverlap(existing, candidate);
  if (clash) {
    throw conflict(
      'CENTRES.ALLOCATION_OVERLAP',
      `工位 ${ws.code} 在 ${describeSpan(clash)} 已有分配，与 ${describeSpan(candidate)} 时间重叠`,
      { workstationId: ws.id, clashingAllocationId: clash.id ?? null },
    );
  }
}

/** Refuses a change touching any day from `from` to `to` (inclusive, null = open) inside a claimed month. */
function requireUnclaimed(
  from: string,
  to: string | null,
  claimedMonths: readonly string[] | undefined,
): void {
  const touched = (claimedMonths ?? [])
    .filter((m) => {
      assertYearMonth(m, '已申报月份');
      const { first, last } = monthBounds(m);
      return overlaps({ startsOn: from, endsOn: to }, { startsOn: first, endsOn: last });
    })
    .sort();
  if (touched.length > 0) {
    throw conflict(
      'CENTRES.CLAIMED_MONTH_LOCKED',
      `${touched.join('、')} 已申报，不能再补录或修改该月的工位分配`,
      { months: touched },
    );
  }
}

function requireWorkstation(ws: AllocatableWorkstation, workstationId: number | string): void {
  if (ws.id !== workstationId) {
    throw invalid('CENTRES.WORKSTATION_MISMATCH', '分配记录与所选工位不一致', {
      workstationId,
      given: ws.id,
    });
  }
}

/** A new allocation, checked: dates in order, workstation in service, terms fit the designation, no overlap. */
export function allocate(
  candidate: Allocation,
  workstation: AllocatableWorkstation,
  ctx: AllocationChangeContext,
): Allocation {
  requireOrder(candidate);
  requireWorkstation(workstation, candidate.workstationId);
  requireInService(workstation, candidate);
  requireTermsFit(workstation, candidate.terms);
  requireNoOverlap(workstation, ctx.existing, candidate);
  requireUnclaimed(candidate.startsOn, candidate.endsOn, ctx.claimedMonths);
  return { ...candidate };
}

/**
 * Ends an allocation on `endsOn` (the occupant's last day, inclusive). The end may not precede the start, and may
 * not be later than an end already set (that is `extendAllocation`, which checks for overlaps). Ending it on a day
 * before a claimed month would remove days the claim counted, so that is refused too.
 */
export function endAllocation(
  allocation: Allocation,
  endsOn: string,
  ctx: Pick<AllocationChangeContext, 'claimedMonths'> = {},
): Allocation {
  parseIsoDate(endsOn, '结束日期');
  requireOrder({ startsOn: allocation.startsOn, endsOn });
  if (allocation.endsOn !== null && compareIsoDate(endsOn, allocation.endsOn) > 0) {
    throw conflict(
      'CENTRES.END_AFTER_CURRENT_END',
      `该分配已于 ${allocation.endsOn} 结束；如需延长使用期，请办理延期`,
      {
        endsOn: allocation.endsOn,
      },
    );
  }
  if (allocation.endsOn !== null && endsOn === allocation.endsOn) return { ...allocation };
  requireUnclaimed(addDays(endsOn, 1), allocation.endsOn, ctx.claimedMonths);
  return { ...allocation, endsOn };
}

/** Extends an allocation with an end date to a later `endsOn` (or open-ended with null), checking the added days. */
export function extendAllocation(
  allocation: Allocation,
  endsOn: string | null,
  workstation: AllocatableWorkstation,
  ctx: AllocationChangeContext,
): Allocation {
  requireWorkstation(workstation, allocation.workstationId);
  if (allocation.endsOn === null) {
    throw conflict('CENTRES.ALLOCATION_OPEN_ENDED', '该分配未设结束日期，无需延期', {});
  }
  if (endsOn !== null) {
    parseIsoDate(endsOn, '延期后的结束日期');
    if (compareIsoDate(endsOn, allocation.endsOn) <= 0) {
      throw invalid(
        'CENTRES.EXTENSION_NOT_LATER',
        `延期后的结束日期 ${endsOn} 应晚于原结束日期 ${allocation.endsOn}`,
        {
          endsOn,
          currentEndsOn: allocation.endsOn,
        },
      );
    }
  }
  const extended: Allocation = { ...allocation, endsOn };
  requireInService(workstation, extended);
  requireNoOverlap(workstation, ctx.existing, extended);
  requireUnclaimed(addDays(allocation.endsOn, 1), endsOn, ctx.claimedMonths);
  return extended;
}

/**
 * Moves the occupant to another workstation from `on`: the current allocation ends the day before, and a new one on
 * `to` runs from `on` to the old end with the same terms. `on` must fall after the start day and within the
 * allocation; a workstation allocated by mistake on its first day is corrected by cancelling and allocating again.
 */
export function moveAllocation(
  allocation: Allocation,
  to: AllocatableWorkstation,
  on: string,
  ctx: AllocationChangeContext,
): { ended: Allocation; moved: Allocation } {
  parseIsoDate(on, '调换日期');
  if (
    compareIsoDate(on, allocation.startsOn) <= 0 ||
    (allocation.endsOn !== null && compareIsoDate(on, allocation.endsOn) > 0)
  ) {
    throw invalid(
      'CENTRES.MOVE_DATE_OUT_OF_RANGE',
      `调换日期 ${on} 应在原分配期（${describeSpan(allocation)}）内且晚于开始日期；如分配的工位有误，请撤销后重新分配`,
      { on },
    );
  }
  if (to.id === allocation.workstationId) {
    throw invalid('CENTRES.MOVE_SAME_WORKSTATION', `入驻对象已在工位 ${to.code}，无需调换`, {
      workstationId: to.id,
    });
  }
  const moved: Allocation = {
    workstationId: to.id,
    startsOn: on,
    endsOn: allocation.endsOn,
    terms: allocation.terms,
  };
  requireInService(to, moved);
  requireTermsFit(to, moved.terms);
  requireNoOverlap(to, ctx.existing, moved);
  requireUnclaimed(on, allocation.endsOn, ctx.claimedMonths);
  return { ended: { ...allocation, endsOn: addDays(on, -1) }, moved };
}

/**
 * Takes a workstation out of service from `retiredOn` (its first day out of service). Refused while an allocation
 * covers that day or a later one: end or move the occupant first.
 */
export function retireWorkstation(
  workstation: AllocatableWorkstation,
  retiredOn: string,
  allocations: readonly Allocation[],
): AllocatableWorkstation {
  parseIsoDate(retiredOn, '停用日期');
  if (workstation.retiredOn !== null) {
    throw conflict(
      'CENTRES.WORKSTATION_RETIRED',
      `工位 ${workstation.code} 已于 ${workstation.retiredOn} 停用`,
      { workstationId: workstation.id },
    );
  }
  if (compareIsoDate(retiredOn, workstation.createdOn) <= 0) {
    throw invalid(
      'CENTRES.END_BEFORE_START',
      `停用日期 ${retiredOn} 应晚于启用日期 ${workstation.createdOn}`,
      { retiredOn },
    );
  }
  const inUse = findOverlap(allocations, {
    workstationId: workstation.id,
    startsOn: retiredOn,
    endsOn: null,
    terms: 'free',
  });
  if (inUse) {
    throw conflict(
      'CENTRES.WORKSTATION_IN_USE',
      `工位 ${workstation.code} 在 ${describeSpan(inUse)} 仍有分配，请先结束或调换后再停用`,
      { workstationId: workstation.id, allocationId: inUse.id ?? null },
    );
  }
  return { ...workstation, retiredOn };
}
