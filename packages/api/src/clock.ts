import type { Env } from './env';

/** Every request carries a clock (architecture.md "Time"); domain functions take `now` as an argument. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * A settable clock for end-to-end tests. It exists only when FUND_TEST_MODE=1 (the constructor refuses otherwise,
 * and env parsing refuses FUND_TEST_MODE in production). By default it *flows* with real time plus an offset, so a
 * test-mode server behaves like a normal one until a test moves time; `freeze()` stops it for exact assertions.
 */
export class TestClock implements Clock {
  private offsetMs = 0;
  private frozenAt: number | null = null;

  constructor(env: Pick<Env, 'FUND_TEST_MODE'>, start?: Date) {
    if (!env.FUND_TEST_MODE) throw new Error('TestClock requires FUND_TEST_MODE=1');
    if (start) this.set(start);
  }

  now(): Date {
    return new Date(this.frozenAt ?? Date.now() + this.offsetMs);
  }

  /** Jumps to `instant`; keeps flowing from there unless frozen. */
  set(instant: Date, options: { freeze?: boolean } = {}): Date {
    assertValid(instant);
    if (options.freeze ?? this.frozenAt !== null) this.frozenAt = instant.getTime();
    else this.offsetMs = instant.getTime() - Date.now();
    return this.now();
  }

  /** Moves time forward (or back, with a negative value) by `ms`. */
  advance(ms: number): Date {
    if (this.frozenAt !== null) this.frozenAt += ms;
    else this.offsetMs += ms;
    return this.now();
  }

  /** Stops time at `instant` (default: the current test time). */
  freeze(instant: Date = this.now()): Date {
    assertValid(instant);
    this.frozenAt = instant.getTime();
    return this.now();
  }

  /** Lets time flow again from the current test time. */
  resume(): Date {
    if (this.frozenAt !== null) {
      this.offsetMs = this.frozenAt - Date.now();
      this.frozenAt = null;
    }
    return this.now();
  }
}

function assertValid(d: Date): void {
  if (Number.isNaN(d.getTime())) throw new RangeError('invalid instant');
}

/** The clock for a process: a TestClock only in test mode. */
export function createClock(env: Pick<Env, 'FUND_TEST_MODE'>): Clock {
  return env.FUND_TEST_MODE ? new TestClock(env) : systemClock;
}
