import { ErrorState } from './ErrorState';
import { ResponsiveList, type ResponsiveListProps } from './ResponsiveList';

interface QueryListProps<T extends { id?: string }> extends Omit<
  ResponsiveListProps<T>,
  'loading'
> {
  /** The query that loads the rows: placeholders while it is pending, its error if it fails. */
  query: {
    isPending: boolean;
    isError: boolean;
    data?: unknown;
    error: unknown;
    refetch: () => Promise<unknown>;
  };
  /** What failed, when nothing could be loaded. */
  errorTitle: string;
}

/**
 * A list loaded by a query: the error with a retry when nothing could be loaded;
 * otherwise the list, kept on screen when a later refresh fails.
 */
export function QueryList<T extends { id?: string }>({
  query,
  errorTitle,
  ...list
}: QueryListProps<T>) {
  return query.isError && !query.data ? (
    <ErrorState query={query} title={errorTitle} />
  ) : (
    <ResponsiveList {...list} loading={query.isPending} />
  );
}
