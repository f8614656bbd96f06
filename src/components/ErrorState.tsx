import { Button, Group, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { ApiError } from '../api/errors';
import { ErrorAlert } from './ErrorAlert';

/** A failed query: what failed, the server's own words, and a way to try again. */
export function ErrorState({
  query,
  title,
}: {
  query: { error: unknown; refetch: () => Promise<unknown> };
  title: string;
}) {
  const apiError = query.error instanceof ApiError ? query.error : undefined;
  return (
    <ErrorAlert title={title}>
      <Text size="sm">{apiError?.message ?? 'Something went wrong in the dashboard.'}</Text>
      {apiError?.requestId && (
        <Text size="xs" c="dimmed" mt={4}>
          Reference: {apiError.requestId}
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
