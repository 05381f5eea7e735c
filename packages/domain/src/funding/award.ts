import { fullMonthsBetween, parseIsoDate } from '../dates';
import { invalid } from '../errors';
import { fen, formatFen, formatFenAsWan, mulFenByRatio, subFen, type Fen } from '../money';
import type { AwardApplicationData } from './calculate';
import { AwardTiers, MILESTONE_LABELS, type AwardParameters, type AwardTier } from './programme';

/**
 * 以奖代投 (award in lieu of investment), domain-rules.md §5: an award paid after a verified milestone instead of an
 * equity stake, and its clawback. Every threshold and amount comes from the programme's frozen parameters.
 */

export interface WorkingLine {
  label: string;
  value: string;
}

export interface MilestoneAward {
  awardFen: Fen;
  /** Why nothing (or less) is awarded, in Chinese; null when the milestone earns its full award. */
  reason: string | null;
  working: WorkingLine[];
}

function requireFen(value: number, label: string): Fen {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw invalid('FUNDING.INVALID_AMOUNT', `${label}应为非负整数（单位：分），收到 ${String(value)}`, {
      value,
    });
  }
  return fen(value);
}

function describeTier(t: AwardTier): string {
  return t.toFenExclusive === null
    ? `${formatFenAsWan(t.fromFen)}及以上`
    : `${formatFenAsWan(t.fromFen)}（含）至${formatFenAsWan(t.toFenExclusive)}（不含）`;
}

/**
 * §5 default milestone: the first external equity financing, tiered by amount with the lower bound inclusive and the
 * upper exclusive (exactly 100万元 is in the 100–200万 tier). Below the first tier, or in a gap, the award is 0 with
 * the reason.
 */
export function awardForFinancing(
  amountFen: number,
  tiers: readonly AwardTier[],
): MilestoneAward & { tier: AwardTier | null } {
  const amount = requireFen(amountFen, '融资金额');
  const parsed = AwardTiers.safeParse(tiers);
  if (!parsed.success) {
    throw invalid(
      'FUNDING.INVALID_PARAMETERS',
      `奖励档位设置有误：${parsed.error.issues.map((i) => i.message).join('；')}`,
    );
  }
  const ordered = [...parsed.data].sort((a, b) => a.fromFen - b.fromFen);
  const tier =
    ordered.find((t) => t.fromFen <= amount && (t.toFenExclusive === null || amount < t.toFenExclusive)) ??
    null;
  const working: WorkingLine[] = [
    { label: '外部股权融资金额', value: `${formatFen(amount)}（${formatFenAsWan(amount)}）` },
  ];
  if (tier === null) {
    const lowest = ordered[0]!;
    const reason =
      amount < lowest.fromFen
        ? `融资金额 ${formatFenAsWan(amount)} 低于最低奖励档位 ${formatFenAsWan(lowest.fromFen)}，不予奖励`
        : `融资金额 ${formatFenAsWan(amount)} 不在任何奖励档位内，不予奖励`;
    working.push({ label: '奖励档位', value: '无' }, { label: '奖励金额', value: formatFen(0) });
    return { awardFen: fen(0), tier: null, reason, working };
  }
  working.push(
    { label: '奖励档位', value: describeTier(tier) },
    { label: '奖励金额', value: formatFen(tier.awardFen) },
  );
  return { awardFen: tier.awardFen, tier, reason: null, working };
}

function offered(data: AwardApplicationData, params: AwardParameters): void {
  if (!params.milestoneKinds.includes(data.kind)) {
    throw invalid('FUNDING.MILESTONE_NOT_OFFERED', `本项目不受理「${MILESTONE_LABELS[data.kind]}」类里程碑`, {
      kind: data.kind,
    });
  }
}

function milestoneParametersMissing(kind: AwardApplicationData['kind']): never {
  throw invalid('FUNDING.INVALID_PARAMETERS', `项目未设置「${MILESTONE_LABELS[kind]}」的门槛和奖励金额`, {
    kind,
  });
}

