import { Anchor, Group, Paper, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useOutletContext, useParams } from 'react-router';
import { bankAccountsQuery } from '../api/bankAccounts';
import type { Customer } from '../api/customers';
import { CopyButton } from '../components/CopyButton';
import { DetailField } from '../components/DetailField';
import { ErrorState } from '../components/ErrorState';
import { AccountIban } from '../components/AccountIban';
import { VerifiedBadge } from '../components/StatusBadge';
import { NotFoundPage } from './NotFoundPage';
import { t } from '../lib/i18n';

export function BankAccountPage() {
  const customer = useOutletContext<Customer>();
  const { accountId = '' } = useParams();
  // Read from the customer's list (IBAN masked): opening the page reveals nothing; Show does, audited.
  const accounts = useQuery(bankAccountsQuery(customer.id!));
  const account = accounts.data?.data?.find((row) => row.id === accountId);
  if (accounts.data && !account) return <NotFoundPage what="bank account" />;
  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/customers/${customer.id}/bank-accounts`} size="sm">
        {t('← All bank accounts')}
      </Anchor>
      {accounts.isError ? (
        <ErrorState query={accounts} title={t('This bank account could not be loaded')} />
      ) : !account ? (
        <Skeleton height={120} />
      ) : (
        <Paper withBorder p="lg" radius="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
            <DetailField label="IBAN">
              <AccountIban account={account} />
            </DetailField>
            <DetailField label={t('Status')}>
              <VerifiedBadge verified={account.verified} />
            </DetailField>
            <DetailField label="BIC">
              <Text size="sm" ff="monospace">
                {account.bic ?? '—'}
              </Text>
            </DetailField>
            <DetailField label={t('Holder')}>
              <Text size="sm">{account.holder_name}</Text>
            </DetailField>
            <DetailField label={t('Currency')}>
              <Text size="sm">{account.currency}</Text>
            </DetailField>
            <DetailField label={t('Account ID')}>
              <Group gap={2} wrap="nowrap">
                <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                  {account.id}
                </Text>
                <CopyButton value={account.id ?? ''} label={t('Copy account ID')} />
              </Group>
            </DetailField>
          </SimpleGrid>
        </Paper>
      )}
    </Stack>
  );
}
