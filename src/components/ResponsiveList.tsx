import {
  Box,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  UnstyledButton,
  type TableTdProps,
} from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import classes from './ResponsiveList.module.css';

export interface ListColumn<T> {
  header: ReactNode;
  cell: (row: T) => ReactNode;
  cellProps?: TableTdProps;
  /** Width of this column's placeholder while the list loads. */
  skeletonWidth?: number;
}

export interface ResponsiveListProps<T extends { id?: string }> {
  rows: T[];
  columns: ListColumn<T>[];
  /** The row as a card on a phone. */
  card: (row: T) => ReactNode;
  /** Where a row leads: the whole card is a link, and a click anywhere on a table row opens it. */
  href?: (row: T) => string;
  loading: boolean;
  skeletonRows?: number;
  /** Shown when the list has loaded and has no row. */
  empty: ReactNode;
  /** Below this width the table scrolls sideways instead of squeezing its columns. */
  minWidth?: number;
  busy?: boolean;
}

/** A list: a table on wider screens, a card per row on phones, placeholders while loading. */
export function ResponsiveList<T extends { id?: string }>({
  rows,
  columns,
  card,
  href,
  loading,
  skeletonRows = 2,
  empty,
  minWidth = 760,
  busy,
}: ResponsiveListProps<T>) {
  const placeholders = loading ? Array.from({ length: skeletonRows }, (_, i) => i) : [];
  return (
    <Paper withBorder radius="md">
      <Stack gap={0} hiddenFrom="sm">
        {rows.map((row) =>
          href ? (
            <UnstyledButton
              key={row.id}
              component={Link}
              to={href(row)}
              p="sm"
              className={classes.card}
            >
              {card(row)}
            </UnstyledButton>
          ) : (
            <Stack key={row.id} gap={6} p="sm" className={classes.card}>
              {card(row)}
            </Stack>
          ),
        )}
        {placeholders.slice(0, 5).map((i) => (
          <Stack key={i} gap={6} p="sm" aria-hidden>
            <Skeleton height={14} width={160} />
            <Skeleton height={12} width={220} />
          </Stack>
        ))}
      </Stack>
      <Box visibleFrom="sm" className={classes.scroller}>
        <Table
          highlightOnHover={!!href}
          verticalSpacing="sm"
          aria-busy={busy}
          miw={minWidth}
          className={classes.table}
        >
          <Table.Thead>
            <Table.Tr>
              {columns.map((column, j) => (
                <Table.Th key={j} scope="col">
                  {column.header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {placeholders.map((i) => (
              <Table.Tr key={i} aria-hidden>
                {columns.map((column, j) => (
                  <Table.Td key={j}>
                    <Skeleton height={14} width={column.skeletonWidth ?? 90} />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
            {rows.map((row) => (
              <Table.Tr key={row.id} className={href ? classes.linkRow : undefined}>
                {columns.map((column, j) => (
                  <Table.Td key={j} {...column.cellProps}>
                    {j === 0 && href && (
                      // The row's own visible link (its name) is what keyboards and screen
                      // readers use; this one is for the pointer only.
                      <Link to={href(row)} className={classes.rowLink} tabIndex={-1} aria-hidden />
                    )}
                    {column.cell(row)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
      {!loading && rows.length === 0 && empty}
    </Paper>
  );
}

/** What an empty list says, under its icon, and what the agent can do about it. */
export function ListEmpty({
  icon: EmptyIcon,
  title,
  children,
}: {
  icon: Icon;
  title: string;
  children?: ReactNode;
}) {
  return (
    <Stack align="center" gap="xs" p="xl">
      <EmptyIcon size={32} aria-hidden color="var(--mantine-color-dimmed)" />
      <Text fw={500}>{title}</Text>
      {children}
    </Stack>
  );
}
