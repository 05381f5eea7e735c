import { z } from 'zod';
import { addWorkingDays, DEFAULT_CALENDAR, type WorkingDayCalendar } from '../calendar';
import { addDays, compareIsoDate, isIsoDate, parseIsoDate } from '../dates';
import { conflict, invalid } from '../errors';
import { assertCan } from '../auth/permissions';
import { type Fen } from '../money';
import { isMainlandMobile, normalizeMobile } from '../privacy/identity';
import { NonNegativeFen } from './programme';
import type { Actor, FundingCase } from './lifecycle';

/**
 * 公示 (public notice before payment), domain-rules.md §8: recommended awards are published for 5 working days
 * (default) counted from the day after publication; payment is blocked until the period has ended and every
 * objection is closed. Objections are made under a real name with contact details and reasons, and each is answered
 * and resolved.
 */

// ─── the clock of the district ─────────────────────────────────────────────────────────────────────────────────

const ISO_INSTANT =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
/** China Standard Time is UTC+8 all year (no daylight saving since 1991). */
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** True for an ISO-8601 instant with an explicit offset, e.g. '2025-10-10T09:30:00Z' or '2025-10-10T17:30:00+08:00'. */
export function isIsoInstant(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = ISO_INSTANT.exec(s);
  return m !== null && isIsoDate(m[1]) && Number.isFinite(Date.parse(s));
}

/** Throws `DATE.INVALID_INSTANT` naming `field` unless `s` is an ISO instant with an offset. */
export function assertIsoInstant(s: unknown, field: string): asserts s is string {
  if (!isIsoInstant(s)) {
    throw invalid(
      'DATE.INVALID_INSTANT',
      `${field}应为带时区的 ISO 时间（如 2025-10-10T09:30:00Z），收到 ${String(s)}`,
      {
        field,
        value: String(s),
      },
    );
  }
}

/**
 * The civil date in the district (Beijing time) at instant `now`. Policy days — the last day of a 公示, a payment
 * date — are days in China: 2025-10-10T17:00:00Z is already 2025-10-11 in Yueyang.
 */
