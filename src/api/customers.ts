import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { components } from '../../openapi/customers';
import { api, unwrap } from './client';

export type Customer = components['schemas']['Customer'];
export type CustomerCreate = components['schemas']['CustomerCreate'];
export type CustomerList = components['schemas']['CustomerList'];

export const PAGE_SIZES = [10, 20, 50, 100] as const;

export const customerKeys = {
  all: ['customers'] as const,
  lists: () => [...customerKeys.all, 'list'] as const,
  list: (page: number, size: number) => [...customerKeys.lists(), { page, size }] as const,
  detail: (id: string) => [...customerKeys.all, 'detail', id] as const,
};

export function customersListQuery(page: number, size: number) {
  return queryOptions({
    queryKey: customerKeys.list(page, size),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/v1/customers', {
          params: { query: { 'page[number]': page, 'page[size]': size } },
          signal,
        }),
      ),
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

export function fullName(customer: Pick<Customer, 'first_name' | 'last_name'>): string {
  return [customer.first_name, customer.last_name].filter(Boolean).join(' ');
}
