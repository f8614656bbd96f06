import { Anchor, Group, Paper, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useOutletContext, useParams } from 'react-router';
import type { Customer } from '../api/customers';
import { ApiError } from '../api/errors';
import { verificationQuery } from '../api/verifications';
import { CopyButton } from '../components/CopyButton';
import { DetailField } from '../components/DetailField';
import { ErrorState } from '../components/ErrorState';
import { StatusBadge } from '../components/StatusBadge';
import { formatDateTime, formatPercent } from '../lib/format';
import { NotFoundPage } from './NotFoundPage';

export function VerificationPage() {
  const customer = useOutletContext<Customer>();
  const { verificationId = '' } = useParams();
  const verification = useQuery(verificationQuery(customer.id!, verificationId));
  if (verification.error instanceof ApiError && verification.error.status === 404) {
    return <NotFoundPage what="verification" />;
  }
  const data = verification.data;
  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/customers/${customer.id}/verifications`} size="sm">
        ← All verifications
      </Anchor>
      {verification.isError && !data ? (
        <ErrorState query={verification} title="This verification could not be loaded" />
      ) : !data ? (
        <Skeleton height={120} />
      ) : (
        <Paper withBorder p="lg" radius="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
            <DetailField label="Status">
              <StatusBadge status={data.status} />
            </DetailField>
            <DetailField label="Match score">
              <Text size="sm">{formatPercent(data.match_score)}</Text>
            </DetailField>
            <DetailField label="Provider">
              <Text size="sm">{data.provider_id}</Text>
            </DetailField>
            <DetailField label="Verified at">
              <Text size="sm">{formatDateTime(data.verified_at)}</Text>
            </DetailField>
            <DetailField label="Verification ID">
              <Group gap={2} wrap="nowrap">
                <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                  {data.id}
                </Text>
                <CopyButton value={data.id ?? ''} label="Copy verification ID" />
              </Group>
            </DetailField>
          </SimpleGrid>
        </Paper>
      )}
    </Stack>
  );
}
