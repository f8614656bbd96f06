import { Anchor, Group, Paper, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useOutletContext, useParams } from 'react-router';
import type { Customer } from '../api/customers';
import { ApiError } from '../api/errors';
import { verificationQuery } from '../api/verifications';
import { CopyButton } from '../components/CopyButton';
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
        <ErrorState
          error={verification.error}
          title="This verification could not be loaded"
          onRetry={() => void verification.refetch()}
        />
      ) : !data ? (
        <Skeleton height={120} />
      ) : (
        <Paper withBorder p="lg" radius="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
            <div>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                Status
              </Text>
              <StatusBadge status={data.status} />
            </div>
            <div>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                Match score
              </Text>
              <Text size="sm">{formatPercent(data.match_score)}</Text>
            </div>
            <div>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                Provider
              </Text>
              <Text size="sm">{data.provider_id}</Text>
            </div>
            <div>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                Verified at
              </Text>
              <Text size="sm">{formatDateTime(data.verified_at)}</Text>
            </div>
            <div>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                Verification ID
              </Text>
              <Group gap={2} wrap="nowrap">
                <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                  {data.id}
                </Text>
                <CopyButton value={data.id ?? ''} label="Copy verification ID" />
              </Group>
            </div>
          </SimpleGrid>
        </Paper>
      )}
    </Stack>
  );
}
