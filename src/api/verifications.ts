import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import type { components } from '../../openapi/customers';
import { schemaRules } from '../../openapi/rules';
import { isOpenVerificationStatus } from '../lib/verificationStatus';
import { bankAccountKeys } from './bankAccounts';
import { api, unwrap } from './client';
import { indexKeys } from './customerIndex';
import { useCreateMutation } from './createMutation';
import { msg, textWithin } from './formRules';
import { t } from '../lib/i18n';

export type Verification = components['schemas']['CustomerVerification'];
export type VerificationStatus = NonNullable<Verification['status']>;

export const verificationKeys = {
  all: (customerId: string) => ['customers', 'detail', customerId, 'verifications'] as const,
  detail: (customerId: string, verificationId: string) =>
    [...verificationKeys.all(customerId), verificationId] as const,
};

/**
 * Open verifications are polled: every 2 s, slower while the tab is hidden,
 * not at all once every one is final. Open is any status not final, whatever
 * its word (see isOpenVerificationStatus), so Fintecture's `initiated` or a
 * status never seen keeps the polling on.
 */
export function pollInterval(
  data: { status?: string | null }[] | undefined,
  hidden: boolean,
): number | false {
  if (!data?.some((verification) => isOpenVerificationStatus(verification.status))) return false;
  return hidden ? 15_000 : 2_000;
}

/** Whether the tab is hidden (never, where there is no document: a render on the server side). */
const pageHidden = () => typeof document !== 'undefined' && document.visibilityState === 'hidden';

export function verificationsQuery(customerId: string) {
  return queryOptions({
    queryKey: verificationKeys.all(customerId),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/v1/customers/{customer_id}/verifications', {
          params: { path: { customer_id: customerId } },
          signal,
        }),
      ),
    refetchInterval: (query) => pollInterval(query.state.data?.data, pageHidden()),
    refetchIntervalInBackground: true,
  });
}

export function verificationQuery(customerId: string, verificationId: string) {
  return queryOptions({
    queryKey: verificationKeys.detail(customerId, verificationId),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/v1/customers/{customer_id}/verification/{verification_id}', {
          params: { path: { customer_id: customerId, verification_id: verificationId } },
          signal,
        }),
      ),
    refetchInterval: (query) =>
      pollInterval(query.state.data ? [query.state.data] : undefined, pageHidden()),
    refetchIntervalInBackground: true,
  });
}

const rules = schemaRules.CustomerVerificationCreate.properties;

export const verificationFormSchema = z.object({
  provider_id: textWithin(rules.provider_id, msg("Choose the customer's bank")).regex(
    new RegExp(rules.provider_id.pattern),
    { error: () => t(rules.provider_id.patternMessage) },
  ),
  expected_name: textWithin(rules.expected_name, msg('Enter the name to look for')),
});
export type VerificationForm = z.infer<typeof verificationFormSchema>;

export function useStartVerification(customerId: string) {
  return useCreateMutation(
    (body: VerificationForm, headers) =>
      api.POST('/v1/customers/{customer_id}/verification', {
        params: { path: { customer_id: customerId } },
        body,
        headers,
      }),
    // A verification that resolves may mark the customer's bank accounts verified;
    // the index (queue, statuses, who started it) knows of it at once.
    (queryClient) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: verificationKeys.all(customerId) }),
        queryClient.invalidateQueries({ queryKey: bankAccountKeys.all(customerId) }),
        queryClient.invalidateQueries({ queryKey: indexKeys.all }),
      ]),
  );
}
