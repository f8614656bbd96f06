import { queryOptions } from '@tanstack/react-query';
import type { components } from '../../openapi/backoffice';
import { bo, unwrap } from './client';
import { indexKeys } from './customerIndex';

export type IndexStatus = components['schemas']['IndexStatus'];

/** The index's state, for the discreet line in the shell: polled, it changes by itself. */
export const indexStatusQuery = queryOptions({
  queryKey: [...indexKeys.all, 'index', 'status'],
  queryFn: ({ signal }) => unwrap(bo.GET('/bo/index/status', { signal })),
  refetchInterval: 30_000,
  staleTime: 15_000,
});
