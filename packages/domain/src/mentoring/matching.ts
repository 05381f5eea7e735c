import { INDUSTRY_LABELS, type IndustryKey } from '../enterprise/industries';
import { invalid } from '../errors';
import { MENTOR_KIND_LABELS, MENTOR_TOPIC_LABELS, type MentorKind, type MentorTopic } from './mentors';

/**
 * Proposing mentors for a mentee request (domain-rules.md §7). The ranking is a sum of integer points per factor,
 * each with a Chinese explanation, so staff can see why a mentor is proposed and defend the choice:
 *
 * | factor   | points (default weights)                                                                     |
 * |----------|----------------------------------------------------------------------------------------------|
 * | industry | 30 when the request's industry is among the mentor's industries, else 0                       |
 * | topics   | ⌊40 × covered ÷ requested⌋: the share of requested topics the mentor covers                    |
 * | kind     | 10 when the mentor is of the preferred kind; 0 when another kind or no preference              |
 * | capacity | 2 per remaining place, at most 10: a mentor with room can take the mentee on now               |
 * | load     | ⌊10 × (capacity − load) ÷ capacity⌋, load = active + proposed: spreads mentees (fairness)       |
 *
 * The maximum is 100. Paused mentors and full mentors (active + proposed ≥ capacity, since a proposal reserves a
 * place) are never returned: `mentorExclusions` says why. The order is deterministic and independent of the input
 * order: score descending, then lower load, then id ascending.
 */
export const MATCH_FACTORS = ['industry', 'topics', 'kind', 'capacity', 'load'] as const;
export type MatchFactor = (typeof MATCH_FACTORS)[number];
export const MATCH_FACTOR_LABELS: Record<MatchFactor, string> = {
  industry: '行业匹配',
  topics: '主题覆盖',
  kind: '导师类型',
  capacity: '剩余名额',
  load: '当前负荷',
};

/** Maximum points per factor; data, so a programme can re-weight without a code change. Integers ≥ 0. */
export type MatchWeights = Record<MatchFactor, number>;
export const DEFAULT_MATCH_WEIGHTS: Readonly<MatchWeights> = {
  industry: 30,
  topics: 40,
  kind: 10,
  capacity: 10,
  load: 10,
};
/** Points per remaining place in the capacity factor (capped at the factor's weight). */
const POINTS_PER_FREE_PLACE = 2;

export interface MentorCandidate {
  id: number | string;
  kind: MentorKind;
  industries: readonly IndustryKey[];
  topics: readonly MentorTopic[];
  capacity: number;
  /** Active pairings. */
  activeCount: number;
  /** Proposed pairings still awaiting an answer within their deadline (they reserve a place). */
  proposedCount: number;
  paused: boolean;
}

export interface MatchRequest {
  topics: readonly MentorTopic[];
  industry: IndustryKey;
  preferredKind?: MentorKind | null;
}

export interface MatchReason {
  factor: MatchFactor;
  label: string;
  points: number;
  maxPoints: number;
  detail: string;
}

export interface RankedMentor {
  mentorId: number | string;
  score: number;
  reasons: MatchReason[];
}

function requireCount(value: number, field: string, mentorId: number | string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw invalid(
      'MENTORING.INVALID_MENTOR',
      `导师（${String(mentorId)}）的${field}应为非负整数，收到 ${String(value)}`,
      { mentorId, field },
    );
  }
}

function checkCandidates(mentors: readonly MentorCandidate[]): void {
  const seen = new Set<string>();
  for (const m of mentors) {
    const k = `${typeof m.id}:${String(m.id)}`;
    if (seen.has(k))
      throw invalid('MENTORING.DUPLICATE_MENTOR', `导师（${String(m.id)}）重复出现`, { mentorId: m.id });
    seen.add(k);
    requireCount(m.capacity, '可带教人数', m.id);
    requireCount(m.activeCount, '在带人数', m.id);
    requireCount(m.proposedCount, '待确认人数', m.id);
  }
}

function checkWeights(weights: MatchWeights): void {
  for (const f of MATCH_FACTORS) {
    if (!Number.isSafeInteger(weights[f]) || weights[f] < 0) {
      throw invalid('MENTORING.INVALID_WEIGHTS', `匹配权重“${MATCH_FACTOR_LABELS[f]}”应为非负整数`, {
        factor: f,
      });
    }
  }
}

/** Integer ⌊a × b ÷ c⌋ without a float quotient. */
function floorMulDiv(a: number, b: number, c: number): number {
  const product = a * b;
  return (product - (product % c)) / c;
}

