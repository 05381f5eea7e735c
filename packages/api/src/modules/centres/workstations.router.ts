import { router, withPermission } from '../../trpc';
import { BulkCreateWorkstations, CreateWorkstation, RetireWorkstation, WorkstationListQuery } from './centres.schemas';
import * as workstations from './workstations.service';

export const workstationsRouter = router({
  list: withPermission('centre.view').input(WorkstationListQuery).query(({ ctx, input }) => workstations.list(ctx, input)),
  create: withPermission('centre.operate').input(CreateWorkstation).mutation(({ ctx, input }) => workstations.create(ctx, input)),
  bulkCreate: withPermission('centre.operate')
    .input(BulkCreateWorkstations)
    .mutation(({ ctx, input }) => workstations.bulkCreate(ctx, input)),
  retire: withPermission('centre.operate').input(RetireWorkstation).mutation(({ ctx, input }) => workstations.retire(ctx, input)),
});
