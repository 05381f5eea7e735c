/** Small helpers shared by the funding services: the acting user, today in the district, notifications. */
import { notFound, type Actor } from '@fund/domain';
import type { Kysely, Transaction } from 'kysely';
import { precompiled } from '../../db/precompiled';
import type { Database } from '../../db/schema';
import { outboxOf } from '../../notify/outbound';
import type { AuthedContext } from '../auth/auth.service';
import { todayInChina } from '../enterprises/enterprises.service';

export type Db = Kysely<Database> | Transaction<Database>;

export function actorOf(ctx: AuthedContext): Actor {
  return { id: ctx.user.id, roles: ctx.user.roles };
}

/** The request's instant as the domain wants it (ISO UTC). */
export function nowIso(ctx: { now: Date }): string {
  return ctx.now.toISOString();
}

export function today(ctx: { now: Date }): string {
  return todayInChina(ctx.now);
}

export const caseNotFound = () => notFound('FUNDING.CASE_NOT_FOUND', '未找到该申报案件');
export const programmeNotFound = () => notFound('FUNDING.PROGRAMME_NOT_FOUND', '未找到该项目');

/**
 * A message in the applicant's portal (the unread count is shown on its bell), and an SMS to the enterprise's
 * contact mobile queued on the transaction's outbox: sent only after the commit (ADR 012). `caseNo`: the case's number
 * when the caller has already read it (it is read here otherwise). The two statements are compiled once (ADR 014).
 */
export async function notifyEnterprise(
  trx: Transaction<Database>,
  enterpriseId: number,
  caseId: number | null,
  text: string,
  now: Date,
  caseNo?: string,
): Promise<void> {
  const [owner] = await enterpriseOwner(trx, enterpriseId);
  if (!owner?.owner_user_id) return;
  await insertNotification(trx, owner.owner_user_id, caseId, text, now.toISOString());
  const outbox = outboxOf(trx);
  if (outbox?.decrypt && owner.contact_mobile_enc) {
    const no =
      caseId === null
        ? undefined
        : (caseNo ??
          (await trx.selectFrom('funding_case').select('case_no').where('id', '=', caseId).executeTakeFirst())
            ?.case_no);
    outbox.messages.push({
      channel: 'sms',
      to: outbox.decrypt(owner.contact_mobile_enc),
      text,
      ...(no !== undefined ? { caseNo: no } : {}),
    });
  }
}

const enterpriseOwner = precompiled((db, enterpriseId: number) =>
  db.selectFrom('enterprise').select(['owner_user_id', 'contact_mobile_enc']).where('id', '=', enterpriseId),
);
const insertNotification = precompiled(
  (db, userId: number, caseId: number | null, text: string, createdAt: string) =>
    (db as Transaction<Database>).insertInto('notification').values({
      user_id: userId,
      case_id: caseId,
      text,
      read_at: null,
      created_at: createdAt,
    }),
);

/** Page/pageSize → limit/offset (contract: page starts at 1, pageSize 1–100). */
export function pageOf(input: { page: number; pageSize: number }): { limit: number; offset: number } {
  return { limit: input.pageSize, offset: (input.page - 1) * input.pageSize };
}
