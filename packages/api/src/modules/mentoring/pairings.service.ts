/**
 * The pairing lifecycle (§7) — every transition is the domain's (`proposePairing`, `acceptPairing`, `declinePairing`,
 * `completePairing`, `endPairingEarly`); this service loads the state, applies the transition and writes it with
 * its audit event in ONE transaction.
 *
 * Capacity under concurrency (ADR 008): a proposal counts the mentor's places (active + proposals still within their
 * deadline, the domain's `holdsPlace`) and checks `canReserve` (inside `proposePairing`) in the same transaction
 * that inserts it. kysely's SQLite driver runs transactions one at a time on its single connection, so no other
 * proposal can slip between the count and the insert; the `pairing_capacity_guard` trigger refuses the insert at
 * the database level should that ever change.
 */
import {
  acceptPairing,
  can,
  completePairing,
  conflict,
  declinePairing,
  endPairingEarly,
  isResponseOverdue,
  MENTEE_KIND_LABELS,
  proposePairing,
  type PairingParty,
  type PairingStatus,
} from '@fund/domain';
import type { Transaction } from 'kysely';
import { recordAudit } from '../../audit/audit.service';
import type { Database } from '../../db/schema';
import { inTransaction } from '../../trpc';
import type { AuthedContext } from '../auth/auth.service';
import { policyData } from '../policy/policy.data';
import {
  canReadAll,
  denied,
  isMentoringStaff,
  menteeKeyOf,
  mentorNotFound,
  pairingNotFound,
  requestNotFound,
  sideOf,
  today,
  toDomainPairing,
} from './mentoring.common';
import type { PairingListQuery, PairingWithReason, ProposePairing } from './mentoring.schemas';
import { findMentor, findMentorOfUser } from './mentors.queries';
import { countPlaces } from './mentors.service';
import {
  countSessions,
  findPairing,
  insertPairing,
  listPairings,
  livePairingsOf,
  updatePairingState,
  type PairingRecord,
} from './pairings.queries';
import { pairingView, type PairingView } from './pairings.views';
import { findRequest, setRequestStatus } from './requests.queries';
import { requestView, type RequestView } from './requests.service';
import {
  listFlagsOf,
  listOpenFlags,
  listSessions,
  type FlagView,
  type SessionRecord,
} from './sessions.queries';

/** The withdrawal reason recorded when staff re-pair a request whose proposal went unanswered. */
export const OVERDUE_WITHDRAWAL_REASON = '导师逾期未回复，工作人员重新安排导师';

function changedConcurrently(): never {
  throw conflict('MENTORING.CHANGED', '该结对刚刚被他人处理，请刷新后查看最新状态');
}

async function writeDeclined(
  trx: Transaction<Database>,
  ctx: AuthedContext,
  p: PairingRecord,
  by: PairingParty,
  reason: string,
  on: string,
): Promise<void> {
  const declined = declinePairing(toDomainPairing(p), { on, by, reason });
  const ok = await updatePairingState(trx, p.id, 'proposed', {
    status: 'declined',
    declined_on: declined.declinedOn,
    declined_by: declined.declinedBy,
    decline_reason: declined.reason,
    responded_at: ctx.now.toISOString(),
    updated_at: ctx.now.toISOString(),
  });
  if (!ok) changedConcurrently();
  await setRequestStatus(trx, p.requestId, 'open', ctx.now.toISOString());
  await recordAudit(trx, ctx, {
    action: by === 'staff' ? 'pairing.withdraw' : 'pairing.decline',
    objectType: 'pairing',
    objectId: p.id,
    summary:
      by === 'staff'
        ? `工作人员撤回向导师 ${p.mentorName} 发出的结对邀请（${p.menteeNameMasked}），需求退回待匹配`
        : `导师 ${p.mentorName} 拒绝与 ${p.menteeNameMasked} 结对，需求退回待匹配`,
    before: { status: p.status },
    after: { status: 'declined', declinedBy: by },
    details: { reason: declined.reason },
  });
}

