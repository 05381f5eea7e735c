import { Decimal } from 'decimal.js';
import { compareIsoDate, parseIsoDate } from '../dates';
import { invalid } from '../errors';
import { pairingStatusOn, type Pairing } from './pairing';
import type { RatingSide } from './sessions';

/**
 * Yearly mentoring targets (domain-rules.md §7): 2+ outstanding entrepreneurs cultivated, 20+ growth-firm managers
 * mentored, and the figures behind them: active pairings, sessions per pairing, average rating, mentors at capacity.
 *
 * Definitions, for calendar year Y:
 * - a pairing is **active in Y** when it was active on at least one day of Y: accepted on or before 31 December and
 *   not completed/ended on or before 1 January (it is active up to, not including, its completion or end day);
 * - a growth-firm manager is **mentored in Y** when a pairing of theirs was active in Y and at least one session of
 *   it is dated in Y: a pairing without a single session is a promise, not mentoring;
 * - an **outstanding entrepreneur cultivated** is a mentee that staff designated for Y, with a reason (§7), and who
 *   was actually mentored (has an accepted pairing); each mentee counts once;
 * - **sessionsPerPairing** = sessions dated in Y ÷ pairings active in Y, exact, shown with 2 decimals (half-up);
 * - **averageRating** = mean of the ratings given in Y (both sides), shown with 1 decimal (half-up), also per side;
 * - **mentorsAtCapacity**: mentors whose active + pending (not overdue) pairings on `asOf` (default 31 December of Y)
 *   fill their capacity.
 * No figure is a float: counts are integers and the two averages are exact decimal strings (null when undefined).
 */
export interface MentoringTargets {
  outstandingEntrepreneurs: number;
  growthFirmManagers: number;
}
export const DEFAULT_MENTORING_TARGETS: Readonly<MentoringTargets> = {
  outstandingEntrepreneurs: 2,
  growthFirmManagers: 20,
};

export interface MentoringSessionRecord {
  pairingId: number | string;
  date: string;
}

export interface MentoringRatingRecord {
  pairingId: number | string;
  side: RatingSide;
  score: number;
  ratedOn: string;
}

export interface OutstandingDesignation {
  menteeId: number | string;
  year: number;
  reason: string;
}

export interface MentorCapacityRecord {
  id: number | string;
  capacity: number;
}

export interface YearlyMentoringInput {
  year: number;
  pairings: readonly (Pairing & { id: number | string })[];
  sessions: readonly MentoringSessionRecord[];
  ratings: readonly MentoringRatingRecord[];
  designations: readonly OutstandingDesignation[];
  mentors: readonly MentorCapacityRecord[];
  targets?: MentoringTargets;
  asOf?: string;
}

export interface MentoringTargetProgress {
  count: number;
  target: number;
  met: boolean;
}

export interface YearlyMentoringTargets {
  year: number;
  outstandingEntrepreneurs: MentoringTargetProgress & { menteeIds: (number | string)[] };
  growthFirmManagersMentored: MentoringTargetProgress & { menteeIds: (number | string)[] };
  activePairings: number;
  /** Pairings completed in Y, or ended early in Y with the agreed minimum sessions held (§7 completion rule). */
  completedPairings: number;
  sessions: number;
  sessionsPerPairing: string | null;
  ratings: number;
  averageRating: string | null;
  averageRatingBySide: Record<RatingSide, string | null>;
  mentorsAtCapacity: { count: number; mentorIds: (number | string)[]; asOf: string };
}

const k = (id: number | string) => `${typeof id}:${String(id)}`;

