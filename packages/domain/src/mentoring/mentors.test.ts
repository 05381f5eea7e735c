import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import {
  checkCapacityChange,
  MENTOR_KIND_LABELS,
  MENTOR_TOPIC_LABELS,
  MENTOR_TOPICS,
  MenteeRequestInput,
  MentorProfileInput,
} from './mentors';

function thrown(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

const profile = {
  name: '王建国',
  kind: 'entrepreneur',
  organisation: '岳阳巴陵电子商务有限公司',
  industries: ['retail', 'software-it'],
  topics: ['financing', 'marketing', 'e-commerce'],
  capacity: 5,
};

describe('MentorProfileInput', () => {
  it('accepts a mentor and fills in the defaults', () => {
    expect(MentorProfileInput.parse(profile)).toEqual({
      ...profile,
      title: '',
      availability: 'accepting',
      bio: '',
    });
  });

  it('explains a capacity out of range, repeated topics and an unknown kind in Chinese', () => {
    const result = MentorProfileInput.safeParse({
      ...profile,
      kind: 'coach',
      topics: ['law', 'law'],
      capacity: 0,
    });
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      '请选择导师类型（企业家导师、高校导师或行业专家导师）',
      '辅导主题不能重复',
      '可带教人数至少为 1',
    ]);
    expect(MentorProfileInput.safeParse({ ...profile, capacity: 21 }).error?.issues[0]?.message).toBe(
      '可带教人数不能超过 20',
    );
    expect(MentorProfileInput.safeParse({ ...profile, industries: [] }).error?.issues[0]?.message).toBe(
      '请至少选择一个行业',
    );
  });

  it('has a Chinese label for every kind and topic', () => {
    expect(Object.values(MENTOR_KIND_LABELS)).toEqual(['企业家导师', '高校导师', '行业专家导师']);
    expect(MENTOR_TOPICS.every((t) => MENTOR_TOPIC_LABELS[t].length > 0)).toBe(true);
    expect(MENTOR_TOPIC_LABELS.financing).toBe('融资');
  });
});

describe('MenteeRequestInput', () => {
  const request = {
    topics: ['financing'],
    industry: 'software-it',
    stage: 'startup',
    description: '需要对接天使轮投资人，完善商业计划书',
  };

  it('accepts a request without a preferred kind', () => {
    expect(MenteeRequestInput.parse(request)).toEqual({ ...request, preferredKind: null, manager: null });
  });

  it('refuses a description too short to act on', () => {
    expect(
      MenteeRequestInput.safeParse({ ...request, description: '求导师' }).error?.issues[0]?.message,
    ).toBe('需求描述至少 10 个字');
  });

  it('asks a growth-firm manager request to be for a growth-stage firm', () => {
    const result = MenteeRequestInput.safeParse({ ...request, manager: { name: '赵敏', title: '总经理' } });
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      '为经营管理者申请“企业家培育”导师的，企业应处于成长期',
    ]);
    expect(
      MenteeRequestInput.parse({ ...request, stage: 'growth', manager: { name: '赵敏', title: '总经理' } })
        .manager,
    ).toEqual({
      name: '赵敏',
      title: '总经理',
    });
  });
});

describe('checkCapacityChange', () => {
  it('lowers a capacity to exactly the places taken, not below', () => {
    expect(() => checkCapacityChange(3, 2, 1)).not.toThrow();
    const e = thrown(() => checkCapacityChange(2, 2, 1));
    expect(e.code).toBe('MENTORING.CAPACITY_BELOW_LOAD');
    expect(e.message).toBe('可带教人数不能低于当前已占用的名额（在带 2 人，待确认 1 人）');
    expect(thrown(() => checkCapacityChange(0, 0, 0)).message).toBe('可带教人数应为 1–20 之间的整数，收到 0');
  });
});
