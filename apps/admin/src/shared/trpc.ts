import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import type { AppRouter } from '@fund/api';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/**
 * One origin serves the app and `/trpc`, so the session cookie travels with the default `same-origin` credentials.
 * The custom header is what the server's CSRF check looks for on every mutation (reliability-security.md §4, ASVS 3.5).
 */
export function createApiClient() {
  return createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: '/trpc', headers: { 'x-fund-request': '1' } })],
  });
}
