import type { Generated } from 'kysely';
import type { EnterpriseVerification, IndustryKey } from '@fund/domain';

export type SizeDataSource = 'self-declared' | 'verified' | 'statistics-bureau';

/** One row per USCC (domain-rules.md §2). Personal data (the contact's mobile) only encrypted + blind index + masked. */
export interface EnterpriseTable {
  id: Generated<number>;
  uscc: string;
  name: string;
  legal_representative: string;
  industry: IndustryKey;
  established_on: string;
  registered_district_code: string;
  employees: number | null;
  revenue_fen: number | null;
  total_assets_fen: number | null;
  size_reporting_year: number;
  size_data_source: SizeDataSource;
  contact_name: string;
  contact_mobile_enc: string;
  contact_mobile_bidx: string;
  contact_mobile_masked: string;
  verification_status: Generated<EnterpriseVerification>;
  dishonest_flag: Generated<number>;
  /** Set only when staff registered a USCC whose check character fails (§2: early pilot codes). */
  uscc_override_reason: string | null;
  /** Null when staff registered the enterprise without an account. */
  owner_user_id: number | null;
  privacy_consent_version: string | null;
  privacy_consent_at: string | null;
  created_at: string;
}

export type UsccDisputeStatus = 'open' | 'closed';

/** "Someone registered our USCC" reports, for staff to check (§2). */
export interface UsccDisputeTable {
  id: Generated<number>;
  uscc: string;
  contact_name: string;
  contact_mobile_enc: string;
  contact_mobile_masked: string;
  description: string;
  status: Generated<UsccDisputeStatus>;
  created_at: string;
}

export interface EnterpriseTables {
  enterprise: EnterpriseTable;
  uscc_dispute: UsccDisputeTable;
}
