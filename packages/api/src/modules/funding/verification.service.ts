/**
 * Enterprise verification (§2): the applicant uploads its business licence and enters its receiving bank account;
 * a reviewer checks the licence (and the district on it) and the account, and sets or clears the 失信 flag, each
 * with a reason, audited. The account name must equal the enterprise name; a changed account needs verification
 * again (the old one is marked replaced).
 */
import { conflict, DEFAULT_DISTRICT_CODES, invalid, maskBankAccount, notFound } from '@fund/domain';
import { sql } from 'kysely';
import { recordAudit } from '../../audit/audit.service';
import { inTransaction } from '../../trpc';
import type { AuthedContext } from '../auth/auth.service';
import { pageOf, type Db } from './funding.common';
import type {
  DecideBankAccount,
  FlagEnterprise,
  SubmitBankAccount,
  VerificationQueue,
  VerifyEnterprise,
} from './funding.schemas';

export const BANK_ACCOUNT_INDEX = 'enterprise.bankAccount';

const enterpriseNotFound = () => notFound('ENTERPRISE.NOT_FOUND', '未找到该企业');

/** The readiness facts that the enterprises module's `missing` list needs (enterpriseReadiness inputs). */
export async function fundingReadiness(
  db: Db,
  enterpriseId: number,
): Promise<{ hasBusinessLicence: boolean; hasVerifiedBankAccount: boolean }> {
  const licence = await db
    .selectFrom('enterprise_document')
    .select('id')
    .where('enterprise_id', '=', enterpriseId)
    .where('kind', '=', 'business-licence')
    .limit(1)
    .executeTakeFirst();
  const account = await db
    .selectFrom('enterprise_bank_account')
    .select('id')
    .where('enterprise_id', '=', enterpriseId)
    .where('status', '=', 'verified')
    .limit(1)
    .executeTakeFirst();
  return { hasBusinessLicence: licence !== undefined, hasVerifiedBankAccount: account !== undefined };
}

export interface BankAccountView {
  id: number;
  bank: string;
  accountName: string;
  accountNumberMasked: string;
  status: 'pending' | 'verified' | 'rejected' | 'replaced';
  decisionReason: string | null;
  createdAt: string;
}

export async function bankAccounts(db: Db, enterpriseId: number): Promise<BankAccountView[]> {
  const rows = await db
    .selectFrom('enterprise_bank_account')
    .select([
      'id',
      'bank',
      'account_name',
      'account_number_masked',
      'status',
      'decision_reason',
      'created_at',
    ])
    .where('enterprise_id', '=', enterpriseId)
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    bank: r.bank,
    accountName: r.account_name,
    accountNumberMasked: r.account_number_masked,
    status: r.status,
    decisionReason: r.decision_reason,
    createdAt: r.created_at,
  }));
}

function ownEnterpriseId(ctx: AuthedContext): number {
  if (ctx.user.enterpriseId === null) throw notFound('ENTERPRISE.NOT_FOUND', '您的账号尚未关联企业');
  return ctx.user.enterpriseId;
}

export async function mine(ctx: AuthedContext) {
  const enterpriseId = ownEnterpriseId(ctx);
  const documents = await ctx.db
    .selectFrom('enterprise_document')
    .select(['id', 'kind', 'mime', 'size', 'original_name', 'verified_at', 'created_at'])
    .where('enterprise_id', '=', enterpriseId)
    .orderBy('id', 'desc')
    .execute();
  return {
    documents: documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      mime: d.mime,
      size: d.size,
      originalName: d.original_name,
      verified: d.verified_at !== null,
      createdAt: d.created_at,
    })),
    bankAccounts: await bankAccounts(ctx.db, enterpriseId),
  };
}

export async function submitBankAccount(
  ctx: AuthedContext,
  input: SubmitBankAccount,
): Promise<{ id: number }> {
  const enterpriseId = ownEnterpriseId(ctx);
  return inTransaction(ctx, async (trx) => {
    const e = await trx
      .selectFrom('enterprise')
      .select(['name'])
      .where('id', '=', enterpriseId)
      .executeTakeFirst();
    if (!e) throw enterpriseNotFound();
    // Payments go only to an account in the enterprise's own name (对公账户户名须与企业名称一致).
    if (input.accountName.normalize('NFKC') !== e.name.normalize('NFKC')) {
      throw invalid('FUNDING.BANK_ACCOUNT_NAME_MISMATCH', `账户名称须与企业名称「${e.name}」一致`, {
        field: 'accountName',
      });
    }
    await trx
      .updateTable('enterprise_bank_account')
      .set({ status: 'replaced' })
      .where('enterprise_id', '=', enterpriseId)
      .where('status', 'in', ['pending', 'verified'])
      .execute();
    const masked = maskBankAccount(input.accountNumber);
    const { id } = await trx
      .insertInto('enterprise_bank_account')
      .values({
        enterprise_id: enterpriseId,
        bank: input.bank,
        account_name: input.accountName,
        account_number_enc: ctx.pii.encryptField(input.accountNumber),
        account_number_bidx: ctx.pii.blindIndex(input.accountNumber, BANK_ACCOUNT_INDEX),
        account_number_masked: masked,
        status: 'pending',
        submitted_by: ctx.user.id,
        verified_by: null,
        verified_at: null,
        decision_reason: null,
        created_at: ctx.now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      action: 'funding.bankAccount.submit',
      objectType: 'enterprise',
      objectId: enterpriseId,
      summary: `企业填写收款账户（${input.bank} ${masked}），待核验`,
      after: { bank: input.bank, accountName: input.accountName, accountNumberMasked: masked },
    });
    return { id };
  });
}

