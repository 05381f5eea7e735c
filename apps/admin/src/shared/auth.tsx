import { hashKey, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { STAFF_ROLES } from '@fund/domain';
import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import type { Me } from './api-types';
import { isUnauthorized } from './errors';
import { useTRPC } from './trpc';

type Auth = {
  /** `undefined` while the first `auth.me` is in flight; `null` when signed out. */
  me: Me | null | undefined;
  /** Puts a freshly signed-in user in place (the sign-in and registration mutations return `Me`). */
  signedIn: (me: Me) => void;
  signOut: () => Promise<void>;
  signingOut: boolean;
  /** `auth.me` itself failed (server unreachable): guards offer a retry instead of pretending nobody is signed in. */
  unavailable: boolean;
  retry: () => void;
};

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const meKey = useMemo(() => trpc.auth.me.queryKey(), [trpc]);
  const meQuery = useQuery({ ...trpc.auth.me.queryOptions(), staleTime: 60_000 });
  const signOutMutation = useMutation(trpc.auth.signOut.mutationOptions());

  // A session can end on the server (idle timeout, disabled account): any UNAUTHORIZED answer re-reads `auth.me`,
  // and the route guard then sends the user to 登录.
  useEffect(() => {
    const recheck = (error: unknown) => {
      if (isUnauthorized(error)) void queryClient.invalidateQueries({ queryKey: meKey });
    };
    const unsubQueries = queryClient.getQueryCache().subscribe((e) => {
      if (e.type === 'updated' && e.action.type === 'error') recheck(e.action.error);
    });
    const unsubMutations = queryClient.getMutationCache().subscribe((e) => {
      if (e.type === 'updated' && e.action.type === 'error') recheck(e.action.error);
    });
    return () => {
      unsubQueries();
      unsubMutations();
    };
  }, [queryClient, meKey]);

  const signedIn = useCallback(
    (me: Me) => {
      // Data cached for a previous user must not leak into the new session.
      queryClient.removeQueries({ predicate: (q) => q.queryHash !== hashKey(meKey) });
      queryClient.setQueryData(meKey, me);
    },
    [queryClient, meKey],
  );

  const { mutateAsync } = signOutMutation;
  const signOut = useCallback(async () => {
    try {
      await mutateAsync();
    } finally {
      queryClient.clear();
      queryClient.setQueryData(meKey, null);
    }
  }, [mutateAsync, queryClient, meKey]);

  const value = useMemo<Auth>(
    () => ({
      me: meQuery.isPending ? undefined : (meQuery.data ?? null),
      signedIn,
      signOut,
      signingOut: signOutMutation.isPending,
      unavailable: meQuery.isError,
      retry: () => void meQuery.refetch(),
    }),
    [meQuery, signedIn, signOut, signOutMutation.isPending],
  );
  return <AuthContext value={value}>{children}</AuthContext>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth must be used inside <AuthProvider>');
  return auth;
}

/** The admin console is for staff; applicant and founder accounts belong on the portal. */
export function isStaff(me: Me): boolean {
  return me.roles.some((r) => STAFF_ROLES.includes(r));
}
