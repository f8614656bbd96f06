import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { components } from '../../openapi/backoffice';
import type { CustomerStatusFilter } from '../lib/listParams';
import { bo, unwrap } from './client';

type Schemas = components['schemas'];
export type IndexedCustomer = Schemas['IndexedCustomer'];
export type LatestVerification = Schemas['LatestVerification'];
export type IndexedVerification = Schemas['IndexedVerification'];
export type ActivityItem = Schemas['ActivityItem'];
export type Duplicate = Schemas['DuplicateList']['data'][number];

/** What the back-office's index knows beyond the Customers API. Every key starts with 'bo', which live events refresh. */
export const indexKeys = {
  all: ['bo'] as const,
  statuses: (ids: readonly string[]) => [...indexKeys.all, 'statuses', ids] as const,
  customers: (status: CustomerStatusFilter, page: number, size: number) =>
    [...indexKeys.all, 'customers', { status, page, size }] as const,
  activity: (customerId: string) => [...indexKeys.all, 'activity', customerId] as const,
  verifications: (customerId: string) => [...indexKeys.all, 'verifications', customerId] as const,
  duplicates: (email: string, externalId: string) =>
    [...indexKeys.all, 'duplicates', { email, externalId }] as const,
};

/** The latest verification of each customer of a list page (the status column). */
export function customerStatusesQuery(ids: readonly string[]) {
  return queryOptions({
    queryKey: indexKeys.statuses(ids),
    queryFn: ({ signal }) =>
      unwrap(
        bo.GET('/bo/customers/statuses', { params: { query: { ids: ids.join(',') } }, signal }),
      ),
    enabled: ids.length > 0,
    placeholderData: keepPreviousData,
  });
}

/** The customer list served by the index, for a status filter the Customers API cannot apply. */
export function indexedCustomersQuery(status: CustomerStatusFilter, page: number, size: number) {
  return queryOptions({
    queryKey: indexKeys.customers(status, page, size),
    queryFn: ({ signal }) =>
      unwrap(
        bo.GET('/bo/customers', {
          params: { query: { status, 'page[number]': page, 'page[size]': size } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function customerActivityQuery(customerId: string) {
  return queryOptions({
    queryKey: indexKeys.activity(customerId),
    queryFn: ({ signal }) =>
      unwrap(
        bo.GET('/bo/customers/{customer_id}/activity', {
          params: { path: { customer_id: customerId } },
          signal,
        }),
      ),
  });
}

/** A customer's verifications with what only the back-office knows: expected name, who started each, when. */
export function indexedVerificationsQuery(customerId: string) {
  return queryOptions({
    queryKey: indexKeys.verifications(customerId),
    queryFn: ({ signal }) =>
      unwrap(
        bo.GET('/bo/customers/{customer_id}/verifications', {
          params: { path: { customer_id: customerId } },
          signal,
        }),
      ),
  });
}

/** Customers that already have this email or external ID (either may be empty, not both). */
export function duplicatesQuery(email: string, externalId: string) {
  return queryOptions({
    queryKey: indexKeys.duplicates(email, externalId),
    queryFn: ({ signal }) =>
      unwrap(
        bo.GET('/bo/duplicates', {
          params: {
            query: {
              ...(email ? { email } : {}),
              ...(externalId ? { external_id: externalId } : {}),
            },
          },
          signal,
        }),
      ),
    enabled: email !== '' || externalId !== '',
    staleTime: 10_000,
  });
}
