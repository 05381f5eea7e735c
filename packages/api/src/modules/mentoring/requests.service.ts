/**
 * Mentee requests (§7): an enterprise asks for itself or for a named growth-firm manager, a founder for themself.
 * A mentee sees only its own requests (someone else's is NOT_FOUND, so ids cannot be probed). Staff work from a
 * queue computed when read, against the request's clock: open requests, proposals whose response deadline has
 * passed (with the domain's reminder), and pairings flagged as a poor fit.
 */
import {
  can,
  conflict,
  INDUSTRY_LABELS,
  invalid,
  MENTEE_KIND_LABELS,
  MENTEE_STAGE_LABELS,
  MENTOR_KIND_LABELS,
  MENTOR_TOPIC_LABELS,
  maskName,
  type MenteeRequestInput,
  type OverdueReminder,
} from '@fund/domain';
import { recordAudit } from '../../audit/audit.service';
import { inTransaction } from '../../trpc';
import type { AuthedContext } from '../auth/auth.service';
import { canReadAll, denied, isMenteeOf, menteeKeyOf, requestNotFound, today } from './mentoring.common';
import { listPairings, type PairingRecord } from './pairings.queries';
import { pairingView, type PairingView } from './pairings.views';
import {
  findRequest,
  hasLiveRequest,
  insertRequest,
  listRequestsByIds,
  listRequestsByStatus,
  listRequestsOfMentee,
  type MenteeRequestRecord,
} from './requests.queries';
import { listOpenFlags, type FlagView } from './sessions.queries';

const REQUEST_STATUS_LABELS = { open: '待匹配导师', paired: '已安排导师', closed: '已结束' } as const;

export interface RequestView extends MenteeRequestRecord {
  menteeKey: string;
  menteeKindLabel: string;
  topicLabels: string[];
  industryLabel: string;
  stageLabel: string;
  preferredKindLabel: string | null;
  statusLabel: string;
  /** Every pairing made for this request, newest first (the live one, if any, comes first). */
  pairings: PairingView[];
}

export function requestView(
  r: MenteeRequestRecord,
  pairings: readonly PairingRecord[],
  on: string,
): RequestView {
  return {
    ...r,
    menteeKey: menteeKeyOf(r),
    menteeKindLabel: MENTEE_KIND_LABELS[r.menteeKind],
    topicLabels: r.topics.map((t) => MENTOR_TOPIC_LABELS[t]),
    industryLabel: INDUSTRY_LABELS[r.industry],
    stageLabel: MENTEE_STAGE_LABELS[r.stage],
    preferredKindLabel: r.preferredKind === null ? null : MENTOR_KIND_LABELS[r.preferredKind],
    statusLabel: REQUEST_STATUS_LABELS[r.status],
    pairings: pairings.filter((p) => p.requestId === r.id).map((p) => pairingView(p, on)),
  };
}

async function views(ctx: AuthedContext, requests: MenteeRequestRecord[]): Promise<RequestView[]> {
  const pairings = await listPairings(ctx.db, { requestIds: requests.map((r) => r.id) });
  const on = today(ctx);
  return requests.map((r) => requestView(r, pairings, on));
}

/** The mentee a signed-in applicant or founder speaks for (from the session, never from the input). */
function menteeOf(ctx: AuthedContext, input: MenteeRequestInput) {
  if (
    ctx.user.founderId !== null &&
    can(ctx.user.roles, 'mentoring.request') &&
    ctx.user.enterpriseId === null
  ) {
    if (input.manager !== null) {
      throw invalid('MENTORING.MANAGER_NEEDS_ENTERPRISE', '个人创业者不能为企业经营管理者申请导师');
    }
    return {
      enterpriseId: null,
      founderId: ctx.user.founderId,
      managerName: null,
      managerTitle: null,
      kind: 'founder' as const,
    };
  }
  if (ctx.user.enterpriseId !== null) {
    return {
      enterpriseId: ctx.user.enterpriseId,
      founderId: null,
      managerName: input.manager?.name ?? null,
      managerTitle: input.manager?.title ?? null,
      kind: input.manager === null ? ('enterprise' as const) : ('growth-firm-manager' as const),
    };
  }
  throw conflict('MENTORING.NO_MENTEE', '请先完成企业登记或个人创业者登记，再申请导师');
}

