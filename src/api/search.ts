import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { components } from '../../openapi/backoffice';
import { bo, unwrap } from './client';
import { indexKeys } from './customerIndex';

export type SearchAnswer = components['schemas']['SearchAnswer'];
export type SearchResult = components['schemas']['SearchResult'];

/** The contract's bound on `q`: longer input is cut here rather than refused there. */
export const SEARCH_MAX_LENGTH = 200;
const RESULTS_SHOWN = 8;

export const searchKeys = {
  all: [...indexKeys.all, 'search'] as const,
  query: (text: string) => [...searchKeys.all, text] as const,
};

/** What the agent typed, as the server is asked it: trimmed, within the contract's length. */
export function searchText(typed: string): string {
  return typed.trim().slice(0, SEARCH_MAX_LENGTH);
}

/**
 * Customers across the whole index. The query uses its AbortSignal, so when
 * the text changes the request for the old text is cancelled, not awaited.
 */
export function searchQuery(text: string) {
  return queryOptions({
    queryKey: searchKeys.query(text),
    queryFn: ({ signal }) =>
      unwrap(
        bo.GET('/bo/search', { params: { query: { q: text, limit: RESULTS_SHOWN } }, signal }),
      ),
    enabled: text.length > 0,
    staleTime: 10_000,
    // The previous answer stays on screen while the next one loads: no flicker while typing.
    placeholderData: keepPreviousData,
  });
}
