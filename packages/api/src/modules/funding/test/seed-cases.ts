/**
 * Bulk seeding of enterprises and cases straight into the tables, for the concurrency tests (50 cases ready for
 * approval) and for scripts/bench-funding.ts (20,000 cases). Cheap on purpose: no password hashing, placeholder
 * ciphertexts for the contact mobile (never decrypted by the paths under test), one transaction per chunk.
 * Rows are shaped exactly as the services would leave them (status facts filled in), so the real services read them.
 */
import type { CaseStatus } from '@fund/domain';
import type { Kysely } from 'kysely';
import type { Pii } from '../../../crypto/pii';
import type { Database } from '../../../db/schema';
import { BANK_ACCOUNT_INDEX } from '../verification.service';

export interface SeedCasesOptions {
  programmeId: number;
  versionId: number;
  fiscalYear: number;
  count: number;
  /** Amount of case i (fen). */
  amountFen: (i: number) => number;
  status: CaseStatus;
  /** For recommended and later: who recommended (separation of duties is checked against it). */
  recommendedBy: number;
  submittedBy: number;
  noticeId?: number | null;
  publishedOn?: string;
  noticeEndsOn?: string;
  now: Date;
  /** Distinguishes the enterprises of several seeding runs (USCCs and names must be unique). */
  tag: string;
  /** Owner account of every seeded enterprise (e.g. one applicant with many enterprises is not realistic; null = none). */
  ownerUserId?: number | null;
  /** Encrypt a bank account and mark it verified (needed to approve); off for the bench. */
  withBankAccount?: { pii: Pii };
  /** Put every case on this existing enterprise instead of creating one per case (an applicant's long list). */
  enterpriseId?: number;
  chunk?: number;
}

export async function seedCases(
  db: Kysely<Database>,
  o: SeedCasesOptions,
): Promise<{ caseIds: number[]; enterpriseIds: number[] }> {
  const caseIds: number[] = [];
  const enterpriseIds: number[] = [];
  const chunk = o.chunk ?? 1000;
  const at = o.now.toISOString();
  const afterRecommend = ['recommended', 'in_notice', 'approved', 'disbursed'].includes(o.status);
  const inNotice = ['in_notice', 'approved', 'disbursed'].includes(o.status);
  for (let start = 0; start < o.count; start += chunk) {
    await db.transaction().execute(async (trx) => {
      for (let i = start; i < Math.min(o.count, start + chunk); i += 1) {
        const n = `${o.tag}${String(i).padStart(6, '0')}`.slice(-10).padStart(10, '0');
        const enterpriseId =
          o.enterpriseId ??
          (
            await trx
              .insertInto('enterprise')
              .values({
                uscc: `91430602${n}`,
                name: `岳阳测试企业${o.tag}-${i}有限公司`,
                legal_representative: '测试',
                industry: 'software-it',
                established_on: '2024-06-01',
                registered_district_code: '430602',
                employees: 20,
                revenue_fen: 300_000_000,
                total_assets_fen: null,
                size_reporting_year: 2025,
                size_data_source: 'self-declared',
                contact_name: '测试',
                contact_mobile_enc: 'seed',
                contact_mobile_bidx: `seed-${o.tag}-${i}`,
                contact_mobile_masked: '138****0000',
                verification_status: 'verified',
                dishonest_flag: 0,
                uscc_override_reason: null,
                owner_user_id: i === 0 ? (o.ownerUserId ?? null) : null,
                privacy_consent_version: null,
                privacy_consent_at: null,
                created_at: at,
              })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id;
        enterpriseIds.push(enterpriseId);
        if (o.withBankAccount && o.enterpriseId === undefined) {
          const number = `6222${String(enterpriseId).padStart(15, '0')}`;
          await trx
            .insertInto('enterprise_bank_account')
            .values({
              enterprise_id: enterpriseId,
              bank: '中国工商银行岳阳分行',
              account_name: `岳阳测试企业${o.tag}-${i}有限公司`,
              account_number_enc: o.withBankAccount.pii.encryptField(number),
              account_number_bidx: o.withBankAccount.pii.blindIndex(number, BANK_ACCOUNT_INDEX),
              account_number_masked: '6222 **** **** 0000',
              status: 'verified',
              submitted_by: o.submittedBy,
              verified_by: o.recommendedBy,
              verified_at: at,
              decision_reason: '测试数据',
              created_at: at,
            })
            .execute();
        }
        const amount = o.amountFen(i);
        const submittedAt = new Date(o.now.getTime() - (o.count - i) * 1000).toISOString();
        const { id } = await trx
          .insertInto('funding_case')
          .values({
            case_no: `T${o.tag}-${i}`,
            enterprise_id: enterpriseId,
            programme_id: o.programmeId,
            programme_version_id: o.versionId,
            fiscal_year: o.fiscalYear,
            scheme: 'award-in-lieu-of-investment',
            status: o.status,
            data_json: JSON.stringify({
              kind: 'equity-financing',
              financingFen: 300_000_000,
              financedOn: '2026-06-01',
              investorName: '测试投资方',
            }),
            document_ids_json: '[]',
            computed_amount_fen: amount,
            working_json: '[]',
            recommended_amount_fen: afterRecommend ? amount : null,
            adjustment_reason: null,
            recommended_by: afterRecommend ? o.recommendedBy : null,
            recommended_at: afterRecommend ? at : null,
            notice_round: inNotice ? 1 : 0,
            notice_id: inNotice ? (o.noticeId ?? null) : null,
            published_on: inNotice ? (o.publishedOn ?? null) : null,
            notice_ends_on: inNotice ? (o.noticeEndsOn ?? null) : null,
            approved_by: null,
            approved_at: null,
            disbursed_by: null,
            disbursed_at: null,
            voucher_no: null,
            paid_on: null,
            first_submitted_at: o.status === 'draft' ? null : submittedAt,
            submitted_at: o.status === 'draft' ? null : submittedAt,
            submitted_by: o.status === 'draft' ? null : o.submittedBy,
            returned_by: null,
            returned_at: null,
            return_reason: null,
            closed_by: null,
            closed_at: null,
            close_reason: null,
            closed_from: null,
            close_kind: null,
            objection_id: null,
            clawback_fen: null,
            clawback_json: null,
            created_by: o.submittedBy,
            created_at: at,
            updated_at: submittedAt,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        caseIds.push(id);
      }
    });
  }
  return { caseIds, enterpriseIds };
}
