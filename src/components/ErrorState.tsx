import { Button, Group, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { ApiError, errorMessage } from '../api/errors';
import { ErrorAlert } from './ErrorAlert';

/** A failed query: what failed, the server's own words, and a way to try again. */
export function ErrorState({
  query,
  title,
}: {
  query: { error: unknown; refetch: () => Promise<unknown> };
  title: string;
}) {
  const requestId = query.error instanceof ApiError ? query.error.requestId : undefined;
  return (
    <ErrorAlert title={title}>
      <Text size="sm">{errorMessage(query.error)}</Text>
      {requestId && (
        <Text size="xs" c="dimmed" mt={4}>
          Reference: {requestId}
        </Text>
      )}
      <Group mt="sm">
        <Button
          size="xs"
          variant="white"
          color="red"
          leftSection={<IconRefresh size={14} aria-hidden />}
          onClick={() => void query.refetch()}
        >
          Retry
        </Button>
      </Group>
    </ErrorAlert>
  );
}
