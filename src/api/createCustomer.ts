import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api, unwrap } from './client';
import { customerKeys, type CustomerCreate } from './customers';

/**
 * Creating a customer: the form's rules next to the mutation that sends it, in
 * a module of its own so the list page does not download the validation library.
 */
export const customerFormSchema = z.object({
  first_name: z.string().trim().min(1, 'Enter the first name').max(100, 'At most 100 characters'),
  last_name: z.string().trim().min(1, 'Enter the last name').max(100, 'At most 100 characters'),
  email: z
    .string()
    .trim()
    .min(1, 'Enter the email address')
    .max(254, 'At most 254 characters')
    .pipe(z.email('Enter a valid email address, like name@example.com')),
  company_name: z.string().trim().max(200, 'At most 200 characters'),
  phone: z
    .string()
    .trim()
    .max(32, 'At most 32 characters')
    .refine(
      (value) =>
        value === '' || (/^\+?[0-9 ().-]+$/.test(value) && (value.match(/\d/g)?.length ?? 0) >= 6),
      'Use digits, spaces and an optional leading +, e.g. +33 6 12 34 56 78',
    ),
  external_id: z.string().trim().max(64, 'At most 64 characters'),
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
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CustomerCreate; idempotencyKey: string }) =>
      unwrap(api.POST('/v1/customers', { body, headers: { 'idempotency-key': idempotencyKey } })),
    onSuccess: (customer) => {
      if (customer.id) queryClient.setQueryData(customerKeys.detail(customer.id), customer);
      return queryClient.invalidateQueries({ queryKey: customerKeys.lists() });
    },
  });
}
