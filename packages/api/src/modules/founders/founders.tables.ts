import type { Generated } from 'kysely';

/** Individual founders (students and graduates without a business licence, domain-rules.md §7). */
export interface FounderTable {
  id: Generated<number>;
  name: string;
  school: string;
  graduation_year: number;
  id_number_enc: string;
  /** Keyed hash: one founder per ID number. */
  id_number_bidx: string;
  id_number_masked: string;
  mobile_enc: string;
  mobile_bidx: string;
  mobile_masked: string;
  user_id: number;
  privacy_consent_version: string;
  privacy_consent_at: string;
  created_at: string;
}

export interface FounderTables {
  founder: FounderTable;
}
