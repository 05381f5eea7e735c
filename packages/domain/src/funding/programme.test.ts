import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import {
  AwardParameters,
  DEFAULT_AWARD_TIERS,
  DEFAULT_PARAMETERS,
  isProgrammeOpen,
  nextParametersVersion,
  parametersChangeNeedsNewVersion,
  parseProgrammeParameters,
  ProgrammeDefinition,
  ProgrammeParameters,
  SCHEME_LABELS,
  SCHEMES,
} from './programme';

const WAN = 1_000_000;

describe('schemes', () => {
  it('labels the three schemes in Chinese', () => {
    expect(SCHEMES.map((s) => SCHEME_LABELS[s])).toEqual(['贷款贴息', '以奖代投', '政府购买服务']);
  });
});

describe('DEFAULT_PARAMETERS', () => {
  it('gives the §4 loan defaults: LPR − 150BP to LPR + 50BP on at most 300万元 for 24 months on a 360-day basis', () => {
    expect(DEFAULT_PARAMETERS('loan-interest-subsidy')).toMatchObject({
      scheme: 'loan-interest-subsidy',
      mode: 'lpr-spread',
      floorBelowLprBp: 150,
      ceilingOverLprBp: 50,
      amountCapFen: 300 * WAN,
      dayBasis: 360,
      maxSubsidyMonths: 24,
    });
  });

  it('gives the §4 interest-share alternative: 50% of interest paid', () => {
    expect(DEFAULT_PARAMETERS('loan-interest-subsidy', 'interest-share')).toMatchObject({
      mode: 'interest-share',
      sharePct: '50',
    });
  });

  it('gives the §3 eligibility defaults', () => {
    expect(DEFAULT_PARAMETERS('award-in-lieu-of-investment')).toMatchObject({
      eligibleSizes: ['micro', 'small', 'medium'],
      eligibleStages: ['startup', 'growth'],
      industries: [],
      districts: ['430602'],
      perEnterpriseYearlyCapFen: 100 * WAN,
      noticeWorkingDays: 5,
    });
  });

  it('gives the §5 award tiers and a 36-month clawback, with only equity financing offered', () => {
    const p = DEFAULT_PARAMETERS('award-in-lieu-of-investment');
    expect(p.financingTiers).toEqual(DEFAULT_AWARD_TIERS);
    expect(
      p.financingTiers.map((t) => [
        t.fromFen / WAN,
        t.toFenExclusive === null ? null : t.toFenExclusive / WAN,
        t.awardFen / WAN,
      ]),
    ).toEqual([
      [50, 100, 10],
      [100, 200, 20],
      [200, 500, 30],
      [500, 1000, 40],
      [1000, null, 50],
    ]);
    expect(p).toMatchObject({
      clawbackMonths: 36,
      milestoneKinds: ['equity-financing'],
      revenueMilestone: null,
    });
  });

  it('gives the §6 centre-service defaults', () => {
    expect(DEFAULT_PARAMETERS('centre-service')).toMatchObject({
      freeWorkstationMonthFen: 30_000,
      minAllocatedDays: 15,
      minPresentDays: 8,
      eventFen: 200_000,
      minEventAttendees: 10,
      minFreeSharePct: '30',
      minOccupancyPct: '80',
    });
  });

  it('lists the required documents of each scheme, the business licence first for enterprises', () => {
    expect(DEFAULT_PARAMETERS('loan-interest-subsidy').requiredDocuments[0]).toEqual({
      key: 'business-licence',
      label: '营业执照',
      required: true,
    });
    expect(DEFAULT_PARAMETERS('centre-service').requiredDocuments.map((d) => d.key)).toContain(
      'occupancy-records',
    );
  });

  it('round-trips through the schema unchanged, so frozen parameters re-parse to themselves', () => {
    for (const p of [
      DEFAULT_PARAMETERS('loan-interest-subsidy'),
      DEFAULT_PARAMETERS('award-in-lieu-of-investment'),
      DEFAULT_PARAMETERS('centre-service'),
    ]) {
      expect(ProgrammeParameters.parse(JSON.parse(JSON.stringify(p)))).toEqual(p);
    }
  });
});

