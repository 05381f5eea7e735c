/**
 * Service-support claims (政府购买服务, domain-rules.md §6). The amount is the domain's `computeCentreClaim` on the
 * centre's logs under the programme's parameters (frozen with the case); the claim is a `funding_case` of scheme
 * `centre-service` in the shared lifecycle (review → 公示 → finance → payment), linked to a `centre_claim` row that
 * keeps the period, months and computed lines. `claimed_month(centre_id, month)` is the database's guarantee that no
 * month is claimed twice, also under concurrent submissions; a claimed month's logs are locked until a reviewer
 * returns the claim (claims.queries.ts `lockedMonths`).
 *
 * The centre's payee is its operating company, a registered enterprise (`centre.operator_enterprise_id`): the case's
 * `enterprise_id`, so that the 公示 and the disbursement work exactly as for enterprise applications.
 */
import {
  computeCentreClaim,
  conflict,
  formatFen,
  isDomainError,
  isProgrammeOpen,
  notFound,
  periodMonths,
  resubmit as resubmitCase,
  submit as submitCase,
  CASE_STATUS_LABELS,
  type CaseStatus,
  type CentreClaimMonthInput,
  type CentreClaimResult,
  type CentreServiceParameters,
  type PresenceRecord,
  type SubmissionCheck,
} from '@fund/domain';
import { recordAudit } from '../../audit/audit.service';
import { inTransaction } from '../../trpc';
import type { AuthedContext } from '../auth/auth.service';
import { columnsOf, toFundingCase } from '../funding/case-state';
import { findCaseRow, insertDraft, updateCase } from '../funding/cases.queries';
import { findProgramme, findVersionParameters, listProgrammes } from '../funding/programmes.queries';
import type { CentreRecord, Db } from './centres.queries';
import { requireOperableCentre, requireReadableCentre, today } from './centres.service';
import type { CentreRef, ClaimListQuery, ClaimPreview, ResubmitClaim, SubmitClaim } from './centres.schemas';
import { heldMonths, RELEASING_STATUSES } from './claims.queries';
import { allocationsAround, centreServiceParameters, loadCentreLog } from './kpis.service';
import { monthRange } from './occupancy.service';

const claimNotFound = () => notFound('CENTRES.CLAIM_NOT_FOUND', '未找到该服务补助申报');

/** Eligible occupants (§6 "an eligible occupant"): a verified enterprise not flagged dishonest, any founder or team. */
async function ineligibleOccupantKeys(db: Db, centreId: number): Promise<Set<string>> {
  const rows = await db
    .selectFrom('allocation as a')
    .innerJoin('enterprise as e', 'e.id', 'a.enterprise_id')
    .select('e.id')
    .distinct()
    .where('a.centre_id', '=', centreId)
    .where((eb) => eb.or([eb('e.verification_status', '<>', 'verified'), eb('e.dishonest_flag', '<>', 0)]))
    .execute();
  return new Set(rows.map((r) => `enterprise:${r.id}`));
}

/** The logs of the period's months in the shape `computeCentreClaim` reads. */
async function claimMonths(db: Db, centreId: number, months: string[]): Promise<CentreClaimMonthInput[]> {
  const log = await loadCentreLog(db, centreId, months[0]!, months[months.length - 1]!);
  const ineligible = await ineligibleOccupantKeys(db, centreId);
  const presence = await db
    .selectFrom('presence as p')
    .innerJoin('allocation as a', 'a.id', 'p.allocation_id')
    .select(['p.allocation_id', 'p.month', 'p.days_present', 'p.attested'])
    .where('a.centre_id', '=', centreId)
    .where('p.month', 'in', months)
    .execute();
  return months.map((month) => {
    const { first, last } = monthRange(month);
    const allocations = allocationsAround(log.allocations, month).map((a) => ({ ...a, occupantEligible: !ineligible.has(a.occupantKey) }));
    const ids = new Set(allocations.filter((a) => a.startsOn <= last && (a.endsOn === null || a.endsOn >= first)).map((a) => a.id));
    return {
      month,
      workstations: log.workstations,
      allocations,
      presence: presence
        .filter((p) => p.month === month && ids.has(p.allocation_id))
        .map((p): PresenceRecord => ({
          allocationId: p.allocation_id,
          month,
          ...(p.days_present !== null ? { daysPresent: p.days_present } : {}),
          ...(p.attested === 1 ? { attested: true } : {}),
        })),
      events: log.events.filter((e) => e.date >= first && e.date <= last),
    };
  });
}

