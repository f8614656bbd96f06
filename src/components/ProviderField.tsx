import {
  Button,
  Group,
  Select,
  Stack,
  Text,
  TextInput,
  type ComboboxItem,
  type OptionsFilter,
} from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  useController,
  type Control,
  type FieldPathByValue,
  type FieldValues,
} from 'react-hook-form';
import { providersQuery } from '../api/providers';
import { schemaRules } from '../../openapi/rules';
import {
  providerMatches,
  providerOptions,
  suggestedProvider,
  typedProviderOption,
} from '../lib/providers';
import { t } from '../lib/i18n';

const label = () => t('Provider');
const PROVIDER_ID = new RegExp(
  schemaRules.CustomerVerificationCreate.properties.provider_id.pattern,
);

/** The agent's words against each option's name and id (the default filter knows only labels). */
const filter: OptionsFilter = ({ options, search, limit }) =>
  (options as ComboboxItem[]).filter((option) => providerMatches(option, search)).slice(0, limit);

function ProviderOption({ option }: { option: ComboboxItem }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm" w="100%">
      <Text size="sm">{option.label}</Text>
      {option.label !== option.value && (
        <Text size="xs" c="dimmed" ff="monospace">
          {option.value}
        </Text>
      )}
    </Group>
  );
}

/**
 * The bank a verification goes through, picked from the upstream's AIS
 * providers of the customer's country, searchable by name and id; an id
 * typed that no bank of the list has is offered as it is (a bank of another
 * country, say). When the
 * list cannot be had (an error, or none for the country) it says so, offers
 * Retry, and the field takes the provider id as text: the agent is never
 * blocked. The value lives in the form, so it survives a switch between the
 * two and a refused form.
 */
export function ProviderField<Form extends FieldValues>({
  control,
  name,
  country,
  suggestions = [],
  prefill,
  autoFocus = false,
}: {
  control: Control<Form>;
  name: FieldPathByValue<Form, string>;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** Provider ids to preselect, best first (read from the customer's accounts' BICs). */
  suggestions?: readonly string[];
  /** How a suggestion enters the form (by default as if chosen). */
  prefill?: (providerId: string) => void;
  /** The first field of its dialog: focused when the dialog opens. */
  autoFocus?: boolean;
}) {
  const {
    field: { ref, onBlur, onChange, name: fieldName, value: fieldValue },
    fieldState,
  } = useController({ control, name });
  const providers = useQuery(providersQuery(country));
  const value = (fieldValue as string | undefined) ?? '';
  const listed = providers.data?.data;
  const options = useMemo(() => providerOptions(listed ?? [], value), [listed, value]);
  const [search, setSearch] = useState('');
  const typed = typedProviderOption(search, options, PROVIDER_ID);
  const error = fieldState.error?.message;
  // The bank of the customer's account, chosen once the list has it; never over the agent's choice.
  const suggested = listed ? suggestedProvider(suggestions, listed) : undefined;
  const offered = useRef(false);
  useEffect(() => {
    if (value) offered.current = true;
    if (offered.current || !suggested) return;
    offered.current = true;
    (prefill ?? onChange)(suggested);
  }, [suggested, value, onChange, prefill]);
  const focusFirst = autoFocus ? { 'data-autofocus': true } : {};

  if (providers.isPending)
    return (
      <Select
        label={label()}
        description={t('Loading the banks of {country}…', { country })}
        required
        loading
        readOnly
        data={options}
        value={value || null}
        placeholder={t('Loading…')}
        error={error}
        name={fieldName}
        ref={ref}
        onBlur={onBlur}
        {...focusFirst}
      />
    );

  if (providers.isError || !listed?.length)
    return (
      <Stack gap={6}>
        <TextInput
          label={label()}
          description={t("The bank's provider id, e.g. cmcifrpp")}
          required
          autoComplete="off"
          value={value}
          onChange={(event) => onChange(event.currentTarget.value)}
          onBlur={onBlur}
          name={fieldName}
          ref={ref}
          error={error}
          {...focusFirst}
        />
        <Group gap="xs" wrap="nowrap" role="status">
          <Text size="xs" c="dimmed">
            {providers.isError
              ? t('The list of banks could not be loaded: type the provider id instead.')
              : t('No bank is listed for {country}: type the provider id instead.', { country })}
          </Text>
          <Button
            variant="subtle"
            size="compact-xs"
            leftSection={<IconRefresh size={14} aria-hidden />}
            loading={providers.isFetching}
            onClick={() => void providers.refetch()}
          >
            {t('Retry')}
          </Button>
        </Group>
      </Stack>
    );

  return (
    <Select
      label={label()}
      description={
        suggested && value === suggested
          ? t("The bank of the customer's account (from its BIC); type to choose another")
          : t("The customer's bank, among the {count} of {country}: type a name or an id", {
              count: listed.length,
              country,
            })
      }
      required
      searchable
      data={typed ? [...options, typed] : options}
      searchValue={search}
      onSearchChange={setSearch}
      filter={filter}
      limit={100}
      renderOption={({ option }) => <ProviderOption option={option} />}
      nothingFoundMessage={t('No bank matches')}
      placeholder={t('Choose the bank')}
      maxDropdownHeight={280}
      value={value || null}
      onChange={(picked) => onChange(picked ?? '')}
      onBlur={onBlur}
      name={fieldName}
      ref={ref}
      error={error}
      comboboxProps={{ withinPortal: true }}
      {...focusFirst}
    />
  );
}