export async function decideBankAccount(ctx: AuthedContext, input: DecideBankAccount): Promise<{ ok: true }> {
  return inTransaction(ctx, async (trx) => {
    const a = await trx
      .selectFrom('enterprise_bank_account')
      .select(['id', 'enterprise_id', 'status', 'bank', 'account_number_masked'])
      .where('id', '=', input.accountId)
      .executeTakeFirst();
    if (!a) throw notFound('FUNDING.BANK_ACCOUNT_NOT_FOUND', '未找到该银行账户');
    if (a.status !== 'pending') throw conflict('FUNDING.BANK_ACCOUNT_DECIDED', '该账户已核验过或已被更换');
    await trx
      .updateTable('enterprise_bank_account')
      .set({
        status: input.decision,
        verified_by: ctx.user.id,
        verified_at: ctx.now.toISOString(),
        decision_reason: input.reason,
      })
      .where('id', '=', a.id)
      .execute();
    await recordAudit(trx, ctx, {
      action: `funding.bankAccount.${input.decision === 'verified' ? 'verify' : 'reject'}`,
      objectType: 'enterprise',
      objectId: a.enterprise_id,
      summary: `${input.decision === 'verified' ? '核验通过' : '核验不通过'}收款账户（${a.bank} ${a.account_number_masked}）：${input.reason}`,
      details: { accountId: a.id, reason: input.reason },
    });
    return { ok: true as const };
  });
}

export async function verifyEnterprise(ctx: AuthedContext, input: VerifyEnterprise): Promise<{ ok: true }> {
  return inTransaction(ctx, async (trx) => {
    const e = await trx
      .selectFrom('enterprise')
      .select(['id', 'name', 'uscc', 'verification_status', 'registered_district_code'])
      .where('id', '=', input.enterpriseId)
      .executeTakeFirst();
    if (!e) throw enterpriseNotFound();
    const doc = await trx
      .selectFrom('enterprise_document')
      .select(['id', 'kind'])
      .where('id', '=', input.licenceDocumentId)
      .where('enterprise_id', '=', e.id)
      .executeTakeFirst();
    if (!doc || doc.kind !== 'business-licence') {
      throw invalid('FUNDING.LICENCE_REQUIRED', '请选择该企业上传的营业执照进行核验');
    }
    const at = ctx.now.toISOString();
    await trx
      .updateTable('enterprise_document')
      .set({ verified_by: ctx.user.id, verified_at: at })
      .where('id', '=', doc.id)
      .execute();
    await trx
      .updateTable('enterprise')
      .set({ verification_status: 'verified', registered_district_code: input.registeredDistrictCode })
      .where('id', '=', e.id)
      .execute();
    const inDistrict = DEFAULT_DISTRICT_CODES.includes(input.registeredDistrictCode);
    await recordAudit(trx, ctx, {
      action: 'funding.enterprise.verify',
      objectType: 'enterprise',
      objectId: e.id,
      summary: `核验企业 ${e.name}（${e.uscc}）营业执照，登记地 ${input.registeredDistrictCode}${inDistrict ? '（本区）' : '（非本区）'}：${input.note}`,
      before: { verification: e.verification_status, registeredDistrictCode: e.registered_district_code },
      after: { verification: 'verified', registeredDistrictCode: input.registeredDistrictCode },
      details: { licenceDocumentId: doc.id, note: input.note },
    });
    return { ok: true as const };
  });
}

