import { ActionIcon, Group, Text, Tooltip } from '@mantine/core';
import { IconEye, IconEyeOff } from '@tabler/icons-react';
import { useState } from 'react';
import { groupIban, maskIban } from '../lib/iban';
import { CopyButton } from './CopyButton';
import { t } from '../lib/i18n';

/** An IBAN masked to its last four, in groups of four, with reveal and copy. */
export function IbanText({ iban }: { iban: string }) {
  const [revealed, setRevealed] = useState(false);
  return (
    <Group gap={4} wrap="nowrap">
      <Text ff="monospace" size="sm" style={{ whiteSpace: 'nowrap' }}>
        {revealed ? groupIban(iban) : maskIban(iban)}
      </Text>
      <Tooltip label={revealed ? t('Hide IBAN') : t('Show IBAN')} withArrow>
        <ActionIcon
          variant="subtle"
          color="gray"
          onClick={() => setRevealed((value) => !value)}
          aria-label={revealed ? t('Hide IBAN') : t('Show IBAN')}
          aria-pressed={revealed}
        >
          {revealed ? <IconEyeOff size={16} aria-hidden /> : <IconEye size={16} aria-hidden />}
        </ActionIcon>
      </Tooltip>
      <CopyButton value={iban} label={t('Copy IBAN')} />
    </Group>
  );
}
