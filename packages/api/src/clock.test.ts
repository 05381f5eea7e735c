import { describe, expect, it } from 'vitest';
import { createClock, systemClock, TestClock } from './clock';

describe('clock', () => {
  it('is the system clock unless test mode is on', () => {
    expect(createClock({ FUND_TEST_MODE: false })).toBe(systemClock);
    expect(createClock({ FUND_TEST_MODE: true })).toBeInstanceOf(TestClock);
    expect(() => new TestClock({ FUND_TEST_MODE: false })).toThrow(/FUND_TEST_MODE/);
  });

  it('can be frozen, set and advanced', () => {
    const clock = new TestClock({ FUND_TEST_MODE: true });
    const t0 = new Date('2026-03-01T00:00:00Z');
    clock.freeze(t0);
    expect(clock.now()).toEqual(t0);
    clock.advance(86_400_000);
    expect(clock.now().toISOString()).toBe('2026-03-02T00:00:00.000Z');
    clock.set(new Date('2027-01-01T00:00:00Z'));
    expect(clock.now().toISOString()).toBe('2027-01-01T00:00:00.000Z'); // stays frozen
  });

  it('flows from a set instant when not frozen', async () => {
    const clock = new TestClock({ FUND_TEST_MODE: true }, new Date('2030-01-01T00:00:00Z'));
    const a = clock.now().getTime();
    await new Promise((r) => setTimeout(r, 15));
    const b = clock.now().getTime();
    expect(a).toBeGreaterThanOrEqual(Date.parse('2030-01-01T00:00:00Z'));
    expect(b).toBeGreaterThan(a);
    expect(b - Date.parse('2030-01-01T00:00:00Z')).toBeLessThan(5_000);
  });
});
