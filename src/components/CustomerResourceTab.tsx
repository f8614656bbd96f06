import { Group, Stack, Text } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useCanCreate } from '../api/auth';
import { CreateDialog, type DialogEnd } from './CreateDialog';
import { QueryList } from './QueryList';
import type { ResponsiveListProps } from './ResponsiveList';

interface CustomerResourceTabProps<T extends { id?: string }> extends Pick<
  ResponsiveListProps<T>,
  'columns' | 'card' | 'empty'
> {
  /** The customer's records of one kind, as the tab's query loads them. */
  query: UseQueryResult<{ data?: T[] }>;
  /** The line above the list once it has loaded, e.g. "2 bank accounts". */
  summary: (rows: T[]) => string;
  /** The button that opens the create dialog (for agents only), and the form in it. */
  create: { label: string; icon: Icon; form: (end: DialogEnd) => ReactNode };
  /** What failed, when the list could not be loaded. */
  errorTitle: string;
}

/** A tab of a customer's records (bank accounts, verifications): count, create dialog, list. */
export function CustomerResourceTab<T extends { id?: string }>({
  query,
  summary,
  create,
  errorTitle,
  ...list
}: CustomerResourceTabProps<T>) {
  const canCreate = useCanCreate();
  const rows = query.data?.data ?? [];
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text c="dimmed" size="sm" aria-live="polite">
          {query.data ? summary(rows) : ' '}
        </Text>
        {canCreate && (
          <CreateDialog label={create.label} icon={create.icon}>
            {create.form}
          </CreateDialog>
        )}
      </Group>
      <QueryList {...list} rows={rows} query={query} errorTitle={errorTitle} />
    </Stack>
  );
}
