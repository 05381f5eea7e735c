/** Inputs of the `policy.*` procedures. The schedule itself is validated by the domain's `YearSchedule`. */
import { IsoDate } from '@fund/domain';
import { z } from 'zod';

const Text = (label: string, min: number, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(min, { error: `${label}至少${min}个字` })
    .max(max, { error: `${label}不能超过${max}个字` });

/** Optional reason: blank counts as none. */
const Reason = z
  .string()
  .trim()
  .max(500, { error: '原因不能超过500个字' })
  .optional()
  .transform((v) => (v === undefined || v === '' ? undefined : v));

export const CalendarYearRef = z.object({
  year: z.number({ error: '请填写年份' }).int({ error: '年份应为整数' }).min(2000).max(2100),
});
export type CalendarYearRef = z.infer<typeof CalendarYearRef>;

export const SetCalendarYear = CalendarYearRef.extend({
  holidays: z
    .array(IsoDate, { error: '请填写放假日期' })
    .min(1, { error: '请至少填写一个放假日期' })
    .max(150, { error: '放假日期不能超过150个' }),
  workdays: z.array(IsoDate, { error: '请填写调休上班日期' }).max(60, { error: '调休上班日期不能超过60个' }),
  source: Text('依据文件', 2, 200),
  reason: Reason,
});
export type SetCalendarYear = z.infer<typeof SetCalendarYear>;

export const CheckDate = z.object({
  date: IsoDate,
  /** How many following working days to list (the last one ends a period of that many working days). */
  count: z
    .number()
    .int()
    .min(1, { error: '工作日数至少为1' })
    .max(60, { error: '工作日数不能超过60' })
    .default(5),
});
export type CheckDate = z.infer<typeof CheckDate>;

export const AddLpr = z.object({
  effectiveOn: IsoDate,
  // Checked as an exact decimal by the service (parseRatePct), so the message can name the field.
  ratePct: z.string({ error: '请填写利率' }).trim().min(1, { error: '请填写利率' }).max(20),
  source: Text('发布来源', 2, 200),
  reason: Reason,
});
export type AddLpr = z.infer<typeof AddLpr>;