async function compute(
  db: Db,
  centreId: number,
  period: ClaimPreview['period'],
  rule: CentreServiceParameters,
  alreadyClaimedMonths: string[],
  asOf: string,
): Promise<CentreClaimResult> {
  return computeCentreClaim({
    period,
    rule,
    months: await claimMonths(db, centreId, periodMonths(period)),
    alreadyClaimedMonths,
    asOf,
  });
}

export async function preview(ctx: AuthedContext, input: ClaimPreview): Promise<CentreClaimResult & { parametersSource: string }> {
  await requireReadableCentre(ctx.db, ctx.user, input.centreId);
  const rule = await centreServiceParameters(ctx.db, today(ctx));
  const result = await compute(ctx.db, input.centreId, input.period, rule, await heldMonths(ctx.db, input.centreId), today(ctx));
  return { ...result, parametersSource: '当前开放的政府购买服务项目参数（无开放项目时为默认标准）' };
}

/** The case's working (shown line by line to reviewers), in the funding module's `{ label, value }` shape. */
function workingOf(result: CentreClaimResult): { label: string; value: string }[] {
  const lines = result.lines.map((l) => ({
    label: l.label,
    value: `${l.quantity} × ${formatFen(l.unitFen)} = ${formatFen(l.amountFen)}${l.note ? `（${l.note}）` : ''}`,
  }));
  const skipped = result.ineligibleMonths.map((m) => ({ label: `${m.month} 不符合申报条件`, value: m.reasons.join('；') }));
  return [...lines, ...skipped, { label: `合计（${result.periodLabel}）`, value: formatFen(result.amountFen) }];
}

function submissionCheck(centre: CentreRecord, programme: { opensOn: string; closesOn: string; status: string }, on: string, result: CentreClaimResult): SubmissionCheck {
  const failures: { code: string; message: string }[] = [];
  if (programme.status !== 'active' || !isProgrammeOpen(programme, on)) {
    failures.push({ code: 'ELIGIBILITY.PROGRAMME_NOT_OPEN', message: `该项目的申报期为 ${programme.opensOn} 至 ${programme.closesOn}，当前不在申报期内` });
  }
  if (centre.recognitionLevel === null || centre.recognisedOn === null || centre.recognisedOn > on) {
    failures.push({ code: 'CENTRES.NOT_RECOGNISED', message: '该中心尚未获得认定，不能申报政府购买服务补助' });
  }
  if (result.amountFen <= 0) {
    failures.push({ code: 'CENTRES.NOTHING_TO_CLAIM', message: `${result.periodLabel}没有符合条件的补助项目（见计算明细）` });
  }
  return { eligible: failures.length === 0, failures };
}

function isUniqueViolation(e: unknown): boolean {
  return e instanceof Error && /UNIQUE constraint failed: claimed_month|SQLITE_CONSTRAINT_PRIMARYKEY/.test(`${e.message} ${(e as { code?: string }).code ?? ''}`);
}

