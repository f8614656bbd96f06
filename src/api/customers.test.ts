import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import type * as Client from './client';
import {
  customerQuery,
  customersListQuery,
  customerWithExternalId,
  type Customer,
} from './customers';

const listed: Customer[] = [
  { id: 'c1', first_name: 'Zoë', last_name: 'Müller', email: 'zoe@example.de' },
  { id: 'c2', first_name: 'Jan', last_name: 'de Vries', email: 'jan@example.nl' },
];

// The list answer comes from a stub of the typed client; unwrap stays the real one.
vi.mock('./client', async (importOriginal) => {
  const client = await importOriginal<typeof Client>();
  const response = new Response('{}', { status: 200 });
  return {
    ...client,
    api: { GET: vi.fn(async () => ({ data: { data: listed, meta: { count: 2 } }, response })) },
  };
});

describe('the customers list query', () => {
  it('seeds each listed customer as its detail, so the customer page opens at once', async () => {
    const queryClient = new QueryClient();
    await queryClient.fetchQuery(customersListQuery(1, 20));
    expect(queryClient.getQueryData(customerQuery('c1').queryKey)).toEqual(listed[0]);
    expect(queryClient.getQueryData(customerQuery('c2').queryKey)).toEqual(listed[1]);
  });

  it('keeps a detail already loaded, which may be fuller than the list row', async () => {
    const queryClient = new QueryClient();
    const loaded = { ...listed[0], address: { city: 'Köln', country: 'DE' } };
    queryClient.setQueryData(customerQuery('c1').queryKey, loaded);
    await queryClient.fetchQuery(customersListQuery(1, 20));
    expect(queryClient.getQueryData(customerQuery('c1').queryKey)).toEqual(loaded);
  });
});

describe('the customer that has an external ID', () => {
  const withIds: Customer[] = [
    { id: 'c1', first_name: 'Zoë', last_name: 'Müller', external_id: 'CRM-1' },
    { id: 'c2', first_name: 'Élodie', last_name: 'Marchand', external_id: 'CRM-2' },
  ];

  it('is the listed customer with exactly that external ID', () => {
    expect(customerWithExternalId({ data: withIds }, 'CRM-2')?.id).toBe('c2');
  });

  it('is none when the upstream ignored the filter and listed others, or listed none', () => {
    expect(customerWithExternalId({ data: withIds }, 'CRM-3')).toBeUndefined();
    expect(customerWithExternalId({ data: withIds }, 'crm-1')).toBeUndefined();
    expect(customerWithExternalId({ data: [] }, 'CRM-1')).toBeUndefined();
    expect(customerWithExternalId({}, 'CRM-1')).toBeUndefined();
    expect(customerWithExternalId(undefined, 'CRM-1')).toBeUndefined();
  });
});
