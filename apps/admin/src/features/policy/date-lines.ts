import { isIsoDate } from '@fund/domain';

export type DateLines = { dates: string[]; errors: string[] };

const LOOSE_DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

/**
 * Dates typed or pasted one per line (commas, 、 and spaces also separate them), as in the State Council notice:
 * '2027-01-01', '2027/1/1' and '2027年1月1日' all become '2027-01-01'. Duplicates are dropped and the list sorted;
 * anything that is not a real date is reported by its position, in Chinese.
 */
export function parseDateLines(text: string): DateLines {
  const dates = new Set<string>();
  const errors: string[] = [];
  text
    .split(/[\n,，、;；]+/)
    .flatMap((line) => line.trim().split(/\s+(?=\d{4})/))
    .map((token) => token.trim())
    .filter((token) => token !== '')
    .forEach((token, i) => {
      const m = LOOSE_DATE.exec(token);
      const iso = m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : token;
      if (isIsoDate(iso)) dates.add(iso);
      else errors.push(`第 ${i + 1} 个日期“${token}”无效，应为 YYYY-MM-DD（如 2027-01-01）且真实存在`);
    });
  return { dates: [...dates].sort(), errors };
}
