import { router, withPermission } from '../../trpc';
import { AddLpr, CalendarYearRef, CheckDate, SetCalendarYear } from './policy.schemas';
import * as policy from './policy.service';

/** `policy.*`: the working-day calendar and the LPR table as data (docs/decisions/009-policy-data.md). */
export const policyRouter = router({
  calendar: router({
    list: withPermission('policy.view').query(({ ctx }) => policy.calendarOverview(ctx)),
    get: withPermission('policy.view')
      .input(CalendarYearRef)
      .query(({ ctx, input }) => policy.calendarYear(ctx, input)),
    setYear: withPermission('policy.manage')
      .input(SetCalendarYear)
      .mutation(({ ctx, input }) => policy.setCalendarYear(ctx, input)),
    check: withPermission('policy.view')
      .input(CheckDate)
      .query(({ ctx, input }) => policy.checkDate(ctx, input)),
  }),
  lpr: router({
    list: withPermission('policy.view').query(({ ctx }) => policy.lprOverview(ctx)),
    add: withPermission('policy.manage')
      .input(AddLpr)
      .mutation(({ ctx, input }) => policy.addLpr(ctx, input)),
  }),
});
