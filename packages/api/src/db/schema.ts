/**
 * The kysely `Database` type: one interface per table, snake_case columns exactly as in SQL.
 * Modules add their tables by declaring `XxxTable` (in their `x.tables.ts`) and appending a line to `Database`.
 * Conventions (architecture.md "Data"): money `_fen` INTEGER, dates `YYYY-MM-DD` TEXT, instants ISO UTC TEXT `_at`;
 * personal data as `<field>_enc` / `<field>_bidx` / `<field>_masked` (docs/decisions/002-personal-data-columns.md).
 */
import type { Generated } from 'kysely';
import type {
  AppUserTable,
  RateLimitBucketTable,
  RecoveryCodeTable,
  SessionTable,
  UserRoleTable,
} from '../modules/auth/auth.tables';
import type { EnterpriseTable, UsccDisputeTable } from '../modules/enterprises/enterprises.tables';
import type { FounderTable } from '../modules/founders/founders.tables';
import type * as Funding from '../modules/funding/funding.tables';
import type * as Centres from '../modules/centres/centres.tables';
import type * as Mentoring from '../modules/mentoring/mentoring.tables';
import type * as Policy from '../modules/policy/policy.tables';

/** Append-only, hash-chained (docs/decisions/004-audit-chain.md). Written only by `recordAudit`. */
export interface AuditEventTable {
  seq: Generated<number>;
  at: string;
  actor_id: number | null;
  actor_name: string | null;
  action: string;
  object_type: string;
  object_id: string | null;
  /** Chinese sentence shown in the admin console. */
  summary: string;
  /** Canonical JSON of `{ before?, after?, details? }`, personal data masked. */
  payload_json: string;
  ip: string | null;
  prev_hash: string;
  hash: string;
}

/** Stored responses for client-chosen idempotency keys (docs/decisions/003-transactions-and-idempotency.md). */
export interface IdempotencyKeyTable {
  /** 0 = anonymous caller. */
  actor_id: number;
  procedure: string;
  key: string;
  request_hash: string;
  response_json: string;
  created_at: string;
}

export interface Database {
  // core (20261126T1100-core)
  audit_event: AuditEventTable;
  idempotency_key: IdempotencyKeyTable;
  // modules: append `table_name: TableInterface;` below (20261126T1110-accounts and later)
  // accounts (20261126T1110-accounts)
  app_user: AppUserTable;
  user_role: UserRoleTable;
  session: SessionTable;
  rate_limit_bucket: RateLimitBucketTable;
  // second factor (20261126T1400-second-factor)
  recovery_code: RecoveryCodeTable;
  enterprise: EnterpriseTable;
  uscc_dispute: UsccDisputeTable;
  founder: FounderTable;
  // funding (20261126T1200-funding)
  programme: Funding.ProgrammeTable;
  programme_version: Funding.ProgrammeVersionTable;
  ledger_entry: Funding.LedgerEntryTable;
  enterprise_document: Funding.EnterpriseDocumentTable;
  enterprise_bank_account: Funding.EnterpriseBankAccountTable;
  enterprise_flag: Funding.EnterpriseFlagTable;
  notice: Funding.NoticeTable;
  funding_case: Funding.FundingCaseTable;
  case_return: Funding.CaseReturnTable;
  subsidised_period: Funding.SubsidisedPeriodTable;
  awarded_milestone: Funding.AwardedMilestoneTable;
  notice_case: Funding.NoticeCaseTable;
  objection: Funding.ObjectionTable;
  payment_batch: Funding.PaymentBatchTable;
  disbursement: Funding.DisbursementTable;
  payment: Funding.PaymentTable;
  clawback: Funding.ClawbackTable;
  notification: Funding.NotificationTable;
  // centres (20261126T1210-centres)
  centre: Centres.CentreTable;
  centre_manager: Centres.CentreManagerTable;
  centre_facility: Centres.CentreFacilityTable;
  workstation: Centres.WorkstationTable;
  walk_in_team: Centres.WalkInTeamTable;
  import_batch: Centres.ImportBatchTable;
  allocation: Centres.AllocationTable;
  presence: Centres.PresenceTable;
  centre_event: Centres.CentreEventTable;
  event_attendee: Centres.EventAttendeeTable;
  centre_claim: Centres.CentreClaimTable;
  claimed_month: Centres.ClaimedMonthTable;
  // mentoring (20261126T1220-mentoring)
  mentor: Mentoring.MentorTable;
  mentee_request: Mentoring.MenteeRequestTable;
  pairing: Mentoring.PairingTable;
  mentoring_session: Mentoring.MentoringSessionTable;
  session_rating: Mentoring.SessionRatingTable;
  poor_fit_flag: Mentoring.PoorFitFlagTable;
  outstanding_designation: Mentoring.OutstandingDesignationTable;
  // policy (20261126T1300-policy)
  calendar_year: Policy.CalendarYearTable;
  lpr_rate: Policy.LprRateTable;
}
