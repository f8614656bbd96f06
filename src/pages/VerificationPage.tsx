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

/** The verification's fields; without it (still loading), their labels over placeholder bars. */
function VerificationDetails({
  verification: data,
  indexed,
  indexLoading,
}: {
  verification: Verification | undefined;
  indexed: IndexedVerification | undefined;
  /** What only the index knows (who started it, when) is still on its way. */
  indexLoading: boolean;
}) {
  const loading = !data;
  return (
    <Paper withBorder p="lg" radius="md" aria-busy={loading}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        <DetailField label={t('Status')} loading={loading} skeletonWidth={90}>
          {data && <StatusBadge status={data.status} stale={indexed?.stale} />}
        </DetailField>
        <DetailField label={t('Match score')} loading={loading} skeletonWidth={50}>
          {formatPercent(data?.match_score)}
        </DetailField>
        <DetailField label={t('Provider')} loading={loading} skeletonWidth={120}>
          {data?.provider_id}
        </DetailField>
        <DetailField label={t('Verified at')} loading={loading} skeletonWidth={150}>
          {formatDateTime(data?.verified_at)}
        </DetailField>
        <DetailField label={t('Started')} loading={loading || indexLoading} skeletonWidth={200}>
          {formatDateTime(indexed?.started_at ?? undefined)}
          {indexed?.started_by
            ? t(' by {agent}', { agent: indexed.started_by })
            : indexed?.started_at
              ? t(' (first seen: started outside the back-office)')
              : ''}
        </DetailField>
        <DetailField
          label={t('Verification ID')}
          loading={loading}
          skeletonWidth={220}
          copy={{ value: data?.id, label: t('Copy verification ID') }}
        >
          <Text size="sm" ff="monospace">
            {data?.id}
          </Text>
        </DetailField>
      </SimpleGrid>
    </Paper>
  );
}

/** "Names compared" as it will be: its title, its three labels, the sentence's line. */
function NamesComparedSkeleton() {
  return (
    <Paper withBorder p="lg" radius="md" aria-busy>
      <Stack gap="md">
        <Title order={2} size="h4">
          {t('Names compared')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
          <DetailField label={t('Expected name')} loading skeletonWidth={140} />
          <DetailField label={t('Account holders')} loading skeletonWidth={160} />
          <DetailField label={t('Best match score')} loading skeletonWidth={50} />
        </SimpleGrid>
        <Skeleton height={12} my={5} width="70%" />
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
    // Names and ids of any length wrap (inherited by every line below), never widening the page.
    <Stack gap="md" style={{ overflowWrap: 'anywhere' }}>
      <Anchor component={Link} to={`/customers/${customer.id}/verifications`} size="sm">
        {t('← All verifications')}
      </Anchor>
      {verification.isError && !data ? (
        <ErrorState query={verification} title={t('This verification could not be loaded')} />
      ) : (
        <>
          <VerificationDetails
            verification={data}
            indexed={indexed}
            indexLoading={indexedList.isPending}
          />
          {/* While the customer must act: once final, the link has nothing left to do. */}
          {data && isOpenVerificationStatus(data.status) && (
            <VerificationLinkPanel link={data.link} status={data.status} customer={customer} />
          )}
          {data ? (
            <NamesCompared
              verification={data}
              indexed={{ data: indexed, loading: indexedList.isPending }}
              customerId={customer.id!}
            />
          ) : (
            <NamesComparedSkeleton />
          )}
        </>
      )}
    </Stack>
  );
}
