import { RegisterEnterprise, RegisterFounder, ReportUsccDispute } from '@fund/domain';
import { z } from 'zod';
import { publicProcedure, router } from '../../trpc';
import * as registration from './registration.service';

/** Free text as typed; the domain's validateUscc gives the verdict (the bound only keeps absurd input out). */
const CheckUsccInput = z.object({
  uscc: z.string({ error: '请输入统一社会信用代码' }).max(64, { error: '统一社会信用代码过长' }),
});

export const registrationRouter = router({
  privacyNotice: publicProcedure.query(() => registration.privacyNotice()),
  checkUscc: publicProcedure
    .input(CheckUsccInput)
    .query(({ ctx, input }) => registration.checkUscc(ctx, input.uscc)),
  registerEnterprise: publicProcedure
    .input(RegisterEnterprise)
    .mutation(({ ctx, input }) => registration.registerEnterprise(ctx, input)),
  registerFounder: publicProcedure
    .input(RegisterFounder)
    .mutation(({ ctx, input }) => registration.registerFounder(ctx, input)),
  reportDispute: publicProcedure
    .input(ReportUsccDispute)
    .mutation(({ ctx, input }) => registration.reportDispute(ctx, input)),
});
