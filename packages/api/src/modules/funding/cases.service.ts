/**
 * Applications (申报) by enterprises: the policy calculator, drafts, submission (eligibility, checklist, frozen
 * parameters and amount — all decided by @fund/domain), returns answered and resubmitted, withdrawal, and the
 * applicant's and staff's views of a case with its timeline. One transaction and one audit event per change.
 */
import {
  allowedActions,
  can,
  CASE_STATUS_LABELS,
  checkEligibility,
  computeCaseAmount,
  conflict,
  ENTERPRISE_SCHEMES,
  fen,
  formatFen,
  invalid,
  isDomainError,
  resubmit as resubmitCase,
  SCHEME_LABELS,
  submit as submitCase,
  withdraw as withdrawCase,
  type EligibilityResult,
  type FundingCase,
  type LprEntry,
  type ProgrammeParameters,
  type WithdrawInput,
} from '@fund/domain';
import type { Transaction } from 'kysely';
import { recordAudit } from '../../audit/audit.service';
import type { Database } from '../../db/schema';
import { inTransaction } from '../../trpc';
import type { AuthedContext } from '../auth/auth.service';
import { findEnterprise } from '../enterprises/enterprises.queries';
import { profileOf } from '../enterprises/enterprises.service';
import { columnsOf, toFundingCase, type CaseRow } from './case-state';
import {
  awardedMilestoneKeys,
  contractKey,
  findCaseRow,
  fundingHistory,
  insertDraft,
  listOfEnterprise,
  loanSubsidyThisYear,
  registerOnceOnly,
  releaseOnceOnly,
  subsidisedPeriods,
  updateCase,
} from './cases.queries';
import { documentsOfEnterprise } from './documents.service';
import { actorOf, caseNotFound, nowIso, pageOf, programmeNotFound, today, type Db } from './funding.common';
import type { AnswerReturn, Calculator, SaveDraft } from './funding.schemas';
import {
  findProgramme,
  findVersionParameters,
  listProgrammes,
  type ProgrammeRecord,
} from './programmes.queries';
import { fundingReadiness } from './verification.service';
import { policyData } from '../policy/policy.data';

function ownEnterpriseId(ctx: AuthedContext): number {
  if (ctx.user.enterpriseId === null) throw invalid('ENTERPRISE.NOT_FOUND', '您的账号尚未关联企业');
  return ctx.user.enterpriseId;
}

/** The applicant's own case; someone else's is NOT_FOUND (no probing of ids). */
export async function ownCase(db: Db, ctx: AuthedContext, caseId: number): Promise<CaseRow> {
  const row = await findCaseRow(db, caseId);
  if (!row || row.enterprise_id !== ctx.user.enterpriseId) throw caseNotFound();
  return row;
}

/** The facts about the enterprise that eligibility needs, derived as the enterprise profile derives them. */
async function enterpriseFacts(db: Db, enterpriseId: number, now: Date) {
  const record = await findEnterprise(db, enterpriseId);
  if (!record) throw invalid('ENTERPRISE.NOT_FOUND', '未找到企业信息');
  const p = profileOf(record, now);
  return {
    record,
    facts: {
      verification: p.verification,
      sizeClass: p.sizeClass,
      sizeProblem: p.sizeProblem,
      stage: p.stage,
      industry: p.industry,
      districtCode: p.verification === 'verified' ? p.registeredDistrictCode : null,
      inDistrict: p.inDistrict,
      dishonest: p.dishonest,
    },
  };
}

async function eligibilityFor(
  db: Db,
  ctx: AuthedContext,
  enterpriseId: number,
  programme: ProgrammeRecord,
  parameters: ProgrammeParameters,
  exceptCaseId: number | null,
): Promise<EligibilityResult> {
  const { facts } = await enterpriseFacts(db, enterpriseId, ctx.now);
  return checkEligibility({
    enterprise: facts,
    programme: {
      scheme: programme.scheme,
      parameters,
      fiscalYear: programme.fiscalYear,
      opensOn: programme.opensOn,
      closesOn: programme.closesOn,
    },
    today: today(ctx),
    history: await fundingHistory(db, enterpriseId, exceptCaseId),
    thisProgrammeId: programme.id,
  });
}