/** The award for one verified milestone (§5), under the programme's frozen parameters. */
export function awardForMilestone(data: AwardApplicationData, params: AwardParameters): MilestoneAward {
  offered(data, params);
  const head: WorkingLine = { label: '里程碑', value: MILESTONE_LABELS[data.kind] };
  switch (data.kind) {
    case 'equity-financing': {
      const { awardFen, reason, working } = awardForFinancing(data.financingFen, params.financingTiers);
      return { awardFen, reason, working: [head, { label: '投资方', value: data.investorName }, ...working] };
    }
    case 'revenue': {
      const p = params.revenueMilestone ?? milestoneParametersMissing(data.kind);
      const revenue = requireFen(data.revenueFen, '营业收入');
      const reached = revenue >= p.thresholdFen;
      return threshold(
        head,
        reached,
        p.awardFen,
        [
          { label: `${data.revenueYear} 年度营业收入`, value: formatFenAsWan(revenue) },
          { label: '奖励门槛', value: `${formatFenAsWan(p.thresholdFen)}及以上` },
        ],
        `营业收入 ${formatFenAsWan(revenue)} 未达到 ${formatFenAsWan(p.thresholdFen)}`,
      );
    }
    case 'jobs': {
      const p = params.jobsMilestone ?? milestoneParametersMissing(data.kind);
      const created = data.employeesAfter - data.employeesBefore;
      return threshold(
        head,
        created >= p.minNewJobs,
        p.awardFen,
        [
          {
            label: `从业人员（${data.baselineOn} → ${data.measuredOn}）`,
            value: `${data.employeesBefore} 人 → ${data.employeesAfter} 人`,
          },
          { label: '新增从业人员', value: `${created} 人（门槛 ${p.minNewJobs} 人）` },
        ],
        `新增从业人员 ${created} 人，未达到 ${p.minNewJobs} 人`,
      );
    }
    case 'patents': {
      const p = params.patentsMilestone ?? milestoneParametersMissing(data.kind);
      const granted = data.patentNumbers.length;
      return threshold(
        head,
        granted >= p.minPatents,
        p.awardFen,
        [
          { label: '授权发明专利', value: `${granted} 件（${data.patentNumbers.join('、')}）` },
          { label: '奖励门槛', value: `${p.minPatents} 件及以上` },
        ],
        `授权发明专利 ${granted} 件，未达到 ${p.minPatents} 件`,
      );
    }
    default:
      return data satisfies never;
  }
}

function threshold(
  head: WorkingLine,
  reached: boolean,
  awardFen: Fen,
  lines: WorkingLine[],
  notReached: string,
): MilestoneAward {
  const amount = reached ? awardFen : fen(0);
  return {
    awardFen: amount,
    reason: reached ? null : `${notReached}，不予奖励`,
    working: [head, ...lines, { label: '奖励金额', value: formatFen(amount) }],
  };
}

/**
 * What makes a milestone "the same milestone" (§3: awarded at most once). The first external equity financing can
 * happen only once; reaching a revenue or jobs threshold is the same milestone whatever the year; each patent counts
 * once. A new application whose keys meet an earlier award's keys is a repeat.
 */
export function milestoneKeys(data: AwardApplicationData, params: AwardParameters): string[] {
  offered(data, params);
  switch (data.kind) {
    case 'equity-financing':
      return ['equity-financing:first'];
    case 'revenue':
      return [`revenue:${(params.revenueMilestone ?? milestoneParametersMissing(data.kind)).thresholdFen}`];
    case 'jobs':
      return [`jobs:${(params.jobsMilestone ?? milestoneParametersMissing(data.kind)).minNewJobs}`];
    case 'patents':
      return data.patentNumbers.map((n) => `patent:${normalizePatentNumber(n)}`);
    default:
      return data satisfies never;
  }
}

