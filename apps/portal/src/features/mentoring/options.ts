import {
  INDUSTRY_KEYS,
  INDUSTRY_LABELS,
  MENTEE_STAGE_LABELS,
  MENTEE_STAGES,
  MENTOR_KIND_LABELS,
  MENTOR_KINDS,
  MENTOR_TOPIC_LABELS,
  MENTOR_TOPICS,
  SESSION_MODE_LABELS,
  SESSION_MODES,
} from '@fund/domain';

/** Options built from the domain's labels (the only source of these words). */
export const industryOptions = INDUSTRY_KEYS.map((k) => ({ value: k, label: INDUSTRY_LABELS[k] }));
export const topicOptions = MENTOR_TOPICS.map((k) => ({ value: k, label: MENTOR_TOPIC_LABELS[k] }));
export const stageOptions = MENTEE_STAGES.map((k) => ({ value: k, label: MENTEE_STAGE_LABELS[k] }));
/** “不限” is the schema's `null` preference. */
export const preferredKindOptions = [
  { value: '', label: '不限' },
  ...MENTOR_KINDS.map((k) => ({ value: k, label: MENTOR_KIND_LABELS[k] })),
];
export const modeOptions = SESSION_MODES.map((k) => ({ value: k, label: SESSION_MODE_LABELS[k] }));
