import { notFound, type FounderListQuery } from '@fund/domain';
import type { AuthedContext } from '../auth/auth.service';
import { findFounderOfUser, listFounders, type FounderProfile } from './founders.queries';

export const ID_NUMBER_INDEX = 'founder.idNumber';
export const FOUNDER_MOBILE_INDEX = 'founder.mobile';

/** The founder's own profile (row ownership from the session's user id). */
export async function mine(ctx: AuthedContext): Promise<FounderProfile> {
  const f = await findFounderOfUser(ctx.db, ctx.user.id);
  if (!f) throw notFound('FOUNDER.NOT_FOUND', '您的账号尚未登记个人创业者信息');
  return f;
}

export function list(
  ctx: AuthedContext,
  input: FounderListQuery,
): Promise<{ items: FounderProfile[]; total: number }> {
  return listFounders(ctx.db, input);
}
