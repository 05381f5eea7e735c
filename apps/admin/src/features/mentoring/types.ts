import type { RouterOutputs } from '../../shared/api-types';

export type MentorView = RouterOutputs['mentoring']['mentors']['list']['items'][number];
export type MentorLoad = MentorView['load'];
export type RequestView = RouterOutputs['mentoring']['requests']['get'];
export type StaffQueue = RouterOutputs['mentoring']['requests']['queue'];
export type Suggestion = RouterOutputs['mentoring']['requests']['suggestions']['suggestions'][number];
export type PairingView = RouterOutputs['mentoring']['pairings']['mine'][number];
export type PairingDetail = RouterOutputs['mentoring']['pairings']['get'];
export type SessionView = PairingDetail['sessions'][number];
export type YearlyTargets = RouterOutputs['mentoring']['targets']['yearly'];
export type PairingListItem = RouterOutputs['mentoring']['pairings']['list']['items'][number];
