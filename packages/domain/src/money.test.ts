import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { DomainError } from './errors';
import {
  addFen,
  fen,
  fenToYuanString,
  formatFen,
  formatFenAsWan,
  mulFenByRatio,
  parseMoney,
  roundHalfUpToFen,
  subFen,
  sumFen,
  yuanToFen,
} from './money';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  throw new Error('expected a DomainError');
}

const MAX = Number.MAX_SAFE_INTEGER;
/** Any safe fen amount ≥ 0, biased towards everyday amounts as well as the extremes. */
const anyFen = fc.oneof(fc.integer({ min: 0, max: 10_000_000 }), fc.maxSafeNat());

describe('fen', () => {
  it('brands a safe integer', () => {
    expect(fen(123456)).toBe(123456);
    expect(Object.is(fen(-0), 0)).toBe(true);
  });

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY, MAX + 1, '12' as unknown as number])(
    'refuses %s, which is not an integer number of fen',
    (n) => {
      expect(codeOf(() => fen(n))).toBe('MONEY.NOT_INTEGER_FEN');
    },
  );
});

describe('fen arithmetic', () => {
  it('adds, subtracts and sums exactly', () => {
    expect(addFen(fen(10), fen(20))).toBe(30);
    expect(subFen(fen(10), fen(25))).toBe(-15);
    expect(sumFen([fen(1), fen(2), fen(3)])).toBe(6);
    expect(sumFen([])).toBe(0);
  });

  it('refuses a result beyond the safe-integer range instead of losing fen', () => {
    expect(codeOf(() => addFen(fen(MAX), fen(1)))).toBe('MONEY.OVERFLOW');
    expect(codeOf(() => subFen(fen(-MAX), fen(1)))).toBe('MONEY.OVERFLOW');
    expect(codeOf(() => sumFen([fen(MAX - 1), fen(1), fen(1)]))).toBe('MONEY.OVERFLOW');
  });

  it('refuses a float smuggled in as Fen', () => {
    expect(codeOf(() => addFen(0.1 as never, fen(1)))).toBe('MONEY.NOT_INTEGER_FEN');
  });
});

describe('mulFenByRatio', () => {
  it('takes 50% of interest paid: 86,400.00 → 43,200.00', () => {
    expect(mulFenByRatio(yuanToFen('86400.00'), 1, 2)).toBe(4_320_000);
  });

  it('claws back pro rata, amount × (36 − months) / 36, half-up to the fen', () => {
    expect(mulFenByRatio(fen(10_000_000), 36 - 10, 36)).toBe(7_222_222); // 7222222.22…
    expect(mulFenByRatio(fen(100), 1, 3)).toBe(33);
    expect(mulFenByRatio(fen(200), 1, 3)).toBe(67);
  });

  it('rounds ties away from zero, for negative amounts too', () => {
    expect(mulFenByRatio(fen(1), 1, 2)).toBe(1);
    expect(mulFenByRatio(fen(-1), 1, 2)).toBe(-1);
    expect(mulFenByRatio(fen(3), 1, -2)).toBe(-2);
    expect(mulFenByRatio(fen(5), -1, -2)).toBe(3);
  });

  it('stays exact where floating point would not', () => {
    // 9007199254740991 × 3 = 27021597764222973 is beyond a double's integer precision; ÷ 7 = 3860228252031853.29
    expect(mulFenByRatio(fen(MAX), 3, 7)).toBe(3_860_228_252_031_853);
    expect(mulFenByRatio(fen(MAX), 10n ** 20n, 10n ** 20n)).toBe(MAX);
  });

  it('refuses a zero or fractional ratio and a result that overflows', () => {
    expect(codeOf(() => mulFenByRatio(fen(1), 1, 0))).toBe('MONEY.INVALID_RATIO');
    expect(codeOf(() => mulFenByRatio(fen(1), 0.5, 1))).toBe('MONEY.INVALID_RATIO');
    expect(codeOf(() => mulFenByRatio(fen(MAX), 2, 1))).toBe('MONEY.OVERFLOW');
  });
});

describe('roundHalfUpToFen', () => {
  it('rounds the loan-subsidy worked example to 4,055.56 yuan', () => {
    const yuan = new Decimal(200_000).times('0.02').times(365).dividedBy(360);
    expect(roundHalfUpToFen(yuan)).toBe(405_556);
  });

  it('accepts a Decimal from another configured Decimal constructor', () => {
    const Funding = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_DOWN });
    expect(roundHalfUpToFen(new Funding('2.345'))).toBe(235);
  });

  it.each([
    ['0.005', 1],
    ['0.004999999999999999999999999', 0],
    ['1.235', 124],
    ['-1.235', -124],
    ['-0.001', 0],
    ['12', 1200],
    [' 3.14159 ', 314],
  ])('rounds %s yuan half-up to %i fen', (input, expected) => {
    expect(roundHalfUpToFen(input)).toBe(expected);
  });

  it('refuses text that is not a number, and infinities', () => {
    expect(codeOf(() => roundHalfUpToFen('abc'))).toBe('MONEY.INVALID');
    expect(codeOf(() => roundHalfUpToFen('Infinity'))).toBe('MONEY.INVALID');
    expect(codeOf(() => roundHalfUpToFen('1e30'))).toBe('MONEY.OVERFLOW');
  });
});

