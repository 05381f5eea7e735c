import { formatFen, parseMoney } from '@fund/domain';
import type { FieldError } from './zod-form';

export type MoneyConversion = { fen: number | null; error: FieldError | null };

/**
 * A typed amount ('125000', '12.5万', '¥1,234.56元') → integer fen with the domain's parser; empty means "not given".
 * The parser's own Chinese message becomes the field's error.
 */
export function moneyField(text: string | undefined | null, name: (string | number)[]): MoneyConversion {
  if (text === undefined || text === null || text.trim() === '') return { fen: null, error: null };
  try {
    return { fen: parseMoney(text), error: null };
  } catch (e) {
    const message = e instanceof Error ? e.message : '无法识别的金额';
    return { fen: null, error: { name, errors: [message] } };
  }
}

/** What an amount reads as, for a hint under the input ('= ¥125,000.00'); null when empty or unreadable. */
export function moneyPreview(text: string | undefined | null): string | null {
  const { fen } = moneyField(text, []);
  return fen === null ? null : formatFen(fen);
}
