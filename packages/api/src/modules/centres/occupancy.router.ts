import { router, withPermission } from '../../trpc';
import { OccupancyGridQuery, SaveOccupancy } from './centres.schemas';
import * as occupancy from './occupancy.service';

export const occupancyRouter = router({
  grid: withPermission('centre.view').input(OccupancyGridQuery).query(({ ctx, input }) => occupancy.grid(ctx, input)),
  save: withPermission('centre.operate').input(SaveOccupancy).mutation(({ ctx, input }) => occupancy.save(ctx, input)),
});
