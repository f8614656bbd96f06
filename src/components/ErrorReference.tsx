import { Group, Text } from '@mantine/core';
import { CopyButton } from './CopyButton';

/**
 * The reference of a failure (Fintecture's `log_id`, else the request id),
 * which an agent quotes to Fintecture's support: shown, selectable, copyable.
 */
export function ErrorReference({ reference }: { reference: string | undefined }) {
  if (!reference) return null;
  return (
    <Group gap={4} mt={4} wrap="nowrap">
      <Text size="xs" c="dimmed" style={{ userSelect: 'all', overflowWrap: 'anywhere' }}>
        Reference: {reference}
      </Text>
      <CopyButton value={reference} label="Copy the reference" />
    </Group>
  );
}