describe('yuanToFen', () => {
  it.each([
    ['1234.56', 123_456],
    ['0.01', 1],
    ['100', 10_000],
    ['1.5', 150],
    ['-0.50', -50],
    ['1.2300', 123],
  ])('converts %s yuan to %i fen exactly', (input, expected) => {
    expect(yuanToFen(input)).toBe(expected);
  });

  it.each(['1.234', '1,234.56', '¥1', '', '1e3', '.5', 'abc'])('refuses %j', (input) => {
    expect(codeOf(() => yuanToFen(input))).toBe('MONEY.INVALID');
  });
});

describe('parseMoney', () => {
  it.each([
    ['1234.56', 123_456],
    ['1,234.56', 123_456],
    ['¥1,234.56', 123_456],
    ['￥1,234.56', 123_456],
    [' ¥ 1234 元 ', 123_400],
    ['１２３', 12_300],
    ['１，２３４．５', 123_450],
    ['12.5万', 12_500_000],
    ['12.5万元', 12_500_000],
    ['0.000001万', 1],
    ['3元', 300],
    ['0.01', 1],
    ['0', 0],
    ['-0', 0],
    ['90071992547409.91', MAX],
  ])('reads %j as %i fen', (input, expected) => {
    expect(parseMoney(input)).toBe(expected);
  });

  it('reads a negative amount only when allowed', () => {
    expect(codeOf(() => parseMoney('-5'))).toBe('MONEY.INVALID');
    expect(parseMoney('-5', { allowNegative: true })).toBe(-500);
    expect(parseMoney('-¥1,234.56', { allowNegative: true })).toBe(-123_456);
    expect(parseMoney('¥-1.5万', { allowNegative: true })).toBe(-1_500_000);
    expect(parseMoney('－3元', { allowNegative: true })).toBe(-300);
  });

  it.each([
    ['', '请输入金额'],
    ['   ', '请输入金额'],
    ['1.234', '金额最多保留两位小数（精确到分）'],
    ['1.0000001万', '以「万元」为单位时最多保留六位小数（精确到分）'],
    ['-5', '金额不能为负数'],
    ['90071992547409.92', '金额过大，超出系统可处理的范围'],
    ['99999999999999999999999', '金额过大，超出系统可处理的范围'],
  ])('refuses %j with the message %s', (input, message) => {
    expect(() => parseMoney(input)).toThrow(message);
  });

  it.each([
    'abc',
    '12abc',
    '1,23',
    '1e5',
    '0x10',
    'NaN',
    'Infinity',
    '¥',
    '1.',
    '.5',
    '--1',
    '-¥-1',
    '12万万',
    '1 234',
    '1, 234',
    '1 2.3.4',
  ])('refuses the garbage %j', (input) => {
    expect(codeOf(() => parseMoney(input, { allowNegative: true }))).toBe('MONEY.INVALID');
  });

  it('refuses a non-string without crashing', () => {
    expect(codeOf(() => parseMoney(undefined as unknown as string))).toBe('MONEY.INVALID');
  });
});

describe('formatting', () => {
  it('formats fen as yuan with thousands separators', () => {
    expect(formatFen(123_456)).toBe('¥1,234.56');
    expect(formatFen(-123_456)).toBe('-¥1,234.56');
    expect(formatFen(0)).toBe('¥0.00');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(100_000_000)).toBe('¥1,000,000.00');
    expect(formatFen(MAX)).toBe('¥90,071,992,547,409.91');
  });

  it('formats fen in 万元, trimming trailing zeros', () => {
    expect(formatFenAsWan(12_500_000)).toBe('12.5万元');
    expect(formatFenAsWan(100_000_000)).toBe('100万元');
    expect(formatFenAsWan(1)).toBe('0.000001万元');
    expect(formatFenAsWan(0)).toBe('0万元');
    expect(formatFenAsWan(-12_500_000)).toBe('-12.5万元');
  });

  it('writes plain yuan strings with two decimals', () => {
    expect(fenToYuanString(123_456)).toBe('1234.56');
    expect(fenToYuanString(7)).toBe('0.07');
    expect(fenToYuanString(-7)).toBe('-0.07');
  });

  it('refuses to format a float', () => {
    expect(codeOf(() => formatFen(0.1 + 0.2))).toBe('MONEY.NOT_INTEGER_FEN');
    expect(codeOf(() => formatFenAsWan(1.5))).toBe('MONEY.NOT_INTEGER_FEN');
  });

  test.prop([anyFen])('parseMoney(formatFen(x)) returns x for every safe fen amount', (x) => {
    expect(parseMoney(formatFen(x))).toBe(x);
  });

  test.prop([anyFen])('parseMoney(formatFenAsWan(x)) returns x for every safe fen amount', (x) => {
    expect(parseMoney(formatFenAsWan(x))).toBe(x);
  });

  test.prop([fc.maxSafeInteger()])('yuanToFen(fenToYuanString(x)) returns x, negatives included', (x) => {
    expect(yuanToFen(fenToYuanString(x))).toBe(x === 0 ? 0 : x);
    expect(parseMoney(fenToYuanString(x), { allowNegative: true })).toBe(x === 0 ? 0 : x);
  });

  test.prop([fc.maxSafeInteger()])('negative amounts round-trip through both formats when allowed', (x) => {
    expect(parseMoney(formatFen(x), { allowNegative: true })).toBe(x === 0 ? 0 : x);
    expect(parseMoney(formatFenAsWan(x), { allowNegative: true })).toBe(x === 0 ? 0 : x);
  });
});
