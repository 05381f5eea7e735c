import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { fen } from '../money';
import {
  checkEligibility,
  ELIGIBILITY_CODES,
  remainingYearlyCapFen,
  type EligibilityInput,
  type FundingHistoryEntry,
} from './eligibility';
import { DEFAULT_PARAMETERS } from './programme';

const WAN = 1_000_000;

function input(
  over: {
    enterprise?: Partial<EligibilityInput['enterprise']>;
    programme?: Partial<EligibilityInput['programme']>;
  } & Partial<Omit<EligibilityInput, 'enterprise' | 'programme'>> = {},
): EligibilityInput {
  return {
    enterprise: {
      verification: 'verified',
      sizeClass: 'small',
      sizeProblem: null,
      stage: 'startup',
      industry: 'software-it',
      districtCode: '430602',
      inDistrict: true,
      dishonest: false,
      ...over.enterprise,
    },
    programme: {
      scheme: 'award-in-lieu-of-investment',
      parameters: DEFAULT_PARAMETERS('award-in-lieu-of-investment'),
      fiscalYear: 2025,
      opensOn: '2025-03-01',
      closesOn: '2025-06-30',
      ...over.programme,
    },
    today: over.today ?? '2025-04-01',
    history: over.history ?? [],
    thisProgrammeId: over.thisProgrammeId ?? 7,
  };
}

const codes = (i: EligibilityInput) => checkEligibility(i).failures.map((f) => f.code);

