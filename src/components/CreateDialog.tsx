import { Button, Modal } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { t } from '../lib/i18n';
import { DiscardQuestion, useLeaveBlocker } from './LeaveGuard';
import {
  DialogInputContext,
  stepArrival,
  useForgetArrival,
  type DialogInput,
} from './onboardingFlow';

/** How the form in the dialog ends it. */
export interface DialogEnd {
  /** The record was made: closes at once, and the page focuses the next step. */
  done: () => void;
  /** Cancel: asks first when something was typed. */
  cancel: () => void;
  /**
   * The record was made and the dialog stays open to show it (a verification's
   * link): however it is closed from now on, it ends as `done` does.
   */
  made: () => void;
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
  const [made, setMade] = useState(false);
  // The form's live check, kept for the moment of closing (not state: nothing renders from it).
  const [dialogInput] = useState(() => {
    let typedNow: (() => boolean) | null = null;
    return {
      report: setTyped,
      check: (check: (() => boolean) | null) => {
        typedNow = check;
      },
      typedNow: () => typedNow?.() ?? false,
    } satisfies DialogInput & { typedNow: () => boolean };
  });

  // Opened once per arrival that asks for it (set while rendering, as React advises for derived state).
  const wanted = stepArrival(location.state).openDialog;
  const [arrival, setArrival] = useState<string>();
  if (wanted && arrival !== location.key) {
    setArrival(location.key);
    setOpened(true);
  }
  useForgetArrival(wanted === true);

  // Leaving the page (Back, a shortcut) with typed input asks the same question; closing the tab, the browser's.
  const blocker = useLeaveBlocker(opened && typed);

  const close = () => {
    setOpened(false);
    setAsking(false);
    setTyped(false);
    setMade(false);
  };
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
  // Once the record is made, closing is ending: the button that opened the dialog may be gone
  // (the onboarding's action), so the page's next step takes the focus.
  const cancel = () =>
    made ? done() : typed || dialogInput.typedNow() ? setAsking(true) : close();

  return (
    <>
      <Button leftSection={<ButtonIcon size={16} aria-hidden />} onClick={() => setOpened(true)}>
        {label}
      </Button>
      <Modal.Stack>
        <Modal stackId="form" opened={opened} onClose={cancel} title={label} size="lg">
          <DialogInputContext value={dialogInput}>
            {opened && form({ done, cancel, made: () => setMade(true) })}
          </DialogInputContext>
        </Modal>
        <DiscardQuestion
          stackId="discard"
          opened={asking || blocker.state === 'blocked'}
          title={t('Discard what you typed?')}
          stay={t('Keep editing')}
          leave={t('Discard')}
          onStay={keepEditing}
          onLeave={discard}
        />
      </Modal.Stack>
    </>
  );
}
