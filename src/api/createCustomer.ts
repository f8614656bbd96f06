import { z } from 'zod';
import { schemaRules } from '../../openapi/rules';
import { api } from './client';
import { useCreateMutation } from './createMutation';
import { customerKeys, type CustomerCreate } from './customers';
import { msg, textWithin } from './formRules';
import { t } from '../lib/i18n';

/**
 * Creating a customer: the form's rules next to the mutation that sends it, in
 * a module of its own so the list page does not download the validation library.
 */
const rules = schemaRules.CustomerCreate.properties;
const phonePattern = new RegExp(rules.phone.pattern);

export const customerFormSchema = z.object({
  first_name: textWithin(rules.first_name, msg('Enter the first name')),
  last_name: textWithin(rules.last_name, msg('Enter the last name')),
  email: textWithin(rules.email, msg('Enter the email address')).pipe(
    z.email({ error: () => t('Enter a valid email address, like name@example.com') }),
  ),
  company_name: textWithin(rules.company_name),
  phone: textWithin(rules.phone).refine((value) => value === '' || phonePattern.test(value), {
    error: () => t(rules.phone.patternMessage),
  }),
  external_id: textWithin(rules.external_id),
});
export type CustomerForm = z.infer<typeof customerFormSchema>;

export function customerCreateFromForm(form: CustomerForm): CustomerCreate {
  const body: CustomerCreate = {
    first_name: form.first_name,
    last_name: form.last_name,
    email: form.email,
  };
  if (form.company_name) body.company_name = form.company_name;
  if (form.phone) body.phone = form.phone;
  if (form.external_id) body.external_id = form.external_id;
  return body;
}

/** One Idempotency-Key per attempt: a double click or a replayed request makes one customer. */
export function useCreateCustomer() {
  return useCreateMutation(
    (body: CustomerCreate, headers) => api.POST('/v1/customers', { body, headers }),
    (queryClient, customer) => {
      if (customer.id) queryClient.setQueryData(customerKeys.detail(customer.id), customer);
      // The list, and the external-ID lookups (the new customer may hold one just asked about).
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: customerKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: customerKeys.externalIds() }),
      ]);
    },
  );
}
