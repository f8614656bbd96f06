import { Anchor, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useOutletContext, useParams } from 'react-router';
import { bankAccountsQuery, type BankAccount } from '../api/bankAccounts';
import type { Customer } from '../api/customers';
import { DetailField } from '../components/DetailField';
import { ErrorState } from '../components/ErrorState';
import { AccountIban } from '../components/AccountIban';
import { VerifiedBadge } from '../components/StatusBadge';
import { NotFoundPage } from './NotFoundPage';
import { t } from '../lib/i18n';

/** The account's fields; without it (still loading), their labels over placeholder bars. */
function AccountDetails({ account }: { account: BankAccount | undefined }) {
  const loading = !account;
  return (
    <Paper withBorder p="lg" radius="md" aria-busy={loading}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        <DetailField label="IBAN" loading={loading} skeletonWidth={230}>
          {account && <AccountIban account={account} />}
        </DetailField>
        <DetailField label={t('Status')} loading={loading} skeletonWidth={80}>
          {account && <VerifiedBadge verified={account.verified} />}
        </DetailField>
        <DetailField label="BIC" loading={loading} skeletonWidth={100}>
          <Text size="sm" ff="monospace">
            {account?.bic ?? '—'}
          </Text>
        </DetailField>
        <DetailField label={t('Holder')} loading={loading} skeletonWidth={160}>
          {account?.holder_name}
        </DetailField>
        <DetailField label={t('Currency')} loading={loading} skeletonWidth={40}>
          {account?.currency}
        </DetailField>
        <DetailField
          label={t('Account ID')}
          loading={loading}
          skeletonWidth={220}
          copy={{ value: account?.id, label: t('Copy account ID') }}
        >
          <Text size="sm" ff="monospace">
            {account?.id}
          </Text>
        </DetailField>
      </SimpleGrid>
    </Paper>
  );
}

export function BankAccountPage() {
  const customer = useOutletContext<Customer>();
  const { accountId = '' } = useParams();
  // Read from the customer's list (IBAN masked): opening the page reveals nothing; Show does, audited.
  const accounts = useQuery(bankAccountsQuery(customer.id!));
  const account = accounts.data?.data?.find((row) => row.id === accountId);
  if (accounts.data && !account) return <NotFoundPage what="bank account" />;
  return (
    // Names and ids of any length wrap (inherited by every line below), never widening the page.
    <Stack gap="md" style={{ overflowWrap: 'anywhere' }}>
      <Anchor component={Link} to={`/customers/${customer.id}/bank-accounts`} size="sm">
        {t('← All bank accounts')}
      </Anchor>
      {accounts.isError && !accounts.data ? (
        <ErrorState query={accounts} title={t('This bank account could not be loaded')} />
      ) : (
        <AccountDetails account={account} />
      )}
    </Stack>
  );
}
