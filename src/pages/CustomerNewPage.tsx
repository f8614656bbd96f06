import { Paper, SimpleGrid, Stack, TextInput, Title, Anchor, Breadcrumbs } from '@mantine/core';
import { useState } from 'react';
import { flushSync } from 'react-dom';
import { Link, useNavigate } from 'react-router';
import {
  customerCreateFromForm,
  customerFormSchema,
  useCreateCustomer,
} from '../api/createCustomer';
import { fullName } from '../api/customers';
import { CreateForm } from '../components/CreateForm';
import { LeaveGuard } from '../components/LeaveGuard';
import { useCreateForm } from '../components/useCreateForm';

export function CustomerNewPage() {
  const navigate = useNavigate();
  const create = useCreateCustomer();
  const [saved, setSaved] = useState(false);
  const createForm = useCreateForm({
    schema: customerFormSchema,
    defaultValues: {
      first_name: '',
      last_name: '',
      email: '',
      company_name: '',
      phone: '',
      external_id: '',
    },
    mutation: create,
    toBody: customerCreateFromForm,
    notice: (customer) => ({
      color: 'teal',
      title: 'Customer created',
      message: `${fullName(customer)} was added.`,
    }),
    onCreated: (customer) => {
      // The guard must see the form as saved before the navigation it would otherwise stop.
      flushSync(() => setSaved(true));
      void navigate(`/customers/${customer.id}`, { replace: true });
    },
  });
  const { form, field, pending } = createForm;
  const { isDirty } = form.formState;

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
        <CreateForm
          state={createForm}
          errorTitle="The customer was not created"
          submitLabel="Create customer"
          cancel={{ to: '/customers' }}
        >
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
        </CreateForm>
      </Paper>
      <LeaveGuard when={isDirty && !saved && !pending} />
    </Stack>
  );
}
