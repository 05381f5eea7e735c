import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { INDUSTRY_KEYS, type IndustryKey, type SizeClass } from './industries';
import {
  classifyEnterpriseSize,
  classifyEnterpriseSizeFromFen,
  ENTERPRISE_SIZE_STANDARD,
  SIZE_METRIC_LABELS,
  sizeMetricsFor,
  type SizeMetric,
} from './size';

const RANKED = ['large', 'medium', 'small'] as const;
const NEXT_DOWN: Record<(typeof RANKED)[number], SizeClass> = {
  large: 'medium',
  medium: 'small',
  small: 'micro',
};

/** Every metric the industry uses exactly at `level`'s lower bound, optionally one unit below for `lowered`. */
function atBound(industry: IndustryKey, level: (typeof RANKED)[number], lowered?: SizeMetric) {
  const yuan: { employees?: number; revenueYuan?: number; totalAssetsYuan?: number } = {};
  const fen: { employees?: number; revenueFen?: number; totalAssetsFen?: number } = {};
  for (const c of ENTERPRISE_SIZE_STANDARD[industry]) {
    const below = c.metric === lowered;
    const bound = c[level];
    if (c.metric === 'employees') {
      yuan.employees = fen.employees = below ? bound - 1 : bound;
    } else if (c.metric === 'revenue') {
      yuan.revenueYuan = bound * 10_000 - (below ? 0.01 : 0);
      fen.revenueFen = bound * 1_000_000 - (below ? 1 : 0);
    } else {
      yuan.totalAssetsYuan = bound * 10_000 - (below ? 0.01 : 0);
      fen.totalAssetsFen = bound * 1_000_000 - (below ? 1 : 0);
    }
  }
  return { yuan: { industry, ...yuan }, fen: { industry, ...fen } };
}

