import {
  Anchor,
  Group,
  List,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useOutletContext, useParams } from 'react-router';
import { bankAccountsQuery, type BankAccount } from '../api/bankAccounts';
import { indexedVerificationsQuery, type IndexedVerification } from '../api/customerIndex';
import type { Customer } from '../api/customers';
import { ApiError } from '../api/errors';
import { verificationQuery, type Verification } from '../api/verifications';
import { CopyButton } from '../components/CopyButton';
import { DetailField } from '../components/DetailField';
import { ErrorState } from '../components/ErrorState';
import { StatusBadge, VerifiedBadge } from '../components/StatusBadge';
import { VerificationLinkPanel } from '../components/VerificationLinkPanel';
import { formatDateTime, formatPercent } from '../lib/format';
import { maskIban } from '../lib/iban';
import { verificationReason } from '../lib/verificationReason';
import { isOpenVerificationStatus } from '../lib/verificationStatus';
import { NotFoundPage } from './NotFoundPage';
import { t } from '../lib/i18n';

function HolderNames({ accounts }: { accounts: BankAccount[] }) {
  if (accounts.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('No bank account')}
      </Text>
    );
  return (
    <List spacing={6} listStyleType="none" p={0}>
      {accounts.map((account) => (
        <List.Item key={account.id}>
          <Group gap="xs" wrap="wrap">
            <Text size="sm" fw={500}>
              {account.holder_name ?? '—'}
            </Text>
            {account.iban && (
              <Text size="xs" c="dimmed" ff="monospace">
                {maskIban(account.iban)}
              </Text>
            )}
            <VerifiedBadge verified={account.verified} />
          </Group>
        </List.Item>
      ))}
    </List>
  );
}

/** The names the provider compared, side by side with the score: why it is Unverified or Failed. */
function NamesCompared({
  verification,
  indexed,
  customerId,
}: {
  verification: Verification;
  indexed: { data?: IndexedVerification; loading: boolean };
  customerId: string;
}) {
  const accounts = useQuery(bankAccountsQuery(customerId));
  const expectedName = indexed.data?.expected_name ?? null;
  const score =
    verification.match_score === undefined ? undefined : formatPercent(verification.match_score);
  return (
    <Paper withBorder p="lg" radius="md">
      <Stack gap="md">
        <Title order={2} size="h4">
          {t('Names compared')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
          <DetailField label={t('Expected name')}>
            {indexed.loading ? (
              <Skeleton height={16} width={140} />
            ) : expectedName ? (
              <Text size="sm" fw={500}>
                {expectedName}
              </Text>
            ) : (
              <Text size="sm" c="dimmed">
                {t('Not known: not started through the back-office')}
              </Text>
            )}
          </DetailField>
          <DetailField label={t('Account holders')}>
            {accounts.data ? (
              <HolderNames accounts={accounts.data.data ?? []} />
            ) : accounts.isError ? (
              <Text size="sm" c="dimmed">
                {t('The bank accounts could not be loaded')}
              </Text>
            ) : (
              <Skeleton height={16} width={160} />
            )}
          </DetailField>
          <DetailField label={t('Best match score')}>
            <Text size="sm">{score ?? t('None')}</Text>
          </DetailField>
        </SimpleGrid>
        <Text size="sm" role="note">
          {verificationReason({
            status: verification.status,
            stale: indexed.data?.stale ?? false,
            expectedName,
            holderCount: accounts.data?.data?.length ?? 0,
            score,
          })}
        </Text>
      </Stack>
    </Paper>
  );
}

export function VerificationPage() {
  const customer = useOutletContext<Customer>();
  const { verificationId = '' } = useParams();
  const verification = useQuery(verificationQuery(customer.id!, verificationId));
  const indexedList = useQuery(indexedVerificationsQuery(customer.id!));
  if (verification.error instanceof ApiError && verification.error.status === 404) {
    return <NotFoundPage what="verification" />;
  }
  const data = verification.data;
  const indexed = indexedList.data?.data.find((v) => v.id === verificationId);
  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/customers/${customer.id}/verifications`} size="sm">
        {t('← All verifications')}
      </Anchor>
      {verification.isError && !data ? (
        <ErrorState query={verification} title={t('This verification could not be loaded')} />
      ) : !data ? (
        <Skeleton height={120} />
      ) : (
        <>
          <Paper withBorder p="lg" radius="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
              <DetailField label={t('Status')}>
                <StatusBadge status={data.status} stale={indexed?.stale} />
              </DetailField>
              <DetailField label={t('Match score')}>
                <Text size="sm">{formatPercent(data.match_score)}</Text>
              </DetailField>
              <DetailField label={t('Provider')}>
                <Text size="sm">{data.provider_id}</Text>
              </DetailField>
              <DetailField label={t('Verified at')}>
                <Text size="sm">{formatDateTime(data.verified_at)}</Text>
              </DetailField>
              <DetailField label={t('Started')}>
                <Text size="sm">
                  {formatDateTime(indexed?.started_at ?? undefined)}
                  {indexed?.started_by
                    ? t(' by {agent}', { agent: indexed.started_by })
                    : indexed?.started_at
                      ? t(' (first seen: started outside the back-office)')
                      : ''}
                </Text>
              </DetailField>
              <DetailField label={t('Verification ID')}>
                <Group gap={2} wrap="nowrap">
                  <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                    {data.id}
                  </Text>
                  <CopyButton value={data.id ?? ''} label={t('Copy verification ID')} />
                </Group>
              </DetailField>
            </SimpleGrid>
          </Paper>
          {/* While the customer must act: once final, the link has nothing left to do. */}
          {isOpenVerificationStatus(data.status) && (
            <VerificationLinkPanel link={data.link} status={data.status} customer={customer} />
          )}
          <NamesCompared
            verification={data}
            indexed={{ data: indexed, loading: indexedList.isPending }}
            customerId={customer.id!}
          />
        </>
      )}
    </Stack>
  );
}
