import { Group, Skeleton, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { CopyButton } from './CopyButton';

/**
 * One labelled value of a detail page; an empty value shows as a dash. Long
 * values wrap anywhere, so a 100-character word never widens the page. With
 * `copy`, a button beside the value copies it (only when there is one).
 * `loading` shows the label over a bar the height of a line, so the page
 * keeps its shape when the value arrives.
 */
export function DetailField({
  label,
  children,
  copy,
  loading = false,
  skeletonWidth = '60%',
}: {
  label: string;
  children?: ReactNode;
  copy?: { value: string | undefined; label: string };
  loading?: boolean;
  skeletonWidth?: number | string;
}) {
  const value = loading ? (
    <Skeleton height={14} my={copy ? 7 : 4} width={skeletonWidth} maw="100%" />
  ) : (
    <Text component="div" size="sm" style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
      {children ?? '—'}
    </Text>
  );
  return (
    <div style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      {copy?.value && !loading ? (
        <Group gap={2} wrap="nowrap" align="center">
          {value}
          <CopyButton value={copy.value} label={copy.label} />
        </Group>
      ) : (
        value
      )}
    </div>
  );
}