export function chinaDateOf(now: string): string {
  assertIsoInstant(now, '当前时间');
  return new Date(Date.parse(now) + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

// ─── the notice period ──────────────────────────────────────────────────────────────────────────────────────────

export interface NoticePeriod {
  /** The day the notice is put on the public page. */
  publishedOn: string;
  /** The first day of the period: the day after publication (§8). */
  startsOn: string;
  /** The last day of the period: `workingDays` working days after publication, the publication day not counted. */
  endsOn: string;
  /** The last day an objection is accepted: the last day of the period. */
  objectionDeadline: string;
  workingDays: number;
}

/**
 * §8 and §9: the period of a notice published on `publishedOn`, counted in working days of the official calendar
 * (调休 included): published Fri 2025-09-26 for 5 working days → ends 2025-10-10. A date beyond the calendar's years
 * throws `CALENDAR.YEAR_NOT_COVERED` rather than guessing Monday–Friday.
 */
export function noticePeriod(
  publishedOn: string,
  workingDays: number,
  calendar: WorkingDayCalendar = DEFAULT_CALENDAR,
): NoticePeriod {
  parseIsoDate(publishedOn, '公示发布日期');
  if (!Number.isSafeInteger(workingDays) || workingDays < 1) {
    throw invalid('FUNDING.INVALID_NOTICE_PERIOD', `公示期应为至少1个工作日，收到 ${String(workingDays)}`, {
      workingDays,
    });
  }
  const endsOn = addWorkingDays(publishedOn, workingDays, calendar);
  return { publishedOn, startsOn: addDays(publishedOn, 1), endsOn, objectionDeadline: endsOn, workingDays };
}

/** The period has ended once its last day has passed: approval and payment are allowed only from the next day. */
export function isNoticeOver(period: Pick<NoticePeriod, 'endsOn'>, today: string): boolean {
  return compareIsoDate(today, period.endsOn) > 0;
}

/** The first day approval and payment are allowed (the day after the last notice day). */
export function firstDayAfterNotice(period: Pick<NoticePeriod, 'endsOn'>): string {
  return addDays(period.endsOn, 1);
}

/** Objections are accepted from publication through the deadline, both days included. */
export function isObjectionWindowOpen(
  period: Pick<NoticePeriod, 'publishedOn' | 'objectionDeadline'>,
  today: string,
): boolean {
  return (
    compareIsoDate(period.publishedOn, today) <= 0 && compareIsoDate(today, period.objectionDeadline) <= 0
  );
}

// ─── objections (异议) ──────────────────────────────────────────────────────────────────────────────────────────

const ANONYMOUS = ['匿名', '无名', '佚名', '不详', '某某', '群众', '网友'];
const HAN_NAME = /^[\p{Script=Han}][\p{Script=Han}·•]{1,19}$/u;
const LATIN_NAME = /^[A-Za-z][A-Za-z .'-]{1,49}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}(?:-\d{1,6})?$/;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[A-Za-z]{2,}$/;

/** §8: an objection is made under a real name (实名), so a pseudonym or "匿名" is refused. */
export const ObjectionName = z
  .string({ error: '请填写真实姓名或单位名称' })
  .trim()
  .min(2, { error: '异议须实名提出，请填写真实姓名或单位名称' })
  .max(50, { error: '姓名或单位名称不能超过50个字' })
  .refine((s) => !ANONYMOUS.some((w) => s.includes(w)), { error: '异议须实名提出，不受理匿名异议' })
  .refine(
    (s) => HAN_NAME.test(s) || LATIN_NAME.test(s) || /^[\p{Script=Han}（）()A-Za-z0-9]{4,50}$/u.test(s),
    {
      error: '请填写真实姓名或单位全称',
    },
  );

/** A mobile (stored as 11 digits), a landline with its area code, or an e-mail address. */
export const ObjectionContact = z
  .string({ error: '请填写联系方式' })
  .trim()
  .overwrite((s) => (isMainlandMobile(s) ? normalizeMobile(s) : s))
  .refine((s) => isMainlandMobile(s) || LANDLINE.test(s) || EMAIL.test(s), {
    error: '请填写有效的手机号码、带区号的固定电话或电子邮箱',
  });

export const ObjectionInput = z.object({
  caseId: z.number({ error: '缺少公示案件' }).int().positive(),
  name: ObjectionName,
  contact: ObjectionContact,
  reasons: z
    .string({ error: '请填写异议理由' })
    .trim()
    .min(10, { error: '请具体说明异议理由（至少10个字）' })
    .max(2000, { error: '异议理由不能超过2000个字' }),
});
export type ObjectionInput = z.infer<typeof ObjectionInput>;

export const OBJECTION_OUTCOMES = ['upheld-withdraw', 'upheld-adjust', 'dismissed'] as const;
export type ObjectionOutcome = (typeof OBJECTION_OUTCOMES)[number];
export const OBJECTION_OUTCOME_LABELS: Readonly<Record<ObjectionOutcome, string>> = {
  'upheld-withdraw': '异议成立，撤销该案件',
  'upheld-adjust': '异议成立，调整金额后重新公示',
  dismissed: '异议不成立，继续办理',
};

const Answer = z
  .string({ error: '请填写答复意见' })
  .trim()
  .min(5, { error: '答复意见至少5个字' })
  .max(2000, { error: '答复意见不能超过2000个字' });

const ObjectionRef = { objectionId: z.number({ error: '缺少异议编号' }).int().positive() };

export const ResolveObjectionInput = z.discriminatedUnion('outcome', [
  z.object({ ...ObjectionRef, outcome: z.literal('upheld-withdraw'), answer: Answer }),
  z.object({
    ...ObjectionRef,
    outcome: z.literal('upheld-adjust'),
    answer: Answer,
    adjustedAmountFen: NonNegativeFen,
  }),
  z.object({ ...ObjectionRef, outcome: z.literal('dismissed'), answer: Answer }),
]);
export type ResolveObjectionInput = z.infer<typeof ResolveObjectionInput>;

interface ObjectionFacts {
  caseId: number;
  name: string;
  contact: string;
  reasons: string;
  lodgedAt: string;
}
export interface NewObjection extends ObjectionFacts {
  status: 'open';
}
export interface OpenObjection extends NewObjection {
  id: number;
}
export interface ResolvedObjection extends ObjectionFacts {
  id: number;
  status: 'resolved';
  outcome: ObjectionOutcome;
  answer: string;
  resolvedBy: number;
  resolvedAt: string;
  /** Only for 'upheld-adjust': the amount the case is published again with. */
  adjustedAmountFen: Fen | null;
}
export type Objection = OpenObjection | ResolvedObjection;

function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, code: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw invalid(code, issues.map((i) => i.message).join('；'), { issues });
  }
  return parsed.data;
}

/**
 * Records an objection to a case under notice. Anyone may object (no account needed), but only under a real name,
 * only while the case is 公示中, and only from publication through the deadline (the last notice day).
 */
export function lodgeObjection(c: FundingCase, input: ObjectionInput, now: string): NewObjection {
  const today = chinaDateOf(now);
  const data = parseOrThrow(ObjectionInput, input, 'FUNDING.INVALID_OBJECTION');
  if (data.caseId !== c.id) {
    throw invalid('FUNDING.INVALID_OBJECTION', '异议所针对的案件与公示案件不一致', {
      caseId: data.caseId,
      expected: c.id,
    });
  }
  if (c.status !== 'in_notice') {
    throw conflict('FUNDING.NOT_IN_NOTICE', '该案件不在公示期，不能提出异议', {
      caseId: c.id,
      status: c.status,
    });
  }
  const window = { publishedOn: c.publishedOn, objectionDeadline: c.noticeEndsOn };
  if (!isObjectionWindowOpen(window, today)) {
    throw conflict(
      'FUNDING.OBJECTION_WINDOW_CLOSED',
      compareIsoDate(today, c.publishedOn) < 0
        ? `公示尚未开始（${c.publishedOn} 发布），暂不能提出异议`
        : `异议截止日期为 ${c.noticeEndsOn}，已过期`,
      { caseId: c.id, today, publishedOn: c.publishedOn, objectionDeadline: c.noticeEndsOn },
    );
  }
  return { ...data, status: 'open', lodgedAt: now };
}

/**
 * Answers and resolves an open objection (§8): upheld → the case is withdrawn, or its amount adjusted and published
 * again in a new notice; dismissed → it proceeds. The case itself moves through `applyObjectionResolution`
 * (lifecycle.ts), in the same transaction.
 */
export function resolveObjection(
  o: Objection,
  by: Actor,
  now: string,
  input: ResolveObjectionInput,
): ResolvedObjection {
  assertCan(by.roles, 'notice.publish');
  assertIsoInstant(now, '处理时间');
  const data = parseOrThrow(ResolveObjectionInput, input, 'FUNDING.INVALID_OBJECTION_RESOLUTION');
  if (data.objectionId !== o.id) {
    throw invalid('FUNDING.INVALID_OBJECTION_RESOLUTION', '答复所针对的异议不一致', {
      objectionId: data.objectionId,
      expected: o.id,
    });
  }
  if (o.status !== 'open') {
    throw conflict('FUNDING.OBJECTION_ALREADY_RESOLVED', '该异议已经处理完毕，不能重复处理', {
      objectionId: o.id,
    });
  }
  const { id, caseId, name, contact, reasons, lodgedAt } = o;
  return {
    id,
    caseId,
    name,
    contact,
    reasons,
    lodgedAt,
    status: 'resolved',
    outcome: data.outcome,
    answer: data.answer,
    resolvedBy: by.id,
    resolvedAt: now,
    adjustedAmountFen: data.outcome === 'upheld-adjust' ? data.adjustedAmountFen : null,
  };
}

/** How many objections to a case are still open: any open one blocks approval and payment (§8). */
export function openObjectionCount(objections: readonly Objection[]): number {
  return objections.filter((o) => o.status === 'open').length;
}
