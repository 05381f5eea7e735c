import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { CentreEventInput, type CentreEvent } from './events';
import { trainingClassProgress } from './targets';

function thrown(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

const cls = (date: string, sector: string, attendeeCount = 20): CentreEvent => ({
  date,
  kind: 'training-class',
  sector,
  attendeeCount,
});

describe('trainingClassProgress', () => {
  const events: CentreEvent[] = [
    cls('2026-03-01', '电子商务'),
    cls('2026-09-01', '电子商务', 35),
    cls('2026-05-01', '现代农业'),
    cls('2025-12-31', '现代农业'), // last year
    { date: '2026-06-01', kind: 'public-interest', attendeeCount: 50 },
    cls('2026-07-01', '文化创意'),
  ];

  it('meets the target for a sector with 2 classes in the year, not for one with 1', () => {
    const p = trainingClassProgress(events, 2026, { sectors: ['电子商务', '现代农业', '智能制造'] });
    expect(p.sectors).toEqual([
      { sector: '电子商务', classes: 2, attendees: 55, target: 2, met: true, remaining: 0 },
      { sector: '现代农业', classes: 1, attendees: 20, target: 2, met: false, remaining: 1 },
      { sector: '智能制造', classes: 0, attendees: 0, target: 2, met: false, remaining: 2 },
      { sector: '文化创意', classes: 1, attendees: 20, target: 2, met: false, remaining: 1 },
    ]);
    expect(p.sectorsMet).toBe(1);
    expect(p.allMet).toBe(false);
  });

  it('does not count public-interest events or classes of another year', () => {
    expect(trainingClassProgress(events, 2025).sectors).toEqual([
      { sector: '现代农业', classes: 1, attendees: 20, target: 2, met: false, remaining: 1 },
    ]);
  });

  it('uses the target it is given and reports no sector as not all met', () => {
    expect(
      trainingClassProgress(events, 2026, { sectors: ['电子商务'], target: 3 }).sectors[0],
    ).toMatchObject({ met: false, remaining: 1 });
    expect(trainingClassProgress([], 2026).allMet).toBe(false);
  });

  it('refuses a class without a sector', () => {
    const e = thrown(() =>
      trainingClassProgress(
        [{ title: '创业基础班', date: '2026-01-05', kind: 'training-class', attendeeCount: 10 }],
        2026,
      ),
    );
    expect(e.message).toBe('培训班“创业基础班”未填写所属行业领域');
  });
});

describe('CentreEventInput', () => {
  it('requires a sector for a training class', () => {
    const result = CentreEventInput.safeParse({
      title: '电商直播班',
      date: '2026-03-01',
      kind: 'training-class',
      attendeeCount: 25,
    });
    expect(result.error?.issues.map((i) => i.message)).toEqual(['创业培训班须填写所属行业领域']);
  });

  it('explains bad fields in Chinese', () => {
    const result = CentreEventInput.safeParse({
      title: '',
      date: '2026-02-30',
      kind: 'party',
      attendeeCount: -1,
    });
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      '请填写活动名称',
      '日期格式应为 YYYY-MM-DD（如 2025-03-15），且须为真实存在的日期',
      '请选择活动类型（公益性创业辅导活动或创业培训班）',
      '签到人数不能为负数',
    ]);
  });

  it('accepts a public-interest event without a sector', () => {
    expect(
      CentreEventInput.parse({
        title: '融资路演',
        date: '2026-03-01',
        kind: 'public-interest',
        attendeeCount: 10,
      }),
    ).toEqual({
      title: '融资路演',
      date: '2026-03-01',
      kind: 'public-interest',
      attendeeCount: 10,
      sector: null,
    });
  });
});
