/**
 * Test-clock controls for end-to-end tests (architecture.md "Time"). They exist in the router type, but answer
 * NOT_FOUND unless the process runs with FUND_TEST_MODE=1 (the only mode in which the clock is a TestClock;
 * start-up refuses FUND_TEST_MODE in production).
 */
import { notFound } from '@fund/domain';
import { z } from 'zod';
import { TestClock } from './clock';
import type { Context } from './context';
import { publicProcedure, router } from './trpc';

function testClockOf(ctx: Context): TestClock {
  if (!(ctx.clock instanceof TestClock)) throw notFound('TESTING.DISABLED', '未找到请求的功能');
  return ctx.clock;
}

export const testingRouter = router({
  setClock: publicProcedure
    .input(z.object({ now: z.iso.datetime({ offset: true }), freeze: z.boolean().optional() }))
    .mutation(({ ctx, input }) => {
      const now = testClockOf(ctx).set(new Date(input.now), input.freeze === undefined ? {} : { freeze: input.freeze });
      ctx.log.warn({ now }, 'test clock set');
      return { now: now.toISOString() };
    }),
  advanceClock: publicProcedure
    .input(z.object({ ms: z.number().int().min(-366 * 86_400_000).max(10 * 366 * 86_400_000) }))
    .mutation(({ ctx, input }) => {
      const now = testClockOf(ctx).advance(input.ms);
      ctx.log.warn({ now }, 'test clock advanced');
      return { now: now.toISOString() };
    }),
});
