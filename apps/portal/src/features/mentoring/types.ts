import type { RouterOutputs } from '../../shared/api-types';

export type RequestView = RouterOutputs['mentoring']['requests']['mine'][number];
export type PairingView = RequestView['pairings'][number];
export type PairingDetail = RouterOutputs['mentoring']['pairings']['get'];
export type SessionView = PairingDetail['sessions'][number];
