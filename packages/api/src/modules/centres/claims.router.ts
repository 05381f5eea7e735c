import { router, withPermission } from '../../trpc';
import { CentreRef, ClaimListQuery, ClaimPreview, ResubmitClaim, SubmitClaim } from './centres.schemas';
import * as claims from './claims.service';

export const claimsRouter = router({
  preview: withPermission('centre.view').input(ClaimPreview).query(({ ctx, input }) => claims.preview(ctx, input)),
  submit: withPermission('claim.submit').input(SubmitClaim).mutation(({ ctx, input }) => claims.submit(ctx, input)),
  resubmit: withPermission('claim.submit').input(ResubmitClaim).mutation(({ ctx, input }) => claims.resubmit(ctx, input)),
  programmes: withPermission('centre.view').input(CentreRef).query(({ ctx, input }) => claims.openProgrammes(ctx, input)),
  list: withPermission('centre.view').input(ClaimListQuery).query(({ ctx, input }) => claims.list(ctx, input)),
});
