/**
 * Events (活动台账): 公益性创业辅导活动 and 创业培训班, with the attendees signed in (occupants or walk-ins), and the
 * "≥2 training classes per sector per year" target per centre (domain `trainingClassProgress`). An event in a month
 * held by a submitted claim cannot be added or changed (the claim counted it).
 */
import { CENTRE_EVENT_KIND_LABELS, monthOf, notFound, trainingClassProgress, type CentreEvent, type TrainingClassProgress } from '@fund/domain';
import { recordAudit } from '../../audit/audit.service';
import { inTransaction } from '../../trpc';
import type { AuthedContext } from '../auth/auth.service';
import type { Db } from './centres.queries';
import { requireOperableCentre, requireReadableCentre } from './centres.service';
import type { CreateEvent, EventListQuery, RecordAttendance, TrainingProgressQuery } from './centres.schemas';
import { lockedMonths } from './claims.queries';
import { monthLocked } from './occupancy.service';

const eventNotFound = () => notFound('CENTRES.EVENT_NOT_FOUND', '未找到该活动');

export interface EventItem {
  id: number;
  title: string;
  kind: CentreEvent['kind'];
  kindLabel: string;
  sector: string | null;
  date: string;
  speaker: string;
  attendeeCount: number;
  namedAttendees: number;
}

/** Events of a centre between two days (inclusive), as the domain's KPI and claim functions read them. */
export async function eventsBetween(db: Db, centreId: number, from: string, to: string): Promise<(CentreEvent & { id: number })[]> {
  const rows = await db
    .selectFrom('centre_event')
    .select(['id', 'title', 'kind', 'sector', 'event_date', 'attendee_count'])
    .where('centre_id', '=', centreId)
    .where('event_date', '>=', from)
    .where('event_date', '<=', to)
    .orderBy('event_date')
    .execute();
  return rows.map((r) => ({ id: r.id, title: r.title, kind: r.kind, sector: r.sector, date: r.event_date, attendeeCount: r.attendee_count }));
}

export async function list(ctx: AuthedContext, input: EventListQuery): Promise<{ items: EventItem[]; total: number }> {
  await requireReadableCentre(ctx.db, ctx.user, input.centreId);
  let q = ctx.db.selectFrom('centre_event as e').where('e.centre_id', '=', input.centreId);
  if (input.year !== undefined) q = q.where('e.event_date', '>=', `${input.year}-01-01`).where('e.event_date', '<=', `${input.year}-12-31`);
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await q
    .select((eb) => [
      'e.id',
      'e.title',
      'e.kind',
      'e.sector',
      'e.event_date',
      'e.speaker',
      'e.attendee_count',
      eb.selectFrom('event_attendee as a').select((x) => x.fn.countAll<number>().as('n')).whereRef('a.event_id', '=', 'e.id').as('named'),
    ])
    .orderBy('e.event_date', 'desc')
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute();
  return {
    total: Number(total ?? 0),
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      kind: r.kind,
      kindLabel: CENTRE_EVENT_KIND_LABELS[r.kind],
      sector: r.sector,
      date: r.event_date,
      speaker: r.speaker,
      attendeeCount: r.attendee_count,
      namedAttendees: Number(r.named ?? 0),
    })),
  };
}

export async function create(ctx: AuthedContext, input: CreateEvent): Promise<{ id: number }> {
  return inTransaction(ctx, async (trx) => {
    const centre = await requireOperableCentre(trx, ctx.user, input.centreId);
    const month = monthOf(input.event.date);
    if ((await lockedMonths(trx, input.centreId)).includes(month)) throw monthLocked(month);
    const { id } = await trx
      .insertInto('centre_event')
      .values({
        centre_id: input.centreId,
        title: input.event.title,
        kind: input.event.kind,
        sector: input.event.sector,
        event_date: input.event.date,
        speaker: input.speaker,
        attendee_count: input.event.attendeeCount,
        created_by: ctx.user.id,
        created_at: ctx.now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      action: 'centre.event.create',
      objectType: 'centre_event',
      objectId: id,
      summary: `中心“${centre.name}”登记${CENTRE_EVENT_KIND_LABELS[input.event.kind]}“${input.event.title}”（${input.event.date}，签到 ${input.event.attendeeCount} 人）`,
      after: input,
    });
    return { id };
  });
}

/**
 * Replaces the event's sign-in list; the signed-in count becomes the list's length. Occupants are referenced by id
 * (enterprise, founder, walk-in team of this centre); other walk-ins sign in by name.
 */
export async function recordAttendance(ctx: AuthedContext, input: RecordAttendance): Promise<{ attendeeCount: number }> {
  return inTransaction(ctx, async (trx) => {
    const event = await trx.selectFrom('centre_event').select(['id', 'centre_id', 'title', 'event_date', 'attendee_count']).where('id', '=', input.eventId).executeTakeFirst();
    if (!event) throw eventNotFound();
    try {
      await requireOperableCentre(trx, ctx.user, event.centre_id);
    } catch (e) {
      if ((e as { kind?: string }).kind === 'not_found') throw eventNotFound();
      throw e;
    }
    const month = monthOf(event.event_date);
    if ((await lockedMonths(trx, event.centre_id)).includes(month)) throw monthLocked(month);
    const teamIds = input.attendees.flatMap((a) => (a.type === 'team' ? [a.walkInTeamId] : []));
    if (teamIds.length > 0) {
      const teams = await trx.selectFrom('walk_in_team').select('id').where('centre_id', '=', event.centre_id).where('id', 'in', teamIds).execute();
      if (teams.length !== new Set(teamIds).size) throw notFound('CENTRES.OCCUPANT_NOT_FOUND', '签到名单中有不属于本中心的创业团队');
    }
    await trx.deleteFrom('event_attendee').where('event_id', '=', event.id).execute();
    for (let i = 0; i < input.attendees.length; i += 150) {
      await trx
        .insertInto('event_attendee')
        .values(
          input.attendees.slice(i, i + 150).map((a) => ({
            event_id: event.id,
            attendee_type: a.type,
            enterprise_id: a.type === 'enterprise' ? a.enterpriseId : null,
            founder_id: a.type === 'founder' ? a.founderId : null,
            walk_in_team_id: a.type === 'team' ? a.walkInTeamId : null,
            guest_name: a.type === 'guest' ? a.name : null,
          })),
        )
        .execute();
    }
    const attendeeCount = input.attendees.length;
    await trx.updateTable('centre_event').set({ attendee_count: attendeeCount }).where('id', '=', event.id).execute();
    await recordAudit(trx, ctx, {
      action: 'centre.event.recordAttendance',
      objectType: 'centre_event',
      objectId: event.id,
      summary: `活动“${event.title}”签到名单更新为 ${attendeeCount} 人`,
      before: { attendeeCount: event.attendee_count },
      after: { attendeeCount },
    });
    return { attendeeCount };
  });
}

export async function trainingProgress(ctx: AuthedContext, input: TrainingProgressQuery): Promise<TrainingClassProgress> {
  await requireReadableCentre(ctx.db, ctx.user, input.centreId);
  const events = await eventsBetween(ctx.db, input.centreId, `${input.year}-01-01`, `${input.year}-12-31`);
  return trainingClassProgress(events, input.year, input.sectors ? { sectors: input.sectors } : {});
}