/** Staff pair a request with a mentor: reserves a place, or CONFLICT when the mentor is paused or full. */
export async function propose(ctx: AuthedContext, input: ProposePairing): Promise<PairingView> {
  const on = today(ctx);
  const id = await inTransaction(ctx, async (trx) => {
    const request = await findRequest(trx, input.requestId);
    if (!request) throw requestNotFound();
    if (request.status === 'closed')
      throw conflict('MENTORING.REQUEST_CLOSED', '该辅导需求已结束，不能再安排导师');
    for (const live of await listPairings(trx, {
      requestIds: [request.id],
      statuses: ['proposed', 'active'],
    })) {
      if (live.status === 'active') {
        throw conflict('MENTORING.REQUEST_PAIRED', `该需求已与导师 ${live.mentorName} 结对辅导中`);
      }
      if (!isResponseOverdue(toDomainPairing(live), on)) {
        throw conflict(
          'MENTORING.PROPOSAL_PENDING',
          `已向导师 ${live.mentorName} 发出结对邀请，回复期限为 ${live.responseDueOn}，请等待回复`,
        );
      }
      // The request came back to staff because the mentor did not answer in time: withdraw that proposal first.
      await writeDeclined(trx, ctx, live, 'staff', OVERDUE_WITHDRAWAL_REASON, on);
    }
    const mentor = await findMentor(trx, input.mentorId);
    if (!mentor) throw mentorNotFound();
    const places = countPlaces(await livePairingsOf(trx, [mentor.id]), on).get(mentor.id);
    const proposal = proposePairing({
      mentor: {
        id: mentor.id,
        capacity: mentor.capacity,
        activeCount: places?.active ?? 0,
        proposedCount: places?.proposed ?? 0,
        paused: mentor.availability === 'paused',
      },
      menteeId: menteeKeyOf(request),
      menteeKind: request.menteeKind,
      proposedOn: on,
      // The effective calendar: bundled schedules plus the years the administrator entered (ADR 009).
      calendar: (await policyData(ctx, trx)).calendar,
    });
    let pairingId: number;
    try {
      pairingId = await insertPairing(trx, {
        mentorId: mentor.id,
        requestId: request.id,
        proposedBy: ctx.user.id,
        proposedOn: proposal.proposedOn,
        proposedAt: ctx.now.toISOString(),
        responseDueOn: proposal.responseDueOn,
        minSessions: input.minSessions,
      });
    } catch (error) {
      // The database's own guard (ADR 008): only reachable if the in-transaction check above was bypassed.
      if (error instanceof Error && error.message.includes('MENTORING.MENTOR_FULL')) {
        throw conflict('MENTORING.MENTOR_FULL', '该导师名额已满，请选择其他导师');
      }
      throw error;
    }
    await setRequestStatus(trx, request.id, 'paired', ctx.now.toISOString());
    await recordAudit(trx, ctx, {
      action: 'pairing.propose',
      objectType: 'pairing',
      objectId: pairingId,
      summary: `推荐导师 ${mentor.name} 与 ${request.menteeNameMasked}（${MENTEE_KIND_LABELS[request.menteeKind]}）结对，回复期限 ${proposal.responseDueOn}`,
      after: {
        mentorId: mentor.id,
        requestId: request.id,
        responseDueOn: proposal.responseDueOn,
        minSessions: input.minSessions,
        placesBefore: {
          capacity: mentor.capacity,
          active: places?.active ?? 0,
          proposed: places?.proposed ?? 0,
        },
      },
    });
    return pairingId;
  });
  return pairingView((await findPairing(ctx.db, id))!, on);
}

/** Loads a pairing the caller may act on as `side`; anything else is NOT_FOUND (ids cannot be probed). */
async function pairingFor(
  trx: Transaction<Database>,
  ctx: AuthedContext,
  pairingId: number,
  allowed: { mentor?: boolean; mentee?: boolean; staff?: boolean },
): Promise<{ pairing: PairingRecord; by: PairingParty }> {
  const p = await findPairing(trx, pairingId);
  if (!p) throw pairingNotFound();
  const side = sideOf(ctx, p);
  if (side === 'mentor' && allowed.mentor) return { pairing: p, by: 'mentor' };
  if (side === 'mentee' && allowed.mentee) return { pairing: p, by: 'mentee' };
  if (allowed.staff && isMentoringStaff(ctx)) return { pairing: p, by: 'staff' };
  throw pairingNotFound();
}

async function reload(ctx: AuthedContext, id: number): Promise<PairingView> {
  return pairingView((await findPairing(ctx.db, id))!, today(ctx));
}

/** The mentor accepts its own proposal within the response deadline (an overdue one is refused by the domain). */
export async function accept(ctx: AuthedContext, pairingId: number): Promise<PairingView> {
  const on = today(ctx);
  await inTransaction(ctx, async (trx) => {
    const { pairing: p } = await pairingFor(trx, ctx, pairingId, { mentor: true });
    const active = acceptPairing(toDomainPairing(p), on);
    const ok = await updatePairingState(trx, p.id, 'proposed', {
      status: 'active',
      accepted_on: active.acceptedOn,
      responded_at: ctx.now.toISOString(),
      updated_at: ctx.now.toISOString(),
    });
    if (!ok) changedConcurrently();
    await recordAudit(trx, ctx, {
      action: 'pairing.accept',
      objectType: 'pairing',
      objectId: p.id,
      summary: `导师 ${p.mentorName} 接受与 ${p.menteeNameMasked} 结对`,
      before: { status: p.status },
      after: { status: 'active', acceptedOn: active.acceptedOn },
    });
  });
  return reload(ctx, pairingId);
}

