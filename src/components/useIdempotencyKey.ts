import { useCallback, useRef } from 'react';

/**
 * One key per attempt: repeated submits while one is on its way reuse the key
 * (so the proxy makes one record); once an answer came back, the next attempt
 * gets a new key.
 */
export function useIdempotencyKey() {
  const key = useRef<string | undefined>(undefined);
  const current = useCallback(() => (key.current ??= crypto.randomUUID()), []);
  const settle = useCallback(() => {
    key.current = undefined;
  }, []);
  return { current, settle };
}
