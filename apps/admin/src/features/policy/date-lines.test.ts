import { describe, expect, it } from 'vitest';
import { parseDateLines } from './date-lines';

describe('parseDateLines', () => {
  it('reads one date per line in the usual ways of writing them, sorted and without duplicates', () => {
    expect(parseDateLines('2027-01-02\n2027/1/1\n\n2027年2月6日\n2027-01-01 ').dates).toEqual([
      '2027-01-01',
      '2027-01-02',
      '2027-02-06',
    ]);
  });

  it('also splits on commas, 、 and spaces between dates', () => {
    expect(parseDateLines('2027-02-14，2027-02-20、2027-02-21 2027-02-22').dates).toHaveLength(4);
  });

  it('reports dates that do not exist or cannot be read, by position', () => {
    const { dates, errors } = parseDateLines('2027-02-30\nabc\n2027-03-01');
    expect(dates).toEqual(['2027-03-01']);
    expect(errors).toEqual([
      '第 1 个日期“2027-02-30”无效，应为 YYYY-MM-DD（如 2027-01-01）且真实存在',
      '第 2 个日期“abc”无效，应为 YYYY-MM-DD（如 2027-01-01）且真实存在',
    ]);
  });
});
