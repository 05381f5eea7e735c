import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors';
import { DEFAULT_STAGE_BOUNDS, STAGE_LABELS, enterpriseStage } from './stage';

describe('enterpriseStage (domain-rules.md §3)', () => {
  it('is 初创期 on the day of establishment', () => {
    expect(enterpriseStage('2024-06-15', '2024-06-15')).toBe('startup');
  });

  it('is still 初创期 the day before the third anniversary and 成长期 on it', () => {
    expect(enterpriseStage('2021-06-15', '2024-06-14')).toBe('startup');
    expect(enterpriseStage('2021-06-15', '2024-06-15')).toBe('growth');
  });

  it('is still 成长期 the day before the eighth anniversary and mature on it', () => {
    expect(enterpriseStage('2016-06-15', '2024-06-14')).toBe('growth');
    expect(enterpriseStage('2016-06-15', '2024-06-15')).toBe('mature');
  });

  it('counts years across a year end by the calendar, not by 365-day blocks', () => {
    expect(enterpriseStage('2021-12-31', '2024-12-30')).toBe('startup');
    expect(enterpriseStage('2021-12-31', '2024-12-31')).toBe('growth');
    expect(enterpriseStage('2022-01-01', '2024-12-31')).toBe('startup');
  });

  it('gives an enterprise established on 29 February its anniversary on 28 February in a common year', () => {
    expect(enterpriseStage('2020-02-29', '2023-02-27')).toBe('startup');
    expect(enterpriseStage('2020-02-29', '2023-02-28')).toBe('growth');
    expect(enterpriseStage('2016-02-29', '2024-02-28')).toBe('growth');
    expect(enterpriseStage('2016-02-29', '2024-02-29')).toBe('mature');
  });

  it('refuses an establishment date after the date of the question', () => {
    try {
      enterpriseStage('2024-06-16', '2024-06-15');
      expect.unreachable();
    } catch (e) {
      expect(isDomainError(e) && e.code).toBe('ENTERPRISE.ESTABLISHED_IN_FUTURE');
      expect(isDomainError(e) && e.kind).toBe('invalid');
      expect((e as Error).message).toContain('成立日期');
    }
  });

  it('refuses dates that are not real YYYY-MM-DD dates', () => {
    expect(() => enterpriseStage('2023-02-29', '2024-06-15')).toThrow(/成立日期/);
    expect(() => enterpriseStage('2021-06-15', '2024/06/15')).toThrow(/申报日期/);
  });

  it('uses the bounds a programme passes instead of the fund defaults', () => {
    const bounds = { startupBelowYears: 2, growthBelowYears: 5 };
    expect(enterpriseStage('2022-06-15', '2024-06-14', bounds)).toBe('startup');
    expect(enterpriseStage('2022-06-15', '2024-06-15', bounds)).toBe('growth');
    expect(enterpriseStage('2019-06-15', '2024-06-15', bounds)).toBe('mature');
    expect(DEFAULT_STAGE_BOUNDS).toEqual({ startupBelowYears: 3, growthBelowYears: 8 });
  });

  it('labels every stage in Chinese', () => {
    expect(STAGE_LABELS).toEqual({ startup: '初创期', growth: '成长期', mature: '成熟期（不在扶持阶段）' });
  });
});