function thrown(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('classifyEnterpriseSize (工信部联企业〔2011〕300号)', () => {
  it('holds a row for every one of the 16 industries', () => {
    expect(Object.keys(ENTERPRISE_SIZE_STANDARD).sort()).toEqual([...INDUSTRY_KEYS].sort());
    expect(INDUSTRY_KEYS).toHaveLength(16);
  });

  describe.each(INDUSTRY_KEYS)('%s', (industry) => {
    it.each(RANKED)('puts an enterprise exactly at every %s lower bound in that class', (level) => {
      const { yuan, fen } = atBound(industry, level);
      expect(classifyEnterpriseSize(yuan)).toBe(level);
      expect(classifyEnterpriseSizeFromFen(fen)).toBe(level);
    });

    const cases = RANKED.flatMap((level) =>
      sizeMetricsFor(industry).map((metric) => [level, metric] as const),
    );
    it.each(cases)(
      'drops one class when %s has one metric (%s) a single unit below its bound',
      (level, metric) => {
        const { yuan, fen } = atBound(industry, level, metric);
        expect(classifyEnterpriseSize(yuan)).toBe(NEXT_DOWN[level]);
        expect(classifyEnterpriseSizeFromFen(fen)).toBe(NEXT_DOWN[level]);
      },
    );

    it('classifies an enterprise with nothing at all (zero staff, zero amounts) as micro', () => {
      expect(classifyEnterpriseSize({ industry, employees: 0, revenueYuan: 0, totalAssetsYuan: 0 })).toBe(
        'micro',
      );
    });
  });

  it('classifies 工业 with 1500 staff and 3000万 revenue as medium', () => {
    expect(classifyEnterpriseSize({ industry: 'industry', employees: 1500, revenueYuan: 30_000_000 })).toBe(
      'medium',
    );
  });

  it('classifies 工业 with 10 staff and 5亿 revenue as micro, because every lower bound must be met (下划一档)', () => {
    expect(classifyEnterpriseSize({ industry: 'industry', employees: 10, revenueYuan: 500_000_000 })).toBe(
      'micro',
    );
  });

  it('classifies 软件和信息技术服务业 with 150 staff and 800万 revenue as small', () => {
    expect(classifyEnterpriseSize({ industry: 'software-it', employees: 150, revenueYuan: 8_000_000 })).toBe(
      'small',
    );
  });

  it('compares fractional yuan exactly: one fen under 300万 is not small for 工业', () => {
    expect(classifyEnterpriseSize({ industry: 'industry', employees: 50, revenueYuan: 2_999_999.99 })).toBe(
      'micro',
    );
    expect(classifyEnterpriseSize({ industry: 'industry', employees: 50, revenueYuan: 3_000_000 })).toBe(
      'small',
    );
    expect(classifyEnterpriseSize({ industry: 'industry', employees: 50, revenueYuan: 0.1 + 0.2 })).toBe(
      'micro',
    );
  });

  it('ignores metrics the industry does not use, even nonsense ones', () => {
    expect(
      classifyEnterpriseSize({
        industry: 'other',
        employees: 120,
        revenueYuan: -5,
        totalAssetsYuan: Number.NaN,
      }),
    ).toBe('medium');
    expect(classifyEnterpriseSize({ industry: 'agriculture', revenueYuan: 6_000_000, employees: null })).toBe(
      'medium',
    );
    expect(
      classifyEnterpriseSizeFromFen({
        industry: 'construction',
        revenueFen: 1e12,
        totalAssetsFen: 1e12,
        employees: -1,
      }),
    ).toBe('large');
  });

  it('refuses a missing metric instead of reading it as zero, naming the metric', () => {
    const e = thrown(() => classifyEnterpriseSize({ industry: 'software-it', employees: 12 }));
    expect(e.code).toBe('ENTERPRISE.SIZE_METRIC_MISSING');
    expect(e.kind).toBe('invalid');
    expect(e.message).toBe('软件和信息技术服务业 划型需要「营业收入」');
    expect(
      thrown(() => classifyEnterpriseSize({ industry: 'industry', employees: null, revenueYuan: 1 })).code,
    ).toBe('ENTERPRISE.SIZE_METRIC_MISSING');
    expect(
      thrown(() => classifyEnterpriseSizeFromFen({ industry: 'construction', revenueFen: 1 })).message,
    ).toContain('「资产总额」');
  });

  it.each([
    ['negative staff', { industry: 'other' as const, employees: -1 }],
    ['NaN staff', { industry: 'other' as const, employees: Number.NaN }],
    ['fractional staff', { industry: 'other' as const, employees: 10.5 }],
    ['infinite revenue', { industry: 'agriculture' as const, revenueYuan: Number.POSITIVE_INFINITY }],
    ['negative revenue', { industry: 'agriculture' as const, revenueYuan: -0.01 }],
    ['negative assets', { industry: 'construction' as const, revenueYuan: 1, totalAssetsYuan: -1 }],
  ])('refuses %s with ENTERPRISE.SIZE_METRIC_INVALID', (_label, input) => {
    const e = thrown(() => classifyEnterpriseSize(input));
    expect(e.code).toBe('ENTERPRISE.SIZE_METRIC_INVALID');
    expect(e.kind).toBe('invalid');
  });

  it('refuses fractional fen and a number passed as text', () => {
    expect(
      thrown(() => classifyEnterpriseSizeFromFen({ industry: 'agriculture', revenueFen: 100.5 })).code,
    ).toBe('ENTERPRISE.SIZE_METRIC_INVALID');
    const fromForm = { industry: 'other', employees: '12' } as unknown as Parameters<
      typeof classifyEnterpriseSize
    >[0];
    expect(thrown(() => classifyEnterpriseSize(fromForm)).code).toBe('ENTERPRISE.SIZE_METRIC_INVALID');
  });

  it('refuses an unknown industry key', () => {
    const e = thrown(() => classifyEnterpriseSize({ industry: 'mining' as IndustryKey, employees: 1 }));
    expect(e.code).toBe('ENTERPRISE.UNKNOWN_INDUSTRY');
    expect(thrown(() => sizeMetricsFor('toString' as IndustryKey)).code).toBe('ENTERPRISE.UNKNOWN_INDUSTRY');
  });
});

describe('sizeMetricsFor', () => {
  it('tells a form which metrics an industry needs', () => {
    expect(sizeMetricsFor('industry')).toEqual(['employees', 'revenue']);
    expect(sizeMetricsFor('construction')).toEqual(['revenue', 'totalAssets']);
    expect(sizeMetricsFor('leasing-business-services')).toEqual(['employees', 'totalAssets']);
    expect(sizeMetricsFor('other')).toEqual(['employees']);
  });

  it('labels the metrics in Chinese', () => {
    expect(SIZE_METRIC_LABELS).toEqual({
      employees: '从业人员',
      revenue: '营业收入',
      totalAssets: '资产总额',
    });
  });
});
