import {
  INDUSTRY_KEYS,
  INDUSTRY_LABELS,
  MENTOR_AVAILABILITY_LABELS,
  MENTOR_KIND_LABELS,
  MENTOR_KINDS,
  MENTOR_TOPIC_LABELS,
  MENTOR_TOPICS,
  PAIRING_STATUS_LABELS,
  PAIRING_STATUSES,
  SESSION_MODE_LABELS,
  SESSION_MODES,
} from '@fund/domain';

/** Select / checkbox options built from the domain's labels (the only source of these words). */
export const industryOptions = INDUSTRY_KEYS.map((k) => ({ value: k, label: INDUSTRY_LABELS[k] }));
export const topicOptions = MENTOR_TOPICS.map((k) => ({ value: k, label: MENTOR_TOPIC_LABELS[k] }));
export const kindOptions = MENTOR_KINDS.map((k) => ({ value: k, label: MENTOR_KIND_LABELS[k] }));
export const modeOptions = SESSION_MODES.map((k) => ({ value: k, label: SESSION_MODE_LABELS[k] }));
export const availabilityOptions = Object.entries(MENTOR_AVAILABILITY_LABELS).map(([value, label]) => ({
  value,
  label,
}));
export const pairingStatusOptions = PAIRING_STATUSES.map((k) => ({
  value: k,
  label: PAIRING_STATUS_LABELS[k],
}));
