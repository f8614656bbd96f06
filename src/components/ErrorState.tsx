import { Button, Group, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { ApiError, busyMessage, errorMessage } from '../api/errors';
import { ErrorAlert } from './ErrorAlert';
import { ErrorReference } from './ErrorReference';
import { t } from '../lib/i18n';

/** How many times a busy answer is waited out and tried again unasked; then `Retry` is the agent's. */
const AUTOMATIC_TRIES = 3;

/**
 * Seconds left before `error`'s own wait is over, counting down each second
 * from `seconds`; at zero, `done` runs once. Undefined when there is no wait.
 */
function useCountdown(
  error: unknown,
  seconds: number | undefined,
  done: () => void,
): number | undefined {
  const [tick, setTick] = useState<{ error: unknown; left: number }>();
  useEffect(() => {
    if (seconds === undefined) return;
    const endsAt = Date.now() + seconds * 1000;
    const timer = setInterval(() => {
      const left = Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
      setTick({ error, left });
      if (left === 0) {
        clearInterval(timer);
        done();
      }
    }, 250);
    return () => clearInterval(timer);
  }, [error, seconds, done]);
  if (seconds === undefined) return undefined;
  return tick && tick.error === error ? tick.left : seconds;
}

/**
 * A failed query: what failed, the server's own words, and a way to try again.
 * A 429 that said how long to wait says it in words, counts down and tries
 * again by itself (a few times; `Retry` is always there).
 */
export function ErrorState({
  query,
  title,
}: {
  query: { error: unknown; refetch: () => Promise<unknown> };
  title: string;
}) {
  const error = query.error instanceof ApiError ? query.error : undefined;
  const [tries, setTries] = useState(0);
  const { refetch } = query;
  const [retry] = useState(() => () => {
    setTries((n) => n + 1);
    void refetch();
  });
  const wait =
    error?.status === 429 && tries < AUTOMATIC_TRIES ? error.retryAfterSeconds : undefined;
  const left = useCountdown(query.error, wait, retry);
  return (
    <ErrorAlert title={title}>
      <Text size="sm">
        {error && left !== undefined ? busyMessage(error, left) : errorMessage(query.error)}
      </Text>
      <ErrorReference reference={error?.reference} />
      <Group mt="sm">
        <Button
          size="xs"
          // The page's own button colours: white in light, dark grey in dark (not a white blot).
          variant="default"
          leftSection={<IconRefresh size={14} aria-hidden />}
          onClick={() => void query.refetch()}
        >
          {t('Retry')}
        </Button>
      </Group>
    </ErrorAlert>
  );
}
