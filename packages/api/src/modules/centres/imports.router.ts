import { router, withPermission } from '../../trpc';
import { ImportTemplateQuery, RunImport } from './centres.schemas';
import * as imports from './imports.service';

export const importsRouter = router({
  template: withPermission('centre.view').input(ImportTemplateQuery).query(({ ctx, input }) => imports.template(ctx, input)),
  run: withPermission('centre.operate').input(RunImport).mutation(({ ctx, input }) => imports.run(ctx, input)),
});
