import { z } from 'zod';

/** China has no daylight saving: a calendar day in the console is [D 00:00, D+1 00:00) at UTC+08:00. */
const CHINA_OFFSET = '+08:00';

const Instant = z.union([
  z.iso.date().transform((d) => ({ date: d })),
  z.iso.datetime({ offset: true }).transform((s) => ({ instant: new Date(s).toISOString() })),
], { message: '时间格式应为 YYYY-MM-DD 或 ISO 时间' });

export const AuditListInput = z
  .object({
    action: z.string().trim().min(1).max(100).optional(),
    actorId: z.number().int().positive().optional(),
    objectType: z.string().trim().min(1).max(100).optional(),
    objectId: z.string().trim().min(1).max(100).optional(),
    /** Inclusive: a date means from the start of that day (Beijing time). */
    from: Instant.optional(),
    /** Inclusive: a date means to the end of that day (Beijing time). */
    to: Instant.optional(),
    page: z.number().int().min(1).default(1),
    pageSize: z.number().int().min(1).max(100).default(20),
  })
  .transform(({ from, to, ...rest }) => ({
    ...rest,
    fromAt: from ? ('date' in from ? new Date(`${from.date}T00:00:00${CHINA_OFFSET}`).toISOString() : from.instant) : undefined,
    /** Exclusive upper bound. */
    toBefore: to
      ? 'date' in to
        ? new Date(new Date(`${to.date}T00:00:00${CHINA_OFFSET}`).getTime() + 86_400_000).toISOString()
        : new Date(new Date(to.instant).getTime() + 1).toISOString()
      : undefined,
  }));
export type AuditListInput = z.input<typeof AuditListInput>;
export type AuditListQuery = z.output<typeof AuditListInput>;

export interface AuditEventView {
  seq: number;
  at: string;
  actorId: number | null;
  actorName: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  summary: string;
  payload: unknown;
}
