import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { components } from '../../openapi/backoffice';
import { QUEUE_PAGE_SIZE, queueQuery, type QueueFilters } from '../lib/listParams';
import { bo, unwrap } from './client';
import { indexKeys } from './customerIndex';

export type VerificationQueue = components['schemas']['VerificationQueue'];
export type QueueCounts = VerificationQueue['meta']['counts'];

export const queueKeys = {
  all: [...indexKeys.all, 'queue'] as const,
  page: (filters: QueueFilters, page: number) => [...queueKeys.all, filters, page] as const,
};

/** One page of the verification queue: every indexed verification across customers. */
export function verificationQueueQuery(filters: QueueFilters, page: number) {
  return queryOptions({
    queryKey: queueKeys.page(filters, page),
    queryFn: ({ signal }) =>
      unwrap(
        bo.GET('/bo/verifications', {
          params: {
            query: {
              ...queueQuery(filters),
              'page[number]': page,
              'page[size]': QUEUE_PAGE_SIZE,
            },
          },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
    // Pending ones resolve by themselves; live events refresh sooner, this is the fallback.
    refetchInterval: 30_000,
  });
}

/** The CSV of every row of the same filter, streamed by the server: a plain download link. */
export function queueCsvHref(filters: QueueFilters): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(queueQuery(filters))) params.set(name, String(value));
  const query = params.toString();
  return `/bo/verifications.csv${query ? `?${query}` : ''}`;
}