/** The mentor declines its own proposal, with a reason; the request goes back to staff. */
export async function decline(ctx: AuthedContext, input: PairingWithReason): Promise<PairingView> {
  const on = today(ctx);
  await inTransaction(ctx, async (trx) => {
    const { pairing } = await pairingFor(trx, ctx, input.pairingId, { mentor: true });
    await writeDeclined(trx, ctx, pairing, 'mentor', input.reason, on);
  });
  return reload(ctx, input.pairingId);
}

/** Staff withdraw a proposal (typically an overdue one), with a reason; the request goes back to the queue. */
export async function withdraw(ctx: AuthedContext, input: PairingWithReason): Promise<PairingView> {
  const on = today(ctx);
  await inTransaction(ctx, async (trx) => {
    const { pairing } = await pairingFor(trx, ctx, input.pairingId, { staff: true });
    await writeDeclined(trx, ctx, pairing, 'staff', input.reason, on);
  });
  return reload(ctx, input.pairingId);
}

/** Staff or the mentor complete an active pairing; the domain refuses it before the agreed minimum sessions. */
export async function complete(ctx: AuthedContext, pairingId: number): Promise<PairingView> {
  const on = today(ctx);
  await inTransaction(ctx, async (trx) => {
    const { pairing: p } = await pairingFor(trx, ctx, pairingId, { mentor: true, staff: true });
    const done = completePairing(toDomainPairing(p), {
      on,
      sessionsHeld: await countSessions(trx, p.id),
      minSessions: p.minSessions,
    });
    const ok = await updatePairingState(trx, p.id, 'active', {
      status: 'completed',
      completed_on: done.completedOn,
      sessions_held: done.sessionsHeld,
      counts_as_completed: 1,
      updated_at: ctx.now.toISOString(),
    });
    if (!ok) changedConcurrently();
    await setRequestStatus(trx, p.requestId, 'closed', ctx.now.toISOString());
    await recordAudit(trx, ctx, {
      action: 'pairing.complete',
      objectType: 'pairing',
      objectId: p.id,
      summary: `导师 ${p.mentorName} 与 ${p.menteeNameMasked} 的结对办结（辅导 ${done.sessionsHeld} 次）`,
      before: { status: p.status },
      after: { status: 'completed', completedOn: done.completedOn, sessionsHeld: done.sessionsHeld },
    });
  });
  return reload(ctx, pairingId);
}

/** Either side or staff end an active pairing early, with a reason; it counts as completed if the minimum was held. */
export async function endEarly(ctx: AuthedContext, input: PairingWithReason): Promise<PairingView> {
  const on = today(ctx);
  await inTransaction(ctx, async (trx) => {
    const { pairing: p, by } = await pairingFor(trx, ctx, input.pairingId, {
      mentor: true,
      mentee: true,
      staff: true,
    });
    const ended = endPairingEarly(toDomainPairing(p), {
      on,
      by,
      reason: input.reason,
      sessionsHeld: await countSessions(trx, p.id),
      minSessions: p.minSessions,
    });
    const ok = await updatePairingState(trx, p.id, 'active', {
      status: 'ended_early',
      ended_on: ended.endedOn,
      ended_by: ended.endedBy,
      ended_reason: ended.reason,
      sessions_held: ended.sessionsHeld,
      counts_as_completed: ended.countsAsCompleted ? 1 : 0,
      updated_at: ctx.now.toISOString(),
    });
    if (!ok) changedConcurrently();
    await setRequestStatus(trx, p.requestId, 'closed', ctx.now.toISOString());
    await recordAudit(trx, ctx, {
      action: 'pairing.endEarly',
      objectType: 'pairing',
      objectId: p.id,
      summary: `${by === 'staff' ? '工作人员' : by === 'mentor' ? '导师' : '学员'}提前结束 ${p.mentorName} 与 ${p.menteeNameMasked} 的结对（辅导 ${ended.sessionsHeld}/${ended.minSessions} 次，${ended.countsAsCompleted ? '计为完成' : '不计为完成'}）`,
      before: { status: p.status },
      after: { status: 'ended_early', endedBy: by, countsAsCompleted: ended.countsAsCompleted },
      details: { reason: ended.reason },
    });
  });
  return reload(ctx, input.pairingId);
}

