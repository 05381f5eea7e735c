import { auditRouter } from './audit/audit.router';
import { testingRouter } from './testing.router';
import { publicProcedure, router } from './trpc';
// ── module routers (imports) ──
import { authRouter } from './modules/auth/auth.router';
import { enterprisesRouter } from './modules/enterprises/enterprises.router';
import { foundersRouter } from './modules/founders/founders.router';
import { fundingRouters } from './modules/funding/funding.router';
import { registrationRouter } from './modules/registration/registration.router';
import { usersRouter } from './modules/users/users.router';
import { centresRouter } from './modules/centres/centres.router';
import { mentoringRouter } from './modules/mentoring/mentoring.router';
import { policyRouter } from './modules/policy/policy.router';

export const appRouter = router({
  health: publicProcedure.query(({ ctx }) => ({ ok: true as const, now: ctx.now.toISOString() })),
  audit: auditRouter,
  testing: testingRouter,
  // ── module routers (keys) ──
  auth: authRouter,
  registration: registrationRouter,
  enterprises: enterprisesRouter,
  founders: foundersRouter,
  users: usersRouter,
  ...fundingRouters,
  centres: centresRouter,
  mentoring: mentoringRouter,
  policy: policyRouter,
});

export type AppRouter = typeof appRouter;
