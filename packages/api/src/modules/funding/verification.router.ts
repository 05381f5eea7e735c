import { z } from 'zod';
import { router, withPermission } from '../../trpc';
import {
  DecideBankAccount,
  FlagEnterprise,
  SubmitBankAccount,
  VerificationQueue,
  VerifyEnterprise,
} from './funding.schemas';
import * as verification from './verification.service';

export const verificationRouter = router({
  mine: withPermission('enterprise.viewOwn').query(({ ctx }) => verification.mine(ctx)),
  queue: withPermission('enterprise.verify')
    .input(VerificationQueue)
    .query(({ ctx, input }) => verification.queue(ctx, input)),
  ofEnterprise: withPermission('enterprise.list')
    .input(z.object({ enterpriseId: z.number().int().positive() }))
    .query(({ ctx, input }) => verification.ofEnterprise(ctx, input.enterpriseId)),
  submitBankAccount: withPermission('application.apply')
    .input(SubmitBankAccount)
    .mutation(({ ctx, input }) => verification.submitBankAccount(ctx, input)),
  verifyBankAccount: withPermission('enterprise.verify')
    .input(DecideBankAccount)
    .mutation(({ ctx, input }) => verification.decideBankAccount(ctx, input)),
  verifyEnterprise: withPermission('enterprise.verify')
    .input(VerifyEnterprise)
    .mutation(({ ctx, input }) => verification.verifyEnterprise(ctx, input)),
  flagDishonest: withPermission('enterprise.flag')
    .input(FlagEnterprise)
    .mutation(({ ctx, input }) => verification.flagDishonest(ctx, input)),
  clearDishonest: withPermission('enterprise.flag')
    .input(FlagEnterprise)
    .mutation(({ ctx, input }) => verification.clearDishonest(ctx, input)),
});
