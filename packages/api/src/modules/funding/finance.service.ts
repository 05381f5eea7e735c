/**
 * Finance (区财政局): approval within budget, refusal, payment batches and the bank file, payment recording, and
 * (以奖代投) clawbacks and recoveries. Money rules (docs/decisions/006-funding-ledger-and-idempotency.md):
 * - the budget check and the commitment entry that depends on it are written in ONE kysely transaction (serialised
 *   on the single SQLite connection), so concurrent approvals can never overdraw a programme;
 * - a disbursement is created once per approved case (`disbursement.case_id UNIQUE`) and paid once
 *   (`payment.disbursement_id UNIQUE`); client idempotency keys (`withIdempotency`) make retries replay the answer.
 */
import {
  approve as approveCase,
  clawBack as clawBackCase,
  conflict,
  disburse,
  fenToYuanString,
  formatFen,
  invalid,
  notFound,
  refuseByFinance,
  remainingYearlyCapFen,
  type ClawBackInput,
  type RefuseByFinanceInput,
} from '@fund/domain';
import ExcelJS from 'exceljs';
import type { Transaction } from 'kysely';
import { recordAudit } from '../../audit/audit.service';
import { precompiled } from '../../db/precompiled';
import type { Database } from '../../db/schema';
import { withIdempotency } from '../../idempotency';
import { inTransaction } from '../../trpc';
import type { AuthedContext } from '../auth/auth.service';
import { columnsOf, toFundingCase } from './case-state';
import { findCaseRow, fundingHistory, listQueue, updateCase } from './cases.queries';
import { actorOf, caseNotFound, notifyEnterprise, nowIso, pageOf } from './funding.common';
import type {
  ApproveInput,
  ClawbackList,
  CreateBatch,
  FinanceQueue,
  RecordPayment,
  RecordRecovery,
} from './funding.schemas';
import { appendLedgerEntry, budgetOf } from './ledger.queries';
import { findVersionParameters } from './programmes.queries';

const disbursementNotFound = () => notFound('FUNDING.DISBURSEMENT_NOT_FOUND', '未找到该拨付单');

export async function queue(ctx: AuthedContext, input: FinanceQueue) {
  const { limit, offset } = pageOf(input);
  const page = await listQueue(ctx.db, {
    statuses: [input.status],
    programmeId: input.programmeId,
    limit,
    offset,
  });
  const ids = page.items.map((i) => i.id);
  const disbursements =
    ids.length === 0
      ? []
      : await ctx.db
          .selectFrom('disbursement')
          .leftJoin('payment', 'payment.disbursement_id', 'disbursement.id')
          .select([
            'disbursement.id',
            'disbursement.case_id',
            'disbursement.batch_id',
            'payment.id as payment_id',
          ])
          .where('disbursement.case_id', 'in', ids)
          .execute();
  const byCase = new Map(disbursements.map((d) => [d.case_id, d]));
  return {
    total: page.total,
    items: page.items.map((i) => {
      const d = byCase.get(i.id);
      return {
        ...i,
        disbursementId: d?.id ?? null,
        batchId: d?.batch_id ?? null,
        paid: d?.payment_id != null,
      };
    }),
  };
}

// The approval's fixed-shape statements, compiled once (ADR 014): it is the busiest money mutation.
const openObjections = precompiled((db, caseId: number) =>
  db
    .selectFrom('objection')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('case_id', '=', caseId)
    .where('status', '=', 'open'),
);
const verifiedAccount = precompiled((db, enterpriseId: number) =>
  db
    .selectFrom('enterprise_bank_account')
    .select('id')
    .where('enterprise_id', '=', enterpriseId)
    .where('status', '=', 'verified')
    .limit(1),
);
const insertDisbursement = precompiled(
  (
    db,
    caseId: number,
    programmeId: number,
    idemKey: string,
    amountFen: number,
    bankAccountId: number,
    approvedBy: number,
    approvedAt: string,
  ) =>
    (db as Transaction<Database>)
      .insertInto('disbursement')
      .values({
        case_id: caseId,
        programme_id: programmeId,
        idem_key: idemKey,
        amount_fen: amountFen,
        bank_account_id: bankAccountId,
        batch_id: null,
        approved_by: approvedBy,
        approved_at: approvedAt,
      })
      .returning('id'),
);