/** The domain calculator under `parameters`, with the enterprise's §3/§4 context read from the database. */
async function amountFor(
  db: Db,
  args: {
    enterpriseId: number;
    scheme: ProgrammeRecord['scheme'];
    fiscalYear: number;
    parameters: ProgrammeParameters;
    data: unknown;
    remaining: EligibilityResult['remainingYearlyCapFen'];
    caseId: number;
    /** The effective LPR table (bundled history plus the administrator's entries, ADR 009). */
    lprTable: readonly LprEntry[];
  },
) {
  const d = args.data as { bankName?: unknown; contractNo?: unknown };
  const keys =
    typeof d.bankName === 'string' && typeof d.contractNo === 'string'
      ? [contractKey({ bankName: d.bankName, contractNo: d.contractNo })]
      : [];
  return computeCaseAmount(args.scheme, args.parameters, args.data, {
    remainingYearlyCapFen: args.remaining,
    interestShareReceivedThisYearFen: await loanSubsidyThisYear(
      db,
      args.enterpriseId,
      args.fiscalYear,
      args.caseId,
    ),
    alreadySubsidisedPeriods: await subsidisedPeriods(db, keys, args.caseId),
    alreadyAwardedMilestoneKeys: await awardedMilestoneKeys(db, args.enterpriseId, args.caseId),
    lprTable: args.lprTable,
  });
}

export interface CalculatorResult {
  programmeId: number;
  programmeName: string;
  scheme: ProgrammeRecord['scheme'];
  schemeLabel: string;
  closesOn: string;
  eligible: boolean;
  failures: EligibilityResult['failures'];
  remainingYearlyCapFen: number;
  estimate: { amountFen: number; working: { label: string; value: string }[] } | null;
  estimateProblem: string | null;
}

/** §3 policy calculator: every open programme, every failed condition, and the amount the same calculator gives. */
export async function calculator(ctx: AuthedContext, input: Calculator): Promise<CalculatorResult[]> {
  const enterpriseId = ownEnterpriseId(ctx);
  const programmes = (
    await listProgrammes(ctx.db, { openOn: today(ctx), schemes: ENTERPRISE_SCHEMES })
  ).filter((p) => input.programmeId === undefined || p.id === input.programmeId);
  const { lprTable } = await policyData(ctx);
  // Previewing one's own case: it must not count against itself (§3 不得重复申报, once-only days/milestones).
  const exceptCaseId = input.caseId === undefined ? null : (await ownCase(ctx.db, ctx, input.caseId)).id;
  const out: CalculatorResult[] = [];
  for (const p of programmes) {
    const eligibility = await eligibilityFor(ctx.db, ctx, enterpriseId, p, p.parameters, exceptCaseId);
    let estimate: CalculatorResult['estimate'] = null;
    let estimateProblem: string | null = null;
    if (input.data !== undefined) {
      try {
        const a = await amountFor(ctx.db, {
          enterpriseId,
          scheme: p.scheme,
          fiscalYear: p.fiscalYear,
          parameters: p.parameters,
          data: input.data,
          remaining: eligibility.remainingYearlyCapFen,
          caseId: exceptCaseId ?? 0,
          lprTable,
        });
        estimate = { amountFen: a.amountFen, working: a.working };
      } catch (error) {
        if (!isDomainError(error)) throw error;
        estimateProblem = error.message;
      }
    }
    out.push({
      programmeId: p.id,
      programmeName: p.name,
      scheme: p.scheme,
      schemeLabel: SCHEME_LABELS[p.scheme],
      closesOn: p.closesOn,
      eligible: eligibility.eligible,
      failures: eligibility.failures,
      remainingYearlyCapFen: eligibility.remainingYearlyCapFen,
      estimate,
      estimateProblem,
    });
  }
  return out;
}

