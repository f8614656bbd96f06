import { Button, Modal } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { Icon } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/**
 * A button that opens a create form in a dialog titled like the button. The form
 * is mounted only while the dialog is open, so each opening starts afresh.
 */
export function CreateDialog({
  label,
  icon: ButtonIcon,
  children: form,
}: {
  label: string;
  icon: Icon;
  children: (close: () => void) => ReactNode;
}) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button leftSection={<ButtonIcon size={16} aria-hidden />} onClick={open}>
        {label}
      </Button>
      <Modal opened={opened} onClose={close} title={label} size="lg">
        {opened && form(close)}
      </Modal>
    </>
  );
}
