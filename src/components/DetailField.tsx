import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** One labelled value of a detail page; an empty value shows as a dash. */
export function DetailField({ label, children }: { label: string; children?: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text component="div" size="sm" style={{ overflowWrap: 'anywhere' }}>
        {children ?? '—'}
      </Text>
    </div>
  );
}
