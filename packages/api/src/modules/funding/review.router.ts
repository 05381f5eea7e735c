import { RecommendInput, RejectInput, ReturnForCorrectionInput } from '@fund/domain';
import { router, withPermission } from '../../trpc';
import { ReviewQueue } from './funding.schemas';
import * as review from './review.service';

const reviewer = withPermission('application.review');

export const reviewRouter = router({
  queue: reviewer.input(ReviewQueue).query(({ ctx, input }) => review.queue(ctx, input)),
  returnForCorrection: reviewer
    .input(ReturnForCorrectionInput)
    .mutation(({ ctx, input }) => review.returnForCorrection(ctx, input)),
  reject: reviewer.input(RejectInput).mutation(({ ctx, input }) => review.reject(ctx, input)),
  recommend: reviewer.input(RecommendInput).mutation(({ ctx, input }) => review.recommend(ctx, input)),
});