export async function saveDraft(
  ctx: AuthedContext,
  input: SaveDraft,
): Promise<{ id: number; caseNo: string }> {
  const enterpriseId = ownEnterpriseId(ctx);
  return inTransaction(ctx, async (trx) => {
    const programme = await findProgramme(trx, input.programmeId);
    if (!programme || !(ENTERPRISE_SCHEMES as readonly string[]).includes(programme.scheme))
      throw programmeNotFound();
    await documentsOfEnterprise(trx, enterpriseId, input.documentIds);
    const dataJson = JSON.stringify(input.data);
    const documentIdsJson = JSON.stringify([...new Set(input.documentIds)]);
    if (input.caseId === undefined) {
      const created = await insertDraft(trx, {
        enterpriseId,
        programmeId: programme.id,
        fiscalYear: programme.fiscalYear,
        scheme: programme.scheme,
        dataJson,
        documentIdsJson,
        by: ctx.user.id,
        now: ctx.now,
      });
      await recordAudit(trx, ctx, {
        action: 'funding.case.create',
        objectType: 'funding_case',
        objectId: created.id,
        summary: `创建申报草稿 ${created.caseNo}（${programme.name}）`,
      });
      return created;
    }
    const row = await ownCase(trx, ctx, input.caseId);
    if (row.programme_id !== programme.id)
      throw invalid('FUNDING.PROGRAMME_MISMATCH', '不能更换已有申报的项目，请新建申报');
    if (row.status !== 'draft' && row.status !== 'returned') {
      throw conflict('FUNDING.NOT_EDITABLE', `申报当前状态为「${CASE_STATUS_LABELS[row.status]}」，不能修改`);
    }
    await updateCase(trx, row.id, { data_json: dataJson, document_ids_json: documentIdsJson }, ctx.now);
    await recordAudit(trx, ctx, {
      action: 'funding.case.saveDraft',
      objectType: 'funding_case',
      objectId: row.id,
      summary: `保存申报 ${row.case_no} 的修改`,
    });
    return { id: row.id, caseNo: row.case_no };
  });
}

/** Every required document of the checklist is attached (the licence may be the enterprise's own, on file). */
async function checkDocuments(
  trx: Transaction<Database>,
  row: CaseRow,
  parameters: ProgrammeParameters,
): Promise<void> {
  const ids = JSON.parse(row.document_ids_json) as number[];
  const attached = await documentsOfEnterprise(trx, row.enterprise_id, ids);
  const kinds = new Set(attached.map((d) => d.kind));
  if (!kinds.has('business-licence') && (await fundingReadiness(trx, row.enterprise_id)).hasBusinessLicence) {
    kinds.add('business-licence');
  }
  const missing = parameters.requiredDocuments.filter((d) => d.required && !kinds.has(d.key));
  if (missing.length > 0) {
    throw conflict('FUNDING.DOCUMENTS_MISSING', `缺少申报材料：${missing.map((d) => d.label).join('、')}`, {
      missing: missing.map((d) => d.key),
    });
  }
}

