import { Paper, SimpleGrid, Stack } from '@mantine/core';
import { useOutletContext } from 'react-router';
import type { Customer } from '../api/customers';
import { DetailField } from '../components/DetailField';
import { formatDateTime } from '../lib/format';
import { formatLocale, t } from '../lib/i18n';

/** Country names in the language in use. */
function regionNames(): Intl.DisplayNames | undefined {
  try {
    return new Intl.DisplayNames([formatLocale()], { type: 'region' });
  } catch {
    return undefined;
  }
}

export function CustomerOverviewTab() {
  const customer = useOutletContext<Customer>();
  const address = customer.address;
  const country = address?.country
    ? (regionNames()?.of(address.country) ?? address.country)
    : undefined;
  return (
    <Paper withBorder p="lg" radius="md">
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="lg">
        <DetailField label={t('First name')}>{customer.first_name}</DetailField>
        <DetailField label={t('Last name')}>{customer.last_name}</DetailField>
        <DetailField label={t('Company')}>{customer.company_name}</DetailField>
        <DetailField label={t('Email')}>{customer.email}</DetailField>
        <DetailField label={t('Phone')}>{customer.phone}</DetailField>
        <DetailField label={t('External ID')}>{customer.external_id}</DetailField>
        <DetailField label={t('Created')}>{formatDateTime(customer.created_at)}</DetailField>
        <DetailField label={t('Address')}>
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
