import { ChangePassword, ConfirmTotp, SignIn } from '@fund/domain';
import { authedProcedure, publicProcedure, router } from '../../trpc';
import * as auth from './auth.service';
import * as secondFactor from './second-factor.service';

export const authRouter = router({
  signIn: publicProcedure.input(SignIn).mutation(({ ctx, input }) => auth.signIn(ctx, input)),
  signOut: authedProcedure.mutation(({ ctx }) => auth.signOut(ctx)),
  me: publicProcedure.query(({ ctx }) => auth.me(ctx)),
  changePassword: authedProcedure
    .input(ChangePassword)
    .mutation(({ ctx, input }) => auth.changePassword(ctx, input)),
  /** The staff second factor (docs/decisions/013-second-factor.md). */
  totp: router({
    status: authedProcedure.query(({ ctx }) => secondFactor.status(ctx)),
    begin: authedProcedure.mutation(({ ctx }) => secondFactor.begin(ctx)),
    confirm: authedProcedure.input(ConfirmTotp).mutation(({ ctx, input }) => secondFactor.confirm(ctx, input)),
    regenerateRecoveryCodes: authedProcedure
      .input(ConfirmTotp)
      .mutation(({ ctx, input }) =>
        secondFactor.regenerateRecoveryCodes(ctx, input, auth.signInBuckets(ctx.env, ctx.user.username, ctx.ip)),
      ),
  }),
});
