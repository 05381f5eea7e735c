/**
 * Deadline reminders of the applicant's portal, computed when read against the request's clock (never stored, no
 * timers): which of an enterprise's cases need a reminder today and what it says.
 */
import type { CaseStatus } from './lifecycle';

/** A draft whose programme closes within this many days from today (today counts as day 0) gets a reminder. */
export const DRAFT_CLOSING_WITHIN_DAYS = 3;

export type ReminderKind = 'draft-closing' | 'returned-awaiting-answer';

export interface ReminderCase {
  caseId: number;
  caseNo: string;
  status: CaseStatus;
  /** The programme's close date, `YYYY-MM-DD`. */
  closesOn: string;
  /** For a returned case: the enterprise has already answered the latest return (then no reminder). */
  answered?: boolean;
}

export interface CaseReminder {
  /** Stable across reads: `reminder:<kind>:<caseId>`. */
  id: string;
  kind: ReminderKind;
  caseId: number;
  text: string;
}

const DAY_MS = 86_400_000;

function dayNumber(ymd: string): number {
  const t = Date.parse(`${ymd}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(ymd) || Number.isNaN(t)) throw new RangeError(`not a date: ${ymd}`);
  return Math.round(t / DAY_MS);
}

/** Whole days from `today` to `closesOn` (0 = closes today, negative = already closed). */
export function daysUntil(today: string, closesOn: string): number {
  return dayNumber(closesOn) - dayNumber(today);
}

/** The reminders for `cases` on `today` (`YYYY-MM-DD`, the district's date), in the order of `cases`. */
export function caseReminders(cases: readonly ReminderCase[], today: string): CaseReminder[] {
  const out: CaseReminder[] = [];
  for (const c of cases) {
    if (c.status === 'draft') {
      const days = daysUntil(today, c.closesOn);
      if (days >= 0 && days <= DRAFT_CLOSING_WITHIN_DAYS) {
        const when = days === 0 ? '今天' : `${days} 日后`;
        out.push({
          id: `reminder:draft-closing:${c.caseId}`,
          kind: 'draft-closing',
          caseId: c.caseId,
          text: `提醒：您的申报草稿 ${c.caseNo} 所属项目将于 ${c.closesOn}（${when}）截止申报（今天起 ${DRAFT_CLOSING_WITHIN_DAYS} 日内截止），请尽快提交。`,
        });
      }
    } else if (c.status === 'returned' && c.answered !== true) {
      out.push({
        id: `reminder:returned-awaiting-answer:${c.caseId}`,
        kind: 'returned-awaiting-answer',
        caseId: c.caseId,
        text: `提醒：您的申报 ${c.caseNo} 已退回待补正，请按退回意见修改后重新提交。`,
      });
    }
  }
  return out;
}