/** 专利号 as stored and compared: upper-case, without spaces ('zl 2023 1012 3456.7' → 'ZL202310123456.7'). */
export function normalizePatentNumber(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

// ─── clawback ───────────────────────────────────────────────────────────────────────────────────────────────────

export const CLAWBACK_GROUNDS = ['false-material', 'moved-out'] as const;
export type ClawbackGround = (typeof CLAWBACK_GROUNDS)[number];
export const CLAWBACK_GROUND_LABELS: Readonly<Record<ClawbackGround, string>> = {
  'false-material': '申报材料虚假',
  'moved-out': '注册地迁出本区',
};

export interface ClawbackInput {
  awardFen: number;
  /** The day the award was paid. */
  paidOn: string;
  /** The day the registration moved out of the district, or null if it has not. */
  movedOutOn: string | null;
  falseMaterial: boolean;
  /** Default 36 (§5); pass the programme's frozen `clawbackMonths`. */
  clawbackMonths?: number;
}

export interface Clawback {
  amountFen: Fen;
  ground: ClawbackGround | null;
  /** Whole months from payment to the move, for the pro-rata ground. */
  fullMonthsElapsed: number | null;
  /** The sentence shown to staff and to the enterprise. */
  explanation: string;
}

/**
 * §5: an award found to rest on false material is recovered in full; an enterprise that moves its registration out
 * of the district within 36 months of payment repays amount × (36 − full months elapsed) / 36, half-up to the fen;
 * after 36 full months nothing is recovered. False material takes precedence over a move.
 */
export function clawbackAmount(input: ClawbackInput): Clawback {
  const award = requireFen(input.awardFen, '奖励金额');
  const months = input.clawbackMonths ?? 36;
  if (!Number.isSafeInteger(months) || months < 1) {
    throw invalid('FUNDING.INVALID_PARAMETERS', `追回期限应为正整数（月），收到 ${String(months)}`, {
      clawbackMonths: months,
    });
  }
  parseIsoDate(input.paidOn, '拨付日期');
  if (input.falseMaterial) {
    return {
      amountFen: award,
      ground: 'false-material',
      fullMonthsElapsed: null,
      explanation: `申报材料虚假，全额追回 ${formatFen(award)}`,
    };
  }
  if (input.movedOutOn === null) {
    return { amountFen: fen(0), ground: null, fullMonthsElapsed: null, explanation: '无追回情形' };
  }
  parseIsoDate(input.movedOutOn, '迁出日期');
  const elapsed = fullMonthsBetween(input.paidOn, input.movedOutOn);
  if (elapsed >= months) {
    return {
      amountFen: fen(0),
      ground: 'moved-out',
      fullMonthsElapsed: elapsed,
      explanation: `拨付后已满 ${months} 个月（${elapsed} 个月）才迁出，不予追回`,
    };
  }
  const amount = mulFenByRatio(award, months - elapsed, months);
  return {
    amountFen: amount,
    ground: 'moved-out',
    fullMonthsElapsed: elapsed,
    explanation: `拨付后 ${elapsed} 个整月迁出本区，按 ${formatFen(award)} × (${months} − ${elapsed}) / ${months} 追回 ${formatFen(amount)}`,
  };
}

/** §3: an amount limited to what is left of the enterprise's yearly cap (never below 0). */
export function capToYearlyRemaining(
  amountFen: number,
  remainingFen: number,
): { amountFen: Fen; reducedByFen: Fen } {
  const amount = requireFen(amountFen, '金额');
  if (!Number.isSafeInteger(remainingFen)) {
    throw invalid(
      'FUNDING.INVALID_AMOUNT',
      `年度剩余额度应为整数（单位：分），收到 ${String(remainingFen)}`,
      { remainingFen },
    );
  }
  const capped = fen(Math.max(0, Math.min(amount, remainingFen)));
  return { amountFen: capped, reducedByFen: subFen(amount, capped) };
}