export async function create(ctx: AuthedContext, input: MenteeRequestInput): Promise<RequestView> {
  const mentee = menteeOf(ctx, input);
  const id = await inTransaction(ctx, async (trx) => {
    if (await hasLiveRequest(trx, mentee)) {
      throw conflict(
        'MENTORING.REQUEST_EXISTS',
        mentee.managerName === null
          ? '已有一条正在进行的导师需求，请等待匹配结果或结对结束后再申请'
          : `已为 ${mentee.managerName} 提交过正在进行的导师需求`,
      );
    }
    const at = ctx.now.toISOString();
    const requestId = await insertRequest(trx, {
      requesterUserId: ctx.user.id,
      enterpriseId: mentee.enterpriseId,
      founderId: mentee.founderId,
      menteeKind: mentee.kind,
      managerName: mentee.managerName,
      managerTitle: mentee.managerTitle,
      topics: input.topics,
      industry: input.industry,
      stage: input.stage,
      preferredKind: input.preferredKind,
      description: input.description,
      at,
    });
    await recordAudit(trx, ctx, {
      action: 'mentoring.request.create',
      objectType: 'mentee_request',
      objectId: requestId,
      summary: `提交导师需求（${MENTEE_KIND_LABELS[mentee.kind]}${mentee.managerName ? `：${maskName(mentee.managerName)}` : ''}）`,
      after: {
        menteeKind: mentee.kind,
        enterpriseId: mentee.enterpriseId,
        founderId: mentee.founderId,
        managerName: mentee.managerName === null ? null : maskName(mentee.managerName),
        topics: input.topics,
        industry: input.industry,
        stage: input.stage,
        preferredKind: input.preferredKind,
      },
    });
    return requestId;
  });
  return get(ctx, id);
}

export async function mine(ctx: AuthedContext): Promise<RequestView[]> {
  const requests = await listRequestsOfMentee(ctx.db, {
    enterpriseId: ctx.user.enterpriseId,
    founderId: ctx.user.founderId,
    userId: ctx.user.id,
  });
  return views(ctx, requests);
}

/** Staff read any request; a mentee its own; a mentor one it has been proposed for. Anything else: NOT_FOUND. */
export async function get(ctx: AuthedContext, id: number): Promise<RequestView> {
  const r = await findRequest(ctx.db, id);
  if (!r) throw requestNotFound();
  const pairings = await listPairings(ctx.db, { requestIds: [r.id] });
  const mentorOfIt = pairings.some(
    (p) => p.mentorUserId === ctx.user.id && can(ctx.user.roles, 'pairing.respond'),
  );
  if (!canReadAll(ctx) && !isMenteeOf(ctx, r) && !mentorOfIt) {
    if (!can(ctx.user.roles, 'mentoring.request') && !can(ctx.user.roles, 'pairing.respond')) throw denied();
    throw requestNotFound();
  }
  const view = requestView(r, pairings, today(ctx));
  // A mentor sees only its own pairings of the request, not who else was asked.
  if (!canReadAll(ctx) && !isMenteeOf(ctx, r))
    view.pairings = view.pairings.filter((p) => p.mentorUserId === ctx.user.id);
  return view;
}

export interface OverdueItem {
  request: RequestView;
  pairing: PairingView;
  reminder: OverdueReminder;
}

export interface PoorFitItem {
  request: RequestView;
  pairing: PairingView;
  flags: FlagView[];
}

export interface StaffQueue {
  /** Requests waiting for a mentor (new, or back after a decline), oldest first. */
  open: RequestView[];
  /** Proposals whose response deadline has passed: back with staff, with the reminder to show. */
  overdue: OverdueItem[];
  /** Pairings flagged as a poor fit by either side and not yet reviewed. */
  poorFit: PoorFitItem[];
}

export async function queue(ctx: AuthedContext): Promise<StaffQueue> {
  const on = today(ctx);
  const open = await listRequestsByStatus(ctx.db, ['open']);
  const proposed = (await listPairings(ctx.db, { statuses: ['proposed'] })).map((p) => pairingView(p, on));
  const overduePairings = proposed.filter((p) => p.reminder !== null);
  const flags = await listOpenFlags(ctx.db);
  const flaggedPairings = await listPairings(ctx.db, { ids: [...new Set(flags.map((f) => f.pairingId))] });
  const requestIds = [
    ...new Set([...overduePairings.map((p) => p.requestId), ...flaggedPairings.map((p) => p.requestId)]),
  ];
  const requests = await views(ctx, [...open, ...(await listRequestsByIds(ctx.db, requestIds))]);
  const requestOf = (id: number) => requests.find((r) => r.id === id)!;
  return {
    open: requests.filter((r) => r.status === 'open' && open.some((o) => o.id === r.id)),
    overdue: overduePairings
      .sort((a, b) => a.responseDueOn.localeCompare(b.responseDueOn) || a.id - b.id)
      .map((p) => ({ request: requestOf(p.requestId), pairing: p, reminder: p.reminder! })),
    poorFit: flaggedPairings.map((p) => ({
      request: requestOf(p.requestId),
      pairing: pairingView(p, on),
      flags: flags.filter((f) => f.pairingId === p.id),
    })),
  };
}
