/**
 * The portal's messages (a case returned, published, paid …) and the unread count on its bell. For an applicant
 * the list also holds deadline reminders computed when read against the request's clock (never stored; ADR 012).
 */
import { caseReminders, type CaseReminder, type ReminderKind } from '@fund/domain';
import { inTransaction } from '../../trpc';
import type { AuthedContext } from '../auth/auth.service';
import { pageOf, today } from './funding.common';
import type { MarkRead } from './funding.schemas';

export interface NotificationItem {
  /** Stored messages: the row id (> 0). Reminders: a stable id ≤ 0, for which marking read is a no-op. */
  id: number;
  caseId: number | null;
  text: string;
  read: boolean;
  createdAt: string;
  /** Stable key: `notification:<id>` or `reminder:<kind>:<caseId>`. */
  key?: string;
  /** Set on computed reminders (deadline near, returned awaiting the enterprise). */
  reminder?: ReminderKind;
}

const KIND_INDEX: Record<ReminderKind, number> = { 'draft-closing': 0, 'returned-awaiting-answer': 1 };

/** The reminders due today for the signed-in applicant's enterprise (none for staff). */
async function remindersOf(ctx: AuthedContext): Promise<CaseReminder[]> {
  const enterpriseId = ctx.user.enterpriseId;
  if (enterpriseId === null) return [];
  const rows = await ctx.db
    .selectFrom('funding_case as c')
    .innerJoin('programme as p', 'p.id', 'c.programme_id')
    .select((eb) => [
      'c.id',
      'c.case_no',
      'c.status',
      'p.closes_on',
      eb
        .selectFrom('case_return as r')
        .select('r.answered_at')
        .whereRef('r.case_id', '=', 'c.id')
        .orderBy('r.id', 'desc')
        .limit(1)
        .as('last_answered_at'),
    ])
    .where('c.enterprise_id', '=', enterpriseId)
    .where('c.status', 'in', ['draft', 'returned'])
    .orderBy('c.id', 'desc')
    .execute();
  return caseReminders(
    rows.map((r) => ({
      caseId: r.id,
      caseNo: r.case_no,
      status: r.status,
      closesOn: r.closes_on,
      answered: r.last_answered_at !== null && r.last_answered_at !== undefined,
    })),
    today(ctx),
  );
}

export async function list(
  ctx: AuthedContext,
  input: { page: number; pageSize: number },
): Promise<NotificationItem[]> {
  const { limit, offset } = pageOf(input);
  const rows = await ctx.db
    .selectFrom('notification')
    .select(['id', 'case_id', 'text', 'read_at', 'created_at'])
    .where('user_id', '=', ctx.user.id)
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  const stored: NotificationItem[] = rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    text: r.text,
    read: r.read_at !== null,
    createdAt: r.created_at,
    key: `notification:${r.id}`,
  }));
  if (input.page !== 1) return stored;
  // Reminders head the first page; they are not stored, so paging of the stored messages is unchanged.
  const reminders: NotificationItem[] = (await remindersOf(ctx)).map((r) => ({
    id: -(r.caseId * 2 + KIND_INDEX[r.kind]),
    caseId: r.caseId,
    text: r.text,
    read: false,
    createdAt: ctx.now.toISOString(),
    key: r.id,
    reminder: r.kind,
  }));
  return [...reminders, ...stored];
}

export async function unreadCount(ctx: AuthedContext): Promise<{ count: number }> {
  const { n } = await ctx.db
    .selectFrom('notification')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', ctx.user.id)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { count: Number(n) + (await remindersOf(ctx)).length };
}

/**
 * Marks the given messages (or all) of the signed-in user as read. Reminders (ids ≤ 0) cannot be marked: they last
 * as long as their condition. Not audited: it changes nothing of the case.
 */
export async function markRead(ctx: AuthedContext, input: MarkRead): Promise<{ ok: true }> {
  return inTransaction(ctx, async (trx) => {
    let q = trx
      .updateTable('notification')
      .set({ read_at: ctx.now.toISOString() })
      .where('user_id', '=', ctx.user.id)
      .where('read_at', 'is', null);
    if (input.ids) {
      const ids = input.ids.filter((i) => i > 0);
      q = q.where('id', 'in', ids.length > 0 ? ids : [0]);
    }
    await q.execute();
    return { ok: true as const };
  });
}
