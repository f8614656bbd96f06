import {
  Button,
  Combobox,
  Group,
  Kbd,
  Loader,
  Stack,
  Text,
  TextInput,
  useCombobox,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../api/errors';
import { SEARCH_MAX_LENGTH, searchQuery, searchText, type SearchResult } from '../../api/search';
import { StatusBadge } from '../StatusBadge';
import classes from './GlobalSearch.module.css';
import { SEARCH_INPUT_ID, standIn } from './searchFocus';
import { t } from '../../lib/i18n';

const DEBOUNCE_MS = 150;

function customerName(result: SearchResult): string {
  const { first_name, last_name } = result.customer;
  return [first_name, last_name].filter(Boolean).join(' ') || result.customer.id;
}

function ResultOption({ result }: { result: SearchResult }) {
  const { customer } = result;
  const latest = customer.latest_verification;
  const details = [customer.company_name, customer.email].filter(Boolean).join(' · ');
  return (
    <Combobox.Option value={customer.id} className={classes.option}>
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Stack gap={0} miw={0}>
          <Text size="sm" fw={600} truncate>
            {customerName(result)}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {details || customer.phone || customer.id}
          </Text>
        </Stack>
        <div className={classes.status}>
          <StatusBadge status={latest?.status} stale={latest?.stale} />
        </div>
      </Group>
    </Combobox.Option>
  );
}

/**
 * The header's search across every indexed customer: results as the agent
 * types, arrow keys to move, Enter to open, Escape to close; a whole customer
 * id opens that customer at once. Focused with `/` or Ctrl+K from anywhere.
 */
export function GlobalSearch() {
  const navigate = useNavigate();
  const input = useRef<HTMLInputElement>(null);
  const [typed, setTyped] = useState(() => standIn.text);
  const [debounced] = useDebouncedValue(searchText(typed), DEBOUNCE_MS);
  const search = useQuery(searchQuery(debounced));
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const current = searchText(typed);

  const open = (customerId: string) => {
    setTyped('');
    combobox.closeDropdown();
    input.current?.blur();
    void navigate(`/customers/${encodeURIComponent(customerId)}`);
  };

  // Carry on from the stand-in: what was typed there, and the focus.
  useEffect(() => {
    if (standIn.focused) input.current?.focus();
    standIn.text = '';
    standIn.focused = false;
  }, []);

  // A whole customer id pasted or typed: the answer names it, and it opens directly, once
  // (until the agent types again).
  const exact = search.isPlaceholderData ? null : search.data?.exact;
  const openedExact = useRef(false);
  useEffect(() => {
    if (!exact || debounced !== current || openedExact.current) return;
    openedExact.current = true;
    open(exact);
  });

  const results = search.data?.data ?? [];
  // The request for what the box holds has gone out (the debounce is over).
  const caughtUp = debounced === current;
  // ...and its own answer is on screen, not the previous text's.
  const settled = caughtUp && !search.isPlaceholderData;
  let body;
  if (search.isError && caughtUp) {
    body = (
      <Stack gap="xs" p="xs" role="alert">
        <Text size="sm">
          {t('Search failed: {reason}', { reason: errorMessage(search.error) })}
        </Text>
        <Button
          size="xs"
          variant="light"
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => void search.refetch()}
        >
          {t('Retry')}
        </Button>
      </Stack>
    );
  } else if (!search.data) {
    body = <Combobox.Empty>{t('Searching…')}</Combobox.Empty>;
  } else if (results.length === 0 && settled) {
    body = <Combobox.Empty>{t('No customer matches “{text}”.', { text: current })}</Combobox.Empty>;
  } else {
    body = results.map((result) => <ResultOption key={result.customer.id} result={result} />);
  }

  return (
    <Combobox
      store={combobox}
      onOptionSubmit={open}
      width="target"
      position="bottom-start"
      offset={4}
      shadow="md"
    >
      <Combobox.Target withExpandedAttribute>
        <TextInput
          ref={input}
          id={SEARCH_INPUT_ID}
          value={typed}
          maxLength={SEARCH_MAX_LENGTH}
          aria-label={t('Search customers')}
          placeholder={t('Search customers')}
          type="search"
          autoComplete="off"
          spellCheck={false}
          leftSection={<IconSearch size={16} aria-hidden />}
          rightSection={
            search.isFetching && current ? (
              <Loader size={14} aria-label={t('Searching')} />
            ) : current ? null : (
              <Kbd size="xs" visibleFrom="sm" aria-hidden>
                /
              </Kbd>
            )
          }
          rightSectionPointerEvents="none"
          onChange={(event) => {
            openedExact.current = false;
            setTyped(event.currentTarget.value);
            combobox.resetSelectedOption();
            if (searchText(event.currentTarget.value)) combobox.openDropdown();
            else combobox.closeDropdown();
          }}
          onFocus={() => current && combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          onKeyDown={(event) => {
            // Escape closes the results, and once they are closed leaves the box.
            if (event.key === 'Escape' && !combobox.dropdownOpened) input.current?.blur();
            // Enter with no result picked opens the best match.
            if (event.key !== 'Enter' || combobox.getSelectedOptionIndex() !== -1) return;
            const best = settled ? results[0] : undefined;
            if (best) {
              event.preventDefault();
              open(best.customer.id);
            }
          }}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={!current} className={classes.dropdown}>
        <Combobox.Options aria-label={t('Customers found')} mah={420} style={{ overflowY: 'auto' }}>
          {body}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
