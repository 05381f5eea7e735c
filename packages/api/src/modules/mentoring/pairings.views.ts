import {
  isResponseOverdue,
  MENTEE_KIND_LABELS,
  overdueReminder,
  PAIRING_PARTY_LABELS,
  PAIRING_STATUS_LABELS,
  type OverdueReminder,
} from '@fund/domain';
import { toDomainPairing } from './mentoring.common';
import type { PairingRecord } from './pairings.queries';

/** A pairing as every procedure returns it: the record, its labels, and its deadline state evaluated today. */
export interface PairingView extends PairingRecord {
  statusLabel: string;
  menteeKindLabel: string;
  declinedByLabel: string | null;
  endedByLabel: string | null;
  /** A proposal past its response deadline: it can no longer be accepted and holds no place. */
  overdue: boolean;
  reminder: OverdueReminder | null;
}

export function pairingView(p: PairingRecord, today: string): PairingView {
  const pairing = toDomainPairing(p);
  return {
    ...p,
    statusLabel: PAIRING_STATUS_LABELS[p.status],
    menteeKindLabel: MENTEE_KIND_LABELS[p.menteeKind],
    declinedByLabel: p.declinedBy === null ? null : PAIRING_PARTY_LABELS[p.declinedBy],
    endedByLabel: p.endedBy === null ? null : PAIRING_PARTY_LABELS[p.endedBy],
    overdue: isResponseOverdue(pairing, today),
    reminder: overdueReminder(pairing, today),
  };
}
