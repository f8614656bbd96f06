import type { CustomerSeen } from './types';

/** A customer as the list answer gives it, changed as a test needs. */
export function customerSeen(id: string, change: Partial<CustomerSeen> = {}): CustomerSeen {
  return {
    id,
    first_name: 'Jean',
    last_name: 'Martin',
    email: `${id}@example.com`,
    created_at: '2026-01-05T09:00:00.000Z',
    ...change,
  };
}

export const T0 = Date.UTC(2026, 0, 5, 9);
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
