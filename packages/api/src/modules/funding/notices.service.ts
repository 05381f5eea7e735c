/**
 * 公示 (§8): recommended cases are published in a notice for N working days of the official calendar (domain
 * `noticePeriod` on the effective calendar, ADR 009); the public list needs no sign-in and shows enterprise name,
 * USCC, programme, amount, objection contact and deadline — no natural person's data. Objections are lodged under a
 * real name with contact details (stored encrypted, shown masked) and resolved by a reviewer; upheld ones withdraw
 * the case or send it back to `recommended` with a new amount, to be published again.
 */
import {
  applyObjectionResolution,
  CASE_STATUS_LABELS,
  chinaDateOf,
  formatFen,
  isObjectionWindowOpen,
  lodgeObjection,
  maskEmail,
  maskMobile,
  maskName,
  notFound,
  noticePeriod,
  OBJECTION_OUTCOME_LABELS,
  publishInNotice,
  resolveObjection,
  SCHEME_LABELS,
  tooMany,
  type ObjectionInput,
  type OpenObjection,
  type ResolveObjectionInput,
  type ResolvedObjection,
} from '@fund/domain';
import { recordAudit } from '../../audit/audit.service';
import type { Context } from '../../context';
import { inTransaction } from '../../trpc';
import type { AuthedContext } from '../auth/auth.service';
import { takeTokens } from '../auth/rate-limit';
import { columnsOf, toFundingCase } from './case-state';
import { findCaseRow, releaseOnceOnly, updateCase } from './cases.queries';
import { actorOf, caseNotFound, notifyEnterprise, nowIso, pageOf, today } from './funding.common';
import type { ObjectionList, PublishNotice } from './funding.schemas';
import { findVersionParameters } from './programmes.queries';
import { policyData } from '../policy/policy.data';

const noticeNotFound = () => notFound('FUNDING.NOTICE_NOT_FOUND', '未找到该公示');
const objectionNotFound = () => notFound('FUNDING.OBJECTION_NOT_FOUND', '未找到该异议');

/** §8 notice period on the effective calendar; an uncovered year is refused (CALENDAR.YEAR_NOT_COVERED). */
export async function previewPeriod(ctx: AuthedContext, input: { publishedOn: string; workingDays: number }) {
  const { calendar } = await policyData(ctx);
  return noticePeriod(input.publishedOn, input.workingDays, calendar);
}

export async function publish(
  ctx: AuthedContext,
  input: PublishNotice,
): Promise<{ noticeId: number; endsOn: string }> {
  return inTransaction(ctx, async (trx) => {
    const ids = [...new Set(input.caseIds)];
    const rows = [];
    let workingDays = 1;
    for (const id of ids) {
      const row = await findCaseRow(trx, id);
      if (!row) throw caseNotFound();
      rows.push(row);
      // The notice length is a frozen parameter of each case's programme version (§8 default 5 working days).
      if (row.programme_version_id !== null) {
        workingDays = Math.max(
          workingDays,
          (await findVersionParameters(trx, row.programme_version_id)).noticeWorkingDays,
        );
      }
    }
    // The effective calendar: bundled schedules plus the years the administrator entered (ADR 009).
    const { calendar } = await policyData(ctx, trx);
    const period = noticePeriod(input.publishedOn, workingDays, calendar);
    const { id: noticeId } = await trx
      .insertInto('notice')
      .values({
        title: input.title,
        published_on: period.publishedOn,
        ends_on: period.endsOn,
        objection_deadline: period.objectionDeadline,
        working_days: period.workingDays,
        objection_contact: input.objectionContact,
        published_by: ctx.user.id,
        created_at: ctx.now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const row of rows) {
      const next = publishInNotice(toFundingCase(row), actorOf(ctx), nowIso(ctx), { noticeId, period });
      await updateCase(trx, row.id, columnsOf(next), ctx.now);
      await trx
        .insertInto('notice_case')
        .values({ notice_id: noticeId, case_id: row.id, amount_fen: next.amountFen })
        .execute();
      await notifyEnterprise(
        trx,
        row.enterprise_id,
        row.id,
        `您的申报 ${row.case_no} 已进入公示，公示期至 ${period.endsOn}`,
        ctx.now,
      );
      await recordAudit(trx, ctx, {
        action: 'funding.case.publish',
        objectType: 'funding_case',
        objectId: row.id,
        summary: `${row.case_no} 进入公示（第 ${next.noticeRound} 次），金额 ${formatFen(next.amountFen)}，公示期 ${period.startsOn} 至 ${period.endsOn}`,
        details: { noticeId, amountFen: next.amountFen },
      });
    }
    await recordAudit(trx, ctx, {
      action: 'funding.notice.publish',
      objectType: 'notice',
      objectId: noticeId,
      summary: `发布公示「${input.title}」，共 ${rows.length} 个案件，${period.publishedOn} 发布，${period.endsOn} 结束`,
      details: { caseIds: ids, period },
    });
    return { noticeId, endsOn: period.endsOn };
  });
}

export async function publicList(ctx: Context, input: { page: number; pageSize: number }) {
  const { limit, offset } = pageOf(input);
  const rows = await ctx.db
    .selectFrom('notice')
    .leftJoin('notice_case', 'notice_case.notice_id', 'notice.id')
    .select((eb) => [
      'notice.id',
      'notice.title',
      'notice.published_on',
      'notice.ends_on',
      'notice.objection_deadline',
      eb.fn.count<number>('notice_case.case_id').as('cases'),
    ])
    .where('notice.published_on', '<=', today(ctx)) // a notice dated in the future is not public yet
    .groupBy('notice.id')
    .orderBy('notice.published_on', 'desc')
    .orderBy('notice.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  const day = today(ctx);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    publishedOn: r.published_on,
    endsOn: r.ends_on,
    objectionDeadline: r.objection_deadline,
    cases: Number(r.cases),
    objectionOpen: isObjectionWindowOpen(
      { publishedOn: r.published_on, objectionDeadline: r.objection_deadline },
      day,
    ),
  }));
}

