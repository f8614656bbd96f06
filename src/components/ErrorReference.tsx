import { Group, Text } from '@mantine/core';
import { CopyButton } from './CopyButton';
import { t } from '../lib/i18n';

/**
 * The reference of a failure (Fintecture's `log_id`, else the request id),
 * which an agent quotes to Fintecture's support: shown, selectable, copyable.
 */
export function ErrorReference({ reference }: { reference: string | undefined }) {
  if (!reference) return null;
  return (
    <Group gap={4} mt={4} wrap="nowrap">
      <Text size="xs" c="dimmed" style={{ userSelect: 'all', overflowWrap: 'anywhere' }}>
        {t('Reference: {reference}', { reference })}
      </Text>
      <CopyButton value={reference} label={t('Copy the reference')} />
    </Group>
  );
}