async function submitOrResubmit(ctx: AuthedContext, caseId: number, mode: 'submit' | 'resubmit') {
  return inTransaction(ctx, async (trx) => {
    const row = await ownCase(trx, ctx, caseId);
    const c = toFundingCase(row);
    const programme = await findProgramme(trx, row.programme_id);
    if (!programme) throw programmeNotFound();
    if (mode === 'resubmit') {
      const last = await trx
        .selectFrom('case_return')
        .select(['answer'])
        .where('case_id', '=', row.id)
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (!last || last.answer === null)
        throw conflict('FUNDING.RETURN_NOT_ANSWERED', '请先答复退回意见，再重新提交');
    }
    // §3: the parameters are frozen at the first submission; a correction is computed under the same version.
    const versionId = row.programme_version_id ?? programme.versionId;
    const parameters =
      versionId === programme.versionId ? programme.parameters : await findVersionParameters(trx, versionId);
    const eligibility = await eligibilityFor(trx, ctx, row.enterprise_id, programme, parameters, row.id);
    const blocking = eligibility.failures.filter(
      (f) => !(row.status === 'returned' && f.code === 'ELIGIBILITY.PROGRAMME_NOT_OPEN'),
    );
    const amount =
      blocking.length === 0
        ? await amountFor(trx, {
            enterpriseId: row.enterprise_id,
            scheme: programme.scheme,
            fiscalYear: programme.fiscalYear,
            parameters,
            data: JSON.parse(row.data_json),
            remaining: eligibility.remainingYearlyCapFen,
            caseId: row.id,
            lprTable: (await policyData(ctx, trx)).lprTable,
          })
        : null;
    const args = { computedAmountFen: amount?.amountFen ?? fen(0), eligibility };
    const next =
      mode === 'submit'
        ? submitCase(c, actorOf(ctx), nowIso(ctx), args)
        : resubmitCase(c, actorOf(ctx), nowIso(ctx), args);
    await checkDocuments(trx, row, parameters);
    await updateCase(
      trx,
      row.id,
      {
        ...columnsOf(next),
        programme_version_id: versionId,
        working_json: JSON.stringify(amount?.working ?? []),
      },
      ctx.now,
    );
    await registerOnceOnly(trx, {
      caseId: row.id,
      enterpriseId: row.enterprise_id,
      periods: amount?.subsidisedPeriods ?? [],
      milestoneKeys: amount?.milestoneKeys ?? [],
    });
    await recordAudit(trx, ctx, {
      action: `funding.case.${mode}`,
      objectType: 'funding_case',
      objectId: row.id,
      summary: `${mode === 'submit' ? '提交' : '重新提交'}申报 ${row.case_no}（${programme.name}），计算金额 ${formatFen(next.computedAmountFen)}`,
      details: { programmeVersionId: versionId, computedAmountFen: next.computedAmountFen },
    });
    return {
      id: row.id,
      caseNo: row.case_no,
      status: next.status,
      computedAmountFen: next.computedAmountFen,
    };
  });
}

export const submit = (ctx: AuthedContext, caseId: number) => submitOrResubmit(ctx, caseId, 'submit');
export const resubmit = (ctx: AuthedContext, caseId: number) => submitOrResubmit(ctx, caseId, 'resubmit');

export async function answerReturn(ctx: AuthedContext, input: AnswerReturn): Promise<{ ok: true }> {
  return inTransaction(ctx, async (trx) => {
    const row = await ownCase(trx, ctx, input.caseId);
    if (row.status !== 'returned') throw conflict('FUNDING.NOT_RETURNED', '该申报未被退回，无需答复');
    const last = await trx
      .selectFrom('case_return')
      .select('id')
      .where('case_id', '=', row.id)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('case_return')
      .set({ answer: input.answer, answered_by: ctx.user.id, answered_at: ctx.now.toISOString() })
      .where('id', '=', last.id)
      .execute();
    await updateCase(trx, row.id, {}, ctx.now);
    await recordAudit(trx, ctx, {
      action: 'funding.case.answerReturn',
      objectType: 'funding_case',
      objectId: row.id,
      summary: `答复退回意见（${row.case_no}）`,
      details: { answer: input.answer },
    });
    return { ok: true as const };
  });
}

export async function withdraw(ctx: AuthedContext, input: WithdrawInput): Promise<{ ok: true }> {
  return inTransaction(ctx, async (trx) => {
    const row = await ownCase(trx, ctx, input.caseId);
    const next = withdrawCase(toFundingCase(row), actorOf(ctx), nowIso(ctx), { reason: input.reason });
    await updateCase(trx, row.id, columnsOf(next), ctx.now);
    await releaseOnceOnly(trx, row.id);
    await recordAudit(trx, ctx, {
      action: 'funding.case.withdraw',
      objectType: 'funding_case',
      objectId: row.id,
      summary: `企业撤回申报 ${row.case_no}：${input.reason}`,
      details: { reason: input.reason },
    });
    return { ok: true as const };
  });
}