export async function approve(ctx: AuthedContext, input: ApproveInput) {
  const { idempotencyKey, ...request } = input;
  return inTransaction(ctx, (trx) =>
    withIdempotency(
      trx,
      { key: idempotencyKey, actorId: ctx.user.id, procedure: 'finance.approve', request, now: ctx.now },
      async () => {
        const row = await findCaseRow(trx, input.caseId);
        if (!row) throw caseNotFound();
        const [{ n }] = (await openObjections(trx, row.id)) as [{ n: number }];
        // Read in the same transaction as the commitment below: nothing can commit in between (ADR 006).
        const budget = await budgetOf(trx, row.programme_id);
        const next = approveCase(toFundingCase(row), actorOf(ctx), nowIso(ctx), {
          openObjections: Number(n),
          budgetRemainingFen: budget.availableFen,
        });
        // §3: the yearly cap again, on fresh history (two applications of one enterprise can be in flight at once).
        const parameters = await findVersionParameters(trx, row.programme_version_id!);
        if (parameters.scheme !== 'centre-service') {
          const remaining = remainingYearlyCapFen(
            await fundingHistory(trx, row.enterprise_id, row.id),
            row.fiscal_year,
            parameters.perEnterpriseYearlyCapFen,
          );
          if (next.amountFen > remaining) {
            throw conflict(
              'FUNDING.YEARLY_CAP_EXCEEDED',
              `该企业 ${row.fiscal_year} 年度剩余扶持额度 ${formatFen(remaining)}，不足以支付本案金额 ${formatFen(next.amountFen)}`,
            );
          }
        }
        const [account] = await verifiedAccount(trx, row.enterprise_id);
        if (!account)
          throw conflict('FUNDING.NO_VERIFIED_BANK_ACCOUNT', '该企业尚无核验通过的收款账户，暂不能审批拨付');
        if (next.amountFen <= 0)
          throw invalid('FUNDING.NOTHING_TO_PAY', '本案金额为0，无需拨付，请作不通过处理');
        await appendLedgerEntry(trx, {
          transferId: `commit:case:${row.id}`,
          programmeId: row.programme_id,
          kind: 'commitment',
          amountFen: next.amountFen,
          caseId: row.id,
          memo: row.case_no,
          by: ctx.user.id,
          now: ctx.now,
        });
        const [{ id: disbursementId }] = (await insertDisbursement(
          trx,
          row.id,
          row.programme_id,
          `${ctx.user.id}:${idempotencyKey}`,
          next.amountFen,
          account.id,
          ctx.user.id,
          next.approvedAt,
        )) as [{ id: number }];
        await updateCase(trx, row.id, columnsOf(next), ctx.now);
        await notifyEnterprise(
          trx,
          row.enterprise_id,
          row.id,
          `您的申报 ${row.case_no} 已审批通过，金额 ${formatFen(next.amountFen)}，等待拨付`,
          ctx.now,
          row.case_no,
        );
        await recordAudit(trx, ctx, {
          action: 'funding.case.approve',
          objectType: 'funding_case',
          objectId: row.id,
          summary: `财政审批通过 ${row.case_no}，占用预算 ${formatFen(next.amountFen)}（审批前可用 ${formatFen(budget.availableFen)}）`,
          details: { amountFen: next.amountFen, availableBeforeFen: budget.availableFen, disbursementId },
        });
        return { caseId: row.id, disbursementId, amountFen: next.amountFen };
      },
    ),
  );
}

export async function refuse(ctx: AuthedContext, input: RefuseByFinanceInput): Promise<{ ok: true }> {
  return inTransaction(ctx, async (trx) => {
    const row = await findCaseRow(trx, input.caseId);
    if (!row) throw caseNotFound();
    const next = refuseByFinance(toFundingCase(row), actorOf(ctx), nowIso(ctx), { reason: input.reason });
    await updateCase(trx, row.id, columnsOf(next), ctx.now);
    await trx.deleteFrom('subsidised_period').where('case_id', '=', row.id).execute();
    await trx.deleteFrom('awarded_milestone').where('case_id', '=', row.id).execute();
    await notifyEnterprise(
      trx,
      row.enterprise_id,
      row.id,
      `您的申报 ${row.case_no} 财政审核未通过：${next.reason}`,
      ctx.now,
    );
    await recordAudit(trx, ctx, {
      action: 'funding.case.refuseByFinance',
      objectType: 'funding_case',
      objectId: row.id,
      summary: `财政审核不通过 ${row.case_no}：${next.reason}`,
      details: { reason: next.reason },
    });
    return { ok: true as const };
  });
}

