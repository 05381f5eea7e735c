import { EnterpriseListQuery, IdInput, RegisterEnterpriseByStaff } from '@fund/domain';
import { authedProcedure, router, withPermission } from '../../trpc';
import * as enterprises from './enterprises.service';

export const enterprisesRouter = router({
  mine: withPermission('enterprise.viewOwn').query(({ ctx }) => enterprises.mine(ctx)),
  list: withPermission('enterprise.list')
    .input(EnterpriseListQuery)
    .query(({ ctx, input }) => enterprises.list(ctx, input)),
  // Staff read any enterprise, an applicant only its own: the service decides per row (someone else's → NOT_FOUND).
  get: authedProcedure.input(IdInput).query(({ ctx, input }) => enterprises.get(ctx, input.id)),
  registerByStaff: withPermission('enterprise.registerByStaff')
    .input(RegisterEnterpriseByStaff)
    .mutation(({ ctx, input }) => enterprises.registerByStaff(ctx, input)),
});
