import { z } from 'zod';
import { conflict, invalid } from '../errors';
import { fen } from '../money';

/**
 * Workstations (工位) of an innovation centre (创业创新中心), domain-rules.md §6. A workstation is *designated* free
 * (免费工位, zero rent) or preferential (优惠工位); the free share of a centre is a KPI computed from the designation
 * (kpi.ts), so the designation and the rent must agree.
 */
export const WORKSTATION_KINDS = ['open-desk', 'fixed-desk', 'office-seat'] as const;
export type WorkstationKind = (typeof WORKSTATION_KINDS)[number];
export const WORKSTATION_KIND_LABELS: Record<WorkstationKind, string> = {
  'open-desk': '开放工位',
  'fixed-desk': '固定工位',
  'office-seat': '独立办公室工位',
};

export const WORKSTATION_DESIGNATIONS = ['free', 'preferential'] as const;
export type WorkstationDesignation = (typeof WORKSTATION_DESIGNATIONS)[number];
export const WORKSTATION_DESIGNATION_LABELS: Record<WorkstationDesignation, string> = {
  free: '免费工位',
  preferential: '优惠工位',
};

/** Bulk creation limit: one request never creates more than this many workstations. */
export const MAX_BULK_WORKSTATIONS = 1000;

/** Letters, digits and inner hyphens, upper-cased: 'A-001', 'F3-12', 'B2'. At most 32 characters. */
const CODE_PATTERN = /^[A-Z0-9](?:[A-Z0-9-]{0,30}[A-Z0-9])?$/;
const CODE_MESSAGE = '工位编号只能包含字母、数字和连字符，以字母或数字开头和结尾，最长 32 位（如 A-001）';
/** The numeric tail of a code is kept to 9 digits so that every number in a range is a safe integer. */
const MAX_NUMBER_DIGITS = 9;

export function normalizeWorkstationCode(code: string): string {
  return code.trim().toUpperCase();
}

export function isWorkstationCode(code: string): boolean {
  return CODE_PATTERN.test(normalizeWorkstationCode(code));
}

function requireCode(code: string): string {
  const normalized = normalizeWorkstationCode(code);
  if (!CODE_PATTERN.test(normalized)) {
    throw invalid('CENTRES.INVALID_WORKSTATION_CODE', `${CODE_MESSAGE}，收到“${code.slice(0, 40)}”`, {
      code: code.slice(0, 40),
    });
  }
  return normalized;
}

export const WorkstationCode = z.string().trim().toUpperCase().regex(CODE_PATTERN, { error: CODE_MESSAGE });
export type WorkstationCode = z.infer<typeof WorkstationCode>;

const WorkstationKindSchema = z.enum(WORKSTATION_KINDS, {
  error: '请选择工位类型（开放工位、固定工位或独立办公室工位）',
});
const WorkstationDesignationSchema = z.enum(WORKSTATION_DESIGNATIONS, {
  error: '请选择工位性质（免费工位或优惠工位）',
});
const Zone = z
  .string()
  .trim()
  .min(1, { error: '请填写工位所在区域（如 A区、二楼东侧）' })
  .max(50, { error: '区域名称最长 50 个字' });
const MonthlyRentFen = z
  .number({ error: '月租金应为以分为单位的整数' })
  .int({ error: '月租金应为以分为单位的整数' })
  .min(0, { error: '月租金不能为负数' })
  .max(Number.MAX_SAFE_INTEGER, { error: '月租金过大' })
  .transform((n) => fen(n));

/** §6: a free workstation is designated zero-rent; a preferential one charges a (reduced) rent. */
function checkRentAgainstDesignation(
  v: { designation: WorkstationDesignation; monthlyRentFen: number },
  ctx: z.RefinementCtx,
): void {
  if (v.designation === 'free' && v.monthlyRentFen !== 0) {
    ctx.addIssue({ code: 'custom', path: ['monthlyRentFen'], message: '免费工位的月租金应为 0' });
  }
  if (v.designation === 'preferential' && v.monthlyRentFen === 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['monthlyRentFen'],
      message: '优惠工位须填写月租金（大于 0）；零租金的工位请登记为免费工位',
    });
  }
}

export const WorkstationInput = z
  .object({
    code: WorkstationCode,
    zone: Zone,
    kind: WorkstationKindSchema,
    designation: WorkstationDesignationSchema,
    monthlyRentFen: MonthlyRentFen,
  })
  .superRefine(checkRentAgainstDesignation);
export type WorkstationInput = z.infer<typeof WorkstationInput>;

/**
 * Bulk creation: the same zone, kind, designation and rent for every code in `codes`, written as a range
 * ('A-001…A-120') or a list ('A-001, A-005, B-001~B-010'); see `parseBulkCodes`.
 */
export const BulkWorkstationInput = z
  .object({
    codes: z.string().superRefine((text, ctx) => {
      try {
        parseBulkCodes(text);
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: e instanceof Error ? e.message : '工位编号有误' });
      }
    }),
    zone: Zone,
    kind: WorkstationKindSchema,
    designation: WorkstationDesignationSchema,
    monthlyRentFen: MonthlyRentFen,
  })
  .superRefine(checkRentAgainstDesignation);
export type BulkWorkstationInput = z.infer<typeof BulkWorkstationInput>;

function splitCode(code: string): { prefix: string; digits: string } {
  const m = /^(.*?)(\d+)$/.exec(code);
  if (!m) {
    throw invalid(
      'CENTRES.INVALID_CODE_RANGE',
      `工位编号 ${code} 不以数字结尾，无法按区间批量生成（如 A-001 至 A-120）`,
      { code },
    );
  }
  const [, prefix = '', digits = ''] = m;
  if (digits.length > MAX_NUMBER_DIGITS) {
    throw invalid('CENTRES.INVALID_CODE_RANGE', `工位编号 ${code} 的数字部分超过 ${MAX_NUMBER_DIGITS} 位`, {
      code,
    });
  }
  return { prefix, digits };
}

