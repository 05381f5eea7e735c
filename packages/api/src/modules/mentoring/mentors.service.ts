/**
 * Mentor profiles (§7): staff create them and see every mentor's load; a mentor maintains its own profile. The load
 * (places taken) is active + proposed pairings that still hold a place today — the domain's `holdsPlace`, evaluated
 * when read against the request's clock (an overdue proposal no longer holds one).
 */
import {
  can,
  checkCapacityChange,
  conflict,
  holdsPlace,
  INDUSTRY_LABELS,
  MENTOR_AVAILABILITY_LABELS,
  MENTOR_KIND_LABELS,
  MENTOR_TOPIC_LABELS,
  type MentorProfileInput,
} from '@fund/domain';
import { recordAudit } from '../../audit/audit.service';
import { inTransaction } from '../../trpc';
import { insertAccount, isUsernameTaken, rolesOf } from '../auth/auth.queries';
import { auditableUsername, type AuthedContext } from '../auth/auth.service';
import { hashPassword } from '../auth/password-hash';
import { denied, mentorNotFound, today, toDomainPairing, type Db } from './mentoring.common';
import type { CreateMentor, MentorListQuery, SetAvailability } from './mentoring.schemas';
import {
  findMentor,
  findMentorOfUser,
  insertMentor,
  listMentorRecords,
  setMentorAvailability,
  updateMentorProfile,
  userHasMentorProfile,
  type MentorRecord,
} from './mentors.queries';
import { livePairingsOf, type PairingRecord } from './pairings.queries';

export interface MentorLoad {
  capacity: number;
  /** Active pairings. */
  active: number;
  /** Proposals awaiting an answer within their deadline (each reserves a place). */
  proposed: number;
  /** active + proposed */
  taken: number;
  free: number;
  full: boolean;
}

export interface MentorView extends MentorRecord {
  kindLabel: string;
  industryLabels: string[];
  topicLabels: string[];
  availabilityLabel: string;
  hasAccount: boolean;
  load: MentorLoad;
}

/** Places held today per mentor, by the domain's `holdsPlace`. */
export function countPlaces(
  live: readonly PairingRecord[],
  on: string,
): Map<number, { active: number; proposed: number }> {
  const counts = new Map<number, { active: number; proposed: number }>();
  for (const p of live) {
    const pairing = toDomainPairing(p);
    if (!holdsPlace(pairing, on)) continue;
    const c = counts.get(p.mentorId) ?? { active: 0, proposed: 0 };
    if (pairing.status === 'active') c.active += 1;
    else c.proposed += 1;
    counts.set(p.mentorId, c);
  }
  return counts;
}

export function loadOf(
  m: Pick<MentorRecord, 'capacity'>,
  c: { active: number; proposed: number } | undefined,
): MentorLoad {
  const active = c?.active ?? 0;
  const proposed = c?.proposed ?? 0;
  const taken = active + proposed;
  return {
    capacity: m.capacity,
    active,
    proposed,
    taken,
    free: Math.max(0, m.capacity - taken),
    full: taken >= m.capacity,
  };
}

export function mentorView(m: MentorRecord, load: MentorLoad): MentorView {
  return {
    ...m,
    kindLabel: MENTOR_KIND_LABELS[m.kind],
    industryLabels: m.industries.map((i) => INDUSTRY_LABELS[i]),
    topicLabels: m.topics.map((t) => MENTOR_TOPIC_LABELS[t]),
    availabilityLabel: MENTOR_AVAILABILITY_LABELS[m.availability],
    hasAccount: m.userId !== null,
    load,
  };
}

/** Every mentor with its load today (the matching and the staff list read the same figures). */
export async function mentorsWithLoad(db: Db, on: string, records?: MentorRecord[]): Promise<MentorView[]> {
  const mentors = records ?? (await listMentorRecords(db));
  const counts = countPlaces(
    await livePairingsOf(
      db,
      mentors.map((m) => m.id),
    ),
    on,
  );
  return mentors.map((m) => mentorView(m, loadOf(m, counts.get(m.id))));
}

async function oneWithLoad(db: Db, m: MentorRecord, on: string): Promise<MentorView> {
  return (await mentorsWithLoad(db, on, [m]))[0]!;
}

export async function list(
  ctx: AuthedContext,
  input: MentorListQuery,
): Promise<{ items: MentorView[]; total: number }> {
  const records = (await listMentorRecords(ctx.db, input)).filter(
    (m) =>
      (input.topic === undefined || m.topics.includes(input.topic)) &&
      (input.industry === undefined || m.industries.includes(input.industry)),
  );
  let items = await mentorsWithLoad(ctx.db, today(ctx), records);
  if (input.hasRoom) items = items.filter((m) => !m.load.full && m.availability === 'accepting');
  const start = (input.page - 1) * input.pageSize;
  return { items: items.slice(start, start + input.pageSize), total: items.length };
}

export async function get(ctx: AuthedContext, id: number): Promise<MentorView> {
  const m = await findMentor(ctx.db, id);
  if (!m) throw mentorNotFound();
  return oneWithLoad(ctx.db, m, today(ctx));
}

