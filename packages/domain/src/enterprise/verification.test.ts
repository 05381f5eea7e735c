import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DISTRICT_CODES,
  DISTRICT_LABELS,
  districtLabel,
  enterpriseReadiness,
  missingSizeMetrics,
  type EnterpriseReadinessInput,
} from './verification';

const ready: EnterpriseReadinessInput = {
  verification: 'verified',
  sizeClass: 'small',
  sizeProblem: null,
  inDistrict: true,
  dishonest: false,
  hasBusinessLicence: true,
  hasVerifiedBankAccount: true,
};

describe('enterpriseReadiness', () => {
  it('is empty for a verified small enterprise in the district with a verified bank account', () => {
    expect(enterpriseReadiness(ready)).toEqual([]);
  });

  it('accepts micro and medium enterprises too', () => {
    expect(enterpriseReadiness({ ...ready, sizeClass: 'micro' })).toEqual([]);
    expect(enterpriseReadiness({ ...ready, sizeClass: 'medium' })).toEqual([]);
  });

  it('asks a new account for everything, in the order it would do it', () => {
    expect(
      enterpriseReadiness({
        verification: 'unverified',
        sizeClass: null,
        sizeProblem: '营业收入',
        inDistrict: false,
        dishonest: true,
        hasBusinessLicence: false,
        hasVerifiedBankAccount: false,
      }),
    ).toEqual([
      '上传营业执照并等待工作人员核验',
      '补充划型所需数据：营业收入',
      '登记地不在本区（需注册在岳阳楼区）',
      '已被列入失信名单，暂不能申报',
      '填写并核验收款银行账户',
    ]);
  });

  it('says it is waiting for staff when the licence is uploaded but not yet verified', () => {
    expect(enterpriseReadiness({ ...ready, verification: 'unverified' })).toEqual([
      '等待工作人员核验营业执照和法定代表人信息',
    ]);
  });

  it('asks for the licence again when a verified enterprise has none on file', () => {
    expect(enterpriseReadiness({ ...ready, hasBusinessLicence: false })).toEqual([
      '上传营业执照并等待工作人员核验',
    ]);
  });

  it('refuses a large enterprise with the reason', () => {
    expect(enterpriseReadiness({ ...ready, sizeClass: 'large' })).toEqual([
      '按《中小企业划型标准规定》属于大型企业，不在扶持范围内',
    ]);
  });

  it('names several missing size metrics, and shows a classifier sentence as given', () => {
    expect(enterpriseReadiness({ ...ready, sizeClass: null, sizeProblem: '从业人员、营业收入' })).toEqual([
      '补充划型所需数据：从业人员、营业收入',
    ]);
    expect(
      enterpriseReadiness({ ...ready, sizeClass: null, sizeProblem: '批发业 划型需要「营业收入」' }),
    ).toEqual(['批发业 划型需要「营业收入」']);
  });

  it('still asks for size data when the classification is missing without a reason', () => {
    expect(enterpriseReadiness({ ...ready, sizeClass: null, sizeProblem: null })).toEqual([
      '补充划型所需数据：从业人员、营业收入或资产总额（按所属行业）',
    ]);
    expect(enterpriseReadiness({ ...ready, sizeClass: null, sizeProblem: '  ' })).toHaveLength(1);
  });

  it('names the configured districts when the enterprise is registered elsewhere', () => {
    expect(enterpriseReadiness({ ...ready, inDistrict: false }, ['430602', '430611'])).toEqual([
      '登记地不在本区（需注册在岳阳楼区、君山区）',
    ]);
  });

  it('refuses a dishonest enterprise even when everything else is in order', () => {
    expect(enterpriseReadiness({ ...ready, dishonest: true })).toEqual(['已被列入失信名单，暂不能申报']);
  });
});

describe('districts', () => {
  it('defaults to 岳阳楼区 and names every county-level division of 岳阳市', () => {
    expect(DEFAULT_DISTRICT_CODES).toEqual(['430602']);
    expect(DISTRICT_LABELS).toMatchObject({
      '430602': '岳阳楼区',
      '430603': '云溪区',
      '430611': '君山区',
      '430621': '岳阳县',
      '430623': '华容县',
      '430624': '湘阴县',
      '430626': '平江县',
      '430681': '汨罗市',
      '430682': '临湘市',
    });
  });

  it('shows an unknown code as the code itself', () => {
    expect(districtLabel('430602')).toBe('岳阳楼区');
    expect(districtLabel('350100')).toBe('350100');
  });
});

describe('missingSizeMetrics', () => {
  it('lists the metrics of the industry that are null or absent, and only those', () => {
    expect(
      missingSizeMetrics({ industry: 'wholesale', employees: 12, revenueFen: null, totalAssetsFen: null }),
    ).toEqual(['revenue']);
    expect(missingSizeMetrics({ industry: 'construction', employees: null })).toEqual([
      'revenue',
      'totalAssets',
    ]);
    expect(missingSizeMetrics({ industry: 'other', employees: 0 })).toEqual([]);
  });

  it('treats zero as supplied, never as missing', () => {
    expect(missingSizeMetrics({ industry: 'industry', employees: 0, revenueFen: 0 })).toEqual([]);
  });
});
