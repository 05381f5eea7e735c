/**
 * The parameters of a programme as an editable form: amounts are typed in 元/万元 (parsed with the domain's
 * `parseMoney`), everything else as the domain's `ProgrammeParameters` holds it. The schema decides what is valid.
 */
import {
  DEFAULT_PARAMETERS,
  ELIGIBLE_SIZE_CLASSES,
  ENTERPRISE_STAGES,
  fenToYuanString,
  INDUSTRY_KEYS,
  INDUSTRY_LABELS,
  LOAN_MODE_LABELS,
  MILESTONE_KINDS,
  MILESTONE_LABELS,
  SIZE_LABELS,
  STAGE_LABELS,
  type LoanMode,
  type ProgrammeParameters,
  type Scheme,
} from '@fund/domain';
import { moneyField } from '../../shared/money';
import type { FieldError } from '../../shared/zod-form';

export type FieldKind = 'money' | 'int' | 'pct' | 'multi' | 'dayBasis' | 'districts';
export type ParamField = {
  name: string;
  label: string;
  kind: FieldKind;
  /** Money and integer fields that may be left empty (null = no limit). */
  nullable?: boolean;
  help?: string;
  suffix?: string;
  options?: { value: string; label: string }[];
};

const sizes = ELIGIBLE_SIZE_CLASSES.map((v) => ({ value: v, label: `${SIZE_LABELS[v]}企业` }));
const stages = ENTERPRISE_STAGES.map((v) => ({ value: v, label: STAGE_LABELS[v] }));
const industries = INDUSTRY_KEYS.map((v) => ({ value: v, label: INDUSTRY_LABELS[v] }));
const milestones = MILESTONE_KINDS.map((v) => ({ value: v, label: MILESTONE_LABELS[v] }));

const COMMON: ParamField[] = [
  { name: 'noticeWorkingDays', label: '公示期', kind: 'int', suffix: '个工作日' },
];
const ELIGIBILITY: ParamField[] = [
  { name: 'eligibleSizes', label: '扶持企业规模', kind: 'multi', options: sizes },
  { name: 'eligibleStages', label: '扶持发展阶段', kind: 'multi', options: stages },
  { name: 'industries', label: '产业导向', kind: 'multi', options: industries, help: '不选表示不限行业' },
  { name: 'districts', label: '注册地行政区划代码', kind: 'districts', help: '6位代码，可填多个' },
  { name: 'perEnterpriseYearlyCapFen', label: '每家企业年度扶持上限', kind: 'money' },
];

export function fieldsFor(scheme: Scheme, mode: LoanMode): ParamField[] {
  switch (scheme) {
    case 'loan-interest-subsidy':
      return mode === 'lpr-spread'
        ? [
            ...COMMON,
            ...ELIGIBILITY,
            {
              name: 'floorBelowLprBp',
              label: '贴息下限（LPR 减）',
              kind: 'int',
              suffix: 'BP',
              nullable: true,
              help: '企业至少自担 LPR 减该基点的利率；留空表示企业不自担',
            },
            {
              name: 'ceilingOverLprBp',
              label: '贴息上限（LPR 加）',
              kind: 'int',
              suffix: 'BP',
              nullable: true,
              help: '超过 LPR 加该基点的部分不予贴息；留空表示以合同利率为准',
            },
            {
              name: 'amountCapFen',
              label: '贴息本金上限',
              kind: 'money',
              nullable: true,
              help: '留空表示不设上限',
            },
            { name: 'dayBasis', label: '计息天数基准', kind: 'dayBasis' },
            { name: 'maxSubsidyMonths', label: '最长贴息期限', kind: 'int', suffix: '个月' },
          ]
        : [
            ...COMMON,
            ...ELIGIBILITY,
            { name: 'sharePct', label: '贴息比例', kind: 'pct', suffix: '%' },
            {
              name: 'annualCapFen',
              label: '每家企业每年贴息上限',
              kind: 'money',
              nullable: true,
              help: '留空表示只受年度扶持总上限约束',
            },
            { name: 'maxSubsidyMonths', label: '最长贴息期限', kind: 'int', suffix: '个月' },
          ];
    case 'award-in-lieu-of-investment':
      return [
        ...COMMON,
        ...ELIGIBILITY,
        { name: 'milestoneKinds', label: '里程碑类型', kind: 'multi', options: milestones },
        { name: 'clawbackMonths', label: '迁出追回期限', kind: 'int', suffix: '个月' },
      ];
    case 'centre-service':
      return [
        ...COMMON,
        { name: 'freeWorkstationMonthFen', label: '免费工位补贴（每工位每月）', kind: 'money' },
        { name: 'minAllocatedDays', label: '当月最少分配天数', kind: 'int', suffix: '天' },
        { name: 'minPresentDays', label: '当月最少在驻天数', kind: 'int', suffix: '天' },
        { name: 'eventFen', label: '公益活动补贴（每场）', kind: 'money' },
        { name: 'minEventAttendees', label: '活动最少签到人数', kind: 'int', suffix: '人' },
        { name: 'minFreeSharePct', label: '免费工位最低占比', kind: 'pct', suffix: '%' },
        { name: 'minOccupancyPct', label: '最低入驻率', kind: 'pct', suffix: '%' },
      ];
    default:
      return scheme satisfies never;
  }
}

