import { Paper, SimpleGrid, Stack } from '@mantine/core';
import { useOutletContext } from 'react-router';
import type { Customer } from '../api/customers';
import { DetailField } from '../components/DetailField';
import { formatDateTime } from '../lib/format';

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
        <DetailField label="First name">{customer.first_name}</DetailField>
        <DetailField label="Last name">{customer.last_name}</DetailField>
        <DetailField label="Company">{customer.company_name}</DetailField>
        <DetailField label="Email">{customer.email}</DetailField>
        <DetailField label="Phone">{customer.phone}</DetailField>
        <DetailField label="External ID">{customer.external_id}</DetailField>
        <DetailField label="Created">{formatDateTime(customer.created_at)}</DetailField>
        <DetailField label="Address">
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
        </DetailField>
      </SimpleGrid>
    </Paper>
  );
}
