/**
 * Programmes (申报批次) and their budget (admin). Parameters are validated by the domain's `ProgrammeParameters`;
 * once a case references a version, a change creates a new version (domain `nextParametersVersion`), so a past
 * award is never recomputed under new rules (§3).
 */
import {
  ENTERPRISE_SCHEMES,
  invalid,
  nextParametersVersion,
  SCHEME_LABELS,
  formatFen,
  type ProgrammeParameters,
} from '@fund/domain';
import { recordAudit } from '../../audit/audit.service';
import type { Context } from '../../context';
import { withIdempotency } from '../../idempotency';
import { canonicalJson } from '../../lib/canonical-json';
import { inTransaction } from '../../trpc';
import type { AuthedContext } from '../auth/auth.service';
import { programmeNotFound, today } from './funding.common';
import type { AllocateBudget, CreateProgramme, NewParametersVersion } from './funding.schemas';
import { appendLedgerEntry, budgetBalances, type BudgetBalances } from './ledger.queries';
import {
  findProgramme,
  insertProgramme,
  insertVersion,
  listProgrammes,
  versionHasApplications,
  type ProgrammeRecord,
} from './programmes.queries';

export interface ProgrammeView {
  id: number;
  name: string;
  scheme: ProgrammeRecord['scheme'];
  schemeLabel: string;
  fiscalYear: number;
  opensOn: string;
  closesOn: string;
  guidelines: string;
  version: number;
  parameters: ProgrammeParameters;
  open: boolean;
}

export type ProgrammeWithBudget = ProgrammeView & { budget: BudgetBalances };

function viewOf(p: ProgrammeRecord, day: string): ProgrammeView {
  return {
    id: p.id,
    name: p.name,
    scheme: p.scheme,
    schemeLabel: SCHEME_LABELS[p.scheme],
    fiscalYear: p.fiscalYear,
    opensOn: p.opensOn,
    closesOn: p.closesOn,
    guidelines: p.guidelines,
    version: p.version,
    parameters: p.parameters,
    open: p.status === 'active' && p.opensOn <= day && day <= p.closesOn,
  };
}

export async function create(ctx: AuthedContext, input: CreateProgramme): Promise<{ id: number }> {
  return inTransaction(ctx, async (trx) => {
    const { id } = await insertProgramme(trx, {
      name: input.name,
      scheme: input.parameters.scheme,
      fiscalYear: input.fiscalYear,
      opensOn: input.opensOn,
      closesOn: input.closesOn,
      guidelines: input.guidelines,
      parameters: input.parameters,
      by: ctx.user.id,
      now: ctx.now,
    });
    await recordAudit(trx, ctx, {
      action: 'funding.programme.create',
      objectType: 'programme',
      objectId: id,
      summary: `创建项目「${input.name}」（${SCHEME_LABELS[input.parameters.scheme]}，${input.fiscalYear} 年度）`,
      after: { ...input, guidelines: undefined },
    });
    return { id };
  });
}

export async function newVersion(
  ctx: AuthedContext,
  input: NewParametersVersion,
): Promise<{ version: number; versionId: number }> {
  return inTransaction(ctx, async (trx) => {
    const p = await findProgramme(trx, input.programmeId);
    if (!p) throw programmeNotFound();
    if (input.parameters.scheme !== p.scheme) {
      throw invalid('FUNDING.INVALID_PARAMETERS', `项目类型为「${SCHEME_LABELS[p.scheme]}」，参数类型不一致`);
    }
    const hasApplications = await versionHasApplications(trx, p.versionId);
    const version = nextParametersVersion({ version: p.version, hasApplications });
    let versionId = p.versionId;
    if (version === p.version) {
      // No application references the current version yet: it may still be edited in place.
      await trx
        .updateTable('programme_version')
        .set({ parameters_json: canonicalJson(input.parameters) })
        .where('id', '=', p.versionId)
        .execute();
    } else {
      versionId = await insertVersion(trx, {
        programmeId: p.id,
        version,
        parameters: input.parameters,
        by: ctx.user.id,
        now: ctx.now,
      });
      await trx
        .updateTable('programme')
        .set({ current_version_id: versionId })
        .where('id', '=', p.id)
        .execute();
    }
    await recordAudit(trx, ctx, {
      action: 'funding.programme.parameters',
      objectType: 'programme',
      objectId: p.id,
      summary:
        version === p.version
          ? `修改项目「${p.name}」参数（第 ${version} 版，尚无申报）`
          : `项目「${p.name}」参数发布第 ${version} 版`,
      before: p.parameters,
      after: input.parameters,
    });
    return { version, versionId };
  });
}

export async function allocate(
  ctx: AuthedContext,
  input: AllocateBudget,
): Promise<{ ok: true; budget: BudgetBalances }> {
  const { idempotencyKey, ...request } = input;
  return inTransaction(ctx, (trx) =>
    withIdempotency(
      trx,
      { key: idempotencyKey, actorId: ctx.user.id, procedure: 'budget.allocate', request, now: ctx.now },
      async () => {
        const p = await findProgramme(trx, input.programmeId);
        if (!p) throw programmeNotFound();
        await appendLedgerEntry(trx, {
          transferId: `allocation:${ctx.user.id}:${idempotencyKey}`,
          programmeId: p.id,
          kind: 'allocation',
          amountFen: input.amountFen,
          caseId: null,
          memo: input.memo,
          by: ctx.user.id,
          now: ctx.now,
        });
        await recordAudit(trx, ctx, {
          action: 'funding.budget.allocate',
          objectType: 'programme',
          objectId: p.id,
          summary: `项目「${p.name}」下达预算 ${formatFen(input.amountFen)}：${input.memo}`,
          details: { amountFen: input.amountFen, memo: input.memo },
        });
        const budget = (await budgetBalances(trx, [p.id])).get(p.id)!;
        return { ok: true as const, budget };
      },
    ),
  );
}

export async function list(ctx: AuthedContext): Promise<ProgrammeWithBudget[]> {
  const programmes = await listProgrammes(ctx.db);
  const budgets = await budgetBalances(
    ctx.db,
    programmes.map((p) => p.id),
  );
  const day = today(ctx);
  return programmes.map((p) => ({ ...viewOf(p, day), budget: budgets.get(p.id)! }));
}

export async function get(ctx: AuthedContext, programmeId: number): Promise<ProgrammeWithBudget> {
  const p = await findProgramme(ctx.db, programmeId);
  if (!p) throw programmeNotFound();
  const budgets = await budgetBalances(ctx.db, [p.id]);
  return { ...viewOf(p, today(ctx)), budget: budgets.get(p.id)! };
}

/** Public: the enterprise programmes open for applications today (no budget figures). */
export async function open(ctx: Context): Promise<ProgrammeView[]> {
  const day = today(ctx);
  const programmes = await listProgrammes(ctx.db, { openOn: day, schemes: ENTERPRISE_SCHEMES });
  return programmes.map((p) => viewOf(p, day));
}
