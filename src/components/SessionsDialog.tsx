import { Badge, Button, Group, Loader, Modal, Paper, Stack, Text } from '@mantine/core';
import { IconDeviceDesktop, IconLogout } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  agentSessionsQuery,
  useEndOtherSessions,
  useEndSession,
  type AgentSession,
} from '../api/auth';
import { errorMessage } from '../api/errors';
import { deviceLabel } from '../lib/device';
import { formatDateTime } from '../lib/format';
import { ErrorAlert } from './ErrorAlert';
import { ErrorState } from './ErrorState';
import { t } from '../lib/i18n';

function SessionItem({
  session,
  onEnd,
  ending,
}: {
  session: AgentSession;
  onEnd: () => void;
  ending: boolean;
}) {
  const headingId = `session-${session.id}`;
  return (
    <Paper component="li" withBorder p="sm" aria-labelledby={headingId}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2}>
          <Group gap="xs">
            <IconDeviceDesktop size={16} aria-hidden />
            <Text id={headingId} fw={600} size="sm">
              {deviceLabel(session.device)}
            </Text>
            {session.current && (
              <Badge size="sm" variant="filled" color="teal.9">
                {t('This device')}
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {t('Signed in {date}', { date: formatDateTime(session.created_at) })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('Last active {date}', { date: formatDateTime(session.last_seen_at) })}
          </Text>
        </Stack>
        {!session.current && (
          <Button
            size="xs"
            variant="light"
            color="red"
            // Its whole word, however long the device's name beside it ("Terminer" was cut).
            style={{ flexShrink: 0 }}
            loading={ending}
            onClick={onEnd}
            aria-label={t('End the session on {device}, last active {date}', {
              device: deviceLabel(session.device),
              date: formatDateTime(session.last_seen_at),
            })}
          >
            {t('End')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}

/**
 * "Your sessions": every device the agent is signed in on, this one marked,
 * each other one endable, or all of them at once.
 */
export function SessionsDialog({
  opened,
  onClose,
  onSignOutEverywhere,
}: {
  opened: boolean;
  onClose: () => void;
  onSignOutEverywhere: () => void;
}) {
  const sessions = useQuery({ ...agentSessionsQuery, enabled: opened });
  const endSession = useEndSession();
  const endOthers = useEndOtherSessions();
  const [announcement, setAnnouncement] = useState('');
  const others = sessions.data?.filter((session) => !session.current) ?? [];
  const failure = endSession.error ?? endOthers.error;

  return (
    <Modal
      opened={opened}
      onClose={() => {
        setAnnouncement('');
        onClose();
      }}
      title={t('Your sessions')}
      size="lg"
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t(
            'Where your account is signed in now. End a session you do not recognise: that device is signed out at once.',
          )}
        </Text>
        {sessions.isPending && (
          <Group gap="xs" role="status">
            <Loader size="sm" aria-hidden />
            <Text size="sm">{t('Loading your sessions…')}</Text>
          </Group>
        )}
        {sessions.isError && (
          <ErrorState query={sessions} title={t('Your sessions could not be loaded')} />
        )}
        {failure && (
          <ErrorAlert title={t('The session could not be ended')}>
            {errorMessage(failure)}
          </ErrorAlert>
        )}
        <Text size="sm" role="status" aria-live="polite">
          {announcement}
        </Text>
        {sessions.data && (
          <Stack
            component="ul"
            gap="xs"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            aria-label={t('Active sessions')}
          >
            {sessions.data.map((session) => (
              <SessionItem
                key={session.id}
                session={session}
                ending={endSession.isPending && endSession.variables === session.id}
                onEnd={() =>
                  endSession.mutate(session.id, {
                    onSuccess: () =>
                      setAnnouncement(
                        t('The session on {device} has ended.', {
                          device: deviceLabel(session.device),
                        }),
                      ),
                  })
                }
              />
            ))}
          </Stack>
        )}
        <Group justify="space-between" mt="sm">
          <Button
            variant="light"
            color="red"
            disabled={others.length === 0}
            loading={endOthers.isPending}
            onClick={() =>
              endOthers.mutate(undefined, {
                onSuccess: (result) =>
                  setAnnouncement(
                    t(
                      '{count, plural, one {# other session has ended.} other {# other sessions have ended.}}',
                      { count: result?.ended ?? 0 },
                    ),
                  ),
              })
            }
          >
            {t('End all other sessions')}
          </Button>
          <Button
            variant="subtle"
            color="red"
            leftSection={<IconLogout size={16} aria-hidden />}
            onClick={onSignOutEverywhere}
          >
            {t('Sign out everywhere')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