function compareIds(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** First and last day of the pairing's active period (end exclusive), or null if never accepted. */
function activeSpan(p: Pairing): { from: string; until: string | null } | null {
  switch (p.status) {
    case 'proposed':
    case 'declined':
      return null;
    case 'active':
      return { from: p.acceptedOn, until: null };
    case 'completed':
      return { from: p.acceptedOn, until: p.completedOn };
    case 'ended_early':
      return { from: p.acceptedOn, until: p.endedOn };
    default:
      return p satisfies never;
  }
}

function mean(scores: readonly number[]): string | null {
  if (scores.length === 0) return null;
  return new Decimal(scores.reduce((s, x) => s + x, 0)).div(scores.length).toFixed(1, Decimal.ROUND_HALF_UP);
}

export function yearlyMentoringTargets(input: YearlyMentoringInput): YearlyMentoringTargets {
  const { year } = input;
  if (!Number.isSafeInteger(year) || year < 1900 || year > 9999) {
    throw invalid('MENTORING.INVALID_YEAR', `年份应为四位数字，收到 ${String(year)}`, { year });
  }
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const asOf = input.asOf ?? last;
  parseIsoDate(asOf, '统计截止日期');
  const targets = input.targets ?? DEFAULT_MENTORING_TARGETS;
  const inYear = (d: string, field: string) => parseIsoDate(d, field).year === year;

  const pairings = new Map<string, Pairing & { id: number | string }>();
  for (const p of input.pairings) {
    if (pairings.has(k(p.id)))
      throw invalid('MENTORING.DUPLICATE_PAIRING', `结对（${String(p.id)}）重复出现`, { pairingId: p.id });
    pairings.set(k(p.id), p);
  }
  const pairingOf = (id: number | string, what: string) => {
    const p = pairings.get(k(id));
    if (!p)
      throw invalid('MENTORING.UNKNOWN_PAIRING', `${what}引用了不存在的结对（${String(id)}）`, {
        pairingId: id,
      });
    return p;
  };

  const active = [...pairings.values()].filter((p) => {
    const span = activeSpan(p);
    return (
      span !== null &&
      compareIsoDate(span.from, last) <= 0 &&
      (span.until === null || compareIsoDate(span.until, first) > 0)
    );
  });
  const activeIds = new Set(active.map((p) => k(p.id)));

  const sessionsInYear = input.sessions.filter((s) => {
    pairingOf(s.pairingId, '辅导记录');
    return inYear(s.date, '辅导日期');
  });
  const withSessions = new Set(sessionsInYear.map((s) => k(s.pairingId)));

  const managers = new Map<string, number | string>();
  for (const p of active) {
    if (p.menteeKind === 'growth-firm-manager' && withSessions.has(k(p.id)))
      managers.set(k(p.menteeId), p.menteeId);
  }

  const mentored = new Set(
    [...pairings.values()].filter((p) => activeSpan(p) !== null).map((p) => k(p.menteeId)),
  );
  const outstanding = new Map<string, number | string>();
  for (const d of input.designations) {
    if (d.year !== year) continue;
    if (typeof d.reason !== 'string' || d.reason.trim().length < 2) {
      throw invalid('MENTORING.REASON_REQUIRED', '认定优秀创业者须填写认定理由', { menteeId: d.menteeId });
    }
    if (!mentored.has(k(d.menteeId))) {
      throw invalid(
        'MENTORING.DESIGNATION_NOT_MENTEE',
        `被认定的学员（${String(d.menteeId)}）没有已开始的结对辅导，不能认定为培育的优秀创业者`,
        {
          menteeId: d.menteeId,
        },
      );
    }
    outstanding.set(k(d.menteeId), d.menteeId);
  }

  const completedPairings = [...pairings.values()].filter(
    (p) =>
      (p.status === 'completed' && inYear(p.completedOn, '办结日期')) ||
      (p.status === 'ended_early' && p.countsAsCompleted && inYear(p.endedOn, '结束日期')),
  ).length;

  const ratings = input.ratings.filter((r) => {
    pairingOf(r.pairingId, '评价');
    if (!Number.isSafeInteger(r.score) || r.score < 1 || r.score > 5) {
      throw invalid('MENTORING.INVALID_RATING', `评分应为 1–5 的整数，收到 ${String(r.score)}`, {
        pairingId: r.pairingId,
      });
    }
    return inYear(r.ratedOn, '评价日期');
  });

  const taken = new Map<string, number>();
  for (const p of pairings.values()) {
    const status = pairingStatusOn(p, asOf);
    if (status === 'active' || status === 'proposed')
      taken.set(k(p.mentorId), (taken.get(k(p.mentorId)) ?? 0) + 1);
  }
  for (const m of input.mentors) {
    if (!Number.isSafeInteger(m.capacity) || m.capacity < 0) {
      throw invalid('MENTORING.INVALID_MENTOR', `导师（${String(m.id)}）的可带教人数应为非负整数`, {
        mentorId: m.id,
      });
    }
  }
  const atCapacity = input.mentors
    .filter((m) => (taken.get(k(m.id)) ?? 0) >= m.capacity)
    .map((m) => m.id)
    .sort(compareIds);

  const progress = (count: number, target: number): MentoringTargetProgress => ({
    count,
    target,
    met: count >= target,
  });
  return {
    year,
    outstandingEntrepreneurs: {
      ...progress(outstanding.size, targets.outstandingEntrepreneurs),
      menteeIds: [...outstanding.values()].sort(compareIds),
    },
    growthFirmManagersMentored: {
      ...progress(managers.size, targets.growthFirmManagers),
      menteeIds: [...managers.values()].sort(compareIds),
    },
    activePairings: active.length,
    completedPairings,
    sessions: sessionsInYear.length,
    sessionsPerPairing:
      active.length === 0
        ? null
        : new Decimal(sessionsInYear.filter((s) => activeIds.has(k(s.pairingId))).length)
            .div(active.length)
            .toFixed(2, Decimal.ROUND_HALF_UP),
    ratings: ratings.length,
    averageRating: mean(ratings.map((r) => r.score)),
    averageRatingBySide: {
      mentor: mean(ratings.filter((r) => r.side === 'mentor').map((r) => r.score)),
      mentee: mean(ratings.filter((r) => r.side === 'mentee').map((r) => r.score)),
    },
    mentorsAtCapacity: { count: atCapacity.length, mentorIds: atCapacity, asOf },
  };
}
