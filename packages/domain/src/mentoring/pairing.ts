import { addDays, compareIsoDate, parseIsoDate } from '../dates';
import { addWorkingDays, DEFAULT_CALENDAR, type WorkingDayCalendar } from '../calendar';
import { conflict, invalid } from '../errors';
import type { MenteeKind } from './mentors';

/**
 * The life of a mentor–mentee pairing (结对), domain-rules.md §7:
 *
 *   proposed ──accept──▶ active ──complete──▶ completed
 *      │                   └──endEarly──▶ ended_early (reason; counts as completed if the agreed minimum sessions
 *      └──decline──▶ declined (reason)                   were held)
 *
 * A proposed pairing reserves one of the mentor's places, so active + proposed never exceed the capacity (the
 * service checks `canReserve` inside the transaction that inserts the proposal, which is what keeps this true under
 * concurrent requests). The mentor answers within `responseWorkingDays` working days (default 5, start day not
 * counted, §9); deadlines are evaluated when read against today (architecture.md "Time"): once overdue, the proposal
 * can no longer be accepted, no longer holds a place, and goes back to staff with a reminder.
 */
export const PAIRING_STATUSES = ['proposed', 'active', 'completed', 'declined', 'ended_early'] as const;
export type PairingStatus = (typeof PAIRING_STATUSES)[number];
export const PAIRING_STATUS_LABELS: Record<PairingStatus, string> = {
  proposed: '待导师确认',
  active: '结对辅导中',
  completed: '已完成',
  declined: '已拒绝',
  ended_early: '提前结束',
};

/** Who declined or ended a pairing. */
export const PAIRING_PARTIES = ['mentor', 'mentee', 'staff'] as const;
export type PairingParty = (typeof PAIRING_PARTIES)[number];
export const PAIRING_PARTY_LABELS: Record<PairingParty, string> = {
  mentor: '导师',
  mentee: '学员',
  staff: '工作人员',
};

/** Default response time for a mentor, in working days (§7). */
export const DEFAULT_RESPONSE_WORKING_DAYS = 5;

interface PairingBase {
  id?: number | string;
  mentorId: number | string;
  menteeId: number | string;
  menteeKind: MenteeKind;
  proposedOn: string;
  /** Last working day on which the mentor can answer. */
  responseDueOn: string;
}

export type ProposedPairing = PairingBase & { status: 'proposed' };
export type ActivePairing = PairingBase & { status: 'active'; acceptedOn: string };
export type CompletedPairing = PairingBase & {
  status: 'completed';
  acceptedOn: string;
  completedOn: string;
  sessionsHeld: number;
  minSessions: number;
};
export type DeclinedPairing = PairingBase & {
  status: 'declined';
  declinedOn: string;
  declinedBy: PairingParty;
  reason: string;
};
export type EndedEarlyPairing = PairingBase & {
  status: 'ended_early';
  acceptedOn: string;
  endedOn: string;
  endedBy: PairingParty;
  reason: string;
  sessionsHeld: number;
  minSessions: number;
  /** Frozen when ended: the agreed minimum sessions were held (§7), so it counts as completed. */
  countsAsCompleted: boolean;
};
export type Pairing =
  ProposedPairing | ActivePairing | CompletedPairing | DeclinedPairing | EndedEarlyPairing;

const ACTION_LABELS = {
  accept: '接受结对',
  decline: '拒绝结对',
  complete: '办结',
  endEarly: '提前结束',
} as const;

function illegal(p: Pairing, action: keyof typeof ACTION_LABELS): never {
  throw conflict(
    'MENTORING.ILLEGAL_TRANSITION',
    `该结对当前状态为“${PAIRING_STATUS_LABELS[p.status]}”，不能${ACTION_LABELS[action]}`,
    { status: p.status, action },
  );
}

function requireNotBefore(date: string, earlier: string, field: string, earlierField: string): void {
  parseIsoDate(date, field);
  if (compareIsoDate(date, earlier) < 0) {
    throw invalid('MENTORING.DATE_ORDER', `${field} ${date} 早于${earlierField} ${earlier}`, {
      date,
      earlier,
    });
  }
}

function requireReason(reason: string, what: string): string {
  const trimmed = typeof reason === 'string' ? reason.trim() : '';
  if (trimmed.length < 2) throw invalid('MENTORING.REASON_REQUIRED', `请填写${what}原因`, {});
  if (trimmed.length > 500) throw invalid('MENTORING.REASON_TOO_LONG', `${what}原因不能超过 500 个字`, {});
  return trimmed;
}

function requireCount(value: number, field: string, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw invalid('MENTORING.INVALID_COUNT', `${field}应为不小于 ${min} 的整数，收到 ${String(value)}`, {
      field,
      value,
    });
  }
}

