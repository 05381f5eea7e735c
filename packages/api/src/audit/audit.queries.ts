import type { Kysely, Selectable } from 'kysely';
import type { AuditEventTable, Database } from '../db/schema';
import type { AuditEventView, AuditListQuery } from './audit.schemas';

function toAuditEventView(row: Omit<Selectable<AuditEventTable>, 'prev_hash' | 'hash'>): AuditEventView {
  return {
    seq: row.seq,
    at: row.at,
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    objectType: row.object_type,
    objectId: row.object_id,
    summary: row.summary,
    payload: JSON.parse(row.payload_json) as unknown,
  };
}

/** Newest first. Each filter is served by an index: (action), (actor_id), (object_type, object_id), (at). */
export async function listAuditEvents(
  db: Kysely<Database>,
  q: AuditListQuery,
): Promise<{ items: AuditEventView[]; total: number }> {
  let base = db.selectFrom('audit_event');
  if (q.action) base = base.where('action', '=', q.action);
  if (q.actorId) base = base.where('actor_id', '=', q.actorId);
  if (q.objectType) base = base.where('object_type', '=', q.objectType);
  if (q.objectId) base = base.where('object_id', '=', q.objectId);
  if (q.fromAt) base = base.where('at', '>=', q.fromAt);
  if (q.toBefore) base = base.where('at', '<', q.toBefore);

  const [rows, count] = await Promise.all([
    base
      .select(['seq', 'at', 'actor_id', 'actor_name', 'action', 'object_type', 'object_id', 'summary', 'payload_json', 'ip'])
      .orderBy('seq', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toAuditEventView), total: Number(count.n) };
}
