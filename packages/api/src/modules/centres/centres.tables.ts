/** kysely table types of the centres module (migration 20261126T1210-centres). */
import type { Generated } from 'kysely';

export type CentreKind = 'innovation-centre' | 'sme-park' | 'startup-base' | 'ecommerce-logistics-park';
export type RecognitionLevel = 'national' | 'provincial' | 'municipal' | 'district';

export interface CentreTable {
  id: Generated<number>;
  name: string;
  kind: CentreKind;
  address: string;
  operator: string;
  operator_enterprise_id: number | null;
  floor_area_m2: number;
  recognition_level: RecognitionLevel | null;
  recognised_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface CentreManagerTable {
  centre_id: number;
  user_id: number;
  assigned_at: string;
}

export interface CentreFacilityTable {
  id: Generated<number>;
  centre_id: number;
  kind: 'broadband' | 'equipment';
  name: string;
  description: Generated<string>;
  quantity: Generated<number>;
}

export interface WorkstationTable {
  id: Generated<number>;
  centre_id: number;
  code: string;
  zone: string;
  kind: 'open-desk' | 'fixed-desk' | 'office-seat';
  designation: 'free' | 'preferential';
  monthly_rent_fen: number;
  in_service_from: string;
  /** First day out of service. */
  retired_on: string | null;
  created_by: number;
  created_at: string;
}

/** A walk-in team entered by the manager; its contact's ID number and mobile only encrypted + indexed + masked. */
export interface WalkInTeamTable {
  id: Generated<number>;
  centre_id: number;
  team_name: string;
  contact_name: string;
  school: string;
  id_number_enc: string;
  id_number_bidx: string;
  id_number_masked: string;
  mobile_enc: string;
  mobile_bidx: string;
  mobile_masked: string;
  created_by: number;
  created_at: string;
}

export interface ImportBatchTable {
  id: Generated<number>;
  centre_id: number;
  kind: 'occupancy' | 'allocations';
  sha256: string;
  file_name: string;
  row_count: number;
  created_by: number;
  created_at: string;
}

export interface AllocationTable {
  id: Generated<number>;
  centre_id: number;
  workstation_id: number;
  occupant_type: 'enterprise' | 'founder' | 'team';
  enterprise_id: number | null;
  founder_id: number | null;
  walk_in_team_id: number | null;
  terms: 'free' | 'preferential';
  starts_on: string;
  /** Last day, inclusive; null = open-ended. */
  ends_on: string | null;
  moved_from_id: number | null;
  import_batch_id: number | null;
  created_by: number;
  created_at: string;
  updated_at: string;
}

export interface PresenceTable {
  allocation_id: number;
  month: string;
  days_present: number | null;
  attested: number;
  import_batch_id: number | null;
  recorded_by: number;
  recorded_at: string;
}

export interface CentreEventTable {
  id: Generated<number>;
  centre_id: number;
  title: string;
  kind: 'public-interest' | 'training-class';
  sector: string | null;
  event_date: string;
  speaker: Generated<string>;
  attendee_count: number;
  created_by: number;
  created_at: string;
}

export interface EventAttendeeTable {
  id: Generated<number>;
  event_id: number;
  attendee_type: 'enterprise' | 'founder' | 'team' | 'guest';
  enterprise_id: number | null;
  founder_id: number | null;
  walk_in_team_id: number | null;
  guest_name: string | null;
}

export interface CentreClaimTable {
  id: Generated<number>;
  centre_id: number;
  period_kind: 'month' | 'quarter';
  period_start: string;
  months_json: string;
  amount_fen: number;
  lines_json: string;
  result_json: string;
  programme_id: number;
  programme_version_id: number | null;
  funding_case_id: number | null;
  submitted_by: number;
  created_at: string;
}

export interface ClaimedMonthTable {
  centre_id: number;
  month: string;
  claim_id: number;
}
