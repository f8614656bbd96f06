import { queryOptions } from '@tanstack/react-query';
import type { components } from '../../openapi/customers';
import { api, unwrap } from './client';

export type Provider = components['schemas']['Provider'];

export const providerKeys = {
  all: ['providers'] as const,
  country: (country: string) => [...providerKeys.all, country] as const,
};

/**
 * The banks offering account information (`filter[ais]=accounts`) in one
 * country, for the start-verification form. The list barely changes, and the
 * proxy caches it for an hour too.
 */
export function providersQuery(country: string) {
  return queryOptions({
    queryKey: providerKeys.country(country),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/res/v1/providers', {
          params: { query: { 'filter[country]': country, 'filter[ais]': 'accounts' } },
          signal,
        }),
      ),
    staleTime: 60 * 60 * 1000,
    gcTime: 60 * 60 * 1000,
  });
}
