import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { unwrap, type Result } from './client';

/** What a create mutation is called with: the body, and this attempt's Idempotency-Key. */
export interface CreateVariables<Body> {
  body: Body;
  idempotencyKey: string;
}

/** The header that makes a create safe to send again: one record per key, however often it arrives. */
export type IdempotencyHeader = { 'idempotency-key': string };

/**
 * A create: `send` POSTs the body with the attempt's Idempotency-Key (a double
 * submit or a replayed request makes one record), then `refresh` brings the
 * cached lists up to date with what was created.
 */
export function useCreateMutation<Body, Created>(
  send: (body: Body, headers: IdempotencyHeader) => Promise<Result<Created>>,
  refresh: (queryClient: QueryClient, created: Created) => Promise<unknown>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: CreateVariables<Body>) =>
      unwrap(send(body, { 'idempotency-key': idempotencyKey })),
    onSuccess: (created) => refresh(queryClient, created),
  });
}
