import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useOutletContext } from 'react-router';
import type { Customer } from '../api/customers';
import { formatDateTime } from '../lib/format';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text component="div" size="sm" style={{ overflowWrap: 'anywhere' }}>
        {children ?? '—'}
      </Text>
    </div>
  );
}

const regionNames = (() => {
  try {
    return new Intl.DisplayNames([navigator.language], { type: 'region' });
  } catch {
    return undefined;
  }
})();

export function CustomerOverviewTab() {
  const customer = useOutletContext<Customer>();
  const address = customer.address;
  const country = address?.country
    ? (regionNames?.of(address.country) ?? address.country)
    : undefined;
  return (
    <Paper withBorder p="lg" radius="md">
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="lg">
        <Field label="First name">{customer.first_name}</Field>
        <Field label="Last name">{customer.last_name}</Field>
        <Field label="Company">{customer.company_name}</Field>
        <Field label="Email">{customer.email}</Field>
        <Field label="Phone">{customer.phone}</Field>
        <Field label="External ID">{customer.external_id}</Field>
        <Field label="Created">{formatDateTime(customer.created_at)}</Field>
        <Field label="Address">
          {address ? (
            <Stack gap={0}>
              {address.line1 && <span>{address.line1}</span>}
              {address.line2 && <span>{address.line2}</span>}
              {(address.postal_code || address.city) && (
                <span>{[address.postal_code, address.city].filter(Boolean).join(' ')}</span>
              )}
              {country && <span>{country}</span>}
            </Stack>
          ) : undefined}
        </Field>
      </SimpleGrid>
    </Paper>
  );
}
