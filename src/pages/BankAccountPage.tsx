import { Anchor, Group, Paper, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useOutletContext, useParams } from 'react-router';
import { bankAccountQuery } from '../api/bankAccounts';
import type { Customer } from '../api/customers';
import { ApiError } from '../api/errors';
import { CopyButton } from '../components/CopyButton';
import { DetailField } from '../components/DetailField';
import { ErrorState } from '../components/ErrorState';
import { IbanText } from '../components/IbanText';
import { VerifiedBadge } from '../components/StatusBadge';
import { NotFoundPage } from './NotFoundPage';
import { t } from '../lib/i18n';

export function BankAccountPage() {
  const customer = useOutletContext<Customer>();
  const { accountId = '' } = useParams();
  const account = useQuery(bankAccountQuery(customer.id!, accountId));
  if (account.error instanceof ApiError && account.error.status === 404)
    return <NotFoundPage what="bank account" />;
  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/customers/${customer.id}/bank-accounts`} size="sm">
        {t('← All bank accounts')}
      </Anchor>
      {account.isError ? (
        <ErrorState query={account} title={t('This bank account could not be loaded')} />
      ) : !account.data ? (
        <Skeleton height={120} />
      ) : (
        <Paper withBorder p="lg" radius="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
            <DetailField label="IBAN">
              <IbanText iban={account.data.iban ?? ''} />
            </DetailField>
            <DetailField label={t('Status')}>
              <VerifiedBadge verified={account.data.verified} />
            </DetailField>
            <DetailField label="BIC">
              <Text size="sm" ff="monospace">
                {account.data.bic ?? '—'}
              </Text>
            </DetailField>
            <DetailField label={t('Holder')}>
              <Text size="sm">{account.data.holder_name}</Text>
            </DetailField>
            <DetailField label={t('Currency')}>
              <Text size="sm">{account.data.currency}</Text>
            </DetailField>
            <DetailField label={t('Account ID')}>
              <Group gap={2} wrap="nowrap">
                <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                  {account.data.id}
                </Text>
                <CopyButton value={account.data.id ?? ''} label={t('Copy account ID')} />
              </Group>
            </DetailField>
          </SimpleGrid>
        </Paper>
      )}
    </Stack>
  );
}