/** §8: what is published — enterprise name, USCC, programme, amount, objection contact and deadline. */
export async function publicGet(ctx: Context, noticeId: number) {
  const n = await ctx.db.selectFrom('notice').selectAll().where('id', '=', noticeId).executeTakeFirst();
  if (!n || n.published_on > today(ctx)) throw noticeNotFound();
  const entries = await ctx.db
    .selectFrom('notice_case')
    .innerJoin('funding_case', 'funding_case.id', 'notice_case.case_id')
    .innerJoin('enterprise', 'enterprise.id', 'funding_case.enterprise_id')
    .innerJoin('programme', 'programme.id', 'funding_case.programme_id')
    .select([
      'funding_case.id as case_id',
      'funding_case.case_no',
      'funding_case.status',
      'funding_case.notice_id',
      'funding_case.scheme',
      'enterprise.name as enterprise_name',
      'enterprise.uscc',
      'programme.name as programme_name',
      'notice_case.amount_fen',
    ])
    .where('notice_case.notice_id', '=', n.id)
    .orderBy('funding_case.case_no')
    .execute();
  return {
    id: n.id,
    title: n.title,
    publishedOn: n.published_on,
    endsOn: n.ends_on,
    objectionDeadline: n.objection_deadline,
    objectionContact: n.objection_contact,
    objectionOpen: isObjectionWindowOpen(
      { publishedOn: n.published_on, objectionDeadline: n.objection_deadline },
      today(ctx),
    ),
    entries: entries.map((e) => ({
      caseId: e.case_id,
      caseNo: e.case_no,
      // An enterprise (企业 or 个体工商户) is named as registered; no natural person's name, ID or mobile is published.
      enterpriseName: publicEnterpriseName(e.uscc, e.enterprise_name),
      uscc: e.uscc,
      programmeName: e.programme_name,
      schemeLabel: SCHEME_LABELS[e.scheme],
      amountFen: e.amount_fen,
      // A case withdrawn or re-published after an objection shows it, instead of silently disappearing.
      current: e.status === 'in_notice' && e.notice_id === n.id,
      statusLabel: e.notice_id === n.id ? CASE_STATUS_LABELS[e.status] : '已调整，另行公示',
    })),
  };
}

/**
 * §8: natural persons are published masked (张**). A 个体工商户 (USCC category 92) may be registered under its
 * owner's personal name alone (e.g. "张三丰"): such a name (2–4 Han characters, no business word) is masked; a
 * business name ("岳阳楼区小桥便利店") is published as registered.
 */
export function publicEnterpriseName(uscc: string, name: string): string {
  const individual = uscc.startsWith('92');
  const looksPersonal = /^[\p{Script=Han}·]{2,4}$/u.test(name) && !/[店部厂坊馆行社室站场园所]/u.test(name);
  return individual && looksPersonal ? maskName(name) : name;
}

function maskContact(contact: string): string {
  return contact.includes('@') ? maskEmail(contact) : maskMobile(contact);
}

