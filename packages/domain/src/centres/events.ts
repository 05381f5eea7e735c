import { z } from 'zod';
import { IsoDate } from '../dates';

/**
 * Events a centre logs (活动台账), domain-rules.md §6 and its policy targets.
 *
 * Decision: two kinds, and only `public-interest` events are paid per event. §6 pays 2,000元 for a 公益性创业辅导活动
 * with ≥10 signed-in attendees; a training class (创业培训班) is tracked against the separate target of "≥2 training
 * classes per sector per year" (targets.ts). Paying both for one session would fund it twice, so one event has one
 * kind: a free, open class the centre wants paid as a public-interest event is logged as one (and then does not count
 * towards the class target).
 */
export const CENTRE_EVENT_KINDS = ['public-interest', 'training-class'] as const;
export type CentreEventKind = (typeof CENTRE_EVENT_KINDS)[number];
export const CENTRE_EVENT_KIND_LABELS: Record<CentreEventKind, string> = {
  'public-interest': '公益性创业辅导活动',
  'training-class': '创业培训班',
};

/** Upper bound on a plausible sign-in count for one centre event; protects totals from a typo. */
export const MAX_EVENT_ATTENDEES = 10_000;

export const CentreEventInput = z
  .object({
    title: z
      .string({ error: '请填写活动名称' })
      .trim()
      .min(1, { error: '请填写活动名称' })
      .max(100, { error: '活动名称最长 100 个字' }),
    date: IsoDate,
    kind: z.enum(CENTRE_EVENT_KINDS, { error: '请选择活动类型（公益性创业辅导活动或创业培训班）' }),
    /** Signed-in attendees (签到人数), from the sign-in sheet. */
    attendeeCount: z
      .number({ error: '签到人数应为整数' })
      .int({ error: '签到人数应为整数' })
      .min(0, { error: '签到人数不能为负数' })
      .max(MAX_EVENT_ATTENDEES, { error: `签到人数不能超过 ${MAX_EVENT_ATTENDEES}` }),
    /** Sector (行业领域) of a training class, e.g. '电子商务'; required for training classes. */
    sector: z.string().trim().max(30, { error: '行业领域最长 30 个字' }).nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'training-class' && (v.sector === null || v.sector === '')) {
      ctx.addIssue({ code: 'custom', path: ['sector'], message: '创业培训班须填写所属行业领域' });
    }
  });
export type CentreEventInput = z.infer<typeof CentreEventInput>;

/** An event as the KPI, claim and target functions read it. */
export interface CentreEvent {
  id?: number | string;
  title?: string;
  date: string;
  kind: CentreEventKind;
  attendeeCount: number;
  sector?: string | null;
}