/** Whether one more pairing can be proposed: active + proposed stays within the capacity. */
export function canReserve(capacity: number, activeCount: number, proposedCount: number): boolean {
  requireCount(capacity, '可带教人数', 0);
  requireCount(activeCount, '在带人数', 0);
  requireCount(proposedCount, '待确认人数', 0);
  return activeCount + proposedCount < capacity;
}

/** The last day a mentor may answer a proposal made on `proposedOn`: `workingDays` working days later. */
export function responseDeadline(
  proposedOn: string,
  workingDays: number = DEFAULT_RESPONSE_WORKING_DAYS,
  calendar: WorkingDayCalendar = DEFAULT_CALENDAR,
): string {
  parseIsoDate(proposedOn, '推荐日期');
  requireCount(workingDays, '回复期限（工作日）', 1);
  return addWorkingDays(proposedOn, workingDays, calendar);
}

export interface ProposePairingInput {
  mentor: {
    id: number | string;
    capacity: number;
    activeCount: number;
    proposedCount: number;
    paused: boolean;
  };
  menteeId: number | string;
  menteeKind: MenteeKind;
  proposedOn: string;
  responseWorkingDays?: number;
  calendar?: WorkingDayCalendar;
}

/** Proposes a pairing, reserving a place; refused when the mentor is paused or has no place left. */
export function proposePairing(input: ProposePairingInput): ProposedPairing {
  const { mentor } = input;
  if (mentor.paused) {
    throw conflict('MENTORING.MENTOR_PAUSED', '该导师已暂停接受结对，请选择其他导师', {
      mentorId: mentor.id,
    });
  }
  if (!canReserve(mentor.capacity, mentor.activeCount, mentor.proposedCount)) {
    throw conflict(
      'MENTORING.MENTOR_FULL',
      `该导师名额已满（可带教 ${mentor.capacity} 人，在带 ${mentor.activeCount} 人，待确认 ${mentor.proposedCount} 人），请选择其他导师`,
      { mentorId: mentor.id },
    );
  }
  return {
    status: 'proposed',
    mentorId: mentor.id,
    menteeId: input.menteeId,
    menteeKind: input.menteeKind,
    proposedOn: input.proposedOn,
    responseDueOn: responseDeadline(input.proposedOn, input.responseWorkingDays, input.calendar),
  };
}

/** A proposal not answered by the end of its due day is overdue from the next day on. */
export function isResponseOverdue(pairing: Pairing, today: string): boolean {
  parseIsoDate(today, '当前日期');
  return pairing.status === 'proposed' && compareIsoDate(today, pairing.responseDueOn) > 0;
}

/** Whether the pairing occupies one of the mentor's places today: active, or proposed and not overdue. */
export function holdsPlace(pairing: Pairing, today: string): boolean {
  if (pairing.status === 'active') return true;
  return pairing.status === 'proposed' && !isResponseOverdue(pairing, today);
}

export interface OverdueReminder {
  pairingId: number | string | null;
  mentorId: number | string;
  responseDueOn: string;
  overdueSince: string;
  message: string;
}

/** The reminder staff see for an overdue proposal (the request returns to them), or null when nothing is overdue. */
export function overdueReminder(pairing: Pairing, today: string): OverdueReminder | null {
  if (pairing.status !== 'proposed' || !isResponseOverdue(pairing, today)) return null;
  return {
    pairingId: pairing.id ?? null,
    mentorId: pairing.mentorId,
    responseDueOn: pairing.responseDueOn,
    overdueSince: addDays(pairing.responseDueOn, 1),
    message: `导师未在 ${pairing.responseDueOn} 前回复结对邀请，需求已退回，请重新安排导师`,
  };
}

export function acceptPairing(pairing: Pairing, on: string): ActivePairing {
  if (pairing.status !== 'proposed') return illegal(pairing, 'accept');
  requireNotBefore(on, pairing.proposedOn, '接受日期', '推荐日期');
  if (isResponseOverdue(pairing, on)) {
    throw conflict(
      'MENTORING.RESPONSE_OVERDUE',
      `回复期限（${pairing.responseDueOn}）已过，该结对邀请已退回工作人员重新安排`,
      { responseDueOn: pairing.responseDueOn },
    );
  }
  return { ...pairing, status: 'active', acceptedOn: on };
}

/** Declines a proposal (the mentor, the mentee, or staff withdrawing an overdue one). A reason is required. */
export function declinePairing(
  pairing: Pairing,
  input: { on: string; by: PairingParty; reason: string },
): DeclinedPairing {
  if (pairing.status !== 'proposed') return illegal(pairing, 'decline');
  requireNotBefore(input.on, pairing.proposedOn, '拒绝日期', '推荐日期');
  return {
    ...pairing,
    status: 'declined',
    declinedOn: input.on,
    declinedBy: input.by,
    reason: requireReason(input.reason, '拒绝'),
  };
}

