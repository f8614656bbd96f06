import { Button, Group, Modal, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useBlocker, type Blocker } from 'react-router';
import { t } from '../lib/i18n';

/**
 * While `when` holds (typed input not saved): leaving for another page is held
 * (the blocker's question decides) and closing the tab gets the browser's own.
 */
export function useLeaveBlocker(when: boolean): Blocker {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      when && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!when) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [when]);
  return blocker;
}

/** The question before typed input is lost: staying is the default (it has the focus). */
export function DiscardQuestion({
  opened,
  title,
  stay,
  leave,
  onStay,
  onLeave,
  stackId,
}: {
  opened: boolean;
  title: string;
  stay: string;
  leave: string;
  onStay: () => void;
  onLeave: () => void;
  /** Its id in a Modal.Stack, when it asks over another dialog. */
  stackId?: string;
}) {
  return (
    <Modal stackId={stackId} opened={opened} onClose={onStay} title={title} centered>
      <Text size="sm">{t('What you typed in this form will be lost.')}</Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onStay} data-autofocus>
          {stay}
        </Button>
        <Button color="red" onClick={onLeave}>
          {leave}
        </Button>
      </Group>
    </Modal>
  );
}

/** Asks before leaving a form with unsaved input, inside the app and when closing the tab. */
export function LeaveGuard({ when }: { when: boolean }) {
  const blocker = useLeaveBlocker(when);
  return (
    <DiscardQuestion
      opened={blocker.state === 'blocked'}
      title={t('Leave without saving?')}
      stay={t('Stay')}
      leave={t('Leave')}
      onStay={() => blocker.reset?.()}
      onLeave={() => blocker.proceed?.()}
    />
  );
}
