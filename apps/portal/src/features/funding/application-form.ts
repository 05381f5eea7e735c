import {
  AwardApplicationData,
  fenToYuanString,
  LoanApplicationData,
  type LoanMode,
  type MilestoneKind,
  type ProgrammeParameters,
} from '@fund/domain';
import dayjs, { type Dayjs } from 'dayjs';
import { moneyField } from '../../shared/money';
import type { ToInput } from '../../shared/use-schema-form';
import type { FieldError, SafeParser } from '../../shared/zod-form';

/**
 * Form values of an application ↔ the domain's `LoanApplicationData` / `AwardApplicationData`. Field names are the
 * schema's, so its messages land on the right inputs; amounts are typed as 元/万元 text and dates picked as days,
 * converted here. No rule lives here: the schemas and the server's calculator decide.
 */
type Day = Dayjs | null | undefined;

export type SegmentValues = { principalFen?: string; start?: Day; endExclusive?: Day };
export type PaymentValues = { periodStart?: Day; periodEndExclusive?: Day; interestPaidFen?: string };

export type ApplicationValues = {
  // 贷款贴息
  bankName?: string;
  contractNo?: string;
  contractSignedOn?: Day;
  maturityOn?: Day;
  principalFen?: string;
  contractRatePct?: string;
  segments?: SegmentValues[];
  interestPayments?: PaymentValues[];
  // 以奖代投
  kind?: MilestoneKind;
  financingFen?: string;
  financedOn?: Day;
  investorName?: string;
  revenueYear?: number | null;
  revenueFen?: string;
  baselineOn?: Day;
  employeesBefore?: number | null;
  measuredOn?: Day;
  employeesAfter?: number | null;
  patentNumbers?: string;
};

export type ApplicationKind = { scheme: 'loan'; mode: LoanMode } | { scheme: 'award' };

/** What a programme asks for: the loan mode, or the milestone kinds; null for schemes enterprises do not apply to. */
export function applicationKindOf(parameters: ProgrammeParameters): ApplicationKind | null {
  switch (parameters.scheme) {
    case 'loan-interest-subsidy':
      return { scheme: 'loan', mode: parameters.mode };
    case 'award-in-lieu-of-investment':
      return { scheme: 'award' };
    case 'centre-service':
      return null;
    default:
      return parameters satisfies never;
  }
}

export function milestoneKindsOf(parameters: ProgrammeParameters): readonly MilestoneKind[] {
  return parameters.scheme === 'award-in-lieu-of-investment' ? parameters.milestoneKinds : [];
}

/** A new application starts with one empty row to fill in. */
export function emptyValues(
  kind: ApplicationKind,
  milestoneKinds: readonly MilestoneKind[],
): ApplicationValues {
  if (kind.scheme === 'award') return milestoneKinds.length === 1 ? { kind: milestoneKinds[0] } : {};
  return kind.mode === 'lpr-spread' ? { segments: [{}] } : { interestPayments: [{}] };
}

const iso = (d: Day) => (d ? d.format('YYYY-MM-DD') : undefined);

class Converter {
  errors: FieldError[] = [];
  money(text: string | undefined, name: (string | number)[]): number | undefined {
    const r = moneyField(text, name);
    if (r.error) this.errors.push(r.error);
    return r.fen ?? undefined;
  }
  /** The schema's own message for a missing string is generic; name the field instead. */
  text(s: string | undefined, name: (string | number)[], label: string): string | undefined {
    if (s === undefined || s === '') this.errors.push({ name, errors: [`请填写${label}`] });
    return s;
  }
  date(d: Day, name: (string | number)[], label: string): string | undefined {
    if (!d) this.errors.push({ name, errors: [`请选择${label}`] });
    return iso(d);
  }
}

function loanInput(v: ApplicationValues, mode: LoanMode, c: Converter) {
  const contract = {
    mode,
    bankName: v.bankName,
    contractNo: v.contractNo,
    contractSignedOn: c.date(v.contractSignedOn, ['contractSignedOn'], '签约日期'),
    maturityOn: c.date(v.maturityOn, ['maturityOn'], '到期日'),
    principalFen: c.money(v.principalFen, ['principalFen']),
    contractRatePct: c.text(v.contractRatePct?.trim().replace(/%$/, ''), ['contractRatePct'], '合同利率'),
  };
  if (mode === 'lpr-spread') {
    return {
      ...contract,
      segments: (v.segments ?? []).map((s, i) => ({
        principalFen: c.money(s.principalFen, ['segments', i, 'principalFen']),
        start: c.date(s.start, ['segments', i, 'start'], '开始日期'),
        endExclusive: c.date(s.endExclusive, ['segments', i, 'endExclusive'], '结束日期'),
      })),
    };
  }
  return {
    ...contract,
    interestPayments: (v.interestPayments ?? []).map((p, i) => ({
      periodStart: c.date(p.periodStart, ['interestPayments', i, 'periodStart'], '计息开始日期'),
      periodEndExclusive: c.date(
        p.periodEndExclusive,
        ['interestPayments', i, 'periodEndExclusive'],
        '计息结束日期',
      ),
      interestPaidFen: c.money(p.interestPaidFen, ['interestPayments', i, 'interestPaidFen']),
    })),
  };
}

