import { Decimal } from 'decimal.js';
import { invalid } from './errors';

/**
 * Money is an integer number of fen (分), branded so that a yuan amount or a float cannot be passed by mistake
 * (style guide rule 4; architecture: money columns end in `_fen`). All arithmetic and rounding on money lives here.
 * Every function refuses a value outside the safe-integer range rather than silently losing a fen.
 */
export type Fen = number & { readonly __brand: 'Fen' };

const FEN_PER_YUAN = 100n;
const FEN_PER_WAN = 1_000_000n; // 1万元 = 10,000 yuan = 1,000,000 fen
const MAX_FEN = BigInt(Number.MAX_SAFE_INTEGER);

/** Brands a number as fen; throws `MONEY.NOT_INTEGER_FEN` unless it is a safe integer. */
export function fen(n: number): Fen {
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) {
    throw invalid('MONEY.NOT_INTEGER_FEN', `金额必须是以分为单位的整数，收到「${String(n)}」`, { value: n });
  }
  return (n === 0 ? 0 : n) as Fen; // never -0, which would format as "-¥0.00"
}

export function addFen(a: Fen, b: Fen): Fen {
  return checkedResult(fen(a) + fen(b), 'addFen');
}

export function subFen(a: Fen, b: Fen): Fen {
  return checkedResult(fen(a) - fen(b), 'subFen');
}

export function sumFen(values: Iterable<Fen>): Fen {
  let total = 0;
  for (const v of values) total = checkedResult(total + fen(v), 'sumFen');
  return total as Fen;
}

/**
 * amount × numerator / denominator, rounded half-up (ties away from zero) to the fen, computed exactly in BigInt.
 * Used for shares and pro-rata amounts, e.g. a clawback of amount × (36 − months) / 36 (domain-rules.md §5) or 50% of
 * interest paid (§4) as `mulFenByRatio(paid, 1, 2)`.
 */
export function mulFenByRatio(amount: Fen, numerator: number | bigint, denominator: number | bigint): Fen {
  const n = ratioPart(numerator, 'numerator');
  const d = ratioPart(denominator, 'denominator');
  if (d === 0n)
    throw invalid('MONEY.INVALID_RATIO', '比例的分母不能为0', {
      numerator: String(numerator),
      denominator: '0',
    });
  const product = BigInt(fen(amount)) * n;
  const negative = product < 0n !== d < 0n;
  const p = product < 0n ? -product : product;
  const q = d < 0n ? -d : d;
  const rounded = p / q + (2n * (p % q) >= q ? 1n : 0n);
  return fenFromBigInt(negative ? -rounded : rounded);
}

/**
 * Rounds an amount **in yuan** half-up (ties away from zero) to the fen and returns integer fen, e.g. the loan
 * subsidy 200000 × 2.00% × 365 / 360 = 4055.5555… yuan → 405556 fen (domain-rules.md §4 round_half_up_to_fen).
 * Pass a Decimal computed in yuan or a decimal string; for a ratio of a fen amount use {@link mulFenByRatio}.
 */
export function roundHalfUpToFen(yuan: Decimal | string): Fen {
  let d: Decimal;
  try {
    d = new Decimal(typeof yuan === 'string' ? yuan.trim() : yuan);
  } catch {
    throw invalid('MONEY.INVALID', `无法识别的金额「${preview(yuan)}」`, { input: preview(yuan) });
  }
  if (!d.isFinite()) {
    throw invalid('MONEY.INVALID', `无法识别的金额「${preview(yuan)}」`, { input: preview(yuan) });
  }
  // toFixed rounds on the exact digits (it does not use the precision setting), so no digit is lost before rounding.
  return fenFromBigInt(BigInt(d.toFixed(2, Decimal.ROUND_HALF_UP).replace('.', '')));
}

/**
 * Exact conversion of a plain decimal yuan string (as stored or sent by machines: '1234.56', '-0.5', '100') to fen.
 * Refuses anything that is not a whole number of fen; for text typed by people use {@link parseMoney}.
 */
export function yuanToFen(s: string): Fen {
  const text = String(s).trim();
  const m = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) throw invalid('MONEY.INVALID', `无法识别的金额「${preview(text)}」`, { input: preview(text) });
  const [, sign = '', int = '', frac = ''] = m;
  if (/[1-9]/.test(frac.slice(2))) {
    throw invalid('MONEY.INVALID', `金额「${preview(text)}」不足一分，最多保留两位小数`, {
      input: preview(text),
    });
  }
  const value = BigInt(int) * FEN_PER_YUAN + BigInt(frac.slice(0, 2).padEnd(2, '0'));
  return fenFromBigInt(sign === '-' ? -value : value);
}

export type ParseMoneyOptions = { allowNegative?: boolean };

