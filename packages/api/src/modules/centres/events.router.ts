import { router, withPermission } from '../../trpc';
import { CreateEvent, EventListQuery, RecordAttendance, TrainingProgressQuery } from './centres.schemas';
import * as events from './events.service';

export const eventsRouter = router({
  list: withPermission('centre.view').input(EventListQuery).query(({ ctx, input }) => events.list(ctx, input)),
  create: withPermission('centre.operate').input(CreateEvent).mutation(({ ctx, input }) => events.create(ctx, input)),
  recordAttendance: withPermission('centre.operate')
    .input(RecordAttendance)
    .mutation(({ ctx, input }) => events.recordAttendance(ctx, input)),
  trainingProgress: withPermission('centre.view')
    .input(TrainingProgressQuery)
    .query(({ ctx, input }) => events.trainingProgress(ctx, input)),
});
