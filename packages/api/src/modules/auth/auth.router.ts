import { ChangePassword, SignIn } from '@fund/domain';
import { authedProcedure, publicProcedure, router } from '../../trpc';
import * as auth from './auth.service';

export const authRouter = router({
  signIn: publicProcedure.input(SignIn).mutation(({ ctx, input }) => auth.signIn(ctx, input)),
  signOut: authedProcedure.mutation(({ ctx }) => auth.signOut(ctx)),
  me: publicProcedure.query(({ ctx }) => auth.me(ctx)),
  changePassword: authedProcedure
    .input(ChangePassword)
    .mutation(({ ctx, input }) => auth.changePassword(ctx, input)),
});
