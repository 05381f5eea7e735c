/**
 * Session logs, ratings and poor-fit flags (§7). The mentor or the mentee of a pairing logs a session (the domain's
 * `checkSessionDate`: an active pairing, dated between acceptance and today); each side rates each session once
 * (`checkRatingAllowed`, backed by UNIQUE(session_id, party)); either side can flag a poor fit, which puts the
 * pairing in the staff queue until staff resolve the flag.
 */
import {
  checkRatingAllowed,
  checkSessionDate,
  conflict,
  notFound,
  PAIRING_PARTY_LABELS,
  type RatingSide,
} from '@fund/domain';
import { recordAudit } from '../../audit/audit.service';
import { inTransaction } from '../../trpc';
import type { AuthedContext } from '../auth/auth.service';
import { pairingNotFound, sideOf, today, toDomainPairing } from './mentoring.common';
import type { FlagPoorFit, LogSession, RateSession, ResolveFlag } from './mentoring.schemas';
import { findPairing, listPairings, type PairingRecord } from './pairings.queries';
import { pairingView, type PairingView } from './pairings.views';
import {
  findFlag,
  findSessionRow,
  insertFlag,
  insertRating,
  insertSession,
  listOpenFlags,
  ratedSidesOf,
  resolveFlagRow,
  type FlagView,
} from './sessions.queries';

const sessionNotFound = () => notFound('MENTORING.SESSION_NOT_FOUND', '未找到该辅导记录');

function requireSide(
  ctx: AuthedContext,
  p: PairingRecord | null,
): { pairing: PairingRecord; side: RatingSide } {
  const side = p ? sideOf(ctx, p) : null;
  if (!p || side === null) throw pairingNotFound();
  return { pairing: p, side };
}

export async function log(ctx: AuthedContext, input: LogSession): Promise<{ id: number }> {
  return inTransaction(ctx, async (trx) => {
    const { pairing, side } = requireSide(ctx, await findPairing(trx, input.pairingId));
    checkSessionDate(toDomainPairing(pairing), input.date, today(ctx));
    const id = await insertSession(trx, {
      pairingId: pairing.id,
      date: input.date,
      durationMinutes: input.durationMinutes,
      mode: input.mode,
      topics: input.topics,
      notes: input.notes,
      agreedActions: input.agreedActions,
      loggedBy: ctx.user.id,
      loggedByParty: side,
      at: ctx.now.toISOString(),
    });
    await recordAudit(trx, ctx, {
      action: 'mentoring.session.log',
      objectType: 'mentoring_session',
      objectId: id,
      summary: `${PAIRING_PARTY_LABELS[side]}登记辅导记录：${pairing.mentorName} 与 ${pairing.menteeNameMasked}，${input.date}，${input.durationMinutes} 分钟`,
      after: {
        pairingId: pairing.id,
        date: input.date,
        durationMinutes: input.durationMinutes,
        mode: input.mode,
        topics: input.topics,
      },
    });
    return { id };
  });
}

export async function rate(ctx: AuthedContext, input: RateSession): Promise<{ id: number }> {
  return inTransaction(ctx, async (trx) => {
    const session = await findSessionRow(trx, input.sessionId);
    if (!session) throw sessionNotFound();
    const p = await findPairing(trx, session.pairingId);
    if (!p || sideOf(ctx, p) === null) throw sessionNotFound();
    const { pairing, side } = requireSide(ctx, p);
    checkRatingAllowed(toDomainPairing(pairing), side, await ratedSidesOf(trx, session.id));
    const id = await insertRating(trx, {
      sessionId: session.id,
      party: side,
      score: input.score,
      comment: input.comment,
      ratedBy: ctx.user.id,
      ratedOn: today(ctx),
      at: ctx.now.toISOString(),
    });
    await recordAudit(trx, ctx, {
      action: 'mentoring.session.rate',
      objectType: 'session_rating',
      objectId: id,
      summary: `${PAIRING_PARTY_LABELS[side]}为 ${session.date} 的辅导评分 ${input.score} 分（${pairing.mentorName} 与 ${pairing.menteeNameMasked}）`,
      after: { sessionId: session.id, party: side, score: input.score },
    });
    return { id };
  });
}

/** Either side flags a poor fit of an active pairing; staff then see it in their queue (`requests.queue`). */
export async function flagPoorFit(ctx: AuthedContext, input: FlagPoorFit): Promise<{ id: number }> {
  return inTransaction(ctx, async (trx) => {
    const { pairing, side } = requireSide(ctx, await findPairing(trx, input.pairingId));
    if (pairing.status !== 'active') {
      throw conflict('MENTORING.PAIRING_NOT_ACTIVE', '只有结对辅导中的结对可以反馈“不匹配”');
    }
    if (input.sessionId !== undefined) {
      const session = await findSessionRow(trx, input.sessionId);
      if (!session || session.pairingId !== pairing.id) throw sessionNotFound();
    }
    const id = await insertFlag(trx, {
      pairingId: pairing.id,
      sessionId: input.sessionId ?? null,
      party: side,
      reason: input.reason,
      flaggedBy: ctx.user.id,
      at: ctx.now.toISOString(),
    });
    await recordAudit(trx, ctx, {
      action: 'mentoring.pairing.flagPoorFit',
      objectType: 'pairing',
      objectId: pairing.id,
      summary: `${PAIRING_PARTY_LABELS[side]}反馈结对不匹配（${pairing.mentorName} 与 ${pairing.menteeNameMasked}），待工作人员复核`,
      details: { flagId: id, reason: input.reason, sessionId: input.sessionId ?? null },
    });
    return { id };
  });
}

export interface FlagItem extends FlagView {
  pairing: PairingView;
}

/** Open poor-fit flags, oldest first, each with its pairing (staff review list). */
export async function openFlags(ctx: AuthedContext): Promise<FlagItem[]> {
  const flags = await listOpenFlags(ctx.db);
  const pairings = await listPairings(ctx.db, { ids: [...new Set(flags.map((f) => f.pairingId))] });
  const on = today(ctx);
  return flags.map((f) => ({
    ...f,
    pairing: pairingView(
      pairings.find((p) => p.id === f.pairingId)!,
      on,
    ),
  }));
}

/** Staff record what they did about a flag (talked to both sides, re-paired, …); the pairing leaves the queue. */
export async function resolveFlag(ctx: AuthedContext, input: ResolveFlag): Promise<{ ok: true }> {
  return inTransaction(ctx, async (trx) => {
    const flag = await findFlag(trx, input.flagId);
    if (!flag) throw notFound('MENTORING.FLAG_NOT_FOUND', '未找到该反馈');
    if (!(await resolveFlagRow(trx, flag.id, ctx.user.id, input.resolution, ctx.now.toISOString()))) {
      throw conflict('MENTORING.FLAG_RESOLVED', '该反馈已处理');
    }
    await recordAudit(trx, ctx, {
      action: 'mentoring.pairing.resolveFlag',
      objectType: 'pairing',
      objectId: flag.pairingId,
      summary: `工作人员处理结对不匹配反馈（反馈 ${flag.id}）`,
      details: { flagId: flag.id, resolution: input.resolution },
    });
    return { ok: true as const };
  });
}
