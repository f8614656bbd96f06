import { Button, Group, Modal, Text } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import { useBlocker, useLocation, useNavigate } from 'react-router';
import { t } from '../lib/i18n';
import { DialogInputContext, stepArrival } from './onboardingFlow';

/** How the form in the dialog ends it. */
export interface DialogEnd {
  /** The record was made: closes at once, and the page focuses the next step. */
  done: () => void;
  /** Cancel: asks first when something was typed. */
  cancel: () => void;
}

/**
 * A button that opens a create form in a dialog titled like the button (or an
 * arrival whose route state asks for it: the onboarding's next action). The
 * form is mounted only while the dialog is open, so each opening starts
 * afresh. Closing it with typed input (Escape, ×, a click outside, Cancel)
 * asks first; an untouched one closes at once.
 */
export function CreateDialog({
  label,
  icon: ButtonIcon,
  children: form,
}: {
  label: string;
  icon: Icon;
  children: (end: DialogEnd) => ReactNode;
}) {
  const location = useLocation();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const [typed, setTyped] = useState(false);
  const [asking, setAsking] = useState(false);

  // Opened once per arrival that asks for it (set while rendering, as React advises for derived state).
  const wanted = stepArrival(location.state).openDialog;
  const [arrival, setArrival] = useState<string>();
  if (wanted && arrival !== location.key) {
    setArrival(location.key);
    setOpened(true);
  }
  useEffect(() => {
    // Said once: a reload or a step back does not open it again.
    if (wanted) void navigate(location.pathname + location.search, { replace: true, state: null });
  }, [wanted, navigate, location.pathname, location.search]);

  // Leaving the page (Back, a shortcut) with typed input asks the same question; closing the tab, the browser's.
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      opened && typed && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!opened || !typed) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [opened, typed]);

  const close = () => {
    setOpened(false);
    setAsking(false);
    setTyped(false);
  };
  const cancel = () => (typed ? setAsking(true) : close());
  const keepEditing = () => {
    setAsking(false);
    blocker.reset?.();
  };
  const discard = () => {
    close();
    blocker.proceed?.();
  };
  const done = () => {
    close();
    void navigate(location.pathname + location.search, {
      replace: true,
      state: { focusNextStep: true },
    });
  };

  return (
    <>
      <Button leftSection={<ButtonIcon size={16} aria-hidden />} onClick={() => setOpened(true)}>
        {label}
      </Button>
      <Modal.Stack>
        <Modal stackId="form" opened={opened} onClose={cancel} title={label} size="lg">
          <DialogInputContext value={setTyped}>
            {opened && form({ done, cancel })}
          </DialogInputContext>
        </Modal>
        <Modal
          stackId="discard"
          opened={asking || blocker.state === 'blocked'}
          onClose={keepEditing}
          title={t('Discard what you typed?')}
          centered
        >
          <Text size="sm">{t('What you typed in this form will be lost.')}</Text>
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={keepEditing} data-autofocus>
              {t('Keep editing')}
            </Button>
            <Button color="red" onClick={discard}>
              {t('Discard')}
            </Button>
          </Group>
        </Modal>
      </Modal.Stack>
    </>
  );
}
