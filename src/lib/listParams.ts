import type { components as BackOffice } from '../../openapi/backoffice';
import type { components } from '../../openapi/customers';
import { schemaRules } from '../../openapi/rules';

type Customer = components['schemas']['Customer'];
export type CustomerStatusFilter = BackOffice['schemas']['CustomerStatusFilter'];
export type QueueStatusFilter = BackOffice['schemas']['QueueStatusFilter'];
export type QueueAge = NonNullable<BackOffice['parameters']['QueueAge']>;

export const CUSTOMER_STATUS_FILTERS = schemaRules.CustomerStatusFilter.enum;
export const QUEUE_STATUS_FILTERS = schemaRules.QueueStatusFilter.enum;
export const QUEUE_AGES = ['1h', '24h', '7d', '30d'] as const satisfies readonly QueueAge[];
/** The queue's page size (the server's default). */
export const QUEUE_PAGE_SIZE = 25;

const oneOf = <T extends string>(allowed: readonly T[], value: string | null): T | undefined =>
  (allowed as readonly (string | null)[]).includes(value) ? (value as T) : undefined;

function pageFrom(params: URLSearchParams): number {
  const page = Number(params.get('page'));
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

/** The page sizes the list offers (the API allows 1..100). */
export const PAGE_SIZES = [10, 20, 50, 100] as const;

/** Page, size and filter from the URL; anything invalid falls back to the defaults. */
export function listParams(params: URLSearchParams): {
  page: number;
  size: number;
  filter: string;
  /** The latest-verification filter: the list then comes from the index. */
  status: CustomerStatusFilter | undefined;
} {
  const size = Number(params.get('size'));
  return {
    page: pageFrom(params),
    size: (PAGE_SIZES as readonly number[]).includes(size) ? size : 20,
    filter: params.get('q') ?? '',
    status: oneOf(CUSTOMER_STATUS_FILTERS, params.get('status')),
  };
}

/**
 * The list's URL as it should read, or undefined when it is right already: an
 * unknown `size` (`size=7`, `size=abc`) and a `page` that is no page number
 * are dropped (the defaults apply), and a page past the last one, once the
 * total is known, becomes the last page.
 */
export function correctedListSearch(
  params: URLSearchParams,
  /** The last page of the list, once its total is known. */
  lastPage?: number,
): URLSearchParams | undefined {
  const next = new URLSearchParams(params);
  const size = params.get('size');
  if (size !== null && !(PAGE_SIZES as readonly number[]).includes(Number(size))) {
    next.delete('size');
  }
  const asked = params.get('page');
  if (asked !== null) {
    const page = Number(asked);
    if (!/^\d+$/.test(asked) || page < 1) next.delete('page');
    else if (lastPage !== undefined && page > lastPage) {
      if (lastPage <= 1) next.delete('page');
      else next.set('page', String(lastPage));
    }
  }
  return next.toString() === params.toString() ? undefined : next;
}

export interface QueueFilters {
  /** None: every status. Kept in the enum's order, so one filter has one URL and one cache key. */
  statuses: QueueStatusFilter[];
  mine: boolean;
  age: QueueAge | undefined;
}

/** The queue's statuses that may still change: the customer or the provider has yet to act. */
const OPEN_QUEUE_STATUSES: readonly QueueStatusFilter[] = ['pending', 'cancelled'];

/**
 * Whether the queue comes oldest started first: when only open statuses are
 * asked for (what waits longest is what an agent chases), as the server orders
 * it; newest activity first otherwise.
 */
export function queueOldestFirst(filters: Pick<QueueFilters, 'statuses'>): boolean {
  return (
    filters.statuses.length > 0 &&
    filters.statuses.every((status) => OPEN_QUEUE_STATUSES.includes(status))
  );
}

/** The verification queue's filters and page from the URL; unknown values are dropped. */
export function queueParams(params: URLSearchParams): QueueFilters & { page: number } {
  const asked = new Set((params.get('status') ?? '').split(','));
  return {
    statuses: QUEUE_STATUS_FILTERS.filter((status) => asked.has(status)),
    mine: params.get('mine') === '1',
    age: oneOf(QUEUE_AGES, params.get('age')),
    page: pageFrom(params),
  };
}

/** The queue's URL for these filters and page (defaults left out, so a plain /verifications stays plain). */
export function queueSearch(filters: QueueFilters & { page?: number }): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.statuses.length) params.set('status', filters.statuses.join(','));
  if (filters.mine) params.set('mine', '1');
  if (filters.age) params.set('age', filters.age);
  if (filters.page && filters.page > 1) params.set('page', String(filters.page));
  return params;
}

/** The same filters as the /bo API's query parameters, for the queue and its CSV. */
export function queueQuery(filters: QueueFilters): {
  status?: string;
  mine?: boolean;
  age?: QueueAge;
} {
  return {
    ...(filters.statuses.length ? { status: filters.statuses.join(',') } : {}),
    ...(filters.mine ? { mine: true } : {}),
    ...(filters.age ? { age: filters.age } : {}),
  };
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Whether a customer of the loaded page matches the filter (accents and case ignored). */
export function matchesFilter(customer: Customer, filter: string): boolean {
  const needle = fold(filter.trim());
  if (!needle) return true;
  const haystack = [
    customer.first_name,
    customer.last_name,
    customer.company_name,
    customer.email,
    customer.phone,
    customer.external_id,
  ]
    .filter(Boolean)
    .join(' ');
  return fold(haystack).includes(needle);
}
