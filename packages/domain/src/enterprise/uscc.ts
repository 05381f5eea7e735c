import { invalid } from '../errors';

/**
 * 统一社会信用代码 (USCC), GB 32100-2015; domain-rules.md §2.
 *
 * Layout: pos 1 登记管理部门码, pos 2 机构类别码, pos 3–8 登记管理机关行政区划码, pos 9–17 主体标识码 (组织机构代码,
 * GB 11714, pos 17 being its own check character), pos 18 校验码.
 */

/** The 31 characters a USCC may contain, in value order 0–30 (I, O, Z, S, V never occur). */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** W_i = 3^(i−1) mod 31 for i = 1…17 (GB 32100-2015 check-character weights). */
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** GB 11714 organisation-code weights for the 8 body characters. */
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/** GB 11714 values: 0–9 → 0–9, A–Z → 10–35 (unlike the USCC's own 0–30 values). */
const ORG_CODE_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** 登记管理部门码 (pos 1), GB 32100-2015 附录 A plus departments added by later national notices. */
export const USCC_REGISTRATION_DEPARTMENTS: Readonly<Record<string, string>> = {
  '1': '机构编制',
  '2': '外交',
  '3': '司法行政',
  '4': '文化',
  '5': '民政',
  '6': '旅游',
  '7': '宗教',
  '8': '工会',
  '9': '工商（市场监管）',
  A: '中央军委改革和编制办公室',
  G: '公安',
  J: '住房和城乡建设',
  N: '农业农村',
  Y: '其他',
};

/**
 * 机构类别 by (pos 1, pos 2), GB 32100-2015 附录 A. 54/55 (基层群众性自治组织), G1 (境外非政府组织代表机构) and
 * J1 (业主大会) were assigned after 2015. A pair not listed here is a warning, never an error (domain-rules.md §2).
 */
export const USCC_ENTITY_TYPES: Readonly<Record<string, string>> = {
  '11': '机关',
  '12': '事业单位',
  '13': '中央编办直接管理机构编制的群众团体',
  '19': '其他（机构编制）',
  '21': '外国常驻新闻机构',
  '29': '其他（外交）',
  '31': '律师执业机构',
  '32': '公证处',
  '33': '基层法律服务所',
  '34': '司法鉴定机构',
  '35': '仲裁委员会',
  '39': '其他（司法行政）',
  '41': '外国在华文化中心',
  '49': '其他（文化）',
  '51': '社会团体',
  '52': '民办非企业单位（社会服务机构）',
  '53': '基金会',
  '54': '村民委员会',
  '55': '居民委员会',
  '59': '其他（民政）',
  '61': '外国旅游部门常驻代表机构',
  '62': '港澳台地区旅游部门常驻内地（大陆）代表机构',
  '69': '其他（旅游）',
  '71': '宗教活动场所',
  '72': '宗教院校',
  '79': '其他（宗教）',
  '81': '基层工会',
  '89': '其他（工会）',
  '91': '企业',
  '92': '个体工商户',
  '93': '农民专业合作社',
  A1: '军队事业单位',
  A9: '其他（军队）',
  G1: '境外非政府组织代表机构',
  J1: '业主大会',
  N1: '组级集体经济组织',
  N2: '村级集体经济组织',
  N3: '乡镇级集体经济组织',
  N9: '其他（农村集体经济组织）',
  Y1: '其他',
};

/** Label of the entity type of a USCC (or of its first two characters), e.g. '91…' → '企业'; undefined if unknown. */
export function usccEntityTypeLabel(code: string): string | undefined {
  const pair = normalizeUscc(code).slice(0, 2);
  return Object.hasOwn(USCC_ENTITY_TYPES, pair) ? USCC_ENTITY_TYPES[pair] : undefined;
}

export type UsccParts = {
  /** pos 1, 登记管理部门码 (e.g. '9') */
  registrationDept: string;
  /** pos 2, 机构类别码 (e.g. '1'); the pair registrationDept + entityType keys {@link USCC_ENTITY_TYPES} */
  entityType: string;
  /** pos 3–8, 登记管理机关行政区划码: where the code was first issued, not where the enterprise is now */
  regionCode: string;
  /** pos 9–17, 组织机构代码 including its check character */
  organizationCode: string;
  /** pos 18 */
  checkChar: string;
};

export type UsccFailureReason = 'length' | 'charset' | 'format' | 'org-code-check' | 'check-char';

