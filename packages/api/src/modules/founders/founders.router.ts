import { FounderListQuery } from '@fund/domain';
import { router, withPermission } from '../../trpc';
import * as founders from './founders.service';

export const foundersRouter = router({
  mine: withPermission('founder.viewOwn').query(({ ctx }) => founders.mine(ctx)),
  list: withPermission('founder.list')
    .input(FounderListQuery)
    .query(({ ctx, input }) => founders.list(ctx, input)),
});
