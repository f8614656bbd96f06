import { Button, Group, Text } from '@mantine/core';
import { formatCount } from '../lib/format';
import { t } from '../lib/i18n';

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
        {t('Previous')}
      </Button>
      <Button
        variant="default"
        disabled={lastPage === undefined || page >= lastPage}
        onClick={() => onPage(page + 1)}
      >
        {t('Next')}
      </Button>
      <Text size="sm" c="dimmed">
        {lastPage === undefined
          ? t('Page {page}', { page: formatCount(page) })
          : t('Page {page} of {last}', { page: formatCount(page), last: formatCount(lastPage) })}
      </Text>
    </Group>
  );
}
