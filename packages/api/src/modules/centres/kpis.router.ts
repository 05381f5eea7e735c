import { router, withPermission } from '../../trpc';
import { KpiQuery } from './centres.schemas';
import * as kpis from './kpis.service';

export const kpisRouter = router({
  monthly: withPermission('centre.view').input(KpiQuery).query(({ ctx, input }) => kpis.monthly(ctx, input)),
  export: withPermission('centre.view').input(KpiQuery).query(({ ctx, input }) => kpis.exportXlsx(ctx, input)),
});
