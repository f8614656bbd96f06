import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import type { components } from '../../openapi/customers';
import { schemaRules } from '../../openapi/rules';
import { bicProblem, compactBic, compactIban, ibanProblem } from '../lib/iban';
import { api, unwrap } from './client';
import { useCreateMutation } from './createMutation';
import { msg, textWithin } from './formRules';
import { t } from '../lib/i18n';

export type BankAccount = components['schemas']['CustomerBankAccount'];
export type BankAccountCreate = components['schemas']['CustomerBankAccountCreate'];

export const bankAccountKeys = {
  all: (customerId: string) => ['customers', 'detail', customerId, 'bank-accounts'] as const,
};

export function bankAccountsQuery(customerId: string) {
  return queryOptions({
    queryKey: bankAccountKeys.all(customerId),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/v1/customers/{customer_id}/bank-accounts', {
          params: { path: { customer_id: customerId } },
          signal,
        }),
      ),
  });
}

/**
 * The Reveal: an agent's read of this one account, which the server answers
 * with the IBAN whole (and records as an `iban_revealed` audit event). Not
 * cached: every reveal is a read of its own, and audited as one. A viewer's
 * answer stays masked (`iban_masked: true`), so nothing is revealed to them.
 */
export async function revealIban(customerId: string, accountId: string): Promise<string> {
  const account = await unwrap(
    api.GET('/v1/customers/{customer_id}/bank-accounts/{account_id}', {
      params: { path: { customer_id: customerId, account_id: accountId } },
    }),
  );
  if (account.iban_masked !== false || !account.iban) {
    throw new Error('The server did not reveal this IBAN.');
  }
  return account.iban;
}

export const CURRENCIES = [
  'EUR',
  'GBP',
  'CHF',
  'SEK',
  'DKK',
  'NOK',
  'PLN',
  'CZK',
  'HUF',
  'RON',
  'USD',
] as const;

export const bankAccountFormSchema = z.object({
  iban: z.string().superRefine((value, context) => {
    const problem = ibanProblem(value);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  }),
  bic: z.string().superRefine((value, context) => {
    const problem = value.trim() === '' ? undefined : bicProblem(value);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  }),
  holder_name: textWithin(
    schemaRules.CustomerBankAccountCreate.properties.holder_name,
    msg("Enter the account holder's name"),
  ),
  currency: z.string().regex(/^[A-Z]{3}$/, { error: () => t('Choose a currency') }),
});
export type BankAccountForm = z.infer<typeof bankAccountFormSchema>;

export function bankAccountCreateFromForm(form: BankAccountForm): BankAccountCreate {
  const body: BankAccountCreate = {
    iban: compactIban(form.iban),
    holder_name: form.holder_name.trim(),
    currency: form.currency,
  };
  const bic = compactBic(form.bic);
  if (bic) body.bic = bic;
  return body;
}

export function useCreateBankAccount(customerId: string) {
  return useCreateMutation(
    (body: BankAccountCreate, headers) =>
      api.POST('/v1/customers/{customer_id}/bank-accounts', {
        params: { path: { customer_id: customerId } },
        body,
        headers,
      }),
    (queryClient) => queryClient.invalidateQueries({ queryKey: bankAccountKeys.all(customerId) }),
  );
}