export const LOAN_MODE_OPTIONS = Object.entries(LOAN_MODE_LABELS).map(([value, label]) => ({ value, label }));

/** 1000000 fen → '1万'; other amounts as plain yuan. */
export function yuanText(f: number | null | undefined): string {
  if (f === null || f === undefined) return '';
  return f % 1_000_000 === 0 ? `${f / 1_000_000}万` : fenToYuanString(f);
}

type Draft = Record<string, unknown>;

const MILESTONE_OBJECTS = [
  {
    kind: 'revenue',
    name: 'revenueMilestone',
    count: 'thresholdFen',
    countKind: 'money',
    countLabel: '营业收入门槛',
  },
  {
    kind: 'jobs',
    name: 'jobsMilestone',
    count: 'minNewJobs',
    countKind: 'int',
    countLabel: '新增人数不少于',
  },
  {
    kind: 'patents',
    name: 'patentsMilestone',
    count: 'minPatents',
    countKind: 'int',
    countLabel: '授权件数不少于',
  },
] as const;
export { MILESTONE_OBJECTS };

/** The parameters as form values (amounts as text). */
export function toDraft(p: ProgrammeParameters): Draft {
  const src = p as unknown as Record<string, unknown>;
  const out: Draft = { ...src };
  const fields = fieldsFor(p.scheme, p.scheme === 'loan-interest-subsidy' ? p.mode : 'lpr-spread');
  for (const f of fields) if (f.kind === 'money') out[f.name] = yuanText(src[f.name] as number | null);
  if (p.scheme === 'award-in-lieu-of-investment') {
    out.financingTiers = p.financingTiers.map((t) => ({
      fromFen: yuanText(t.fromFen),
      toFenExclusive: yuanText(t.toFenExclusive),
      awardFen: yuanText(t.awardFen),
    }));
    for (const m of MILESTONE_OBJECTS) {
      const v = p[m.name] as Record<string, number> | null;
      out[m.name] = v
        ? {
            [m.count]: m.countKind === 'money' ? yuanText(v[m.count]) : v[m.count],
            awardFen: yuanText(v.awardFen),
          }
        : { [m.count]: m.countKind === 'money' ? '' : null, awardFen: '' };
    }
  }
  return out;
}

export function defaultDraft(scheme: Scheme, mode: LoanMode): Draft {
  return toDraft(
    scheme === 'loan-interest-subsidy' ? DEFAULT_PARAMETERS(scheme, mode) : DEFAULT_PARAMETERS(scheme),
  );
}

function emptyish(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

/** Form values → the schema's input; unreadable amounts are reported on their field. */
export function fromDraft(
  draft: Draft,
  base: FieldPathPrefix = ['parameters'],
): { value: Draft; errors: FieldError[] } {
  const scheme = draft.scheme as Scheme;
  const mode = (draft.mode as LoanMode | undefined) ?? 'lpr-spread';
  const errors: FieldError[] = [];
  const money = (text: unknown, path: (string | number)[]): number | null => {
    const r = moneyField(typeof text === 'string' ? text : '', [...base, ...path]);
    if (r.error) errors.push(r.error);
    return r.fen;
  };
  const value: Draft = { ...draft };
  for (const f of fieldsFor(scheme, mode)) {
    if (f.kind === 'money') {
      const fen = money(value[f.name], [f.name]);
      value[f.name] = fen === null ? (f.nullable ? null : undefined) : fen;
    } else if (f.kind === 'int' && f.nullable && emptyish(value[f.name])) {
      value[f.name] = null;
    } else if (f.kind === 'pct' && typeof value[f.name] === 'number') {
      value[f.name] = String(value[f.name]);
    }
  }
  if (scheme === 'award-in-lieu-of-investment') {
    const tiers = (draft.financingTiers as Draft[] | undefined) ?? [];
    value.financingTiers = tiers.map((t, i) => ({
      fromFen: money(t.fromFen, ['financingTiers', i, 'fromFen']) ?? undefined,
      toFenExclusive: money(t.toFenExclusive, ['financingTiers', i, 'toFenExclusive']),
      awardFen: money(t.awardFen, ['financingTiers', i, 'awardFen']) ?? undefined,
    }));
    for (const m of MILESTONE_OBJECTS) {
      const v = (draft[m.name] as Draft | undefined) ?? {};
      if (emptyish(v[m.count]) && emptyish(v.awardFen)) {
        value[m.name] = null;
        continue;
      }
      value[m.name] = {
        [m.count]: m.countKind === 'money' ? (money(v[m.count], [m.name, m.count]) ?? undefined) : v[m.count],
        awardFen: money(v.awardFen, [m.name, 'awardFen']) ?? undefined,
      };
    }
  }
  return { value, errors };
}
type FieldPathPrefix = (string | number)[];
