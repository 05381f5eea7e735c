import { parseIsoDate } from '../dates';
import { invalid } from '../errors';
import type { CentreEvent } from './events';

/**
 * Policy target of domain-rules.md §6 and §7: at least 2 training classes (创业培训班) per sector per year. Counted
 * from the events logged as `training-class` (public-interest events are paid per event instead, see events.ts).
 */
export const DEFAULT_TRAINING_CLASSES_PER_SECTOR = 2;

export interface SectorTrainingProgress {
  sector: string;
  classes: number;
  attendees: number;
  target: number;
  met: boolean;
  /** Classes still needed to meet the target (0 when met). */
  remaining: number;
}

export interface TrainingClassProgress {
  year: number;
  target: number;
  /** Every sector asked for (in the given order, even with no class), then any other sector found, by name. */
  sectors: SectorTrainingProgress[];
  sectorsMet: number;
  allMet: boolean;
}

export interface TrainingClassProgressOptions {
  /** Sectors the district tracks this year; listed even when no class was held. */
  sectors?: readonly string[];
  /** Classes per sector per year (default 2). */
  target?: number;
}

/** Training classes held in `year`, per sector, against the per-sector target. */
export function trainingClassProgress(
  events: readonly CentreEvent[],
  year: number,
  options: TrainingClassProgressOptions = {},
): TrainingClassProgress {
  if (!Number.isSafeInteger(year) || year < 1900 || year > 9999) {
    throw invalid('CENTRES.INVALID_YEAR', `年份应为四位数字，收到 ${String(year)}`, { year });
  }
  const target = options.target ?? DEFAULT_TRAINING_CLASSES_PER_SECTOR;
  if (!Number.isSafeInteger(target) || target < 0) {
    throw invalid('CENTRES.INVALID_TARGET', `目标场次应为非负整数，收到 ${String(target)}`, { target });
  }
  const tally = new Map<string, { classes: number; attendees: number }>();
  for (const s of options.sectors ?? []) tally.set(s.trim(), { classes: 0, attendees: 0 });
  const extra = new Set<string>();
  for (const e of events) {
    if (parseIsoDate(e.date, '活动日期').year !== year || e.kind !== 'training-class') continue;
    const sector = (e.sector ?? '').trim();
    if (sector === '') {
      throw invalid('CENTRES.TRAINING_SECTOR_MISSING', `培训班“${e.title ?? e.date}”未填写所属行业领域`, {
        eventId: e.id ?? null,
      });
    }
    const t = tally.get(sector);
    if (t === undefined) {
      extra.add(sector);
      tally.set(sector, { classes: 1, attendees: e.attendeeCount });
    } else {
      t.classes += 1;
      t.attendees += e.attendeeCount;
    }
  }
  const order = [...new Set((options.sectors ?? []).map((s) => s.trim()))].concat([...extra].sort());
  const sectors = order.map((sector) => {
    const t = tally.get(sector)!;
    return { sector, ...t, target, met: t.classes >= target, remaining: Math.max(0, target - t.classes) };
  });
  const sectorsMet = sectors.filter((s) => s.met).length;
  return { year, target, sectors, sectorsMet, allMet: sectors.length > 0 && sectorsMet === sectors.length };
}