function awardInput(v: ApplicationValues, c: Converter) {
  switch (v.kind) {
    case 'equity-financing':
      return {
        kind: v.kind,
        financingFen: c.money(v.financingFen, ['financingFen']),
        financedOn: c.date(v.financedOn, ['financedOn'], '融资到账日期'),
        investorName: v.investorName,
      };
    case 'revenue':
      return {
        kind: v.kind,
        revenueYear: v.revenueYear ?? undefined,
        revenueFen: c.money(v.revenueFen, ['revenueFen']),
      };
    case 'jobs':
      return {
        kind: v.kind,
        baselineOn: c.date(v.baselineOn, ['baselineOn'], '基准日期'),
        employeesBefore: v.employeesBefore ?? undefined,
        measuredOn: c.date(v.measuredOn, ['measuredOn'], '统计日期'),
        employeesAfter: v.employeesAfter ?? undefined,
      };
    case 'patents':
      return {
        kind: v.kind,
        patentNumbers: (v.patentNumbers ?? '')
          .split(/[\s,，、;；]+/)
          .map((s) => s.trim())
          .filter((s) => s !== ''),
      };
    case undefined:
      c.errors.push({ name: ['kind'], errors: ['请选择里程碑类型'] });
      return {};
    default:
      return v.kind satisfies never;
  }
}

export function toApplicationInput(kind: ApplicationKind): ToInput<ApplicationValues> {
  return (values) => {
    const c = new Converter();
    const input = kind.scheme === 'loan' ? loanInput(values, kind.mode, c) : awardInput(values, c);
    return { input, errors: c.errors };
  };
}

export function schemaFor(kind: ApplicationKind): SafeParser<unknown> {
  return kind.scheme === 'loan' ? LoanApplicationData : AwardApplicationData;
}

/** What a draft holds as it is (unvalidated: a draft may be incomplete); undefined fields are dropped by JSON. */
export function draftData(kind: ApplicationKind, values: ApplicationValues): Record<string, unknown> {
  return toApplicationInput(kind)(values).input as Record<string, unknown>;
}

// ─── stored data → form values ─────────────────────────────────────────────────────────────────────────────────

type Stored = Record<string, unknown>;

const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
const day = (v: unknown) => (typeof v === 'string' && v !== '' ? dayjs(v) : undefined);
const money = (v: unknown) => (typeof v === 'number' ? fenToYuanString(v) : undefined);
const int = (v: unknown) => (typeof v === 'number' ? v : undefined);
const list = (v: unknown): Stored[] => (Array.isArray(v) ? (v as Stored[]) : []);

export function valuesFromData(data: unknown): ApplicationValues {
  const d = (typeof data === 'object' && data !== null ? data : {}) as Stored;
  return {
    bankName: text(d.bankName),
    contractNo: text(d.contractNo),
    contractSignedOn: day(d.contractSignedOn),
    maturityOn: day(d.maturityOn),
    principalFen: money(d.principalFen),
    contractRatePct: text(d.contractRatePct),
    segments: list(d.segments).map((s) => ({
      principalFen: money(s.principalFen),
      start: day(s.start),
      endExclusive: day(s.endExclusive),
    })),
    interestPayments: list(d.interestPayments).map((p) => ({
      periodStart: day(p.periodStart),
      periodEndExclusive: day(p.periodEndExclusive),
      interestPaidFen: money(p.interestPaidFen),
    })),
    kind: text(d.kind) as MilestoneKind | undefined,
    financingFen: money(d.financingFen),
    financedOn: day(d.financedOn),
    investorName: text(d.investorName),
    revenueYear: int(d.revenueYear),
    revenueFen: money(d.revenueFen),
    baselineOn: day(d.baselineOn),
    employeesBefore: int(d.employeesBefore),
    measuredOn: day(d.measuredOn),
    employeesAfter: int(d.employeesAfter),
    patentNumbers: Array.isArray(d.patentNumbers) ? (d.patentNumbers as string[]).join('\n') : undefined,
  };
}