async function setDishonest(ctx: AuthedContext, input: FlagEnterprise, flag: boolean): Promise<{ ok: true }> {
  return inTransaction(ctx, async (trx) => {
    const e = await trx
      .selectFrom('enterprise')
      .select(['id', 'name', 'uscc', 'dishonest_flag'])
      .where('id', '=', input.enterpriseId)
      .executeTakeFirst();
    if (!e) throw enterpriseNotFound();
    if ((e.dishonest_flag === 1) === flag) {
      throw conflict('FUNDING.FLAG_UNCHANGED', flag ? '该企业已在失信名单中' : '该企业不在失信名单中');
    }
    const at = ctx.now.toISOString();
    await trx
      .updateTable('enterprise')
      .set({ dishonest_flag: flag ? 1 : 0 })
      .where('id', '=', e.id)
      .execute();
    if (flag) {
      await trx
        .insertInto('enterprise_flag')
        .values({
          enterprise_id: e.id,
          kind: 'dishonest',
          reason: input.reason,
          set_by: ctx.user.id,
          set_at: at,
          cleared_by: null,
          cleared_at: null,
          clear_reason: null,
        })
        .execute();
    } else {
      await trx
        .updateTable('enterprise_flag')
        .set({ cleared_by: ctx.user.id, cleared_at: at, clear_reason: input.reason })
        .where('enterprise_id', '=', e.id)
        .where('kind', '=', 'dishonest')
        .where('cleared_at', 'is', null)
        .execute();
    }
    await recordAudit(trx, ctx, {
      action: flag ? 'funding.enterprise.flagDishonest' : 'funding.enterprise.clearDishonest',
      objectType: 'enterprise',
      objectId: e.id,
      summary: `${flag ? '将企业列入失信名单' : '将企业移出失信名单'}：${e.name}（${e.uscc}），原因：${input.reason}`,
      details: { reason: input.reason },
    });
    return { ok: true as const };
  });
}

export const flagDishonest = (ctx: AuthedContext, input: FlagEnterprise) => setDishonest(ctx, input, true);
export const clearDishonest = (ctx: AuthedContext, input: FlagEnterprise) => setDishonest(ctx, input, false);

/** Staff view of an enterprise's documents and accounts (for the verification screen). */
export async function ofEnterprise(ctx: AuthedContext, enterpriseId: number) {
  const e = await ctx.db
    .selectFrom('enterprise')
    .select('id')
    .where('id', '=', enterpriseId)
    .executeTakeFirst();
  if (!e) throw enterpriseNotFound();
  const documents = await ctx.db
    .selectFrom('enterprise_document')
    .select(['id', 'kind', 'mime', 'size', 'original_name', 'verified_at', 'created_at'])
    .where('enterprise_id', '=', enterpriseId)
    .orderBy('id', 'desc')
    .execute();
  return {
    documents: documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      mime: d.mime,
      size: d.size,
      originalName: d.original_name,
      verified: d.verified_at !== null,
      createdAt: d.created_at,
    })),
    bankAccounts: await bankAccounts(ctx.db, enterpriseId),
  };
}

/**
 * The reviewer's worklist (§2): enterprises whose licence has been uploaded but not yet verified, or whose bank
 * account waits for a decision — oldest first. `pendingOnly: false` lists every enterprise (to find one to flag).
 */
export async function queue(ctx: AuthedContext, input: VerificationQueue) {
  const { limit, offset } = pageOf(input);
  const base = () => {
    let q = ctx.db.selectFrom('enterprise');
    if (input.q) {
      const like = `%${input.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where(
        (eb) =>
          sql<boolean>`(${eb.ref('enterprise.name')} like ${like} escape '\\' or ${eb.ref('enterprise.uscc')} like ${like.toUpperCase()} escape '\\')`,
      );
    }
    if (input.pendingOnly) {
      q = q.where((eb) =>
        eb.or([
          eb.and([
            eb('enterprise.verification_status', '=', 'unverified'),
            eb.exists(
              eb
                .selectFrom('enterprise_document')
                .select('enterprise_document.id')
                .whereRef('enterprise_document.enterprise_id', '=', 'enterprise.id')
                .where('enterprise_document.kind', '=', 'business-licence'),
            ),
          ]),
          eb.exists(
            eb
              .selectFrom('enterprise_bank_account')
              .select('enterprise_bank_account.id')
              .whereRef('enterprise_bank_account.enterprise_id', '=', 'enterprise.id')
              .where('enterprise_bank_account.status', '=', 'pending'),
          ),
        ]),
      );
    }
    return q;
  };
  const rows = await base()
    .select((eb) => [
      'enterprise.id',
      'enterprise.name',
      'enterprise.uscc',
      'enterprise.verification_status',
      'enterprise.dishonest_flag',
      'enterprise.registered_district_code',
      'enterprise.created_at',
      eb
        .selectFrom('enterprise_document')
        .select((d) => d.fn.max('enterprise_document.created_at').as('at'))
        .whereRef('enterprise_document.enterprise_id', '=', 'enterprise.id')
        .where('enterprise_document.kind', '=', 'business-licence')
        .as('licence_uploaded_at'),
      eb
        .selectFrom('enterprise_bank_account')
        .select((d) => d.fn.countAll<number>().as('n'))
        .whereRef('enterprise_bank_account.enterprise_id', '=', 'enterprise.id')
        .where('enterprise_bank_account.status', '=', 'pending')
        .as('pending_accounts'),
    ])
    .orderBy('enterprise.id', 'asc')
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
      name: r.name,
      uscc: r.uscc,
      verification: r.verification_status,
      dishonest: r.dishonest_flag === 1,
      registeredDistrictCode: r.registered_district_code,
      licenceUploadedAt: r.licence_uploaded_at ?? null,
      pendingBankAccounts: Number(r.pending_accounts ?? 0),
      createdAt: r.created_at,
    })),
  };
}
