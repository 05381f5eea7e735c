import { z } from 'zod';
import { compareIsoDate, IsoDate, parseIsoDate } from '../dates';
import { conflict, invalid } from '../errors';
import { MENTOR_TOPICS } from './mentors';
import type { Pairing, PairingParty } from './pairing';

/**
 * Session logs (辅导记录), ratings and poor-fit flags of a pairing, domain-rules.md §7. The mentor logs each session;
 * both sides rate the pairing (1–5) once; either side may flag a poor fit, which staff then look at.
 */
export const SESSION_MODES = ['on-site', 'online'] as const;
export type SessionMode = (typeof SESSION_MODES)[number];
export const SESSION_MODE_LABELS: Record<SessionMode, string> = { 'on-site': '现场辅导', online: '线上辅导' };

export const MIN_SESSION_MINUTES = 15;
export const MAX_SESSION_MINUTES = 600;

const text = (label: string, max: number) =>
  z
    .string({ error: `${label}应为文字` })
    .trim()
    .max(max, { error: `${label}不能超过 ${max} 个字` });

export const SessionLogInput = z.object({
  date: IsoDate,
  durationMinutes: z
    .number({ error: '辅导时长应为整数分钟' })
    .int({ error: '辅导时长应为整数分钟' })
    .min(MIN_SESSION_MINUTES, { error: `辅导时长至少 ${MIN_SESSION_MINUTES} 分钟` })
    .max(MAX_SESSION_MINUTES, { error: `单次辅导时长不能超过 ${MAX_SESSION_MINUTES} 分钟（10 小时）` }),
  mode: z.enum(SESSION_MODES, { error: '请选择辅导方式（现场或线上）' }),
  topics: z
    .array(z.enum(MENTOR_TOPICS, { error: '请从列表中选择辅导主题' }), { error: '请选择辅导主题' })
    .min(1, { error: '请至少选择一个辅导主题' })
    .refine((xs) => new Set(xs).size === xs.length, { error: '辅导主题不能重复' }),
  notes: text('辅导内容记录', 5000).default(''),
  agreedActions: z
    .array(text('约定事项', 200).min(1, { error: '约定事项不能为空' }))
    .max(20, { error: '约定事项最多 20 条' })
    .default([]),
});
export type SessionLogInput = z.infer<typeof SessionLogInput>;

export const RatingInput = z.object({
  score: z
    .number({ error: '评分应为 1–5 的整数' })
    .int({ error: '评分应为 1–5 的整数' })
    .min(1, { error: '评分应为 1–5 的整数' })
    .max(5, { error: '评分应为 1–5 的整数' }),
  comment: text('评价', 500).default(''),
});
export type RatingInput = z.infer<typeof RatingInput>;

export const PoorFitFlagInput = z.object({
  reason: z
    .string({ error: '请说明不匹配的原因' })
    .trim()
    .min(5, { error: '请说明不匹配的原因（至少 5 个字）' })
    .max(500, { error: '原因不能超过 500 个字' }),
});
export type PoorFitFlagInput = z.infer<typeof PoorFitFlagInput>;

/** The side that rates: the mentor rates the mentee's engagement, the mentee rates the mentoring. */
export type RatingSide = Exclude<PairingParty, 'staff'>;

/**
 * A session can be logged for an active pairing, dated between the acceptance day and today (a session is logged
 * after it happened, never ahead). Completed or ended pairings are closed: their session count was frozen then.
 */
export function checkSessionDate(pairing: Pairing, date: string, today: string): void {
  parseIsoDate(date, '辅导日期');
  parseIsoDate(today, '当前日期');
  if (pairing.status !== 'active') {
    throw conflict('MENTORING.PAIRING_NOT_ACTIVE', '只有结对辅导中的结对可以登记辅导记录', {
      status: pairing.status,
    });
  }
  if (compareIsoDate(date, pairing.acceptedOn) < 0) {
    throw invalid('MENTORING.SESSION_DATE', `辅导日期 ${date} 早于结对开始日期 ${pairing.acceptedOn}`, {
      date,
    });
  }
  if (compareIsoDate(date, today) > 0) {
    throw invalid('MENTORING.SESSION_DATE', `辅导日期 ${date} 晚于今天，请在辅导结束后登记`, { date });
  }
}

/**
 * Each side rates a pairing once, after it has started (active, completed or ended early). `ratedSides` are the sides
 * that have already rated it.
 */
export function checkRatingAllowed(
  pairing: Pairing,
  side: RatingSide,
  ratedSides: readonly RatingSide[],
): void {
  switch (pairing.status) {
    case 'active':
    case 'completed':
    case 'ended_early':
      break;
    case 'proposed':
    case 'declined':
      throw conflict('MENTORING.RATING_NOT_ALLOWED', '结对开始后才能评价', { status: pairing.status });
    default:
      return pairing satisfies never;
  }
  if (ratedSides.includes(side)) {
    throw conflict('MENTORING.ALREADY_RATED', '您已评价过该结对，每方只能评价一次', { side });
  }
}