/** Why a mentor cannot be proposed now, or null when it can. */
export function mentorExclusion(m: MentorCandidate): string | null {
  if (m.paused) return '导师已暂停接受结对';
  if (m.activeCount + m.proposedCount >= m.capacity) {
    return `名额已满（可带教 ${m.capacity} 人，在带 ${m.activeCount} 人，待确认 ${m.proposedCount} 人）`;
  }
  return null;
}

/** The mentors left out of a ranking, with the reason, in id order. */
export function mentorExclusions(
  mentors: readonly MentorCandidate[],
): { mentorId: number | string; reason: string }[] {
  checkCandidates(mentors);
  return [...mentors]
    .sort((a, b) => compareIds(a.id, b.id))
    .flatMap((m) => {
      const reason = mentorExclusion(m);
      return reason === null ? [] : [{ mentorId: m.id, reason }];
    });
}

/** Numbers before strings; numbers numerically, strings by code unit (stable across locales). */
function compareIds(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function topicList(topics: readonly MentorTopic[]): string {
  return topics.map((t) => MENTOR_TOPIC_LABELS[t]).join('、');
}

/** The explained score of one mentor that can take the request. */
export function scoreMentor(
  request: MatchRequest,
  m: MentorCandidate,
  weights: MatchWeights = DEFAULT_MATCH_WEIGHTS,
): RankedMentor {
  const requested = [...new Set(request.topics)];
  if (requested.length === 0) throw invalid('MENTORING.NO_TOPICS', '请至少选择一个辅导需求主题', {});
  const reasons: MatchReason[] = [];
  const add = (factor: MatchFactor, points: number, detail: string) =>
    reasons.push({ factor, label: MATCH_FACTOR_LABELS[factor], points, maxPoints: weights[factor], detail });

  const industry = INDUSTRY_LABELS[request.industry];
  if (m.industries.includes(request.industry))
    add('industry', weights.industry, `导师擅长所属行业“${industry}”`);
  else add('industry', 0, `导师擅长的行业不含“${industry}”`);

  const covered = requested.filter((t) => m.topics.includes(t));
  add(
    'topics',
    floorMulDiv(weights.topics, covered.length, requested.length),
    covered.length === 0
      ? `未覆盖任何需求主题（需求：${topicList(requested)}）`
      : `覆盖 ${covered.length}/${requested.length} 个需求主题：${topicList(covered)}`,
  );

  const preferred = request.preferredKind ?? null;
  if (preferred === null) add('kind', 0, '未指定导师类型偏好');
  else if (preferred === m.kind)
    add('kind', weights.kind, `符合希望的导师类型（${MENTOR_KIND_LABELS[preferred]}）`);
  else add('kind', 0, `希望${MENTOR_KIND_LABELS[preferred]}，该导师为${MENTOR_KIND_LABELS[m.kind]}`);

  const load = m.activeCount + m.proposedCount;
  const remaining = m.capacity - load;
  add(
    'capacity',
    Math.min(remaining * POINTS_PER_FREE_PLACE, weights.capacity),
    `剩余名额 ${remaining} 个（可带教 ${m.capacity} 人）`,
  );
  add(
    'load',
    floorMulDiv(weights.load, remaining, m.capacity),
    `当前带教 ${load} 人（在带 ${m.activeCount}，待确认 ${m.proposedCount}），占可带教人数 ${load}/${m.capacity}`,
  );

  return { mentorId: m.id, score: reasons.reduce((s, r) => s + r.points, 0), reasons };
}

/**
 * Mentors who can take the request, best first, each with its explained score. Paused or full mentors are never
 * included (see `mentorExclusions`). Ties: lower load (active + proposed) first, then lower id.
 */
export function rankMentors(
  request: MatchRequest,
  mentors: readonly MentorCandidate[],
  weights: MatchWeights = DEFAULT_MATCH_WEIGHTS,
): RankedMentor[] {
  checkCandidates(mentors);
  checkWeights(weights);
  const load = new Map<number | string, number>();
  const ranked: RankedMentor[] = [];
  for (const m of mentors) {
    if (mentorExclusion(m) !== null) continue;
    load.set(m.id, m.activeCount + m.proposedCount);
    ranked.push(scoreMentor(request, m, weights));
  }
  return ranked.sort(
    (a, b) =>
      b.score - a.score ||
      load.get(a.mentorId)! - load.get(b.mentorId)! ||
      compareIds(a.mentorId, b.mentorId),
  );
}
