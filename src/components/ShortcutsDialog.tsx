import { Group, Kbd, Modal, Stack, Table, Text } from '@mantine/core';
import { useOs } from '@mantine/hooks';
import { Fragment } from 'react';
import { t, type MessageId } from '../lib/i18n';
import { SHORTCUTS, type ShortcutAction } from '../lib/shortcuts';

/** The English words, the ids of their translations. */
const WHAT: Record<ShortcutAction, MessageId> = {
  search: 'Search customers',
  newCustomer: 'New customer',
  customers: 'Go to the customers',
  verifications: 'Go to the verification queue',
  help: 'Show the keyboard shortcuts',
};

/** `g` then `c`; `/` or Ctrl K. */
function Keys({ keys, alternative }: { keys: readonly string[]; alternative?: string[] }) {
  return (
    <Group gap={6} wrap="wrap">
      {keys.map((key, i) => (
        <Fragment key={key}>
          {i > 0 && (
            <Text span size="sm" c="dimmed">
              {t('then')}
            </Text>
          )}
          <Kbd>{key}</Kbd>
        </Fragment>
      ))}
      {alternative && (
        <>
          <Text span size="sm" c="dimmed">
            {t('or')}
          </Text>
          {alternative.map((key) => (
            <Kbd key={key}>{key}</Kbd>
          ))}
        </>
      )}
    </Group>
  );
}

/** Every keyboard shortcut, in the language in use: `?` opens it, Escape closes it. */
export function ShortcutsDialog({
  opened,
  onClose,
  canCreate,
}: {
  opened: boolean;
  onClose: () => void;
  canCreate: boolean;
}) {
  const os = useOs();
  const mac = os === 'macos' || os === 'ios';
  return (
    <Modal opened={opened} onClose={onClose} title={t('Keyboard shortcuts')} centered>
      <Stack gap="md">
        <Table verticalSpacing={6} withRowBorders={false}>
          <Table.Tbody>
            {SHORTCUTS.filter((shortcut) => canCreate || !shortcut.agentsOnly).map((shortcut) => (
              <Table.Tr key={shortcut.action}>
                <Table.Td>
                  <Keys
                    keys={shortcut.keys}
                    alternative={
                      shortcut.action === 'search' ? [mac ? '⌘' : 'Ctrl', 'K'] : undefined
                    }
                  />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{t(WHAT[shortcut.action])}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Td>
                <Keys keys={[t('Esc')]} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t('Close a dialog or the search results')}</Text>
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        <Text size="sm" c="dimmed">
          {t('Shortcuts do nothing while you type in a field or while a dialog is open.')}
        </Text>
      </Stack>
    </Modal>
  );
}
