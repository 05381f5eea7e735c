/**
 * kysely table types of the funding module (migration 20261126T1200-funding). Money `_fen` integers, dates
 * `YYYY-MM-DD`, instants `_at` ISO UTC; personal data as `_enc` / `_bidx` / `_masked` (ADR 002).
 */
import type { CaseStatus, Scheme } from '@fund/domain';
import type { Generated } from 'kysely';

export type ProgrammeStatus = 'active' | 'archived';
export interface ProgrammeTable {
  id: Generated<number>;
  name: string;
  scheme: Scheme;
  fiscal_year: number;
  opens_on: string;
  closes_on: string;
  guidelines: Generated<string>;
  status: Generated<ProgrammeStatus>;
  current_version_id: number | null;
  created_by: number | null;
  created_at: string;
}

export interface ProgrammeVersionTable {
  id: Generated<number>;
  programme_id: number;
  version: number;
  /** Canonical JSON of the domain's `ProgrammeParameters`; never edited once a case references it. */
  parameters_json: string;
  created_by: number | null;
  created_at: string;
}

export const LEDGER_KINDS = ['allocation', 'commitment', 'payment', 'release', 'recovery'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];
/** Append-only (triggers); balances are derived by SUM per (programme_id, kind). */
export interface LedgerEntryTable {
  id: Generated<number>;
  transfer_id: string;
  programme_id: number;
  kind: LedgerKind;
  amount_fen: number;
  case_id: number | null;
  memo: Generated<string>;
  created_by: number | null;
  created_at: string;
}

export type DocumentMime = 'application/pdf' | 'image/png' | 'image/jpeg';
export interface EnterpriseDocumentTable {
  id: Generated<number>;
  enterprise_id: number;
  kind: string;
  sha256: string;
  size: number;
  mime: DocumentMime;
  original_name: string;
  uploaded_by: number;
  verified_by: number | null;
  verified_at: string | null;
  created_at: string;
}

export type BankAccountStatus = 'pending' | 'verified' | 'rejected' | 'replaced';
export interface EnterpriseBankAccountTable {
  id: Generated<number>;
  enterprise_id: number;
  bank: string;
  account_name: string;
  account_number_enc: string;
  account_number_bidx: string;
  account_number_masked: string;
  status: BankAccountStatus;
  submitted_by: number;
  verified_by: number | null;
  verified_at: string | null;
  decision_reason: string | null;
  created_at: string;
}

export interface EnterpriseFlagTable {
  id: Generated<number>;
  enterprise_id: number;
  kind: 'dishonest' | 'clawback';
  reason: string;
  set_by: number;
  set_at: string;
  cleared_by: number | null;
  cleared_at: string | null;
  clear_reason: string | null;
}

export interface NoticeTable {
  id: Generated<number>;
  title: string;
  published_on: string;
  ends_on: string;
  objection_deadline: string;
  working_days: number;
  objection_contact: string;
  published_by: number;
  created_at: string;
}

export type CloseKind = 'review' | 'finance' | 'applicant' | 'objection';
export interface FundingCaseTable {
  id: Generated<number>;
  case_no: string;
  enterprise_id: number;
  programme_id: number;
  programme_version_id: number | null;
  fiscal_year: number;
  scheme: Scheme;
  status: CaseStatus;
  data_json: string;
  document_ids_json: Generated<string>;
  computed_amount_fen: number | null;
  working_json: string | null;
  recommended_amount_fen: number | null;
  adjustment_reason: string | null;
  recommended_by: number | null;
  recommended_at: string | null;
  notice_round: Generated<number>;
  notice_id: number | null;
  published_on: string | null;
  notice_ends_on: string | null;
  approved_by: number | null;
  approved_at: string | null;
  disbursed_by: number | null;
  disbursed_at: string | null;
  voucher_no: string | null;
  paid_on: string | null;
  first_submitted_at: string | null;
  submitted_at: string | null;
  submitted_by: number | null;
  return_count: Generated<number>;
  returned_by: number | null;
  returned_at: string | null;
  return_reason: string | null;
  closed_by: number | null;
  closed_at: string | null;
  close_reason: string | null;
  closed_from: CaseStatus | null;
  close_kind: CloseKind | null;
  objection_id: number | null;
  clawback_fen: number | null;
  clawback_json: string | null;
  created_by: number;
  created_at: string;
  updated_at: string;
}

export interface CaseReturnTable {
  id: Generated<number>;
  case_id: number;
  reason: string;
  returned_by: number;
  returned_at: string;
  answer: string | null;
  answered_by: number | null;
  answered_at: string | null;
}

export interface SubsidisedPeriodTable {
  id: Generated<number>;
  contract_key: string;
  bank_name: string;
  contract_no: string;
  start: string;
  end_exclusive: string;
  case_id: number;
}

export interface AwardedMilestoneTable {
  id: Generated<number>;
  enterprise_id: number;
  milestone_key: string;
  case_id: number;
}

export interface NoticeCaseTable {
  notice_id: number;
  case_id: number;
  amount_fen: number;
}

export interface ObjectionTable {
  id: Generated<number>;
  case_id: number;
  notice_id: number;
  name: string;
  contact_enc: string;
  contact_masked: string;
  reasons: string;
  status: 'open' | 'resolved';
  outcome: 'upheld-withdraw' | 'upheld-adjust' | 'dismissed' | null;
  resolution: string | null;
  adjusted_amount_fen: number | null;
  resolved_by: number | null;
  resolved_at: string | null;
  lodged_at: string;
}

export interface PaymentBatchTable {
  id: Generated<number>;
  batch_no: string;
  created_by: number;
  created_at: string;
}

export interface DisbursementTable {
  id: Generated<number>;
  case_id: number;
  programme_id: number;
  idem_key: string;
  amount_fen: number;
  bank_account_id: number | null;
  batch_id: number | null;
  approved_by: number;
  approved_at: string;
}

export interface PaymentTable {
  id: Generated<number>;
  disbursement_id: number;
  voucher_no: string;
  paid_on: string;
  amount_fen: number;
  recorded_by: number;
  recorded_at: string;
  idem_key: string;
}

export interface ClawbackTable {
  id: Generated<number>;
  case_id: number;
  ground: 'false-material' | 'moved-out';
  reason: string;
  amount_fen: number;
  moved_out_on: string | null;
  recovered_fen: Generated<number>;
  recorded_by: number;
  recorded_at: string;
}

export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  case_id: number | null;
  text: string;
  read_at: string | null;
  created_at: string;
}
