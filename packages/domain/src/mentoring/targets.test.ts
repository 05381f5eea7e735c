import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import type { MenteeKind } from './mentors';
import type { ActivePairing, Pairing } from './pairing';
import {
  yearlyMentoringTargets,
  type MentoringRatingRecord,
  type MentoringSessionRecord,
  type YearlyMentoringInput,
} from './targets';

function thrown(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

type P = Pairing & { id: number };

const activeP = (
  id: number,
  menteeId: number,
  menteeKind: MenteeKind,
  acceptedOn = '2026-02-02',
  mentorId = 1,
): ActivePairing & { id: number } => ({
  id,
  status: 'active',
  mentorId,
  menteeId,
  menteeKind,
  proposedOn: acceptedOn,
  responseDueOn: acceptedOn,
  acceptedOn,
});

const empty: YearlyMentoringInput = {
  year: 2026,
  pairings: [],
  sessions: [],
  ratings: [],
  designations: [],
  mentors: [],
};

/** `n` growth-firm managers, each in an active pairing with one session in 2026. */
function managers(n: number): { pairings: P[]; sessions: MentoringSessionRecord[] } {
  const pairings = Array.from({ length: n }, (_, i) => activeP(i + 1, 100 + i, 'growth-firm-manager'));
  return { pairings, sessions: pairings.map((p) => ({ pairingId: p.id, date: '2026-05-01' })) };
}

describe('growth-firm managers mentored', () => {
  it('meets the target with 20 managers mentored in the year, not with 19', () => {
    expect(yearlyMentoringTargets({ ...empty, ...managers(20) }).growthFirmManagersMentored).toMatchObject({
      count: 20,
      target: 20,
      met: true,
    });
    expect(yearlyMentoringTargets({ ...empty, ...managers(19) }).growthFirmManagersMentored).toMatchObject({
      count: 19,
      met: false,
    });
  });

  it('counts a manager once and only when a session was held in the year', () => {
    const { pairings, sessions } = managers(3);
    const second = activeP(50, 100, 'growth-firm-manager', '2026-06-01', 2); // manager 100 again, with another mentor
    const result = yearlyMentoringTargets({
      ...empty,
      pairings: [...pairings, second],
      sessions: [
        ...sessions.filter((s) => s.pairingId !== 3),
        { pairingId: 50, date: '2026-07-01' },
        { pairingId: 3, date: '2025-12-30' },
      ],
    });
    expect(result.growthFirmManagersMentored).toMatchObject({ count: 2, menteeIds: [100, 101] });
  });

  it('does not count founders or enterprises as growth-firm managers', () => {
    const pairings = [activeP(1, 1, 'founder'), activeP(2, 2, 'enterprise')];
    const result = yearlyMentoringTargets({
      ...empty,
      pairings,
      sessions: pairings.map((p) => ({ pairingId: p.id, date: '2026-03-01' })),
    });
    expect(result.growthFirmManagersMentored.count).toBe(0);
  });
});

describe('outstanding entrepreneurs cultivated', () => {
  const pairings = [activeP(1, 11, 'founder'), activeP(2, 12, 'enterprise'), activeP(3, 13, 'founder')];

  it('meets the target with 2 designated mentees, not with 1', () => {
    const two = yearlyMentoringTargets({
      ...empty,
      pairings,
      designations: [
        { menteeId: 11, year: 2026, reason: '获市级创业大赛一等奖' },
        { menteeId: 12, year: 2026, reason: '完成 A 轮融资 800 万元' },
        { menteeId: 13, year: 2025, reason: '上一年度认定' },
      ],
    });
    expect(two.outstandingEntrepreneurs).toEqual({ count: 2, target: 2, met: true, menteeIds: [11, 12] });
    const one = yearlyMentoringTargets({
      ...empty,
      pairings,
      designations: [
        { menteeId: 11, year: 2026, reason: '获市级创业大赛一等奖' },
        { menteeId: 11, year: 2026, reason: '重复认定' },
      ],
    });
    expect(one.outstandingEntrepreneurs).toMatchObject({ count: 1, met: false });
  });

  it('refuses a designation without a reason, or of someone never mentored', () => {
    expect(
      thrown(() =>
        yearlyMentoringTargets({
          ...empty,
          pairings,
          designations: [{ menteeId: 11, year: 2026, reason: ' ' }],
        }),
      ).message,
    ).toBe('认定优秀创业者须填写认定理由');
    expect(
      thrown(() =>
        yearlyMentoringTargets({
          ...empty,
          pairings,
          designations: [{ menteeId: 99, year: 2026, reason: '表现突出' }],
        }),
      ).code,
    ).toBe('MENTORING.DESIGNATION_NOT_MENTEE');
  });
});

describe('activity figures', () => {
  it('counts pairings active on at least one day of the year', () => {
    const endedNewYear: P = {
      ...activeP(1, 1, 'founder', '2025-03-01'),
      status: 'completed',
      completedOn: '2026-01-01',
      sessionsHeld: 4,
      minSessions: 4,
    };
    const endedJan2: P = {
      ...activeP(2, 2, 'founder', '2025-03-01'),
      status: 'completed',
      completedOn: '2026-01-02',
      sessionsHeld: 4,
      minSessions: 4,
    };
    const nextYear = activeP(3, 3, 'founder', '2027-01-04');
    const declined: P = {
      ...activeP(4, 4, 'founder'),
      status: 'declined',
      declinedOn: '2026-02-03',
      declinedBy: 'mentor',
      reason: '时间冲突',
    };
    const result = yearlyMentoringTargets({
      ...empty,
      pairings: [endedNewYear, endedJan2, nextYear, declined],
    });
    expect(result.activePairings).toBe(1);
    expect(result.completedPairings).toBe(2);
  });

  it('gives sessions per pairing as an exact decimal with two places', () => {
    const pairings = [activeP(1, 1, 'founder'), activeP(2, 2, 'founder'), activeP(3, 3, 'enterprise')];
    const sessions: MentoringSessionRecord[] = [1, 1, 1, 2, 2, 3, 3].map((pairingId, i) => ({
      pairingId,
      date: `2026-0${3 + (i % 6)}-10`,
    }));
    expect(yearlyMentoringTargets({ ...empty, pairings, sessions })).toMatchObject({
      sessions: 7,
      sessionsPerPairing: '2.33',
    });
    expect(yearlyMentoringTargets(empty).sessionsPerPairing).toBeNull();
  });

  it('averages ratings to one decimal, rounding half up, overall and per side', () => {
    const pairings = [activeP(1, 1, 'founder'), activeP(2, 2, 'founder')];
    const ratings: MentoringRatingRecord[] = [
      { pairingId: 1, side: 'mentee', score: 4, ratedOn: '2026-06-01' },
      { pairingId: 1, side: 'mentor', score: 4, ratedOn: '2026-06-01' },
      { pairingId: 2, side: 'mentee', score: 5, ratedOn: '2026-06-01' },
      { pairingId: 2, side: 'mentor', score: 4, ratedOn: '2026-06-02' },
      { pairingId: 2, side: 'mentor', score: 1, ratedOn: '2025-06-02' }, // another year
    ];
    const result = yearlyMentoringTargets({ ...empty, pairings, ratings });
    expect(result).toMatchObject({
      ratings: 4,
      averageRating: '4.3',
      averageRatingBySide: { mentee: '4.5', mentor: '4.0' },
    });
    expect(yearlyMentoringTargets({ ...empty, pairings }).averageRating).toBeNull();
  });

  it('counts mentors whose active and pending pairings fill their capacity at year end', () => {
    const pending: P = {
      ...activeP(3, 3, 'founder', '2026-12-28', 1),
      status: 'proposed',
      responseDueOn: '2027-01-05',
    };
    const overdue: P = {
      ...activeP(4, 4, 'founder', '2026-12-01', 2),
      status: 'proposed',
      responseDueOn: '2026-12-08',
    };
    const result = yearlyMentoringTargets({
      ...empty,
      pairings: [
        activeP(1, 1, 'founder', '2026-02-02', 1),
        pending,
        activeP(2, 2, 'founder', '2026-02-02', 2),
        overdue,
      ],
      mentors: [
        { id: 1, capacity: 2 },
        { id: 2, capacity: 2 },
        { id: 3, capacity: 1 },
      ],
    });
    expect(result.mentorsAtCapacity).toEqual({ count: 1, mentorIds: [1], asOf: '2026-12-31' });
  });

  it('refuses sessions or ratings of unknown pairings and ratings outside 1–5', () => {
    expect(
      thrown(() => yearlyMentoringTargets({ ...empty, sessions: [{ pairingId: 9, date: '2026-01-01' }] }))
        .message,
    ).toBe('辅导记录引用了不存在的结对（9）');
    const pairings = [activeP(1, 1, 'founder')];
    expect(
      thrown(() =>
        yearlyMentoringTargets({
          ...empty,
          pairings,
          ratings: [{ pairingId: 1, side: 'mentee', score: 6, ratedOn: '2026-01-01' }],
        }),
      ).message,
    ).toBe('评分应为 1–5 的整数，收到 6');
  });
});