/** Public and anonymous by design (§8), so it is rate-limited per IP like registration. */
export async function lodge(ctx: Context, input: ObjectionInput): Promise<{ objectionId: number }> {
  const ok = await takeTokens(
    ctx.db,
    [
      {
        key: `objection-ip:${ctx.ip ?? 'unknown'}`,
        policy: { capacity: ctx.env.SIGNIN_RATE_PER_IP, refillWindowMs: 15 * 60_000 },
      },
    ],
    ctx.now,
  );
  if (!ok) throw tooMany('FUNDING.TOO_MANY_OBJECTIONS', '提交过于频繁，请稍后再试');
  return inTransaction(ctx, async (trx) => {
    const row = await findCaseRow(trx, input.caseId);
    if (!row) throw caseNotFound();
    const o = lodgeObjection(toFundingCase(row), input, nowIso(ctx));
    const masked = maskContact(o.contact);
    const { id } = await trx
      .insertInto('objection')
      .values({
        case_id: row.id,
        notice_id: row.notice_id!,
        name: o.name,
        contact_enc: ctx.pii.encryptField(o.contact),
        contact_masked: masked,
        reasons: o.reasons,
        status: 'open',
        outcome: null,
        resolution: null,
        adjusted_amount_fen: null,
        resolved_by: null,
        resolved_at: null,
        lodged_at: o.lodgedAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      action: 'funding.objection.lodge',
      objectType: 'funding_case',
      objectId: row.id,
      summary: `收到对 ${row.case_no} 的实名异议（${maskName(o.name)}，${masked}）`,
      details: { objectionId: id },
    });
    return { objectionId: id };
  });
}

export async function list(ctx: AuthedContext, input: ObjectionList) {
  const { limit, offset } = pageOf(input);
  let q = ctx.db
    .selectFrom('objection')
    .innerJoin('funding_case', 'funding_case.id', 'objection.case_id')
    .select([
      'objection.id',
      'objection.case_id',
      'funding_case.case_no',
      'objection.name',
      'objection.contact_masked',
      'objection.reasons',
      'objection.status',
      'objection.outcome',
      'objection.resolution',
      'objection.lodged_at',
      'objection.resolved_at',
    ]);
  if (input.caseId !== undefined) q = q.where('objection.case_id', '=', input.caseId);
  if (input.status !== undefined) q = q.where('objection.status', '=', input.status);
  const rows = await q.orderBy('objection.id', 'desc').limit(limit).offset(offset).execute();
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    caseNo: r.case_no,
    name: r.name,
    contactMasked: r.contact_masked,
    reasons: r.reasons,
    status: r.status,
    outcome: r.outcome,
    outcomeLabel: r.outcome ? OBJECTION_OUTCOME_LABELS[r.outcome] : null,
    resolution: r.resolution,
    lodgedAt: r.lodged_at,
    resolvedAt: r.resolved_at,
  }));
}

export async function resolve(
  ctx: AuthedContext,
  input: ResolveObjectionInput,
): Promise<{ ok: true; caseStatus: string }> {
  return inTransaction(ctx, async (trx) => {
    const o = await trx
      .selectFrom('objection')
      .selectAll()
      .where('id', '=', input.objectionId)
      .executeTakeFirst();
    if (!o) throw objectionNotFound();
    const row = await findCaseRow(trx, o.case_id);
    if (!row) throw caseNotFound();
    const facts = { caseId: o.case_id, name: o.name, contact: '', reasons: o.reasons, lodgedAt: o.lodged_at };
    const current: OpenObjection | ResolvedObjection =
      o.status === 'open'
        ? { ...facts, id: o.id, status: 'open' }
        : {
            ...facts,
            id: o.id,
            status: 'resolved',
            outcome: o.outcome!,
            answer: o.resolution ?? '',
            resolvedBy: o.resolved_by ?? 0,
            resolvedAt: o.resolved_at ?? '',
            adjustedAmountFen: null,
          };
    const resolved = resolveObjection(current, actorOf(ctx), nowIso(ctx), input);
    const next = applyObjectionResolution(toFundingCase(row), resolved, actorOf(ctx), nowIso(ctx));
    await trx
      .updateTable('objection')
      .set({
        status: 'resolved',
        outcome: resolved.outcome,
        resolution: resolved.answer,
        adjusted_amount_fen: resolved.adjustedAmountFen,
        resolved_by: ctx.user.id,
        resolved_at: resolved.resolvedAt,
      })
      .where('id', '=', o.id)
      .execute();
    if (next.status !== row.status) await updateCase(trx, row.id, columnsOf(next), ctx.now);
    if (next.status === 'withdrawn') await releaseOnceOnly(trx, row.id);
    const label = OBJECTION_OUTCOME_LABELS[resolved.outcome];
    if (resolved.outcome !== 'dismissed') {
      await notifyEnterprise(
        trx,
        row.enterprise_id,
        row.id,
        `您的申报 ${row.case_no} 在公示期间收到异议，处理结果：${label}`,
        ctx.now,
      );
    }
    await recordAudit(trx, ctx, {
      action: 'funding.objection.resolve',
      objectType: 'funding_case',
      objectId: row.id,
      summary: `处理异议 #${o.id}（${row.case_no}）：${label}${resolved.adjustedAmountFen !== null ? `，调整金额为 ${formatFen(resolved.adjustedAmountFen)}` : ''}`,
      details: {
        objectionId: o.id,
        outcome: resolved.outcome,
        answer: resolved.answer,
        adjustedAmountFen: resolved.adjustedAmountFen,
        lodgedOn: chinaDateOf(o.lodged_at),
      },
    });
    return { ok: true as const, caseStatus: next.status };
  });
}
