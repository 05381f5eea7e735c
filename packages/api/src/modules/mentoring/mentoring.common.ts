/**
 * Shared by the mentoring sub-features: who the caller is to a pairing or a request, row → domain mapping, and the
 * errors every sub-feature raises. Rules themselves stay in @fund/domain (packages/domain/src/mentoring).
 */
import { can, forbidden, notFound, type Pairing } from '@fund/domain';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { AuthedContext } from '../auth/auth.service';
import { todayInChina } from '../enterprises/enterprises.service';
import type { PairingRecord } from './pairings.queries';

export type Db = Kysely<Database> | Transaction<Database>;

/** The calendar day in the district (UTC+8) at the request's instant: deadlines are judged against it. */
export const today = (ctx: Pick<AuthedContext, 'now'>): string => todayInChina(ctx.now);

export function parseList<T extends string>(json: string): T[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? (value as T[]) : [];
}

/** Staff who run the scheme (pair, review flags, designate). */
export const isMentoringStaff = (ctx: AuthedContext): boolean => can(ctx.user.roles, 'mentor.manage');
/** Staff who may read everything (the scheme's staff plus report readers: finance, auditors). */
export const canReadAll = (ctx: AuthedContext): boolean =>
  can(ctx.user.roles, 'mentor.manage') || can(ctx.user.roles, 'report.view');

export const denied = () => forbidden('AUTH.FORBIDDEN', '您没有执行此操作的权限');
export const pairingNotFound = () => notFound('MENTORING.PAIRING_NOT_FOUND', '未找到该结对');
export const requestNotFound = () => notFound('MENTORING.REQUEST_NOT_FOUND', '未找到该辅导需求');
export const mentorNotFound = () => notFound('MENTORING.MENTOR_NOT_FOUND', '未找到该导师');

/** Who a mentee is, whatever the request: the key the yearly targets and designations count by. */
export function menteeKeyOf(r: {
  enterpriseId: number | null;
  founderId: number | null;
  managerName: string | null;
}): string {
  if (r.founderId !== null) return `founder:${r.founderId}`;
  if (r.managerName !== null) return `manager:${r.enterpriseId}:${r.managerName}`;
  return `enterprise:${r.enterpriseId}`;
}

/** Whether the signed-in user is the mentee of a request (its enterprise's owner, or the founder). */
export function isMenteeOf(
  ctx: AuthedContext,
  r: { enterpriseId: number | null; founderId: number | null; requesterUserId: number },
): boolean {
  if (!can(ctx.user.roles, 'mentoring.request')) return false;
  if (r.enterpriseId !== null && r.enterpriseId === ctx.user.enterpriseId) return true;
  if (r.founderId !== null && r.founderId === ctx.user.founderId) return true;
  return r.requesterUserId === ctx.user.id;
}

/** The caller's side of a pairing: its mentor, its mentee, or none (staff or a stranger). */
export function sideOf(ctx: AuthedContext, p: PairingRecord): 'mentor' | 'mentee' | null {
  if (p.mentorUserId !== null && p.mentorUserId === ctx.user.id && can(ctx.user.roles, 'pairing.respond'))
    return 'mentor';
  if (isMenteeOf(ctx, p)) return 'mentee';
  return null;
}

/** A stored pairing as the domain's discriminated union. */
export function toDomainPairing(p: PairingRecord): Pairing & { id: number } {
  const base = {
    id: p.id,
    mentorId: p.mentorId,
    menteeId: menteeKeyOf(p),
    menteeKind: p.menteeKind,
    proposedOn: p.proposedOn,
    responseDueOn: p.responseDueOn,
  };
  const need = <T>(v: T | null, field: string): T => {
    if (v === null) throw new Error(`pairing ${p.id} (${p.status}) has no ${field}`);
    return v;
  };
  switch (p.status) {
    case 'proposed':
      return { ...base, status: 'proposed' };
    case 'active':
      return { ...base, status: 'active', acceptedOn: need(p.acceptedOn, 'accepted_on') };
    case 'completed':
      return {
        ...base,
        status: 'completed',
        acceptedOn: need(p.acceptedOn, 'accepted_on'),
        completedOn: need(p.completedOn, 'completed_on'),
        sessionsHeld: need(p.sessionsHeld, 'sessions_held'),
        minSessions: p.minSessions,
      };
    case 'declined':
      return {
        ...base,
        status: 'declined',
        declinedOn: need(p.declinedOn, 'declined_on'),
        declinedBy: need(p.declinedBy, 'declined_by'),
        reason: need(p.declineReason, 'decline_reason'),
      };
    case 'ended_early':
      return {
        ...base,
        status: 'ended_early',
        acceptedOn: need(p.acceptedOn, 'accepted_on'),
        endedOn: need(p.endedOn, 'ended_on'),
        endedBy: need(p.endedBy, 'ended_by'),
        reason: need(p.endedReason, 'ended_reason'),
        sessionsHeld: need(p.sessionsHeld, 'sessions_held'),
        minSessions: p.minSessions,
        countsAsCompleted: p.countsAsCompleted === true,
      };
    default:
      return p.status satisfies never;
  }
}
