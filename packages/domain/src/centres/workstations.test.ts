import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import {
  BulkWorkstationInput,
  expandBulkWorkstations,
  expandCodeRange,
  isWorkstationCode,
  parseBulkCodes,
  WORKSTATION_DESIGNATION_LABELS,
  WORKSTATION_KIND_LABELS,
  WorkstationInput,
} from './workstations';

function thrown(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

function messages(result: { success: boolean; error?: { issues: { message: string }[] } }): string[] {
  return result.success ? [] : result.error!.issues.map((i) => i.message);
}

describe('expandCodeRange', () => {
  it('expands A-001 to A-120 into 120 codes, keeping the three-digit width', () => {
    const codes = expandCodeRange('A-001', 'A-120');
    expect(codes).toHaveLength(120);
    expect(codes.slice(0, 3)).toEqual(['A-001', 'A-002', 'A-003']);
    expect(codes).toContain('A-010');
    expect(codes.at(-1)).toBe('A-120');
  });

  it('upper-cases codes and accepts a single-code range', () => {
    expect(expandCodeRange(' b2-07 ', 'B2-07')).toEqual(['B2-07']);
  });

  it('expands codes of different widths only when neither is zero-padded', () => {
    expect(expandCodeRange('A-8', 'A-12')).toEqual(['A-8', 'A-9', 'A-10', 'A-11', 'A-12']);
    const e = thrown(() => expandCodeRange('A-001', 'A-1000'));
    expect(e.code).toBe('CENTRES.INVALID_CODE_RANGE');
    expect(e.message).toContain('数字位数不一致');
  });

  it('refuses a range whose codes have different prefixes', () => {
    const e = thrown(() => expandCodeRange('A-001', 'B-010'));
    expect(e.code).toBe('CENTRES.INVALID_CODE_RANGE');
    expect(e.kind).toBe('invalid');
    expect(e.message).toBe('起止编号的前缀不一致（A-001 与 B-010），请分开填写');
  });

  it('refuses a range whose end is below its start', () => {
    expect(thrown(() => expandCodeRange('A-120', 'A-001')).message).toBe('结束编号 A-001 小于起始编号 A-120');
  });

  it('creates exactly 1000 workstations but refuses 1001', () => {
    expect(expandCodeRange('A-0001', 'A-1000')).toHaveLength(1000);
    const e = thrown(() => expandCodeRange('A-0001', 'A-1001'));
    expect(e.code).toBe('CENTRES.TOO_MANY_WORKSTATIONS');
    expect(e.message).toContain('一次最多生成 1000 个工位');
  });

  it('refuses codes that do not end in digits or are malformed', () => {
    expect(thrown(() => expandCodeRange('A', 'B')).message).toContain('不以数字结尾');
    expect(thrown(() => expandCodeRange('A 01', 'A 05')).code).toBe('CENTRES.INVALID_WORKSTATION_CODE');
    expect(thrown(() => expandCodeRange('-01', 'A-05')).message).toContain(
      '工位编号只能包含字母、数字和连字符',
    );
  });

  test.prop([
    fc.stringMatching(/^[A-Z]{1,3}-$/),
    fc.integer({ min: 0, max: 9999 }),
    fc.integer({ min: 0, max: 999 }),
  ])(
    'always yields end − start + 1 distinct codes in ascending order of the same width',
    (prefix, start, span) => {
      const end = Math.min(9999, start + span);
      const codes = expandCodeRange(
        `${prefix}${String(start).padStart(4, '0')}`,
        `${prefix}${String(end).padStart(4, '0')}`,
      );
      expect(codes).toHaveLength(end - start + 1);
      expect(new Set(codes).size).toBe(codes.length);
      expect([...codes].sort()).toEqual(codes);
      expect(codes.every((c) => c.length === prefix.length + 4 && isWorkstationCode(c))).toBe(true);
    },
  );
});

describe('parseBulkCodes', () => {
  it('reads a range written with an ellipsis as people type it', () => {
    expect(parseBulkCodes('A-001…A-120')).toHaveLength(120);
    expect(parseBulkCodes('A-001...A-003')).toEqual(['A-001', 'A-002', 'A-003']);
    expect(parseBulkCodes('A-001 …… A-002')).toEqual(['A-001', 'A-002']);
  });

  it('mixes ranges and single codes separated by commas, 、 or new lines', () => {
    expect(parseBulkCodes('a-001 至 a-003、B-01，C-1~C-2\nD-9')).toEqual([
      'A-001',
      'A-002',
      'A-003',
      'B-01',
      'C-1',
      'C-2',
      'D-9',
    ]);
  });

  it('refuses a code given twice', () => {
    const e = thrown(() => parseBulkCodes('A-001~A-005, A-003'));
    expect(e.code).toBe('CENTRES.DUPLICATE_WORKSTATION_CODE');
    expect(e.message).toBe('工位编号 A-003 重复填写');
  });

  it('refuses more than 1000 codes across several ranges', () => {
    expect(thrown(() => parseBulkCodes('A-001…A-600, B-001…B-401')).code).toBe(
      'CENTRES.TOO_MANY_WORKSTATIONS',
    );
    expect(parseBulkCodes('A-001…A-600, B-001…B-400')).toHaveLength(1000);
  });

  it('refuses empty input and half-written ranges with a Chinese explanation', () => {
    expect(thrown(() => parseBulkCodes('  ')).message).toContain('请填写工位编号');
    expect(thrown(() => parseBulkCodes('A-001~')).message).toContain('无法识别的编号区间');
    expect(thrown(() => parseBulkCodes('A-001~A-002~A-003')).code).toBe('CENTRES.INVALID_CODE_RANGE');
  });

  test.prop([fc.uniqueArray(fc.stringMatching(/^[A-H]-\d{3}$/), { minLength: 1, maxLength: 30 })])(
    'round-trips any list of distinct codes',
    (codes) => {
      expect(parseBulkCodes(codes.join('，'))).toEqual(codes);
    },
  );
});

describe('WorkstationInput', () => {
  it('accepts a free workstation with zero rent and normalises its code', () => {
    const parsed = WorkstationInput.parse({
      code: ' a-001 ',
      zone: 'A区',
      kind: 'open-desk',
      designation: 'free',
      monthlyRentFen: 0,
    });
    expect(parsed).toEqual({
      code: 'A-001',
      zone: 'A区',
      kind: 'open-desk',
      designation: 'free',
      monthlyRentFen: 0,
    });
  });

  it('refuses rent on a free workstation and zero rent on a preferential one', () => {
    expect(
      messages(
        WorkstationInput.safeParse({
          code: 'A-1',
          zone: 'A区',
          kind: 'fixed-desk',
          designation: 'free',
          monthlyRentFen: 5000,
        }),
      ),
    ).toEqual(['免费工位的月租金应为 0']);
    expect(
      messages(
        WorkstationInput.safeParse({
          code: 'A-1',
          zone: 'A区',
          kind: 'office-seat',
          designation: 'preferential',
          monthlyRentFen: 0,
        }),
      ),
    ).toEqual(['优惠工位须填写月租金（大于 0）；零租金的工位请登记为免费工位']);
  });

  it('explains every bad field in Chinese', () => {
    const result = WorkstationInput.safeParse({
      code: 'A 1',
      zone: '',
      kind: 'sofa',
      designation: 'cheap',
      monthlyRentFen: 1.5,
    });
    expect(messages(result)).toEqual([
      '工位编号只能包含字母、数字和连字符，以字母或数字开头和结尾，最长 32 位（如 A-001）',
      '请填写工位所在区域（如 A区、二楼东侧）',
      '请选择工位类型（开放工位、固定工位或独立办公室工位）',
      '请选择工位性质（免费工位或优惠工位）',
      '月租金应为以分为单位的整数',
    ]);
  });

  it('has a Chinese label for every kind and designation', () => {
    expect(Object.values(WORKSTATION_KIND_LABELS)).toEqual(['开放工位', '固定工位', '独立办公室工位']);
    expect(WORKSTATION_DESIGNATION_LABELS.free).toBe('免费工位');
  });
});

describe('bulk creation', () => {
  const input = BulkWorkstationInput.parse({
    codes: 'A-001…A-003',
    zone: 'A区',
    kind: 'open-desk',
    designation: 'free',
    monthlyRentFen: 0,
  });

  it('creates one workstation per code with the shared attributes', () => {
    expect(expandBulkWorkstations(input, ['B-001'])).toEqual([
      { code: 'A-001', zone: 'A区', kind: 'open-desk', designation: 'free', monthlyRentFen: 0 },
      { code: 'A-002', zone: 'A区', kind: 'open-desk', designation: 'free', monthlyRentFen: 0 },
      { code: 'A-003', zone: 'A区', kind: 'open-desk', designation: 'free', monthlyRentFen: 0 },
    ]);
  });

  it('refuses codes the centre already has', () => {
    const e = thrown(() => expandBulkWorkstations(input, ['a-002']));
    expect(e.kind).toBe('conflict');
    expect(e.message).toBe('工位编号 A-002 已存在');
  });

  it('reports a bad range as a field error of the form', () => {
    const result = BulkWorkstationInput.safeParse({
      codes: 'A-001…B-003',
      zone: 'A区',
      kind: 'open-desk',
      designation: 'free',
      monthlyRentFen: 0,
    });
    expect(messages(result)).toEqual(['起止编号的前缀不一致（A-001 与 B-003），请分开填写']);
  });
});