/**
 * Every code from `from` to `to` inclusive: expandCodeRange('A-001', 'A-120') → 'A-001', 'A-002', …, 'A-120'.
 *
 * The two codes must share their prefix ('A-'), end in digits, and the end must not be below the start. The digit
 * width is kept: 'A-001'…'A-120' pads to three digits. Codes of different widths are accepted only without leading
 * zeros ('A-8'…'A-12' gives A-8 … A-12); 'A-001'…'A-1000' is refused because the padding is ambiguous. At most
 * `limit` (default 1000) codes are produced, checked before anything is generated.
 */
export function expandCodeRange(from: string, to: string, limit = MAX_BULK_WORKSTATIONS): string[] {
  const start = requireCode(from);
  const end = requireCode(to);
  const a = splitCode(start);
  const b = splitCode(end);
  if (a.prefix !== b.prefix) {
    throw invalid('CENTRES.INVALID_CODE_RANGE', `起止编号的前缀不一致（${start} 与 ${end}），请分开填写`, {
      from: start,
      to: end,
    });
  }
  let width = a.digits.length;
  if (a.digits.length !== b.digits.length) {
    const padded = (d: string) => d.length > 1 && d.startsWith('0');
    if (padded(a.digits) || padded(b.digits)) {
      throw invalid(
        'CENTRES.INVALID_CODE_RANGE',
        `起止编号的数字位数不一致（${start} 与 ${end}），请使用相同位数（如 A-0001 至 A-1000）`,
        {
          from: start,
          to: end,
        },
      );
    }
    width = 0;
  }
  const first = Number(a.digits);
  const last = Number(b.digits);
  if (last < first) {
    throw invalid('CENTRES.INVALID_CODE_RANGE', `结束编号 ${end} 小于起始编号 ${start}`, {
      from: start,
      to: end,
    });
  }
  const count = last - first + 1;
  if (count > limit) {
    throw invalid(
      'CENTRES.TOO_MANY_WORKSTATIONS',
      `一次最多生成 ${limit} 个工位，${start} 至 ${end} 共 ${count} 个，请分批生成`,
      {
        from: start,
        to: end,
        count,
        limit,
      },
    );
  }
  const codes: string[] = [];
  for (let n = first; n <= last; n++) codes.push(`${a.prefix}${String(n).padStart(width, '0')}`);
  return codes;
}

/** Range separators people type between two codes: …, ……, ..., ~, ～, 至, 到, —, –. A plain '-' belongs to codes. */
const RANGE_SEPARATOR = /\s*(?:…+|\.{2,}|~|～|至|到|—+|–)\s*/g;
const LIST_SEPARATOR = /[\s,，、;；]+/;

/**
 * Parses what a centre manager types to create many workstations at once: single codes and ranges separated by
 * commas (also 、，；) or new lines, e.g. 'A-001…A-120', 'A-001 至 A-010、B-001, B-005~B-007'. Codes are upper-cased.
 * Refuses empty input, malformed codes or ranges, duplicates, and more than `limit` codes in total.
 */
export function parseBulkCodes(text: string, limit = MAX_BULK_WORKSTATIONS): string[] {
  const tokens = text
    .replace(RANGE_SEPARATOR, '~')
    .split(LIST_SEPARATOR)
    .filter((t) => t !== '');
  if (tokens.length === 0)
    throw invalid('CENTRES.INVALID_CODE_RANGE', '请填写工位编号，如 A-001…A-120 或 A-001, A-002', {});
  const codes: string[] = [];
  const seen = new Set<string>();
  for (const token of tokens) {
    const parts = token.split('~');
    let expanded: string[];
    if (parts.length === 1) expanded = [requireCode(token)];
    else if (parts.length === 2 && parts[0] !== '' && parts[1] !== '')
      expanded = expandCodeRange(parts[0]!, parts[1]!, limit);
    else
      throw invalid(
        'CENTRES.INVALID_CODE_RANGE',
        `无法识别的编号区间“${token.slice(0, 40)}”，请写成 A-001…A-120`,
        { token: token.slice(0, 40) },
      );
    for (const code of expanded) {
      if (seen.has(code)) {
        throw invalid('CENTRES.DUPLICATE_WORKSTATION_CODE', `工位编号 ${code} 重复填写`, { code });
      }
      seen.add(code);
      codes.push(code);
      if (codes.length > limit) {
        throw invalid('CENTRES.TOO_MANY_WORKSTATIONS', `一次最多生成 ${limit} 个工位，请分批生成`, { limit });
      }
    }
  }
  return codes;
}

/**
 * The workstations a bulk request creates, refusing (conflict `CENTRES.DUPLICATE_WORKSTATION_CODE`) any code the
 * centre already has, since a code identifies a workstation on the floor plan and in every log.
 */
export function expandBulkWorkstations(
  input: BulkWorkstationInput,
  existingCodes: readonly string[],
): WorkstationInput[] {
  const codes = parseBulkCodes(input.codes);
  const existing = new Set(existingCodes.map(normalizeWorkstationCode));
  const taken = codes.filter((c) => existing.has(c));
  if (taken.length > 0) {
    const shown = taken.slice(0, 10).join('、') + (taken.length > 10 ? ` 等 ${taken.length} 个` : '');
    throw conflict('CENTRES.DUPLICATE_WORKSTATION_CODE', `工位编号 ${shown} 已存在`, { codes: taken });
  }
  return codes.map((code) => ({
    code,
    zone: input.zone,
    kind: input.kind,
    designation: input.designation,
    monthlyRentFen: input.monthlyRentFen,
  }));
}
