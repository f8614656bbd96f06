import { Input } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { SEARCH_INPUT_ID, standIn } from './searchFocus';
import { t } from '../../lib/i18n';

/**
 * The search box as the first paint shows it, for the moment its code takes
 * to load: it already takes focus and text, which the real one carries on.
 */
export function SearchStandIn() {
  return (
    <Input
      id={SEARCH_INPUT_ID}
      aria-label={t('Search customers')}
      placeholder={t('Search customers')}
      type="search"
      autoComplete="off"
      leftSection={<IconSearch size={16} aria-hidden />}
      defaultValue={standIn.text}
      onChange={(event) => (standIn.text = event.currentTarget.value)}
      onFocus={() => (standIn.focused = true)}
      onBlur={() => (standIn.focused = false)}
    />
  );
}
