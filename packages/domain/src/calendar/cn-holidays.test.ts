import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, compareIsoDate } from '../dates';
import { CN_HOLIDAY_SCHEDULES } from './cn-holidays';
import { calendarYears, DEFAULT_CALENDAR, isWorkingDay, YearSchedule } from './working-days';

// chinese-days is a devDependency used only here, as an independent check of the pinned data (domain-rules.md §9).
// Version 1.5.7 builds its tables and reads dates back in the process's local zone after parsing them as UTC, so it
// answers for the wrong day west of Greenwich. It is therefore loaded, and asked, with the zone pinned to China's.
// The domain compiles without Node's types (it must not use them), so the test reaches the environment untyped.
const env = (globalThis as unknown as { process: { env: Record<string, string | undefined> } }).process.env;
let isWorkday: (date: string) => boolean;
const originalTz = env.TZ;

beforeAll(async () => {
  env.TZ = 'Asia/Shanghai';
  ({ isWorkday } = await import('chinese-days'));
});

afterAll(() => {
  if (originalTz === undefined) delete env.TZ;
  else env.TZ = originalTz;
});

describe('the bundled State Council schedules', () => {
  it('cover 2022 to 2026', () => {
    expect(calendarYears(DEFAULT_CALENDAR)).toEqual([2022, 2023, 2024, 2025, 2026]);
  });

  it('are each a valid YearSchedule', () => {
    for (const s of CN_HOLIDAY_SCHEDULES)
      expect(YearSchedule.safeParse(s).success, String(s.year)).toBe(true);
  });

  it('agree with chinese-days on every day from 2022-01-01 to 2026-12-31', () => {
    const mismatches: string[] = [];
    let checked = 0;
    for (let d = '2022-01-01'; compareIsoDate(d, '2026-12-31') <= 0; d = addDays(d, 1)) {
      if (isWorkingDay(d) !== isWorkday(d)) mismatches.push(d);
      checked += 1;
    }
    expect(checked).toBe(1826);
    expect(mismatches).toEqual([]);
  });
});
