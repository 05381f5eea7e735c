import { publicProcedure, router, withPermission } from '../../trpc';
import { AllocateBudget, CreateProgramme, NewParametersVersion, ProgrammeRef } from './funding.schemas';
import * as programmes from './programmes.service';

export const programmesRouter = router({
  create: withPermission('programme.manage')
    .input(CreateProgramme)
    .mutation(({ ctx, input }) => programmes.create(ctx, input)),
  newVersion: withPermission('programme.manage')
    .input(NewParametersVersion)
    .mutation(({ ctx, input }) => programmes.newVersion(ctx, input)),
  list: withPermission('programme.view').query(({ ctx }) => programmes.list(ctx)),
  get: withPermission('programme.view')
    .input(ProgrammeRef)
    .query(({ ctx, input }) => programmes.get(ctx, input.programmeId)),
  open: publicProcedure.query(({ ctx }) => programmes.open(ctx)),
});

export const budgetRouter = router({
  allocate: withPermission('budget.manage')
    .input(AllocateBudget)
    .mutation(({ ctx, input }) => programmes.allocate(ctx, input)),
});
