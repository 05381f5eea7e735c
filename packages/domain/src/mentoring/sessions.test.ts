import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { acceptPairing, completePairing, proposePairing } from './pairing';
import {
  checkRatingAllowed,
  checkSessionDate,
  PoorFitFlagInput,
  RatingInput,
  SessionLogInput,
} from './sessions';

function thrown(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

const session = {
  date: '2026-03-10',
  durationMinutes: 90,
  mode: 'on-site',
  topics: ['financing'],
  notes: '梳理融资需求，修改商业计划书第三章',
  agreedActions: ['两周内完成财务预测表'],
};

const proposed = proposePairing({
  mentor: { id: 1, capacity: 3, activeCount: 0, proposedCount: 0, paused: false },
  menteeId: 2,
  menteeKind: 'enterprise',
  proposedOn: '2026-03-02',
});
const active = acceptPairing(proposed, '2026-03-03');

describe('SessionLogInput', () => {
  it('accepts a session of 15 minutes to 10 hours', () => {
    expect(SessionLogInput.parse(session)).toEqual(session);
    expect(SessionLogInput.safeParse({ ...session, durationMinutes: 15 }).success).toBe(true);
    expect(SessionLogInput.safeParse({ ...session, durationMinutes: 600 }).success).toBe(true);
  });

  it('refuses 14 or 601 minutes, with the limits in Chinese', () => {
    expect(SessionLogInput.safeParse({ ...session, durationMinutes: 14 }).error?.issues[0]?.message).toBe(
      '辅导时长至少 15 分钟',
    );
    expect(SessionLogInput.safeParse({ ...session, durationMinutes: 601 }).error?.issues[0]?.message).toBe(
      '单次辅导时长不能超过 600 分钟（10 小时）',
    );
  });

  it('explains a bad mode, no topics and an empty agreed action', () => {
    const result = SessionLogInput.safeParse({ ...session, mode: 'phone', topics: [], agreedActions: [''] });
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      '请选择辅导方式（现场或线上）',
      '请至少选择一个辅导主题',
      '约定事项不能为空',
    ]);
  });

  it('fills in empty notes and actions', () => {
    expect(
      SessionLogInput.parse({ date: '2026-03-10', durationMinutes: 60, mode: 'online', topics: ['law'] }),
    ).toMatchObject({ notes: '', agreedActions: [] });
  });
});

describe('RatingInput', () => {
  it('accepts whole scores from 1 to 5 only', () => {
    expect(RatingInput.parse({ score: 5 })).toEqual({ score: 5, comment: '' });
    expect(RatingInput.parse({ score: 1, comment: '沟通不够' }).score).toBe(1);
    for (const score of [0, 6, 3.5])
      expect(RatingInput.safeParse({ score }).error?.issues[0]?.message).toBe('评分应为 1–5 的整数');
  });
});

describe('PoorFitFlagInput', () => {
  it('asks why the pairing is a poor fit', () => {
    expect(PoorFitFlagInput.safeParse({ reason: '不合适' }).error?.issues[0]?.message).toBe(
      '请说明不匹配的原因（至少 5 个字）',
    );
    expect(PoorFitFlagInput.parse({ reason: '导师不熟悉农业领域' }).reason).toBe('导师不熟悉农业领域');
  });
});

describe('checkSessionDate', () => {
  it('accepts a session from the acceptance day up to today', () => {
    expect(() => checkSessionDate(active, '2026-03-03', '2026-03-10')).not.toThrow();
    expect(() => checkSessionDate(active, '2026-03-10', '2026-03-10')).not.toThrow();
  });

  it('refuses a session before the pairing began, in the future, or on a pairing not active', () => {
    expect(thrown(() => checkSessionDate(active, '2026-03-02', '2026-03-10')).message).toBe(
      '辅导日期 2026-03-02 早于结对开始日期 2026-03-03',
    );
    expect(thrown(() => checkSessionDate(active, '2026-03-11', '2026-03-10')).message).toBe(
      '辅导日期 2026-03-11 晚于今天，请在辅导结束后登记',
    );
    expect(thrown(() => checkSessionDate(proposed, '2026-03-03', '2026-03-10')).code).toBe(
      'MENTORING.PAIRING_NOT_ACTIVE',
    );
  });
});

describe('checkRatingAllowed', () => {
  const done = completePairing(active, { on: '2026-06-30', sessionsHeld: 4, minSessions: 4 });

  it('lets each side rate a started pairing once', () => {
    expect(() => checkRatingAllowed(done, 'mentee', ['mentor'])).not.toThrow();
    expect(thrown(() => checkRatingAllowed(done, 'mentee', ['mentee'])).message).toBe(
      '您已评价过该结对，每方只能评价一次',
    );
    expect(thrown(() => checkRatingAllowed(proposed, 'mentor', [])).message).toBe('结对开始后才能评价');
  });
});
