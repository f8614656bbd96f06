import { MutationCache, QueryCache, QueryClient, type Query } from '@tanstack/react-query';
import { indexKeys } from '../api/customerIndex';
import { ApiError } from '../api/errors';
import { setUpstreamUnavailable } from '../lib/upstreamStatus';

function track(error: unknown) {
  if (error instanceof ApiError && error.upstreamUnavailable) setUpstreamUnavailable(true);
}

/**
 * The back-office's own queries (`'bo'` first in the key) answer from its
 * index, not from the Customers API: their answers say nothing about the
 * upstream, so they neither raise nor clear its banner.
 */
const reachesUpstream = (query: Query<unknown, unknown, unknown>) =>
  query.queryKey[0] !== indexKeys.all[0];

export const queryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => {
      if (reachesUpstream(query)) track(error);
    },
    onSuccess: (_data, query) => {
      if (reachesUpstream(query)) setUpstreamUnavailable(false);
    },
  }),
  mutationCache: new MutationCache({ onError: track }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // Client errors are answers, not accidents: only server and network failures are retried.
      retry: (failures, error) => failures < 2 && error instanceof ApiError && error.retryable,
      refetchOnWindowFocus: false,
    },
  },
});
