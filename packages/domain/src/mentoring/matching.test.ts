import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { INDUSTRY_KEYS } from '../enterprise/industries';
import { DomainError } from '../errors';
import { mentorExclusions, rankMentors, type MatchRequest, type MentorCandidate } from './matching';
import { MENTOR_KINDS, MENTOR_TOPICS } from './mentors';

function thrown(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

const mentor = (over: Partial<MentorCandidate> & { id: number | string }): MentorCandidate => ({
  kind: 'entrepreneur',
  industries: ['software-it'],
  topics: ['financing'],
  capacity: 5,
  activeCount: 0,
  proposedCount: 0,
  paused: false,
  ...over,
});

const request: MatchRequest = {
  topics: ['financing', 'marketing', 'law'],
  industry: 'software-it',
  preferredKind: 'entrepreneur',
};

describe('rankMentors', () => {
  const mentors = [
    mentor({
      id: 2,
      kind: 'university',
      industries: ['industry'],
      topics: ['law', 'technology'],
      capacity: 4,
    }),
    mentor({ id: 1, topics: ['financing', 'marketing'], activeCount: 1, proposedCount: 1 }),
    mentor({ id: 3, paused: true, topics: ['financing', 'marketing', 'law'] }),
    mentor({
      id: 4,
      capacity: 3,
      activeCount: 2,
      proposedCount: 1,
      topics: ['financing', 'marketing', 'law'],
    }),
  ];

  it('explains every factor of the score in Chinese', () => {
    const [best, second] = rankMentors(request, mentors);
    expect(best).toEqual({
      mentorId: 1,
      score: 78,
      reasons: [
        {
          factor: 'industry',
          label: '行业匹配',
          points: 30,
          maxPoints: 30,
          detail: '导师擅长所属行业“软件和信息技术服务业”',
        },
        {
          factor: 'topics',
          label: '主题覆盖',
          points: 26,
          maxPoints: 40,
          detail: '覆盖 2/3 个需求主题：融资、市场营销',
        },
        {
          factor: 'kind',
          label: '导师类型',
          points: 10,
          maxPoints: 10,
          detail: '符合希望的导师类型（企业家导师）',
        },
        {
          factor: 'capacity',
          label: '剩余名额',
          points: 6,
          maxPoints: 10,
          detail: '剩余名额 3 个（可带教 5 人）',
        },
        {
          factor: 'load',
          label: '当前负荷',
          points: 6,
          maxPoints: 10,
          detail: '当前带教 2 人（在带 1，待确认 1），占可带教人数 2/5',
        },
      ],
    });
    expect(second!.mentorId).toBe(2);
    expect(second!.score).toBe(0 + 13 + 0 + 8 + 10);
    expect(second!.reasons.map((r) => r.detail).slice(0, 3)).toEqual([
      '导师擅长的行业不含“软件和信息技术服务业”',
      '覆盖 1/3 个需求主题：法律事务',
      '希望企业家导师，该导师为高校导师',
    ]);
  });

  it('never proposes a paused mentor or one whose active and proposed pairings fill the capacity', () => {
    expect(rankMentors(request, mentors).map((r) => r.mentorId)).toEqual([1, 2]);
    expect(mentorExclusions(mentors)).toEqual([
      { mentorId: 3, reason: '导师已暂停接受结对' },
      { mentorId: 4, reason: '名额已满（可带教 3 人，在带 2 人，待确认 1 人）' },
    ]);
  });

  it('proposes a mentor with one place left, but not once a proposal has reserved it', () => {
    expect(rankMentors(request, [mentor({ id: 1, capacity: 3, activeCount: 2 })])).toHaveLength(1);
    expect(rankMentors(request, [mentor({ id: 1, capacity: 3, activeCount: 2, proposedCount: 1 })])).toEqual(
      [],
    );
  });

  it('breaks a tie in score by the lower load, then by the lower id', () => {
    const tied = [
      mentor({ id: 'b', capacity: 20, activeCount: 3 }), // 30 + 13 + 10 + 10 + 8 = 71, load 3
      mentor({ id: 'c', capacity: 10, activeCount: 2 }), // 30 + 13 + 10 + 10 + 8 = 71, load 2
      mentor({ id: 'a', capacity: 10, activeCount: 2 }), // same as c
    ];
    const ranked = rankMentors(request, tied);
    expect(ranked.map((r) => [r.mentorId, r.score])).toEqual([
      ['a', 71],
      ['c', 71],
      ['b', 71],
    ]);
  });

  it('gives no kind points when no kind is preferred', () => {
    const [r] = rankMentors({ ...request, preferredKind: null }, [mentor({ id: 1 })]);
    expect(r!.reasons[2]).toMatchObject({ points: 0, detail: '未指定导师类型偏好' });
  });

  it('refuses duplicate mentors and impossible counts', () => {
    expect(thrown(() => rankMentors(request, [mentor({ id: 1 }), mentor({ id: 1 })])).message).toBe(
      '导师（1）重复出现',
    );
    expect(thrown(() => rankMentors(request, [mentor({ id: 1, activeCount: -1 })])).message).toBe(
      '导师（1）的在带人数应为非负整数，收到 -1',
    );
    expect(thrown(() => rankMentors({ ...request, topics: [] }, [mentor({ id: 1 })])).message).toBe(
      '请至少选择一个辅导需求主题',
    );
  });
});

const candidateArb = fc.record({
  kind: fc.constantFrom(...MENTOR_KINDS),
  industries: fc.subarray([...INDUSTRY_KEYS], { minLength: 1, maxLength: 3 }),
  topics: fc.subarray([...MENTOR_TOPICS], { minLength: 1, maxLength: 4 }),
  capacity: fc.integer({ min: 0, max: 6 }),
  activeCount: fc.integer({ min: 0, max: 6 }),
  proposedCount: fc.integer({ min: 0, max: 3 }),
  paused: fc.boolean(),
});
const mentorsArb = fc
  .array(candidateArb, { maxLength: 15 })
  .map((ms) => ms.map((m, i): MentorCandidate => ({ ...m, id: i + 1 })));
const requestArb = fc.record({
  topics: fc.subarray([...MENTOR_TOPICS], { minLength: 1, maxLength: 5 }),
  industry: fc.constantFrom(...INDUSTRY_KEYS),
  preferredKind: fc.option(fc.constantFrom(...MENTOR_KINDS), { nil: null }),
});

describe('ranking properties', () => {
  test.prop([requestArb, mentorsArb])(
    'returns exactly the mentors that are neither paused nor full',
    (req, ms) => {
      const ids = rankMentors(req, ms).map((r) => r.mentorId);
      const open = ms
        .filter((m) => !m.paused && m.activeCount + m.proposedCount < m.capacity)
        .map((m) => m.id);
      expect([...ids].sort((a, b) => Number(a) - Number(b))).toEqual(open);
      expect(ids.length + mentorExclusions(ms).length).toBe(ms.length);
    },
  );

  test.prop([
    requestArb,
    mentorsArb.chain((ms) => fc.tuple(fc.constant(ms), fc.shuffledSubarray(ms, { minLength: ms.length }))),
  ])('gives the same order whatever the order of the mentors', (req, [ms, shuffled]) => {
    expect(rankMentors(req, shuffled)).toEqual(rankMentors(req, ms));
  });

  test.prop([requestArb, mentorsArb])(
    'scores are the sum of their explained points, at most 100, best first',
    (req, ms) => {
      const ranked = rankMentors(req, ms);
      for (const r of ranked) {
        expect(r.score).toBe(r.reasons.reduce((s, x) => s + x.points, 0));
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(100);
        expect(r.reasons.every((x) => Number.isInteger(x.points) && x.points <= x.maxPoints)).toBe(true);
      }
      for (let i = 1; i < ranked.length; i++)
        expect(ranked[i - 1]!.score).toBeGreaterThanOrEqual(ranked[i]!.score);
    },
  );
});
