import { compareIsoDate, parseIsoDate, yearsBetweenFull } from '../dates';
import { invalid } from '../errors';

/** domain-rules.md §3: the stage of an enterprise on a given day, from its establishment date (成立日期). */
export type EnterpriseStage = 'startup' | 'growth' | 'mature';

export const STAGE_LABELS: Record<EnterpriseStage, string> = {
  startup: '初创期',
  growth: '成长期',
  mature: '成熟期（不在扶持阶段）',
};

/**
 * Stage boundaries in full years since establishment (fund defaults, §3). A programme may target other bounds, so
 * they are data passed in, never literals in the rule.
 */
export interface StageBounds {
  /** 初创期 while fewer than this many full years have passed. */
  startupBelowYears: number;
  /** 成长期 from `startupBelowYears` up to, not including, this many full years. */
  growthBelowYears: number;
}

export const DEFAULT_STAGE_BOUNDS: StageBounds = { startupBelowYears: 3, growthBelowYears: 8 };

/**
 * The stage on the day `on` (normally the application date) of an enterprise established on `establishedOn`.
 *
 * Full years are counted like 周岁: the n-th year is complete on the n-th anniversary, so an enterprise established
 * 2021-06-15 is 初创期 up to 2024-06-14 and 成长期 from 2024-06-15. An enterprise established on 29 February has its
 * anniversary on 28 February in a common year (民法典第二百零二条: 没有对应日的，月末日为期间的最后一日; the same
 * month-end rule as `yearsBetweenFull` in dates.ts), so 2020-02-29 → 成长期 from 2023-02-28.
 *
 * An establishment date after `on` is refused (`ENTERPRISE.ESTABLISHED_IN_FUTURE`); the same day is 初创期.
 */
export function enterpriseStage(
  establishedOn: string,
  on: string,
  bounds: StageBounds = DEFAULT_STAGE_BOUNDS,
): EnterpriseStage {
  parseIsoDate(establishedOn, '成立日期');
  parseIsoDate(on, '申报日期');
  if (compareIsoDate(establishedOn, on) > 0) {
    throw invalid(
      'ENTERPRISE.ESTABLISHED_IN_FUTURE',
      `成立日期 ${establishedOn} 晚于 ${on}，请核对营业执照上的成立日期`,
      {
        establishedOn,
        on,
      },
    );
  }
  const years = yearsBetweenFull(establishedOn, on);
  if (years < bounds.startupBelowYears) return 'startup';
  if (years < bounds.growthBelowYears) return 'growth';
  return 'mature';
}
