import { Button, Group, Text } from '@mantine/core';
import { formatCount } from '../lib/format';

/** Previous / Next and "Page 2 of 5" (the total once known) under a paged list. */
export function Pager({
  page,
  lastPage,
  onPage,
}: {
  page: number;
  /** Undefined until the first page has loaded. */
  lastPage: number | undefined;
  onPage: (page: number) => void;
}) {
  return (
    <Group gap="xs">
      <Button variant="default" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        Previous
      </Button>
      <Button
        variant="default"
        disabled={lastPage === undefined || page >= lastPage}
        onClick={() => onPage(page + 1)}
      >
        Next
      </Button>
      <Text size="sm" c="dimmed">
        {lastPage === undefined
          ? `Page ${formatCount(page)}`
          : `Page ${formatCount(page)} of ${formatCount(lastPage)}`}
      </Text>
    </Group>
  );
}
