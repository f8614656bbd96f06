import { queryOptions, useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { setKnownEnvironment, type ServerEnvironment } from '../lib/environment';
import { bo, unwrap } from './client';

/**
 * Which upstream the proxy talks to (`GET /bo/environment`, readable before
 * sign-in). Read once a session: it never changes while the server runs. Its
 * key starts with `bo`, so its answer says nothing about the upstream's health.
 */
export const environmentQuery = queryOptions({
  queryKey: ['bo', 'environment'],
  queryFn: () => unwrap(bo.GET('/bo/environment')),
  staleTime: Infinity,
  gcTime: Infinity,
});

/** The environment once read (undefined while it loads, or when it could not be), for the titles too. */
export function useEnvironment(): ServerEnvironment | undefined {
  const { data } = useQuery(environmentQuery);
  useEffect(() => setKnownEnvironment(data), [data]);
  return data;
}
