import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { USCC_CHARSET, USCC_ENTITY_TYPES, usccCheckChar, usccEntityTypeLabel, validateUscc } from './uscc';

// An independent generator (not the code under test): it computes both check characters from the standard's formulas.
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const ORG_VALUES = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function orgCheck(body8: string): string {
  const w = [3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body8].reduce((s, c, i) => s + ORG_VALUES.indexOf(c) * w[i]!, 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

function checkChar(first17: string): string {
  let sum = 0;
  let weight = 1; // 3^(i−1) mod 31
  for (const c of first17) {
    sum += CHARSET.indexOf(c) * weight;
    weight = (weight * 3) % 31;
  }
  const c18 = 31 - (sum % 31);
  return CHARSET[c18 === 31 ? 0 : c18]!;
}

/** A valid USCC from its parts: prefix (pos 1–2), region (pos 3–8) and organisation-code body (pos 9–16). */
function makeUscc(prefix: string, region: string, body8: string): string {
  const first17 = prefix + region + body8 + orgCheck(body8);
  return first17 + checkChar(first17);
}

const YUEYANG = makeUscc('91', '430602', 'MA4L0K3B'); // an enterprise first registered in 岳阳楼区

/** Replaces the character at `index` (0-based). */
const withCharAt = (s: string, index: number, c: string) => s.slice(0, index) + c + s.slice(index + 1);

describe('validateUscc (GB 32100-2015)', () => {
  it("accepts the standard's worked example 91350100M000100Y43 and splits it into its parts", () => {
    const r = validateUscc('91350100M000100Y43');
    expect(r).toEqual({
      ok: true,
      code: '91350100M000100Y43',
      parts: {
        registrationDept: '9',
        entityType: '1',
        regionCode: '350100',
        organizationCode: 'M000100Y4',
        checkChar: '3',
      },
      warnings: [],
    });
  });

  it('agrees with the independent generator on the example', () => {
    expect(makeUscc('91', '350100', 'M000100Y')).toBe('91350100M000100Y43');
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('accepts a generated 岳阳楼区 (430602) enterprise code', () => {
    const r = validateUscc(YUEYANG);
    expect(r.ok && r.parts.regionCode).toBe('430602');
    expect(r.ok && r.warnings).toEqual([]);
  });

  it('accepts an organisation code whose check character is X', () => {
    let body = '';
    for (let n = 0; orgCheck(body) !== 'X'; n++) body = `MA${String(n).padStart(6, '0')}`;
    const code = makeUscc('92', '430602', body);
    expect(code[16]).toBe('X');
    expect(validateUscc(code).ok).toBe(true);
  });

  it('normalises case, spaces, hyphens, dashes and full-width characters before checking', () => {
    const lower = YUEYANG.toLowerCase();
    const spaced = `  ${YUEYANG.slice(0, 2)} ${YUEYANG.slice(2, 8)}-${YUEYANG.slice(8, 17)}—${YUEYANG.slice(17)}\u3000`;
    const dashes = `${YUEYANG.slice(0, 8)}\uFF0D${YUEYANG.slice(8, 12)}\u2013${YUEYANG.slice(12)}\u200B`;
    const fullWidth = [...YUEYANG].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
    for (const input of [lower, spaced, dashes, fullWidth]) {
      const r = validateUscc(input);
      expect(r.ok, input).toBe(true);
      expect(r.ok && r.code).toBe(YUEYANG);
    }
  });

  it.each([
    ['', '请输入18位统一社会信用代码'],
    ['91350100M000100Y4', '统一社会信用代码应为18位，当前为17位'],
    ['91350100M000100Y433', '统一社会信用代码应为18位，当前为19位'],
  ])('refuses %j for its length', (input, message) => {
    expect(validateUscc(input)).toEqual({ ok: false, reason: 'length', message });
  });

  it('treats a missing value as empty rather than as the text "undefined"', () => {
    expect(validateUscc(undefined as unknown as string)).toMatchObject({
      ok: false,
      reason: 'length',
      message: '请输入18位统一社会信用代码',
    });
  });

  it.each(['I', 'O', 'Z', 'S', 'V', '*', '统'])(
    'refuses the character %s, which a USCC never contains',
    (c) => {
      const r = validateUscc(withCharAt(YUEYANG, 10, c));
      expect(r.ok).toBe(false);
      expect(!r.ok && r.reason).toBe('charset');
      expect(!r.ok && r.message).toContain('第11位');
    },
  );

  it('refuses a region part that is not six digits', () => {
    const r = validateUscc(withCharAt(YUEYANG, 4, 'A'));
    expect(!r.ok && r.reason).toBe('format');
    expect(!r.ok && r.message).toContain('行政区划码');
  });

  it('refuses 0 as registration department and a letter or 0 as entity type', () => {
    expect(validateUscc(makeUscc('01', '430602', 'MA4L0K3B'))).toMatchObject({ ok: false, reason: 'format' });
    expect(validateUscc(makeUscc('9A', '430602', 'MA4L0K3B'))).toMatchObject({ ok: false, reason: 'format' });
    expect(validateUscc(makeUscc('90', '430602', 'MA4L0K3B'))).toMatchObject({ ok: false, reason: 'format' });
  });

  it('refuses a wrong organisation-code check character (pos 17) before looking at pos 18', () => {
    const wrong17 = YUEYANG[16] === '1' ? '2' : '1';
    const r = validateUscc(withCharAt(YUEYANG, 16, wrong17));
    expect(!r.ok && r.reason).toBe('org-code-check');
    expect(!r.ok && r.message).toContain(`应为「${YUEYANG[16]}」`);
  });

  it('refuses a wrong check character (pos 18) with a message pointing at the business licence', () => {
    const wrong18 = YUEYANG[17] === 'A' ? 'B' : 'A';
    expect(validateUscc(withCharAt(YUEYANG, 17, wrong18))).toEqual({
      ok: false,
      reason: 'check-char',
      message: '第18位校验码不正确，请核对营业执照',
    });
  });

  it('warns about, but accepts, an entity type the standard does not list for its department', () => {
    const r = validateUscc(makeUscc('94', '430602', 'MA4L0K3B'));
    expect(r.ok).toBe(true);
    expect(r.ok && r.warnings).toHaveLength(1);
    expect(r.ok && r.warnings[0]).toContain('机构类别码「4」');
  });

  it('warns about, but accepts, an unknown registration department', () => {
    const r = validateUscc(makeUscc('B1', '430602', 'MA4L0K3B'));
    expect(r.ok && r.warnings[0]).toContain('登记管理部门码「B」');
  });

  it.each(Object.keys(USCC_ENTITY_TYPES))('accepts the listed pair %s without a warning', (pair) => {
    expect(validateUscc(makeUscc(pair, '430602', 'MA4L0K3B'))).toMatchObject({ ok: true, warnings: [] });
  });

  const validCode = fc
    .record({
      prefix: fc.constantFrom(...Object.keys(USCC_ENTITY_TYPES)),
      region: fc.stringMatching(/^\d{6}$/),
      body: fc.array(fc.constantFrom(...CHARSET), { minLength: 8, maxLength: 8 }).map((cs) => cs.join('')),
    })
    .map(({ prefix, region, body }) => makeUscc(prefix, region, body));

  test.prop([validCode])('accepts every generated valid code', (code) => {
    expect(validateUscc(code)).toMatchObject({ ok: true, code, warnings: [] });
  });

  test.prop([validCode, fc.nat(17), fc.constantFrom(...CHARSET)])(
    'refuses any single-character change, and the check character alone would catch it',
    (code, index, replacement) => {
      fc.pre(code[index] !== replacement);
      const changed = withCharAt(code, index, replacement);
      expect(validateUscc(changed).ok).toBe(false);
      // Weights 3^(i−1) mod 31 are units mod the prime 31, so any single substitution changes Σ mod 31.
      expect(checkChar(changed.slice(0, 17)) === changed[17]).toBe(false);
    },
  );
});

describe('usccEntityTypeLabel', () => {
  it('labels enterprise, individual business and cooperative codes', () => {
    expect(usccEntityTypeLabel('91350100M000100Y43')).toBe('企业');
    expect(usccEntityTypeLabel('92')).toBe('个体工商户');
    expect(usccEntityTypeLabel('93')).toBe('农民专业合作社');
    expect(usccEntityTypeLabel(' 5 1 ')).toBe('社会团体');
  });

  it('returns undefined for an unknown pair', () => {
    expect(usccEntityTypeLabel('94')).toBeUndefined();
    expect(usccEntityTypeLabel('')).toBeUndefined();
  });
});

describe('usccCheckChar', () => {
  it('uses the 31-character alphabet in value order', () => {
    expect(USCC_CHARSET).toBe(CHARSET);
  });

  it('refuses input that is not 17 USCC characters', () => {
    expect(() => usccCheckChar('9135')).toThrow(/前17位/);
    expect(() => usccCheckChar('91350100M000100I4')).toThrow(/「I」/);
  });
});