/** A mentor's own pairings; a mentee's own pairings. Nobody else's. */
export async function mine(ctx: AuthedContext): Promise<PairingView[]> {
  if (!can(ctx.user.roles, 'pairing.respond') && !can(ctx.user.roles, 'mentoring.request')) throw denied();
  const on = today(ctx);
  const out: PairingRecord[] = [];
  if (can(ctx.user.roles, 'pairing.respond')) {
    const m = await findMentorOfUser(ctx.db, ctx.user.id);
    if (m) out.push(...(await listPairings(ctx.db, { mentorIds: [m.id] })));
  }
  if (can(ctx.user.roles, 'mentoring.request')) {
    const seen = new Set(out.map((p) => p.id));
    const own = await listPairings(ctx.db, {
      mentee: { enterpriseId: ctx.user.enterpriseId, founderId: ctx.user.founderId, userId: ctx.user.id },
    });
    out.push(...own.filter((p) => !seen.has(p.id)));
  }
  return out.map((p) => pairingView(p, on));
}

/**
 * Whether a pairing works, at a glance (staff list): sessions held and the last one, the mentee's ratings, open
 * poor-fit flags. Figures only; what to make of them is for staff.
 */
export interface PairingHealth {
  sessionsHeld: number;
  lastSessionOn: string | null;
  /** Ratings the mentee gave this pairing's sessions, and their mean with one decimal (half-up), or null. */
  menteeRatings: number;
  menteeRating: string | null;
  openFlags: number;
}

/** The mean of integer scores as an exact one-decimal string, half-up (no float rounding). */
function meanTenths(scores: readonly number[]): string | null {
  if (scores.length === 0) return null;
  const sum = scores.reduce((a, b) => a + b, 0);
  const tenths = Math.floor((sum * 20 + scores.length) / (2 * scores.length));
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}

export function healthOf(
  pairingId: number,
  sessions: readonly SessionRecord[],
  flags: readonly FlagView[],
): PairingHealth {
  const own = sessions.filter((s) => s.pairingId === pairingId);
  const menteeScores = own.flatMap((s) => s.ratings.filter((r) => r.party === 'mentee').map((r) => r.score));
  return {
    sessionsHeld: own.length,
    lastSessionOn: own.reduce<string | null>(
      (last, s) => (last === null || s.date > last ? s.date : last),
      null,
    ),
    menteeRatings: menteeScores.length,
    menteeRating: meanTenths(menteeScores),
    openFlags: flags.filter((f) => f.pairingId === pairingId && f.resolvedAt === null).length,
  };
}

export async function list(
  ctx: AuthedContext,
  input: PairingListQuery,
): Promise<{ items: (PairingView & { health: PairingHealth })[]; total: number }> {
  const on = today(ctx);
  const all = await listPairings(ctx.db, {
    ...(input.status ? { statuses: [input.status] as PairingStatus[] } : {}),
    ...(input.mentorId ? { mentorIds: [input.mentorId] } : {}),
  });
  const start = (input.page - 1) * input.pageSize;
  const page = all.slice(start, start + input.pageSize);
  const sessions = await listSessions(
    ctx.db,
    page.map((p) => p.id),
  );
  const flags = await listOpenFlags(ctx.db);
  return {
    items: page.map((p) => ({ ...pairingView(p, on), health: healthOf(p.id, sessions, flags) })),
    total: all.length,
  };
}

export interface PairingDetail {
  pairing: PairingView;
  request: RequestView;
  sessions: SessionRecord[];
  /** Staff see every poor-fit flag; a party sees only its own. */
  flags: FlagView[];
  /** The caller's side, or null for staff. */
  mySide: 'mentor' | 'mentee' | null;
  sessionsHeld: number;
}

/** Staff read any pairing; its mentor and its mentee read it; anyone else gets NOT_FOUND. */
export async function get(ctx: AuthedContext, pairingId: number): Promise<PairingDetail> {
  const p = await findPairing(ctx.db, pairingId);
  const side = p ? sideOf(ctx, p) : null;
  if (!p || (side === null && !canReadAll(ctx))) {
    if (
      !canReadAll(ctx) &&
      !can(ctx.user.roles, 'pairing.respond') &&
      !can(ctx.user.roles, 'mentoring.request')
    ) {
      throw denied();
    }
    throw pairingNotFound();
  }
  const on = today(ctx);
  const request = (await findRequest(ctx.db, p.requestId))!;
  const sessions = await listSessions(ctx.db, [p.id]);
  const flags = (await listFlagsOf(ctx.db, p.id)).filter((f) => side === null || f.party === side);
  const view = requestView(request, [], on);
  return {
    pairing: pairingView(p, on),
    request: view,
    sessions,
    flags,
    mySide: side,
    sessionsHeld: sessions.length,
  };
}
