/**
 * The package's public surface is TYPES ONLY: the apps import `type { AppRouter }` (architecture.md), so nothing
 * here may pull server code into a browser bundle.
 */
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from './router';

export type { AppRouter } from './router';
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
