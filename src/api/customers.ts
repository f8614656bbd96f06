import { keepPreviousData, queryOptions, type QueryClient } from '@tanstack/react-query';
import type { components } from '../../openapi/customers';
import { api, unwrap } from './client';

export type Customer = components['schemas']['Customer'];
export type CustomerCreate = components['schemas']['CustomerCreate'];
export type CustomerList = components['schemas']['CustomerList'];

export const customerKeys = {
  all: ['customers'] as const,
  lists: () => [...customerKeys.all, 'list'] as const,
  list: (page: number, size: number) => [...customerKeys.lists(), { page, size }] as const,
  detail: (id: string) => [...customerKeys.all, 'detail', id] as const,
  externalIds: () => [...customerKeys.all, 'external_id'] as const,
  externalId: (externalId: string) => [...customerKeys.externalIds(), externalId] as const,
};

/** Each listed customer seeds its detail query, so opening one from the list shows it at once. */
function seedCustomerDetails(client: QueryClient, customers: Customer[] = []): void {
  for (const customer of customers) {
    if (!customer.id) continue;
    const { queryKey } = customerQuery(customer.id);
    if (!client.getQueryData(queryKey)) client.setQueryData(queryKey, customer);
  }
}

export function customersListQuery(page: number, size: number) {
  return queryOptions({
    queryKey: customerKeys.list(page, size),
    queryFn: async ({ signal, client }) => {
      const list = await unwrap(
        api.GET('/v1/customers', {
          params: { query: { 'page[number]': page, 'page[size]': size } },
          signal,
        }),
      );
      seedCustomerDetails(client, list.data);
      return list;
    },
    placeholderData: keepPreviousData,
  });
}

export function customerQuery(id: string) {
  return queryOptions({
    queryKey: customerKeys.detail(id),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/v1/customers/{customer_id}', { params: { path: { customer_id: id } }, signal }),
      ),
  });
}

/**
 * The customer of a list answer that has this external ID, if any. An
 * upstream that ignores the filter answers with other customers: only an
 * exact match counts.
 */
export function customerWithExternalId(
  list: CustomerList | undefined,
  externalId: string,
): Customer | undefined {
  return list?.data?.find((customer) => customer.external_id === externalId && customer.id);
}

/**
 * Which customer already has this external ID, asked of the Customers API
 * (`GET /v1/customers?external_id=`): null when none. A lookup to warn, not a
 * rule, so a failure is not retried.
 */
export function customerByExternalIdQuery(externalId: string) {
  return queryOptions({
    queryKey: customerKeys.externalId(externalId),
    queryFn: async ({ signal }) =>
      customerWithExternalId(
        await unwrap(
          api.GET('/v1/customers', {
            params: { query: { external_id: externalId, 'page[size]': 1 } },
            signal,
          }),
        ),
        externalId,
      ) ?? null,
    enabled: externalId !== '',
    staleTime: 10_000,
    retry: false,
  });
}

export function fullName(customer: Pick<Customer, 'first_name' | 'last_name'>): string {
  return [customer.first_name, customer.last_name].filter(Boolean).join(' ');
}
