import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@fund/api';

export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type RouterInputs = inferRouterInputs<AppRouter>;

export type Me = NonNullable<RouterOutputs['auth']['me']>;
export type EnterpriseProfile = RouterOutputs['enterprises']['get'];
export type EnterpriseListItem = RouterOutputs['enterprises']['list']['items'][number];
export type FounderListItem = RouterOutputs['founders']['list']['items'][number];
export type StaffUser = RouterOutputs['users']['list']['items'][number];
export type AuditEventView = RouterOutputs['audit']['list']['items'][number];
export type UsccCheck = RouterOutputs['registration']['checkUscc'];
