/** The portal's messages (a case returned, published, paid …) and the unread count on its bell. */
import { inTransaction } from '../../trpc';
import type { AuthedContext } from '../auth/auth.service';
import { pageOf } from './funding.common';
import type { MarkRead } from './funding.schemas';

export async function list(ctx: AuthedContext, input: { page: number; pageSize: number }) {
  const { limit, offset } = pageOf(input);
  const rows = await ctx.db
    .selectFrom('notification')
    .select(['id', 'case_id', 'text', 'read_at', 'created_at'])
    .where('user_id', '=', ctx.user.id)
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    text: r.text,
    read: r.read_at !== null,
    createdAt: r.created_at,
  }));
}

export async function unreadCount(ctx: AuthedContext): Promise<{ count: number }> {
  const { n } = await ctx.db
    .selectFrom('notification')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', ctx.user.id)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { count: Number(n) };
}

/** Marks the given messages (or all) of the signed-in user as read. Not audited: it changes nothing of the case. */
export async function markRead(ctx: AuthedContext, input: MarkRead): Promise<{ ok: true }> {
  return inTransaction(ctx, async (trx) => {
    let q = trx
      .updateTable('notification')
      .set({ read_at: ctx.now.toISOString() })
      .where('user_id', '=', ctx.user.id)
      .where('read_at', 'is', null);
    if (input.ids) q = q.where('id', 'in', input.ids.length > 0 ? input.ids : [0]);
    await q.execute();
    return { ok: true as const };
  });
}
