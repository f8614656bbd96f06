import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { ApiError } from '../api/errors';

/** A failed query: what failed, the server's own words, and a way to try again. */
export function ErrorState({
  error,
  title,
  onRetry,
}: {
  error: unknown;
  title: string;
  onRetry?: () => void;
}) {
  const apiError = error instanceof ApiError ? error : undefined;
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle aria-hidden />}
      title={title}
      role="alert"
    >
      <Text size="sm">{apiError?.message ?? 'Something went wrong in the dashboard.'}</Text>
      {apiError?.requestId && (
        <Text size="xs" c="dimmed" mt={4}>
          Reference: {apiError.requestId}
        </Text>
      )}
      {onRetry && (
        <Group mt="sm">
          <Button
            size="xs"
            variant="white"
            color="red"
            leftSection={<IconRefresh size={14} aria-hidden />}
            onClick={onRetry}
          >
            Retry
          </Button>
        </Group>
      )}
    </Alert>
  );
}