function profileAudit(p: MentorProfileInput) {
  return {
    name: p.name,
    kind: p.kind,
    organisation: p.organisation,
    title: p.title,
    industries: p.industries,
    topics: p.topics,
    capacity: p.capacity,
    availability: p.availability,
  };
}

/**
 * Staff create a mentor for an existing account that already holds the mentor role, or — administrators only,
 * since it creates a sign-in account — for a new account that must change its password at first sign-in.
 */
export async function create(
  ctx: AuthedContext,
  input: CreateMentor,
): Promise<{ id: number; userId: number }> {
  const account = input.account;
  if (account && !can(ctx.user.roles, 'user.manage')) {
    throw denied();
  }
  const passwordHash = account ? await hashPassword(account.password, ctx.env.PASSWORD_HASH_PROFILE) : null;
  return inTransaction(ctx, async (trx) => {
    let userId: number;
    if (account) {
      if (await isUsernameTaken(trx, account.username)) {
        throw conflict('USER.USERNAME_TAKEN', '该用户名已被使用，请换一个');
      }
      userId = await insertAccount(trx, {
        username: account.username,
        displayName: account.displayName,
        passwordHash: passwordHash!,
        roles: ['mentor'],
        mustChangePassword: true,
        now: ctx.now,
      });
    } else {
      userId = input.userId!;
      const roles = await rolesOf(trx, userId);
      if (!roles.includes('mentor')) {
        throw conflict(
          'MENTORING.NOT_A_MENTOR_ACCOUNT',
          '该账号没有“创业导师”角色，请先由管理员在用户管理中添加该角色',
        );
      }
      if (await userHasMentorProfile(trx, userId)) {
        throw conflict('MENTORING.MENTOR_EXISTS', '该账号已有导师档案');
      }
    }
    const id = await insertMentor(trx, userId, input.profile, ctx.now.toISOString());
    await recordAudit(trx, ctx, {
      action: 'mentor.create',
      objectType: 'mentor',
      objectId: id,
      summary: account
        ? `新建导师 ${input.profile.name}（${MENTOR_KIND_LABELS[input.profile.kind]}）及其账号 ${auditableUsername(account.username)}`
        : `为账号 ${userId} 建立导师档案 ${input.profile.name}（${MENTOR_KIND_LABELS[input.profile.kind]}）`,
      after: { userId, ...profileAudit(input.profile) },
    });
    return { id, userId };
  });
}

async function ownMentor(ctx: AuthedContext, db: Db = ctx.db): Promise<MentorRecord> {
  const m = await findMentorOfUser(db, ctx.user.id);
  if (!m) throw mentorNotFound();
  return m;
}

export async function mine(ctx: AuthedContext): Promise<MentorView> {
  return oneWithLoad(ctx.db, await ownMentor(ctx), today(ctx));
}

/** The mentor maintains its profile; the capacity may not drop below the places already taken (domain rule). */
export async function updateMine(ctx: AuthedContext, input: MentorProfileInput): Promise<MentorView> {
  const on = today(ctx);
  await inTransaction(ctx, async (trx) => {
    const m = await ownMentor(ctx, trx);
    const c = countPlaces(await livePairingsOf(trx, [m.id]), on).get(m.id);
    checkCapacityChange(input.capacity, c?.active ?? 0, c?.proposed ?? 0);
    await updateMentorProfile(trx, m.id, input, ctx.now.toISOString());
    await recordAudit(trx, ctx, {
      action: 'mentor.updateProfile',
      objectType: 'mentor',
      objectId: m.id,
      summary: `导师 ${input.name} 更新了个人档案（可带教 ${m.capacity} → ${input.capacity} 人）`,
      before: profileAudit({ ...m }),
      after: profileAudit(input),
    });
  });
  return mine(ctx);
}

/** Pause or resume: a mentor for itself, staff for any mentor. Pausing keeps the current mentees. */
export async function setAvailability(ctx: AuthedContext, input: SetAvailability): Promise<MentorView> {
  const staff = can(ctx.user.roles, 'mentor.manage');
  if (!staff && !can(ctx.user.roles, 'pairing.respond')) throw denied();
  const id = await inTransaction(ctx, async (trx) => {
    const m =
      input.mentorId !== undefined && staff
        ? await findMentor(trx, input.mentorId)
        : await findMentorOfUser(trx, ctx.user.id);
    if (!m || (input.mentorId !== undefined && !staff && m.id !== input.mentorId)) throw mentorNotFound();
    if (m.availability !== input.availability) {
      await setMentorAvailability(trx, m.id, input.availability, ctx.now.toISOString());
      await recordAudit(trx, ctx, {
        action: 'mentor.setAvailability',
        objectType: 'mentor',
        objectId: m.id,
        summary: `导师 ${m.name}：${MENTOR_AVAILABILITY_LABELS[m.availability]} → ${MENTOR_AVAILABILITY_LABELS[input.availability]}`,
        before: { availability: m.availability },
        after: { availability: input.availability },
      });
    }
    return m.id;
  });
  const m = await findMentor(ctx.db, id);
  return oneWithLoad(ctx.db, m!, today(ctx));
}
