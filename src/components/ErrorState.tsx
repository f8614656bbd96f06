import { Button, Group, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { ApiError, errorMessage } from '../api/errors';
import { ErrorAlert } from './ErrorAlert';
import { ErrorReference } from './ErrorReference';
import { t } from '../lib/i18n';

/** A failed query: what failed, the server's own words, and a way to try again. */
export function ErrorState({
  query,
  title,
}: {
  query: { error: unknown; refetch: () => Promise<unknown> };
  title: string;
}) {
  const reference = query.error instanceof ApiError ? query.error.reference : undefined;
  return (
    <ErrorAlert title={title}>
      <Text size="sm">{errorMessage(query.error)}</Text>
      <ErrorReference reference={reference} />
      <Group mt="sm">
        <Button
          size="xs"
          variant="white"
          color="red"
          leftSection={<IconRefresh size={14} aria-hidden />}
          onClick={() => void query.refetch()}
        >
          {t('Retry')}
        </Button>
      </Group>
    </ErrorAlert>
  );
}