export async function recordPayment(ctx: AuthedContext, input: RecordPayment) {
  const { idempotencyKey, ...request } = input;
  return inTransaction(ctx, (trx) =>
    withIdempotency(
      trx,
      {
        key: idempotencyKey,
        actorId: ctx.user.id,
        procedure: 'finance.recordPayment',
        request,
        now: ctx.now,
      },
      async () => {
        const d = await trx
          .selectFrom('disbursement')
          .selectAll()
          .where('id', '=', input.disbursementId)
          .executeTakeFirst();
        if (!d) throw disbursementNotFound();
        const paid = await trx
          .selectFrom('payment')
          .select('id')
          .where('disbursement_id', '=', d.id)
          .executeTakeFirst();
        if (paid) throw conflict('FUNDING.ALREADY_PAID', '该拨付单已登记付款，不能重复登记');
        const row = await findCaseRow(trx, d.case_id);
        if (!row) throw caseNotFound();
        const next = disburse(toFundingCase(row), actorOf(ctx), nowIso(ctx), {
          voucherNo: input.voucherNo,
          paidOn: input.paidOn,
        });
        const { id: paymentId } = await trx
          .insertInto('payment')
          .values({
            disbursement_id: d.id,
            voucher_no: next.voucherNo,
            paid_on: next.paidOn,
            amount_fen: d.amount_fen,
            recorded_by: ctx.user.id,
            recorded_at: ctx.now.toISOString(),
            idem_key: `${ctx.user.id}:${idempotencyKey}`,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await appendLedgerEntry(trx, {
          transferId: `pay:disbursement:${d.id}`,
          programmeId: d.programme_id,
          kind: 'payment',
          amountFen: d.amount_fen,
          caseId: row.id,
          memo: next.voucherNo,
          by: ctx.user.id,
          now: ctx.now,
        });
        await updateCase(trx, row.id, columnsOf(next), ctx.now);
        await notifyEnterprise(
          trx,
          row.enterprise_id,
          row.id,
          `您的申报 ${row.case_no} 已拨付 ${formatFen(d.amount_fen)}（${next.paidOn}）`,
          ctx.now,
        );
        await recordAudit(trx, ctx, {
          action: 'funding.case.disburse',
          objectType: 'funding_case',
          objectId: row.id,
          summary: `登记拨付 ${row.case_no}：${formatFen(d.amount_fen)}，凭证号 ${next.voucherNo}，支付日期 ${next.paidOn}`,
          details: { disbursementId: d.id, paymentId, amountFen: d.amount_fen },
        });
        return { paymentId, caseId: row.id, amountFen: d.amount_fen };
      },
    ),
  );
}

export async function createBatch(
  ctx: AuthedContext,
  input: CreateBatch,
): Promise<{ batchId: number; batchNo: string }> {
  return inTransaction(ctx, async (trx) => {
    const ids = [...new Set(input.disbursementIds)];
    const rows = await trx
      .selectFrom('disbursement')
      .leftJoin('payment', 'payment.disbursement_id', 'disbursement.id')
      .select(['disbursement.id', 'disbursement.batch_id', 'payment.id as payment_id'])
      .where('disbursement.id', 'in', ids)
      .execute();
    if (rows.length !== ids.length) throw disbursementNotFound();
    if (rows.some((r) => r.batch_id !== null || r.payment_id !== null)) {
      throw conflict('FUNDING.BATCH_CONFLICT', '所选拨付单中有已编入批次或已付款的，请刷新后重试');
    }
    const at = ctx.now.toISOString();
    const { id } = await trx
      .insertInto('payment_batch')
      .values({ batch_no: `tmp-${at}`, created_by: ctx.user.id, created_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    const batchNo = `PB-${at.slice(0, 10).replace(/-/g, '')}-${String(id).padStart(4, '0')}`;
    await trx.updateTable('payment_batch').set({ batch_no: batchNo }).where('id', '=', id).execute();
    await trx.updateTable('disbursement').set({ batch_id: id }).where('id', 'in', ids).execute();
    await recordAudit(trx, ctx, {
      action: 'funding.batch.create',
      objectType: 'payment_batch',
      objectId: id,
      summary: `生成拨付批次 ${batchNo}，共 ${ids.length} 笔`,
      details: { disbursementIds: ids },
    });
    return { batchId: id, batchNo };
  });
}

/**
 * The bank file of a batch (Excel). The bank needs the FULL account number, so this is a deliberate unmasked export
 * by finance (§8, PIPL Art. 28/51): it is a mutation (never a GET side effect), permission `payment.record`, and it
 * writes an audit event naming the batch and the number of accounts — never the numbers themselves.
 */
export async function exportBatch(
  ctx: AuthedContext,
  batchId: number,
): Promise<{ fileName: string; base64: string; rows: number; totalFen: number }> {
  return inTransaction(ctx, async (trx) => {
    const batch = await trx
      .selectFrom('payment_batch')
      .selectAll()
      .where('id', '=', batchId)
      .executeTakeFirst();
    if (!batch) throw notFound('FUNDING.BATCH_NOT_FOUND', '未找到该拨付批次');
    const rows = await trx
      .selectFrom('disbursement')
      .innerJoin('funding_case', 'funding_case.id', 'disbursement.case_id')
      .innerJoin('enterprise', 'enterprise.id', 'funding_case.enterprise_id')
      .innerJoin('enterprise_bank_account', 'enterprise_bank_account.id', 'disbursement.bank_account_id')
      .select([
        'funding_case.case_no',
        'enterprise.name',
        'enterprise.uscc',
        'enterprise_bank_account.bank',
        'enterprise_bank_account.account_name',
        'enterprise_bank_account.account_number_enc',
        'disbursement.amount_fen',
      ])
      .where('disbursement.batch_id', '=', batch.id)
      .orderBy('funding_case.case_no')
      .execute();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('拨付清单');
    ws.columns = [
      { header: '案件编号', key: 'caseNo', width: 18 },
      { header: '企业名称', key: 'name', width: 32 },
      { header: '统一社会信用代码', key: 'uscc', width: 22 },
      { header: '开户银行', key: 'bank', width: 24 },
      { header: '账户名称', key: 'accountName', width: 32 },
      { header: '银行账号', key: 'account', width: 26 },
      { header: '金额（元）', key: 'amount', width: 14 },
    ];
    let totalFen = 0;
    for (const r of rows) {
      totalFen += r.amount_fen;
      // Text, not a number: a 19-digit account must not become 6.22E+18 in Excel.
      ws.addRow({
        caseNo: r.case_no,
        name: r.name,
        uscc: r.uscc,
        bank: r.bank,
        accountName: r.account_name,
        account: ctx.pii.decryptField(r.account_number_enc),
        amount: fenToYuanString(r.amount_fen),
      });
    }
    ws.getColumn('account').numFmt = '@';
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    await recordAudit(trx, ctx, {
      action: 'pii.unmask.export',
      objectType: 'payment_batch',
      objectId: batch.id,
      summary: `导出拨付批次 ${batch.batch_no} 银行文件（含完整银行账号 ${rows.length} 个，合计 ${formatFen(totalFen)}）`,
      details: { rows: rows.length, totalFen },
    });
    return {
      fileName: `${batch.batch_no}.xlsx`,
      base64: buffer.toString('base64'),
      rows: rows.length,
      totalFen,
    };
  });
}

/** 以奖代投 only (§5, domain `clawBack`): the amount from the frozen parameters; the enterprise is flagged. */
export async function recordClawback(
  ctx: AuthedContext,
  input: ClawBackInput,
): Promise<{ clawbackId: number; amountFen: number }> {
  return inTransaction(ctx, async (trx) => {
    const row = await findCaseRow(trx, input.caseId);
    if (!row) throw caseNotFound();
    const parameters =
      row.programme_version_id === null ? null : await findVersionParameters(trx, row.programme_version_id);
    const clawbackMonths =
      parameters?.scheme === 'award-in-lieu-of-investment' ? parameters.clawbackMonths : 36;
    const next = clawBackCase(
      toFundingCase(row),
      actorOf(ctx),
      nowIso(ctx),
      input.ground === 'moved-out'
        ? { ground: 'moved-out', movedOutOn: input.movedOutOn, reason: input.reason, clawbackMonths }
        : { ground: 'false-material', reason: input.reason },
    );
    const { id } = await trx
      .insertInto('clawback')
      .values({
        case_id: row.id,
        ground: next.clawbackGround,
        reason: next.clawbackReason,
        amount_fen: next.clawbackFen,
        moved_out_on: next.movedOutOn,
        recorded_by: ctx.user.id,
        recorded_at: ctx.now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await updateCase(trx, row.id, columnsOf(next), ctx.now);
    await trx
      .insertInto('enterprise_flag')
      .values({
        enterprise_id: row.enterprise_id,
        kind: 'clawback',
        reason: `${row.case_no}：${next.clawbackReason}`,
        set_by: ctx.user.id,
        set_at: ctx.now.toISOString(),
        cleared_by: null,
        cleared_at: null,
        clear_reason: null,
      })
      .execute();
    await notifyEnterprise(
      trx,
      row.enterprise_id,
      row.id,
      `您的奖励 ${row.case_no} 须退回 ${formatFen(next.clawbackFen)}：${next.clawbackReason}`,
      ctx.now,
    );
    await recordAudit(trx, ctx, {
      action: 'funding.case.clawBack',
      objectType: 'funding_case',
      objectId: row.id,
      summary: `追回 ${row.case_no} 奖励 ${formatFen(next.clawbackFen)}（${next.clawbackGround === 'false-material' ? '申报材料虚假' : '注册地迁出本区'}）：${next.clawbackReason}`,
      details: {
        clawbackId: id,
        amountFen: next.clawbackFen,
        ground: next.clawbackGround,
        fullMonthsElapsed: next.fullMonthsElapsed,
      },
    });
    return { clawbackId: id, amountFen: next.clawbackFen };
  });
}

/** Money received back: a recovery entry returns it to the programme's budget (§5). */
export async function recordRecovery(ctx: AuthedContext, input: RecordRecovery) {
  const { idempotencyKey, ...request } = input;
  return inTransaction(ctx, (trx) =>
    withIdempotency(
      trx,
      {
        key: idempotencyKey,
        actorId: ctx.user.id,
        procedure: 'clawbacks.recordRecovery',
        request,
        now: ctx.now,
      },
      async () => {
        const cb = await trx
          .selectFrom('clawback')
          .innerJoin('funding_case', 'funding_case.id', 'clawback.case_id')
          .select([
            'clawback.id',
            'clawback.case_id',
            'clawback.amount_fen',
            'clawback.recovered_fen',
            'funding_case.programme_id',
            'funding_case.case_no',
          ])
          .where('clawback.id', '=', input.clawbackId)
          .executeTakeFirst();
        if (!cb) throw notFound('FUNDING.CLAWBACK_NOT_FOUND', '未找到该追回记录');
        const outstanding = cb.amount_fen - cb.recovered_fen;
        if (input.amountFen > outstanding) {
          throw invalid(
            'FUNDING.RECOVERY_EXCEEDS_CLAWBACK',
            `到账金额 ${formatFen(input.amountFen)} 超过待追回金额 ${formatFen(outstanding)}`,
          );
        }
        await trx
          .updateTable('clawback')
          .set({ recovered_fen: cb.recovered_fen + input.amountFen })
          .where('id', '=', cb.id)
          .execute();
        await appendLedgerEntry(trx, {
          transferId: `recovery:${cb.id}:${ctx.user.id}:${idempotencyKey}`,
          programmeId: cb.programme_id,
          kind: 'recovery',
          amountFen: input.amountFen,
          caseId: cb.case_id,
          memo: `${cb.case_no} ${input.receivedOn}`,
          by: ctx.user.id,
          now: ctx.now,
        });
        await recordAudit(trx, ctx, {
          action: 'funding.clawback.recover',
          objectType: 'funding_case',
          objectId: cb.case_id,
          summary: `追回款到账 ${formatFen(input.amountFen)}（${cb.case_no}，${input.receivedOn}），返还项目预算`,
          details: {
            clawbackId: cb.id,
            amountFen: input.amountFen,
            outstandingFen: outstanding - input.amountFen,
          },
        });
        return {
          clawbackId: cb.id,
          recoveredFen: cb.recovered_fen + input.amountFen,
          outstandingFen: outstanding - input.amountFen,
        };
      },
    ),
  );
}

/** Clawbacks with what is still outstanding (for recording the money received back). */
export async function clawbackList(ctx: AuthedContext, input: ClawbackList) {
  const { limit, offset } = pageOf(input);
  const base = () => {
    let q = ctx.db
      .selectFrom('clawback')
      .innerJoin('funding_case', 'funding_case.id', 'clawback.case_id')
      .innerJoin('enterprise', 'enterprise.id', 'funding_case.enterprise_id');
    if (input.outstandingOnly) q = q.whereRef('clawback.recovered_fen', '<', 'clawback.amount_fen');
    return q;
  };
  const rows = await base()
    .select([
      'clawback.id',
      'clawback.case_id',
      'funding_case.case_no',
      'enterprise.name as enterprise_name',
      'enterprise.uscc',
      'clawback.ground',
      'clawback.reason',
      'clawback.amount_fen',
      'clawback.recovered_fen',
      'clawback.moved_out_on',
      'clawback.recorded_at',
    ])
    .orderBy('clawback.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  const { n } = await base()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return {
    total: Number(n),
    items: rows.map((r) => ({
      id: r.id,
      caseId: r.case_id,
      caseNo: r.case_no,
      enterpriseName: r.enterprise_name,
      uscc: r.uscc,
      ground: r.ground,
      reason: r.reason,
      amountFen: r.amount_fen,
      recoveredFen: r.recovered_fen,
      outstandingFen: r.amount_fen - r.recovered_fen,
      movedOutOn: r.moved_out_on,
      recordedAt: r.recorded_at,
    })),
  };
}
