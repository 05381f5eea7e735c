import { IsoDate, ObjectionInput, Pagination, ResolveObjectionInput } from '@fund/domain';
import { z } from 'zod';
import { publicProcedure, router, withPermission } from '../../trpc';
import { NoticeRef, ObjectionList, PublishNotice } from './funding.schemas';
import * as notices from './notices.service';

export const noticesRouter = router({
  publish: withPermission('notice.publish')
    .input(PublishNotice)
    .mutation(({ ctx, input }) => notices.publish(ctx, input)),
  /** The period a notice published on a date would run, on the effective calendar (ADR 009), for the publish form. */
  previewPeriod: withPermission('notice.publish')
    .input(z.object({ publishedOn: IsoDate, workingDays: z.number().int().min(1).max(60) }))
    .query(({ ctx, input }) => notices.previewPeriod(ctx, input)),
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
