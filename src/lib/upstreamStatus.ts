import { useSyncExternalStore } from 'react';

/**
 * Whether the last API call found the upstream unreachable; a later success
 * clears it. Fed by the query cache, read by the banner.
 */
let unavailable = false;
const listeners = new Set<() => void>();

export function setUpstreamUnavailable(value: boolean): void {
  if (value === unavailable) return;
  unavailable = value;
  for (const listener of listeners) listener();
}

export function useUpstreamUnavailable(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => unavailable,
  );
}