export async function submit(
  ctx: AuthedContext,
  input: SubmitClaim,
): Promise<{ claimId: number; caseId: number; caseNo: string; amountFen: number; months: string[] }> {
  return inTransaction(ctx, async (trx) => {
    const centre = await requireOperableCentre(trx, ctx.user, input.centreId);
    const programme = await findProgramme(trx, input.programmeId);
    if (!programme || programme.parameters.scheme !== 'centre-service') {
      throw notFound('FUNDING.PROGRAMME_NOT_FOUND', '未找到该政府购买服务项目');
    }
    if (centre.operatorEnterpriseId === null) {
      throw conflict('CENTRES.NO_OPERATOR_ENTERPRISE', '该中心尚未关联运营单位企业（收款单位），请联系管理员在中心信息中补充');
    }
    const on = today(ctx);
    // Months of rejected or withdrawn claims are free again: drop their rows before the UNIQUE guard below.
    const stale = await trx
      .selectFrom('claimed_month as m')
      .innerJoin('centre_claim as c', 'c.id', 'm.claim_id')
      .innerJoin('funding_case as f', 'f.id', 'c.funding_case_id')
      .select('m.month')
      .where('m.centre_id', '=', input.centreId)
      .where('f.status', 'in', [...RELEASING_STATUSES])
      .execute();
    if (stale.length > 0) {
      await trx.deleteFrom('claimed_month').where('centre_id', '=', input.centreId).where('month', 'in', stale.map((s) => s.month)).execute();
    }
    const rule = programme.parameters;
    const result = await compute(trx, input.centreId, input.period, rule, await heldMonths(trx, input.centreId), on);
    if (input.expectedAmountFen !== undefined && input.expectedAmountFen !== result.amountFen) {
      throw conflict('CENTRES.CLAIM_AMOUNT_CHANGED', `台账已变化，申报金额由 ${formatFen(input.expectedAmountFen)} 变为 ${formatFen(result.amountFen)}，请重新预览后提交`);
    }
    const months = periodMonths(input.period);
    const created = await insertDraft(trx, {
      enterpriseId: centre.operatorEnterpriseId,
      programmeId: programme.id,
      fiscalYear: programme.fiscalYear,
      scheme: 'centre-service',
      dataJson: JSON.stringify({ centreId: centre.id, centreName: centre.name, period: input.period, periodLabel: result.periodLabel, months }),
      documentIdsJson: '[]',
      by: ctx.user.id,
      now: ctx.now,
    });
    const draft = await findCaseRow(trx, created.id);
    const next = submitCase(toFundingCase(draft!), { id: ctx.user.id, roles: ctx.user.roles }, ctx.now.toISOString(), {
      computedAmountFen: result.amountFen,
      eligibility: submissionCheck(centre, programme, on, result),
    });
    await updateCase(trx, created.id, { ...columnsOf(next), programme_version_id: programme.versionId, working_json: JSON.stringify(workingOf(result)) }, ctx.now);
    const { id: claimId } = await trx
      .insertInto('centre_claim')
      .values({
        centre_id: centre.id,
        period_kind: input.period.kind,
        period_start: input.period.start,
        months_json: JSON.stringify(months),
        amount_fen: result.amountFen,
        lines_json: JSON.stringify(result.lines),
        result_json: JSON.stringify(result),
        programme_id: programme.id,
        programme_version_id: programme.versionId,
        funding_case_id: created.id,
        submitted_by: ctx.user.id,
        created_at: ctx.now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    try {
      await trx.insertInto('claimed_month').values(months.map((month) => ({ centre_id: centre.id, month, claim_id: claimId }))).execute();
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict('CENTRES.MONTH_ALREADY_CLAIMED', `${months.join('、')} 中有月份已申报过，不能重复申报`);
      throw e;
    }
    await recordAudit(trx, ctx, {
      action: 'centre.claim.submit',
      objectType: 'centre_claim',
      objectId: claimId,
      summary: `中心“${centre.name}”提交${result.periodLabel}政府购买服务补助申报 ${created.caseNo}，计算金额 ${formatFen(result.amountFen)}`,
      details: { caseId: created.id, programmeId: programme.id, programmeVersionId: programme.versionId, months, amountFen: result.amountFen, lines: result.lines },
    });
    return { claimId, caseId: created.id, caseNo: created.caseNo, amountFen: result.amountFen, months };
  });
}


/**
 * After a reviewer's return: answers the return, recomputes the claim from the corrected logs under the parameters
 * frozen at the first submission, and resubmits the case (domain `resubmit`). The months stay with this claim.
 */
export async function resubmit(ctx: AuthedContext, input: ResubmitClaim): Promise<{ claimId: number; amountFen: number }> {
  return inTransaction(ctx, async (trx) => {
    const claim = await trx.selectFrom('centre_claim').selectAll().where('id', '=', input.claimId).executeTakeFirst();
    if (!claim || claim.funding_case_id === null) throw claimNotFound();
    const centre = await requireOperableCentre(trx, ctx.user, claim.centre_id).catch((e: unknown) => {
      throw isDomainError(e) && e.kind === 'not_found' ? claimNotFound() : e;
    });
    const row = await findCaseRow(trx, claim.funding_case_id);
    if (!row) throw claimNotFound();
    if (row.status !== 'returned') throw conflict('FUNDING.NOT_RETURNED', `申报当前状态为「${CASE_STATUS_LABELS[row.status]}」，无需重新提交`);
    const rule = await findVersionParameters(trx, claim.programme_version_id ?? row.programme_version_id!);
    if (rule.scheme !== 'centre-service') throw claimNotFound();
    const own = new Set(JSON.parse(claim.months_json) as string[]);
    const others = (await heldMonths(trx, claim.centre_id)).filter((m) => !own.has(m));
    const period = { kind: claim.period_kind, start: claim.period_start };
    const result = await compute(trx, claim.centre_id, period, rule, others, today(ctx));
    const last = await trx.selectFrom('case_return').select('id').where('case_id', '=', row.id).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    await trx.updateTable('case_return').set({ answer: input.answer, answered_by: ctx.user.id, answered_at: ctx.now.toISOString() }).where('id', '=', last.id).execute();
    const programme = await findProgramme(trx, claim.programme_id);
    const next = resubmitCase(toFundingCase(row), { id: ctx.user.id, roles: ctx.user.roles }, ctx.now.toISOString(), {
      computedAmountFen: result.amountFen,
      eligibility: submissionCheck(centre, programme!, today(ctx), result),
    });
    await updateCase(trx, row.id, { ...columnsOf(next), working_json: JSON.stringify(workingOf(result)) }, ctx.now);
    await trx
      .updateTable('centre_claim')
      .set({ amount_fen: result.amountFen, lines_json: JSON.stringify(result.lines), result_json: JSON.stringify(result) })
      .where('id', '=', claim.id)
      .execute();
    await recordAudit(trx, ctx, {
      action: 'centre.claim.resubmit',
      objectType: 'centre_claim',
      objectId: claim.id,
      summary: `中心“${centre.name}”更正后重新提交${result.periodLabel}服务补助申报 ${row.case_no}，金额 ${formatFen(claim.amount_fen)} → ${formatFen(result.amountFen)}`,
      before: { amountFen: claim.amount_fen },
      after: { amountFen: result.amountFen },
      details: { answer: input.answer },
    });
    return { claimId: claim.id, amountFen: result.amountFen };
  });
}

export interface ClaimListItem {
  id: number;
  periodKind: 'month' | 'quarter';
  periodStart: string;
  months: string[];
  amountFen: number;
  caseId: number | null;
  caseNo: string | null;
  status: CaseStatus | null;
  statusLabel: string | null;
  /** The logs of the claim's months are locked (not returned, rejected or withdrawn). */
  locksLogs: boolean;
  createdAt: string;
}

export async function list(ctx: AuthedContext, input: ClaimListQuery): Promise<{ items: ClaimListItem[]; total: number }> {
  await requireReadableCentre(ctx.db, ctx.user, input.centreId);
  const base = ctx.db.selectFrom('centre_claim as c').where('c.centre_id', '=', input.centreId);
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await base
    .leftJoin('funding_case as f', 'f.id', 'c.funding_case_id')
    .select(['c.id', 'c.period_kind', 'c.period_start', 'c.months_json', 'c.amount_fen', 'c.funding_case_id', 'c.created_at', 'f.case_no', 'f.status'])
    .orderBy('c.period_start', 'desc')
    .orderBy('c.id', 'desc')
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute();
  return {
    total: Number(total ?? 0),
    items: rows.map((r) => ({
      id: r.id,
      periodKind: r.period_kind,
      periodStart: r.period_start,
      months: JSON.parse(r.months_json) as string[],
      amountFen: r.amount_fen,
      caseId: r.funding_case_id,
      caseNo: r.case_no,
      status: r.status,
      statusLabel: r.status === null ? null : CASE_STATUS_LABELS[r.status],
      locksLogs: r.status === null || !['returned', 'rejected', 'withdrawn'].includes(r.status),
      createdAt: r.created_at,
    })),
  };
}

export interface OpenCentreProgramme {
  id: number;
  name: string;
  fiscalYear: number;
  opensOn: string;
  closesOn: string;
}

/**
 * The 政府购买服务 programmes open today, which a claim of this centre can be submitted under. A centre_manager holds
 * no `programme.view` (budgets are not theirs to see), so this returns names and dates only.
 */
export async function openProgrammes(ctx: AuthedContext, input: CentreRef): Promise<OpenCentreProgramme[]> {
  await requireReadableCentre(ctx.db, ctx.user, input.centreId);
  const programmes = await listProgrammes(ctx.db, { openOn: today(ctx), schemes: ['centre-service'] });
  return programmes.map((p) => ({ id: p.id, name: p.name, fiscalYear: p.fiscalYear, opensOn: p.opensOn, closesOn: p.closesOn }));
}