describe('ProgrammeParameters validation', () => {
  it('refuses overlapping or unordered tiers and an open-ended tier that is not the last', () => {
    const base = DEFAULT_PARAMETERS('award-in-lieu-of-investment');
    const overlap = AwardParameters.safeParse({
      ...base,
      financingTiers: [
        { fromFen: 50 * WAN, toFenExclusive: 100 * WAN, awardFen: 10 * WAN },
        { fromFen: 90 * WAN, toFenExclusive: null, awardFen: 20 * WAN },
      ],
    });
    expect(overlap.error?.issues[0]?.message).toBe('奖励档位应按金额从低到高排列且不能重叠');
    const open = AwardParameters.safeParse({
      ...base,
      financingTiers: [
        { fromFen: 50 * WAN, toFenExclusive: null, awardFen: 10 * WAN },
        { fromFen: 100 * WAN, toFenExclusive: null, awardFen: 20 * WAN },
      ],
    });
    expect(open.error?.issues[0]?.message).toBe('只有最后一档可以不设上限');
  });

  it('requires thresholds and amounts for every milestone kind offered', () => {
    const r = AwardParameters.safeParse({
      ...DEFAULT_PARAMETERS('award-in-lieu-of-investment'),
      milestoneKinds: ['equity-financing', 'jobs'],
    });
    expect(r.error?.issues.map((i) => i.message)).toEqual(['已选择「新增从业人员」，请设置其门槛和奖励金额']);
  });

  it('refuses money as a float and rates that are not exact decimals', () => {
    expect(
      ProgrammeParameters.safeParse({
        scheme: 'loan-interest-subsidy',
        mode: 'lpr-spread',
        amountCapFen: 3000000.5,
      }).success,
    ).toBe(false);
    expect(
      ProgrammeParameters.safeParse({
        scheme: 'loan-interest-subsidy',
        mode: 'interest-share',
        sharePct: '50%',
      }).success,
    ).toBe(false);
    expect(
      ProgrammeParameters.safeParse({ scheme: 'loan-interest-subsidy', mode: 'lpr-spread', dayBasis: 300 })
        .success,
    ).toBe(false);
  });

  it('throws FUNDING.INVALID_PARAMETERS listing every problem', () => {
    try {
      parseProgrammeParameters({ scheme: 'award-in-lieu-of-investment', clawbackMonths: 0, districts: [] });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      const error = e as DomainError;
      expect(error.code).toBe('FUNDING.INVALID_PARAMETERS');
      expect(error.message).toContain('至少填写一个行政区划');
      expect(error.message).toContain('追回期限（月）至少为1');
    }
  });
});

describe('ProgrammeDefinition', () => {
  const def = {
    name: '2025年度以奖代投第一批',
    fiscalYear: 2025,
    opensOn: '2025-03-01',
    closesOn: '2025-06-30',
    parameters: { scheme: 'award-in-lieu-of-investment' },
  };

  it('fills the parameters with their defaults', () => {
    expect(ProgrammeDefinition.parse(def).parameters).toEqual(
      DEFAULT_PARAMETERS('award-in-lieu-of-investment'),
    );
  });

  it('refuses a closing date before the opening date', () => {
    expect(ProgrammeDefinition.safeParse({ ...def, closesOn: '2025-02-28' }).error?.issues[0]?.message).toBe(
      '申报截止日期不能早于开始日期',
    );
  });
});

describe('isProgrammeOpen', () => {
  const p = { opensOn: '2025-03-01', closesOn: '2025-06-30' };

  it('is open on opensOn through closesOn, both included', () => {
    expect(isProgrammeOpen(p, '2025-02-28')).toBe(false);
    expect(isProgrammeOpen(p, '2025-03-01')).toBe(true);
    expect(isProgrammeOpen(p, '2025-06-30')).toBe(true);
    expect(isProgrammeOpen(p, '2025-07-01')).toBe(false);
  });
});

describe('parameter versions (§3: frozen with each application)', () => {
  it('edits the current version in place while no application refers to it', () => {
    expect(parametersChangeNeedsNewVersion(false)).toBe(false);
    expect(nextParametersVersion({ version: 1, hasApplications: false })).toBe(1);
  });

  it('creates a new version once applications were made under the current one', () => {
    expect(parametersChangeNeedsNewVersion(true)).toBe(true);
    expect(nextParametersVersion({ version: 3, hasApplications: true })).toBe(4);
  });

  it('refuses a version number that is not a positive integer', () => {
    expect(() => nextParametersVersion({ version: 0, hasApplications: true })).toThrow(DomainError);
  });
});