/**
 * Parses an amount typed by a person into fen. Accepts '1234.56', '1,234.56', '¥1,234.56', full-width digits ('１２３'),
 * '3元', and amounts in 万 ('12.5万', '12.5万元', up to six decimals since 0.000001万 = 0.01元).
 * Refuses (MONEY.INVALID) empty input, anything else, more than two decimals of yuan, negatives unless
 * `allowNegative`, and amounts beyond Number.MAX_SAFE_INTEGER fen.
 */
export function parseMoney(input: string, options: ParseMoneyOptions = {}): Fen {
  const normalized = typeof input === 'string' ? input.normalize('NFKC') : '';
  const text = normalized.replace(/[\s\u200B-\u200D\u2060\uFEFF]/g, '');
  if (text === '') throw invalid('MONEY.INVALID', '请输入金额', { input: preview(input) });
  // Spaces around the number are noise; a space inside it ('1 234', '12 34') is ambiguous, so it is refused below.
  const spaceInsideNumber = /[\d,.][\s\u200B-\u200D\u2060\uFEFF]+[\d,.]/.test(normalized);
  const m = /^([+\-\u2212]?)(?:¥|￥)?([+\-\u2212]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(万元|万|元)?$/.exec(
    text,
  );
  if (!m || (m[1] !== '' && m[2] !== '') || spaceInsideNumber) {
    throw invalid(
      'MONEY.INVALID',
      `无法识别的金额「${preview(input)}」，请按 1234.56、1,234.56 或 12.5万 的格式填写`,
      {
        input: preview(input),
      },
    );
  }
  const [, sign1 = '', sign2 = '', grouped = '', frac = '', unit = ''] = m;
  const inWan = unit.startsWith('万');
  const maxDecimals = inWan ? 6 : 2;
  if (frac.length > maxDecimals) {
    const message = inWan
      ? '以「万元」为单位时最多保留六位小数（精确到分）'
      : '金额最多保留两位小数（精确到分）';
    throw invalid('MONEY.INVALID', message, { input: preview(input) });
  }
  // The permitted decimals are exactly the fen digits: 2 for yuan, 6 for 万.
  const magnitude =
    BigInt(grouped.replaceAll(',', '')) * (inWan ? FEN_PER_WAN : FEN_PER_YUAN) +
    BigInt(frac.padEnd(maxDecimals, '0'));
  const negative = (sign1 + sign2 === '-' || sign1 + sign2 === '\u2212') && magnitude !== 0n;
  if (negative && !options.allowNegative) {
    throw invalid('MONEY.INVALID', '金额不能为负数', { input: preview(input) });
  }
  if (magnitude > MAX_FEN)
    throw invalid('MONEY.INVALID', '金额过大，超出系统可处理的范围', { input: preview(input) });
  return fenFromBigInt(negative ? -magnitude : magnitude);
}

/** '¥1,234.56'; negative amounts as '-¥1,234.56'. */
export function formatFen(f: number): string {
  const { negative, yuan, cents } = splitFen(f, 2);
  return `${negative ? '-' : ''}¥${yuan.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

/** Amount in 万元 with trailing zeros trimmed, exact to the fen: 12500000 → '12.5万元', 1 → '0.000001万元'. */
export function formatFenAsWan(f: number): string {
  const { negative, yuan: wan, cents: fraction } = splitFen(f, 6);
  const trimmed = fraction.replace(/0+$/, '');
  return `${negative ? '-' : ''}${wan}${trimmed === '' ? '' : `.${trimmed}`}万元`;
}

/** Plain yuan with exactly two decimals, for exports and machine interfaces: 123456 → '1234.56'. */
export function fenToYuanString(f: number): string {
  const { negative, yuan, cents } = splitFen(f, 2);
  return `${negative ? '-' : ''}${yuan}.${cents}`;
}

/** Splits |f| into an integer part and a `decimals`-digit fraction by string slicing (no float division). */
function splitFen(f: number, decimals: number): { negative: boolean; yuan: string; cents: string } {
  const value = fen(f);
  const digits = String(Math.abs(value)).padStart(decimals + 1, '0');
  return { negative: value < 0, yuan: digits.slice(0, -decimals), cents: digits.slice(-decimals) };
}

function checkedResult(n: number, operation: string): Fen {
  if (!Number.isSafeInteger(n)) {
    throw invalid('MONEY.OVERFLOW', '金额超出系统可精确处理的范围', { operation });
  }
  return (n === 0 ? 0 : n) as Fen;
}

function fenFromBigInt(value: bigint): Fen {
  if (value > MAX_FEN || value < -MAX_FEN) {
    throw invalid('MONEY.OVERFLOW', '金额超出系统可精确处理的范围', { fen: value.toString() });
  }
  return fen(Number(value));
}

function ratioPart(value: number | bigint, name: 'numerator' | 'denominator'): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw invalid('MONEY.INVALID_RATIO', '比例的分子和分母必须是整数', { [name]: String(value) });
  }
  return BigInt(value);
}

function preview(input: unknown): string {
  const s = typeof input === 'string' ? input : String(input);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