export async function mine(ctx: AuthedContext, input: { page: number; pageSize: number }) {
  const enterpriseId = ownEnterpriseId(ctx);
  const { limit, offset } = pageOf(input);
  return listOfEnterprise(ctx.db, enterpriseId, limit, offset);
}

/** One case with its data, amount and working, returns, documents and timeline; own enterprise or staff only. */
export async function get(ctx: AuthedContext, caseId: number) {
  const row = await findCaseRow(ctx.db, caseId);
  const staff = can(ctx.user.roles, 'programme.view');
  if (!row || (!staff && row.enterprise_id !== ctx.user.enterpriseId)) throw caseNotFound();
  const programme = await findProgramme(ctx.db, row.programme_id);
  const enterprise = await ctx.db
    .selectFrom('enterprise')
    .select(['name', 'uscc'])
    .where('id', '=', row.enterprise_id)
    .executeTakeFirstOrThrow();
  const returns = await ctx.db
    .selectFrom('case_return')
    .select(['id', 'reason', 'returned_at', 'answer', 'answered_at'])
    .where('case_id', '=', row.id)
    .orderBy('id', 'asc')
    .execute();
  const documents = await documentsOfEnterprise(
    ctx.db,
    row.enterprise_id,
    JSON.parse(row.document_ids_json) as number[],
  ).catch(() => []);
  const timeline = await ctx.db
    .selectFrom('audit_event')
    .select(['seq', 'at', 'actor_name', 'action', 'summary'])
    .where('object_type', '=', 'funding_case')
    .where('object_id', '=', String(row.id))
    .orderBy('seq', 'asc')
    .execute();
  const objections = await ctx.db
    .selectFrom('objection')
    .select(['id', 'status', 'outcome', 'lodged_at', 'resolution', 'resolved_at'])
    .where('case_id', '=', row.id)
    .orderBy('id', 'asc')
    .execute();
  const openObjections = objections.filter((o) => o.status === 'open').length;
  const c: FundingCase = toFundingCase(row);
  return {
    id: row.id,
    caseNo: row.case_no,
    programmeId: row.programme_id,
    programmeName: programme?.name ?? '',
    scheme: row.scheme,
    schemeLabel: SCHEME_LABELS[row.scheme],
    status: row.status,
    statusLabel: CASE_STATUS_LABELS[row.status],
    enterpriseId: row.enterprise_id,
    enterpriseName: enterprise.name,
    uscc: enterprise.uscc,
    data: JSON.parse(row.data_json) as unknown,
    computedAmountFen: row.computed_amount_fen,
    recommendedAmountFen: row.recommended_amount_fen,
    adjustmentReason: row.adjustment_reason,
    working: row.working_json ? (JSON.parse(row.working_json) as { label: string; value: string }[]) : [],
    programmeVersionId: row.programme_version_id,
    noticeId: row.notice_id,
    noticeEndsOn: row.notice_ends_on,
    closeReason: row.close_reason,
    voucherNo: row.voucher_no,
    paidOn: row.paid_on,
    returns: returns.map((r) => ({
      id: r.id,
      reason: r.reason,
      returnedAt: r.returned_at,
      answer: r.answer,
      answeredAt: r.answered_at,
    })),
    documents: documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      mime: d.mime,
      size: d.size,
      originalName: d.original_name,
    })),
    objections: staff
      ? objections.map((o) => ({
          id: o.id,
          status: o.status,
          outcome: o.outcome,
          lodgedAt: o.lodged_at,
          resolution: o.resolution,
        }))
      : [],
    openObjections,
    timeline: timeline.map((t) => ({
      seq: t.seq,
      at: t.at,
      actorName: t.actor_name,
      action: t.action,
      summary: t.summary,
    })),
    allowedActions: allowedActions(c, ctx.user.roles, ctx.user.id, today(ctx), { openObjections }),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
