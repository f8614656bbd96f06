import { zodResolver } from '@hookform/resolvers/zod';
import {
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  TextInput,
  Title,
  Anchor,
  Breadcrumbs,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { flushSync } from 'react-dom';
import { useForm } from 'react-hook-form';
import { Link, useNavigate } from 'react-router';
import {
  customerCreateFromForm,
  customerFormSchema,
  useCreateCustomer,
  type CustomerForm,
} from '../api/createCustomer';
import { fullName } from '../api/customers';
import { applyServerErrors } from '../components/formErrors';
import { FormErrorAlert } from '../components/FormErrorAlert';
import { LeaveGuard } from '../components/useLeaveGuard';
import { useIdempotencyKey } from '../components/useIdempotencyKey';

const FIELDS = [
  'first_name',
  'last_name',
  'email',
  'company_name',
  'phone',
  'external_id',
] as const;

export function CustomerNewPage() {
  const navigate = useNavigate();
  const create = useCreateCustomer();
  const idempotencyKey = useIdempotencyKey();
  const [formError, setFormError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const form = useForm<CustomerForm>({
    resolver: zodResolver(customerFormSchema),
    mode: 'onTouched',
    reValidateMode: 'onChange',
    defaultValues: {
      first_name: '',
      last_name: '',
      email: '',
      company_name: '',
      phone: '',
      external_id: '',
    },
  });
  const { errors, isDirty } = form.formState;

  const submit = form.handleSubmit((values) => {
    setFormError(undefined);
    create.mutate(
      { body: customerCreateFromForm(values), idempotencyKey: idempotencyKey.current() },
      {
        onSuccess: (customer) => {
          flushSync(() => setSaved(true));
          notifications.show({
            color: 'teal',
            title: 'Customer created',
            message: `${fullName(customer)} was added.`,
          });
          void navigate(`/customers/${customer.id}`, { replace: true });
        },
        onError: (error) => setFormError(applyServerErrors(error, FIELDS, form.setError)),
        onSettled: idempotencyKey.settle,
      },
    );
  });

  const field = (name: (typeof FIELDS)[number]) => ({
    ...form.register(name),
    error: errors[name]?.message,
  });

  return (
    <Stack gap="md" maw={760}>
      <Breadcrumbs>
        <Anchor component={Link} to="/customers">
          Customers
        </Anchor>
        <span>New customer</span>
      </Breadcrumbs>
      <Title order={1} size="h2">
        New customer
      </Title>
      <Paper withBorder p="lg" radius="md">
        <form onSubmit={(event) => void submit(event)} noValidate>
          <Stack>
            <FormErrorAlert title="The customer was not created" message={formError} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label="First name" required autoComplete="off" {...field('first_name')} />
              <TextInput label="Last name" required autoComplete="off" {...field('last_name')} />
            </SimpleGrid>
            <TextInput label="Email" type="email" required autoComplete="off" {...field('email')} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label="Company" autoComplete="off" {...field('company_name')} />
              <TextInput
                label="Phone"
                type="tel"
                autoComplete="off"
                placeholder="+33 6 12 34 56 78"
                {...field('phone')}
              />
            </SimpleGrid>
            <TextInput
              label="External ID"
              description="The merchant's own reference; unique among customers"
              autoComplete="off"
              {...field('external_id')}
            />
            <Group justify="flex-end">
              <Button variant="default" component={Link} to="/customers">
                Cancel
              </Button>
              <Button type="submit" loading={create.isPending} disabled={create.isPending}>
                Create customer
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      <LeaveGuard when={isDirty && !saved && !create.isPending} />
    </Stack>
  );
}
