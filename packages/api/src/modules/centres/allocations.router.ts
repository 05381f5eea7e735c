import { router, withPermission } from '../../trpc';
import * as allocations from './allocations.service';
import { Allocate, AllocationListQuery, EndAllocation, ExtendAllocation, MoveAllocation } from './centres.schemas';

export const allocationsRouter = router({
  list: withPermission('centre.view').input(AllocationListQuery).query(({ ctx, input }) => allocations.list(ctx, input)),
  allocate: withPermission('centre.operate').input(Allocate).mutation(({ ctx, input }) => allocations.allocate(ctx, input)),
  end: withPermission('centre.operate').input(EndAllocation).mutation(({ ctx, input }) => allocations.end(ctx, input)),
  extend: withPermission('centre.operate').input(ExtendAllocation).mutation(({ ctx, input }) => allocations.extend(ctx, input)),
  move: withPermission('centre.operate').input(MoveAllocation).mutation(({ ctx, input }) => allocations.move(ctx, input)),
});