/**
 * Completes an active pairing. The agreed minimum number of sessions must have been held: with fewer the pairing can
 * only be ended early (with a reason), which then does not count as completed.
 */
export function completePairing(
  pairing: Pairing,
  input: { on: string; sessionsHeld: number; minSessions: number },
): CompletedPairing {
  if (pairing.status !== 'active') return illegal(pairing, 'complete');
  requireNotBefore(input.on, pairing.acceptedOn, '办结日期', '结对开始日期');
  requireCount(input.sessionsHeld, '已开展辅导次数', 0);
  requireCount(input.minSessions, '约定最少辅导次数', 0);
  if (input.sessionsHeld < input.minSessions) {
    throw conflict(
      'MENTORING.TOO_FEW_SESSIONS',
      `已开展 ${input.sessionsHeld} 次辅导，少于约定的 ${input.minSessions} 次，不能办结；如需结束请选择“提前结束”并填写原因`,
      { sessionsHeld: input.sessionsHeld, minSessions: input.minSessions },
    );
  }
  return {
    ...pairing,
    status: 'completed',
    completedOn: input.on,
    sessionsHeld: input.sessionsHeld,
    minSessions: input.minSessions,
  };
}

/** Ends an active pairing early, with a reason; it counts as completed if the agreed minimum sessions were held. */
export function endPairingEarly(
  pairing: Pairing,
  input: { on: string; by: PairingParty; reason: string; sessionsHeld: number; minSessions: number },
): EndedEarlyPairing {
  if (pairing.status !== 'active') return illegal(pairing, 'endEarly');
  requireNotBefore(input.on, pairing.acceptedOn, '结束日期', '结对开始日期');
  requireCount(input.sessionsHeld, '已开展辅导次数', 0);
  requireCount(input.minSessions, '约定最少辅导次数', 0);
  const reason = requireReason(input.reason, '提前结束');
  return {
    ...pairing,
    status: 'ended_early',
    endedOn: input.on,
    endedBy: input.by,
    reason,
    sessionsHeld: input.sessionsHeld,
    minSessions: input.minSessions,
    countsAsCompleted: input.sessionsHeld >= input.minSessions,
  };
}

/**
 * The completion rule (§7): a completed pairing counts; a pairing ended early counts when at least `minSessions`
 * sessions were held; nothing else counts.
 */
export function completionCounts(pairing: Pairing, sessionsHeld: number, minSessions: number): boolean {
  requireCount(sessionsHeld, '已开展辅导次数', 0);
  requireCount(minSessions, '约定最少辅导次数', 0);
  switch (pairing.status) {
    case 'completed':
      return true;
    case 'ended_early':
      return sessionsHeld >= minSessions;
    case 'proposed':
    case 'active':
    case 'declined':
      return false;
    default:
      return pairing satisfies never;
  }
}

/** A pairing's status on a past day: a lifecycle status, or 'overdue' for a proposal past its response deadline. */
export type PairingStatusOn = PairingStatus | 'overdue';

/**
 * The status the pairing had on `date` (null before it was proposed), from its dates: how yearly reports look back.
 * A pairing is active from its acceptance day up to, not including, the day it was completed or ended; a proposal is
 * pending until it was answered, and 'overdue' once its response deadline had passed without an answer.
 */
export function pairingStatusOn(pairing: Pairing, date: string): PairingStatusOn | null {
  parseIsoDate(date, '日期');
  if (compareIsoDate(date, pairing.proposedOn) < 0) return null;
  const pending = (): PairingStatusOn =>
    compareIsoDate(date, pairing.responseDueOn) > 0 ? 'overdue' : 'proposed';
  switch (pairing.status) {
    case 'proposed':
      return pending();
    case 'declined':
      return compareIsoDate(date, pairing.declinedOn) >= 0 ? 'declined' : pending();
    case 'active':
      return compareIsoDate(date, pairing.acceptedOn) >= 0 ? 'active' : 'proposed';
    case 'completed':
      if (compareIsoDate(date, pairing.completedOn) >= 0) return 'completed';
      return compareIsoDate(date, pairing.acceptedOn) >= 0 ? 'active' : 'proposed';
    case 'ended_early':
      if (compareIsoDate(date, pairing.endedOn) >= 0) return 'ended_early';
      return compareIsoDate(date, pairing.acceptedOn) >= 0 ? 'active' : 'proposed';
    default:
      return pairing satisfies never;
  }
}