describe('checkEligibility (§3)', () => {
  it('finds an eligible small start-up in the district with the whole yearly cap left', () => {
    expect(checkEligibility(input())).toEqual({
      eligible: true,
      failures: [],
      remainingYearlyCapFen: 100 * WAN,
    });
  });

  it('returns every failed condition at once, each with its Chinese reason', () => {
    const industries = ['industry'] as const;
    const result = checkEligibility(
      input({
        enterprise: {
          verification: 'unverified',
          sizeClass: 'large',
          stage: 'mature',
          districtCode: '430603',
          inDistrict: false,
          dishonest: true,
        },
        programme: {
          parameters: { ...DEFAULT_PARAMETERS('award-in-lieu-of-investment'), industries: [...industries] },
        },
        today: '2025-07-01',
        history: [
          { programmeId: 7, fiscalYear: 2025, awardedFen: 0, status: 'submitted' },
          { programmeId: 8, fiscalYear: 2025, awardedFen: 100 * WAN, status: 'disbursed' },
        ],
      }),
    );
    expect(result.eligible).toBe(false);
    expect(result.failures.map((f) => f.code)).toEqual([
      ELIGIBILITY_CODES.unverified,
      ELIGIBILITY_CODES.sizeLarge,
      ELIGIBILITY_CODES.stageNotTargeted,
      ELIGIBILITY_CODES.notInDistrict,
      ELIGIBILITY_CODES.dishonest,
      ELIGIBILITY_CODES.industryNotTargeted,
      ELIGIBILITY_CODES.programmeNotOpen,
      ELIGIBILITY_CODES.duplicate,
      ELIGIBILITY_CODES.yearlyCapReached,
    ]);
    expect(result.failures.find((f) => f.code === ELIGIBILITY_CODES.sizeLarge)?.message).toBe(
      '大型企业不在扶持范围',
    );
    expect(result.failures.find((f) => f.code === ELIGIBILITY_CODES.duplicate)?.message).toContain(
      '不得重复申报',
    );
    expect(result.failures.find((f) => f.code === ELIGIBILITY_CODES.stageNotTargeted)?.message).toBe(
      '本项目扶持初创期、成长期企业，该企业处于成熟期（不在扶持阶段）',
    );
    expect(result.failures.find((f) => f.code === ELIGIBILITY_CODES.notInDistrict)?.message).toContain(
      '云溪区',
    );
    expect(result.failures.find((f) => f.code === ELIGIBILITY_CODES.industryNotTargeted)?.message).toContain(
      '软件和信息技术服务业',
    );
    expect(result.remainingYearlyCapFen).toBe(0);
    for (const f of result.failures) expect(f.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('refuses an unclassified enterprise, saying what is missing', () => {
    const r = checkEligibility(input({ enterprise: { sizeClass: null, sizeProblem: '缺少营业收入' } }));
    expect(r.failures).toEqual([
      {
        code: ELIGIBILITY_CODES.sizeUnknown,
        message: '企业规模无法划型（缺少营业收入），请补充划型所需的数据',
      },
    ]);
  });

  it('refuses a size the programme does not target', () => {
    const parameters = {
      ...DEFAULT_PARAMETERS('loan-interest-subsidy'),
      eligibleSizes: ['micro' as const, 'small' as const],
    };
    expect(
      codes(
        input({
          enterprise: { sizeClass: 'medium' },
          programme: { scheme: 'loan-interest-subsidy', parameters },
        }),
      ),
    ).toEqual([ELIGIBILITY_CODES.sizeNotTargeted]);
  });

  it('does not check the stage when the programme targets every stage, and needs it otherwise', () => {
    const all = {
      ...DEFAULT_PARAMETERS('award-in-lieu-of-investment'),
      eligibleStages: ['startup' as const, 'growth' as const, 'mature' as const],
    };
    expect(codes(input({ enterprise: { stage: null }, programme: { parameters: all } }))).toEqual([]);
    expect(codes(input({ enterprise: { stage: null } }))).toEqual([ELIGIBILITY_CODES.stageUnknown]);
    expect(codes(input({ enterprise: { stage: 'growth' } }))).toEqual([]);
  });

  it('refuses an enterprise whose verified registration is outside the programme districts', () => {
    expect(codes(input({ enterprise: { districtCode: null, inDistrict: false } }))).toEqual([
      ELIGIBILITY_CODES.notInDistrict,
    ]);
    expect(codes(input({ enterprise: { districtCode: '430602', inDistrict: false } }))).toEqual([
      ELIGIBILITY_CODES.notInDistrict,
    ]);
    const wider = { ...DEFAULT_PARAMETERS('award-in-lieu-of-investment'), districts: ['430602', '430603'] };
    expect(
      codes(input({ enterprise: { districtCode: '430603' }, programme: { parameters: wider } })),
    ).toEqual([]);
  });

  it('accepts every industry when the 产业导向 list is empty', () => {
    expect(codes(input({ enterprise: { industry: 'catering' } }))).toEqual([]);
  });

  it('is open from opensOn through closesOn inclusive', () => {
    expect(codes(input({ today: '2025-02-28' }))).toEqual([ELIGIBILITY_CODES.programmeNotOpen]);
    expect(codes(input({ today: '2025-03-01' }))).toEqual([]);
    expect(codes(input({ today: '2025-06-30' }))).toEqual([]);
    expect(codes(input({ today: '2025-07-01' }))).toEqual([ELIGIBILITY_CODES.programmeNotOpen]);
  });

  it('refuses a second application to the same programme in the fiscal year unless the first was rejected or withdrawn', () => {
    const h = (status: FundingHistoryEntry['status']): FundingHistoryEntry[] => [
      { programmeId: 7, fiscalYear: 2025, awardedFen: 0, status },
    ];
    expect(codes(input({ history: h('draft') }))).toEqual([ELIGIBILITY_CODES.duplicate]);
    expect(codes(input({ history: h('disbursed') }))).toEqual([ELIGIBILITY_CODES.duplicate]);
    expect(codes(input({ history: h('rejected') }))).toEqual([]);
    expect(codes(input({ history: h('withdrawn') }))).toEqual([]);
    expect(
      codes(input({ history: [{ programmeId: 7, fiscalYear: 2024, awardedFen: 0, status: 'disbursed' }] })),
    ).toEqual([]);
  });

  it('returns the remaining yearly cap and refuses once it is used up', () => {
    const history: FundingHistoryEntry[] = [
      { programmeId: 1, fiscalYear: 2025, awardedFen: 40 * WAN, status: 'disbursed' },
      { programmeId: 2, fiscalYear: 2025, awardedFen: 30 * WAN, status: 'approved' },
      { programmeId: 3, fiscalYear: 2025, awardedFen: 20 * WAN, status: 'rejected' },
      { programmeId: 4, fiscalYear: 2024, awardedFen: 90 * WAN, status: 'disbursed' },
    ];
    expect(checkEligibility(input({ history }))).toMatchObject({
      eligible: true,
      remainingYearlyCapFen: 30 * WAN,
    });
    const full = [
      ...history,
      { programmeId: 5, fiscalYear: 2025, awardedFen: 30 * WAN, status: 'disbursed' as const },
    ];
    const r = checkEligibility(input({ history: full }));
    expect(r).toMatchObject({ eligible: false, remainingYearlyCapFen: 0 });
    expect(r.failures[0]?.message).toBe('该企业 2025 年度获得的扶持资金已达上限 100万元（剩余额度 ¥0.00）');
  });

  it('refuses a centre-service programme, which enterprises do not apply to', () => {
    try {
      checkEligibility(
        input({ programme: { scheme: 'centre-service', parameters: DEFAULT_PARAMETERS('centre-service') } }),
      );
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('FUNDING.NOT_AN_ENTERPRISE_PROGRAMME');
    }
  });
});

describe('remainingYearlyCapFen', () => {
  it('never goes below zero', () => {
    expect(
      remainingYearlyCapFen(
        [{ programmeId: 1, fiscalYear: 2025, awardedFen: 120 * WAN, status: 'disbursed' }],
        2025,
        fen(100 * WAN),
      ),
    ).toBe(0);
  });
});
