import type { Generated } from 'kysely';
import type {
  IndustryKey,
  MenteeKind,
  MenteeStage,
  MentorAvailability,
  MentorKind,
  PairingParty,
  PairingStatus,
  RatingSide,
  SessionMode,
} from '@fund/domain';

/** Migration 20261126T1220-mentoring (docs/decisions/008-mentoring-capacity.md). */
export type MenteeRequestStatus = 'open' | 'paired' | 'closed';

/** A mentor profile (§7). `user_id` is the mentor's sign-in account (null only for unlinked demo profiles). */
export interface MentorTable {
  id: Generated<number>;
  user_id: number | null;
  name: string;
  kind: MentorKind;
  organisation: string;
  title: Generated<string>;
  /** JSON array of IndustryKey. */
  industries_json: string;
  /** JSON array of MentorTopic. */
  topics_json: string;
  bio: Generated<string>;
  /** Maximum places: active + proposed (not overdue) pairings never exceed it. */
  capacity: number;
  availability: Generated<MentorAvailability>;
  created_at: string;
  updated_at: string;
}

/** What a mentee asks for. Exactly one of enterprise_id / founder_id; a named manager only with an enterprise. */
export interface MenteeRequestTable {
  id: Generated<number>;
  requester_user_id: number;
  enterprise_id: number | null;
  founder_id: number | null;
  mentee_kind: MenteeKind;
  for_manager_name: string | null;
  for_manager_title: string | null;
  topics_json: string;
  industry: IndustryKey;
  stage: MenteeStage;
  preferred_kind: MentorKind | null;
  description: string;
  /** open: needs a mentor; paired: a live (proposed or active) pairing; closed: its pairing ended. */
  status: Generated<MenteeRequestStatus>;
  created_at: string;
  updated_at: string;
}

export interface PairingTable {
  id: Generated<number>;
  mentor_id: number;
  request_id: number;
  status: PairingStatus;
  proposed_by: number;
  proposed_on: string;
  proposed_at: string;
  response_due_on: string;
  responded_at: string | null;
  accepted_on: string | null;
  declined_on: string | null;
  declined_by: PairingParty | null;
  decline_reason: string | null;
  completed_on: string | null;
  ended_on: string | null;
  ended_by: PairingParty | null;
  ended_reason: string | null;
  min_sessions: number;
  /** Frozen when completed or ended early. */
  sessions_held: number | null;
  counts_as_completed: number | null;
  updated_at: string;
}

export interface MentoringSessionTable {
  id: Generated<number>;
  pairing_id: number;
  date: string;
  duration_minutes: number;
  mode: SessionMode;
  topics_json: string;
  notes: Generated<string>;
  agreed_actions_json: Generated<string>;
  logged_by: number;
  logged_by_party: RatingSide;
  created_at: string;
}

export interface SessionRatingTable {
  id: Generated<number>;
  session_id: number;
  party: RatingSide;
  score: number;
  comment: Generated<string>;
  rated_by: number;
  rated_on: string;
  created_at: string;
}

export interface PoorFitFlagTable {
  id: Generated<number>;
  pairing_id: number;
  session_id: number | null;
  party: RatingSide;
  reason: string;
  flagged_by: number;
  created_at: string;
  resolved_at: string | null;
  resolved_by: number | null;
  resolution: string | null;
}

export interface OutstandingDesignationTable {
  id: Generated<number>;
  year: number;
  mentee_key: string;
  request_id: number;
  reason: string;
  designated_by: number;
  created_at: string;
}
