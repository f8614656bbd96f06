import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/errors';
import { setUpstreamUnavailable } from '../lib/upstreamStatus';

function track(error: unknown) {
  if (error instanceof ApiError && error.upstreamUnavailable) setUpstreamUnavailable(true);
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: track, onSuccess: () => setUpstreamUnavailable(false) }),
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
