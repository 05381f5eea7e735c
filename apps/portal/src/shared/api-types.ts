import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@fund/api';

export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type RouterInputs = inferRouterInputs<AppRouter>;

export type Me = NonNullable<RouterOutputs['auth']['me']>;
export type EnterpriseProfile = RouterOutputs['enterprises']['mine'];
export type FounderProfile = RouterOutputs['founders']['mine'];
export type UsccCheck = RouterOutputs['registration']['checkUscc'];
