import { t } from './i18n';
/**
 * The AIS providers (banks) a verification goes through, as options of the
 * start form's picker: `GET /res/v1/providers` answers JSON:API-like
 * resources, `{id, attributes: {name, full_name, country, …}}`.
 */

export interface ProviderLike {
  id: string;
  attributes?: { name?: string; full_name?: string; country?: string };
}

export interface ProviderOption {
  /** The provider id, what the verification takes. */
  value: string;
  /** The bank's name as an agent knows it. */
  label: string;
}

/** The country the providers are listed for: the customer's address country, else France. */
export function providerCountry(country: string | null | undefined): string {
  const code = country?.trim().toUpperCase() ?? '';
  return /^[A-Z]{2}$/.test(code) ? code : 'FR';
}

/** A provider's name: its full name, else its short name, else its id. */
export function providerLabel(provider: ProviderLike): string {
  const attributes = provider.attributes;
  return attributes?.full_name?.trim() || attributes?.name?.trim() || provider.id;
}

/**
 * The picker's options, by name, one per id (a repeated id would make the
 * select throw). `current` is the form's value: kept as an option of its own
 * when the list lacks it (typed while the list could not load, or a provider
 * the list no longer has), so the field never shows a value it cannot hold.
 */
export function providerOptions(
  providers: readonly ProviderLike[],
  current?: string,
): ProviderOption[] {
  const byId = new Map<string, ProviderOption>();
  for (const provider of providers) {
    if (typeof provider?.id !== 'string' || !provider.id || byId.has(provider.id)) continue;
    byId.set(provider.id, { value: provider.id, label: providerLabel(provider) });
  }
  const options = [...byId.values()].sort(
    (a, b) =>
      a.label.localeCompare(b.label, 'fr', { sensitivity: 'base' }) ||
      a.value.localeCompare(b.value),
  );
  const value = current?.trim();
  if (value && !byId.has(value)) options.unshift({ value, label: value });
  return options;
}

/**
 * What the agent typed, offered as a provider id of its own when it looks
 * like one and no option has it: a bank the list lacks (another country's,
 * say) never blocks the agent. The API still judges the id.
 */
export function typedProviderOption(
  search: string,
  options: readonly ProviderOption[],
  pattern: RegExp,
): ProviderOption | undefined {
  const typed = search.trim();
  if (!typed || !pattern.test(typed) || options.some((option) => option.value === typed)) {
    return undefined;
  }
  return { value: typed, label: t('Use the provider id “{id}”', { id: typed }) };
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Whether an option matches what the agent typed: every word of it, accents
 * and case ignored, in the name or the id ("bnp par", "société", "cmcifrpp").
 */
export function providerMatches(option: ProviderOption, search: string): boolean {
  const words = fold(search).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fold(`${option.label} ${option.value}`);
  return words.every((word) => haystack.includes(word));
}

/**
 * Provider ids worth preselecting for a customer's accounts, newest account
 * first: Fintecture's provider ids are the bank's BIC, lowercase, without the
 * branch code (`BNPAFRPPXXX` → `bnpafrpp`), so an account's BIC names its bank.
 */
export function providerIdsFromBics(bics: readonly (string | null | undefined)[]): string[] {
  const ids: string[] = [];
  for (const bic of bics) {
    const code = bic?.replace(/\s+/g, '').toLowerCase() ?? '';
    if (!/^[a-z0-9]{8}([a-z0-9]{3})?$/.test(code)) continue;
    for (const id of [code.slice(0, 8), code]) if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** The first of the suggested ids the list has, if any. */
export function suggestedProvider(
  suggestions: readonly string[],
  providers: readonly ProviderLike[],
): string | undefined {
  return suggestions.find((id) => providers.some((provider) => provider?.id === id));
}

/**
 * The country whose banks are listed: the customer's address country, else
 * the country of their newest account's IBAN (masked or not), else France.
 */
export function customerBankCountry(
  addressCountry: string | null | undefined,
  ibans: readonly (string | null | undefined)[],
): string {
  const fromAddress = addressCountry?.trim().toUpperCase() ?? '';
  if (/^[A-Z]{2}$/.test(fromAddress)) return fromAddress;
  // The list's IBANs come masked past their country code (`DE••••…3000`).
  const fromIban = ibans.find((iban) => /^[A-Za-z]{2}(\d{2}|•)/.test(iban?.trim() ?? ''));
  return providerCountry(fromIban?.trim().slice(0, 2));
}
