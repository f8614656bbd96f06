import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { Customer } from '../api/customers';
import { formatDateTime } from '../lib/format';
import { formatLocale, t } from '../lib/i18n';
import { DetailField } from './DetailField';

/** Country names in the language in use. */
function regionNames(): Intl.DisplayNames | undefined {
  try {
    return new Intl.DisplayNames([formatLocale()], { type: 'region' });
  } catch {
    return undefined;
  }
}

/**
 * The address, and where it comes from: the Customers API takes none on
 * create (CustomerCreate has no address), so no form here can fill it.
 */
function AddressLines({ address }: { address: Customer['address'] }) {
  const country = address?.country
    ? (regionNames()?.of(address.country) ?? address.country)
    : undefined;
  const lines = [
    address?.line1,
    address?.line2,
    [address?.postal_code, address?.city].filter(Boolean).join(' '),
    country,
  ].filter(Boolean);
  if (lines.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('No address yet. Addresses are recorded by Fintecture; they cannot be entered here.')}
      </Text>
    );
  return (
    <Stack gap={4}>
      <Stack gap={0}>
        {lines.map((line, i) => (
          <span key={i}>{line}</span>
        ))}
      </Stack>
      <Text size="xs" c="dimmed">
        {t('Recorded by Fintecture; it cannot be entered or edited here.')}
      </Text>
    </Stack>
  );
}

/**
 * Every field of a customer, with copy buttons for email, phone and external
 * ID; without a customer (still loading), the same labels over placeholder
 * bars, so nothing moves when it arrives.
 */
export function CustomerDetails({ customer }: { customer?: Customer }) {
  const loading = !customer;
  return (
    <Paper withBorder p="lg" radius="md" aria-busy={loading}>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="lg">
        <DetailField label={t('First name')} loading={loading} skeletonWidth={120}>
          {customer?.first_name}
        </DetailField>
        <DetailField label={t('Last name')} loading={loading} skeletonWidth={140}>
          {customer?.last_name}
        </DetailField>
        <DetailField label={t('Company')} loading={loading} skeletonWidth={160}>
          {customer?.company_name}
        </DetailField>
        <DetailField
          label={t('Email')}
          loading={loading}
          skeletonWidth={200}
          copy={{ value: customer?.email, label: t('Copy email') }}
        >
          {customer?.email}
        </DetailField>
        <DetailField
          label={t('Phone')}
          loading={loading}
          skeletonWidth={130}
          copy={{ value: customer?.phone, label: t('Copy phone') }}
        >
          {customer?.phone}
        </DetailField>
        <DetailField
          label={t('External ID')}
          loading={loading}
          skeletonWidth={110}
          copy={{ value: customer?.external_id, label: t('Copy external ID') }}
        >
          {customer?.external_id}
        </DetailField>
        <DetailField label={t('Created')} loading={loading} skeletonWidth={150}>
          {formatDateTime(customer?.created_at)}
        </DetailField>
        <DetailField label={t('Address')} loading={loading} skeletonWidth={180}>
          {customer && <AddressLines address={customer.address} />}
        </DetailField>
      </SimpleGrid>
    </Paper>
  );
}
