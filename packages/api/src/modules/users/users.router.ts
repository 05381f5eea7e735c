import { CreateStaffUser, SetRoles, UserAction, UserListQuery } from '@fund/domain';
import { router, withPermission } from '../../trpc';
import * as users from './users.service';

const admin = withPermission('user.manage');

export const usersRouter = router({
  list: admin.input(UserListQuery).query(({ ctx, input }) => users.list(ctx, input)),
  create: admin.input(CreateStaffUser).mutation(({ ctx, input }) => users.create(ctx, input)),
  setRoles: admin.input(SetRoles).mutation(({ ctx, input }) => users.setRoles(ctx, input)),
  disable: admin.input(UserAction).mutation(({ ctx, input }) => users.disable(ctx, input)),
  enable: admin.input(UserAction).mutation(({ ctx, input }) => users.enable(ctx, input)),
  resetPassword: admin.input(UserAction).mutation(({ ctx, input }) => users.resetPassword(ctx, input)),
  unlock: admin.input(UserAction).mutation(({ ctx, input }) => users.unlock(ctx, input)),
  resetSecondFactor: admin
    .input(UserAction)
    .mutation(({ ctx, input }) => users.resetSecondFactor(ctx, input)),
});
