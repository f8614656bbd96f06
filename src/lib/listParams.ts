import type { components } from '../../openapi/customers';

type Customer = components['schemas']['Customer'];

/** The page sizes the list offers (the API allows 1..100). */
export const PAGE_SIZES = [10, 20, 50, 100] as const;

/** Page, size and filter from the URL; anything invalid falls back to the defaults. */
export function listParams(params: URLSearchParams): {
  page: number;
  size: number;
  filter: string;
} {
  const page = Number(params.get('page'));
  const size = Number(params.get('size'));
  return {
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    size: (PAGE_SIZES as readonly number[]).includes(size) ? size : 20,
    filter: params.get('q') ?? '',
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
