/**
 * Test-only procedures mounted NEXT TO the real app router (never in production) to exercise the shared pipeline:
 * error mapping, the error formatter, authentication and permission middleware.
 */
import { DomainError, type Role } from '@fund/domain';
import { z } from 'zod';
import type { SessionResolver } from '../context';
import { appRouter } from '../router';
import { authedProcedure, mergeRouters, publicProcedure, router, withPermission } from '../trpc';

export const probeRouter = mergeRouters(
  appRouter,
  router({
    probe: router({
      fail: publicProcedure
        .input(z.object({ kind: z.enum(['invalid', 'not_found', 'conflict', 'forbidden', 'unauthenticated']) }))
        .query(({ input }) => {
          throw new DomainError(`PROBE.${input.kind.toUpperCase()}`, input.kind, `探针错误：${input.kind}`);
        }),
      boom: publicProcedure.query((): never => {
        throw new Error('secret detail: connection string postgres://u:p@db');
      }),
      echo: publicProcedure
        .input(
          z.object({
            name: z.string().min(2, '姓名至少需要2个字'),
            sizeData: z.object({ employees: z.number().int().nonnegative() }),
          }),
        )
        .mutation(({ input }) => ({ ok: true as const, name: input.name })),
      whoami: authedProcedure.query(({ ctx }) => ({ id: ctx.user.id, roles: ctx.user.roles })),
      auditOnly: withPermission('audit.view').query(() => ({ ok: true as const })),
    }),
  }),
);

/** Test-only: the signed-in user is described by a `test_roles` cookie (e.g. `admin.auditor`). */
export const cookieRoleResolver: SessionResolver = {
  resolve(req) {
    const roles = req.cookies.test_roles;
    if (!roles) return null;
    return {
      sessionId: 'test',
      user: {
        id: 42,
        username: 'tester',
        displayName: '测试用户',
        roles: roles.split('.') as Role[],
        enterpriseId: null,
        founderId: null,
        mustChangePassword: false,
        mustEnrolSecondFactor: false,
      },
    };
  },
};