export type UsccValidation =
  | { ok: true; code: string; parts: UsccParts; warnings: string[] }
  | { ok: false; reason: UsccFailureReason; message: string };

/**
 * Upper-cases and removes what people paste around a code: spaces (incl. the ideographic space), zero-width
 * characters, and hyphens or dashes of any kind. Full-width letters and digits become ASCII (NFKC).
 */
export function normalizeUscc(input: string): string {
  return (typeof input === 'string' ? input : '')
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\u200B-\u200D\u2060\uFEFF\-\u2010-\u2015\u2043\u2212\uFE58\uFE63\uFF0D]/g, '');
}

/** Validates a USCC; the first failing rule in the order length → charset → format → org code → check char wins. */
export function validateUscc(input: string): UsccValidation {
  const code = normalizeUscc(input);
  const chars = Array.from(code);
  if (chars.length === 0) return fail('length', '请输入18位统一社会信用代码');
  if (chars.length !== 18) return fail('length', `统一社会信用代码应为18位，当前为${chars.length}位`);

  const badIndex = chars.findIndex((c) => !USCC_CHARSET.includes(c));
  if (badIndex >= 0) {
    return fail(
      'charset',
      `第${badIndex + 1}位「${chars[badIndex]}」不是统一社会信用代码使用的字符（只含数字和除 I、O、Z、S、V 以外的大写字母）`,
    );
  }

  const parts: UsccParts = {
    registrationDept: code.slice(0, 1),
    entityType: code.slice(1, 2),
    regionCode: code.slice(2, 8),
    organizationCode: code.slice(8, 17),
    checkChar: code.slice(17),
  };
  // No registration department or entity type is numbered 0, and every entity type assigned so far is a digit.
  if (parts.registrationDept === '0') return fail('format', '第1位登记管理部门码不能为0');
  if (!/^[1-9]$/.test(parts.entityType))
    return fail('format', `第2位机构类别码「${parts.entityType}」无效，应为数字1–9`);
  if (!/^\d{6}$/.test(parts.regionCode))
    return fail('format', `第3–8位应为6位数字的行政区划码，当前为「${parts.regionCode}」`);

  const orgCheck = orgCodeCheckChar(parts.organizationCode.slice(0, 8));
  if (orgCheck !== parts.organizationCode[8]) {
    return fail(
      'org-code-check',
      `第9–17位组织机构代码「${parts.organizationCode}」的校验位不正确（应为「${orgCheck}」），请核对营业执照`,
    );
  }
  if (usccCheckChar(code.slice(0, 17)) !== parts.checkChar) {
    return fail('check-char', '第18位校验码不正确，请核对营业执照');
  }

  const warnings: string[] = [];
  const pair = parts.registrationDept + parts.entityType;
  if (!Object.hasOwn(USCC_ENTITY_TYPES, pair)) {
    const dept = USCC_REGISTRATION_DEPARTMENTS[parts.registrationDept];
    warnings.push(
      dept === undefined
        ? `第1位登记管理部门码「${parts.registrationDept}」不在 GB 32100 所列范围内，请核对`
        : `登记管理部门「${dept}」下没有机构类别码「${parts.entityType}」（前两位「${pair}」），请核对`,
    );
  }
  return { ok: true, code, parts, warnings };
}

/**
 * Check character (pos 18) for the first 17 characters: C18 = 31 − (Σ C_i·W_i mod 31), 31 → '0'.
 * For building codes (fixtures, seed data); throws `USCC.INVALID` unless given 17 characters of {@link USCC_CHARSET}.
 */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17)
    throw invalid('USCC.INVALID', '计算校验码需要统一社会信用代码的前17位', { length: first17.length });
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += charValue(USCC_CHARSET, first17[i]) * (USCC_WEIGHTS[i] ?? 0);
  return USCC_CHARSET[(31 - (sum % 31)) % 31] ?? '';
}

/** GB 11714 check character for an 8-character body: 11 − (Σ mod 11), 10 → 'X', 11 → '0'. */
function orgCodeCheckChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += charValue(ORG_CODE_ALPHABET, body[i]) * (ORG_CODE_WEIGHTS[i] ?? 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

function charValue(alphabet: string, c: string | undefined): number {
  const value = c === undefined ? -1 : alphabet.indexOf(c);
  if (value < 0) throw invalid('USCC.INVALID', `字符「${String(c)}」不能用于统一社会信用代码`);
  return value;
}

function fail(reason: UsccFailureReason, message: string): UsccValidation {
  return { ok: false, reason, message };
}
