import { ObjectionInput, Pagination, ResolveObjectionInput } from '@fund/domain';
import { publicProcedure, router, withPermission } from '../../trpc';
import { NoticeRef, ObjectionList, PublishNotice } from './funding.schemas';
import * as notices from './notices.service';

export const noticesRouter = router({
  publish: withPermission('notice.publish')
    .input(PublishNotice)
    .mutation(({ ctx, input }) => notices.publish(ctx, input)),
  // Public pages (§8): no sign-in.
  publicList: publicProcedure.input(Pagination).query(({ ctx, input }) => notices.publicList(ctx, input)),
  publicGet: publicProcedure
    .input(NoticeRef)
    .query(({ ctx, input }) => notices.publicGet(ctx, input.noticeId)),
});

export const objectionsRouter = router({
  lodge: publicProcedure.input(ObjectionInput).mutation(({ ctx, input }) => notices.lodge(ctx, input)),
  list: withPermission('notice.publish')
    .input(ObjectionList)
    .query(({ ctx, input }) => notices.list(ctx, input)),
  resolve: withPermission('notice.publish')
    .input(ResolveObjectionInput)
    .mutation(({ ctx, input }) => notices.resolve(ctx, input)),
});
