/**
 * Suggestions for a request: the domain's `rankMentors` over every mentor with its load today. Paused and full
 * mentors are never proposed; they are listed separately with the domain's reason (`mentorExclusion`) so staff can
 * see why a mentor they expected is missing.
 */
import { conflict, mentorExclusion, rankMentors, type MatchReason, type MentorCandidate } from '@fund/domain';
import type { AuthedContext } from '../auth/auth.service';
import { requestNotFound, today } from './mentoring.common';
import { mentorsWithLoad, type MentorView } from './mentors.service';
import { findRequest } from './requests.queries';

export interface Suggestion {
  mentor: MentorView;
  score: number;
  reasons: MatchReason[];
}

export interface Suggestions {
  requestId: number;
  suggestions: Suggestion[];
  excluded: { mentor: MentorView; reason: string }[];
}

function candidateOf(m: MentorView): MentorCandidate {
  return {
    id: m.id,
    kind: m.kind,
    industries: m.industries,
    topics: m.topics,
    capacity: m.capacity,
    activeCount: m.load.active,
    proposedCount: m.load.proposed,
    paused: m.availability === 'paused',
  };
}

export async function suggestions(ctx: AuthedContext, requestId: number): Promise<Suggestions> {
  const request = await findRequest(ctx.db, requestId);
  if (!request) throw requestNotFound();
  if (request.status === 'closed')
    throw conflict('MENTORING.REQUEST_CLOSED', '该辅导需求已结束，无需再匹配导师');
  const mentors = await mentorsWithLoad(ctx.db, today(ctx));
  const byId = new Map(mentors.map((m) => [m.id, m]));
  const ranked = rankMentors(
    { topics: request.topics, industry: request.industry, preferredKind: request.preferredKind },
    mentors.map(candidateOf),
  );
  return {
    requestId,
    suggestions: ranked.map((r) => ({
      mentor: byId.get(r.mentorId as number)!,
      score: r.score,
      reasons: r.reasons,
    })),
    excluded: mentors.flatMap((m) => {
      const reason = mentorExclusion(candidateOf(m));
      return reason === null ? [] : [{ mentor: m, reason }];
    }),
  };
}
