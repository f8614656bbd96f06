import { describe, expect, it } from 'vitest';
import {
  customerBankCountry,
  providerCountry,
  providerIdsFromBics,
  suggestedProvider,
  providerLabel,
  providerMatches,
  providerOptions,
  typedProviderOption,
  type ProviderLike,
} from './providers';

const PROVIDERS: ProviderLike[] = [
  { id: 'cmcifrpp', attributes: { name: 'CIC', full_name: 'Crédit Industriel et Commercial' } },
  { id: 'bnpafrpp', attributes: { name: 'BNP Paribas', country: 'FR' } },
  { id: 'sogefrpp', attributes: { full_name: '  ', name: 'Société Générale' } },
  { id: 'agrifrpp' },
];

describe('the providers of a country', () => {
  it("lists the customer's address country, else France", () => {
    expect(providerCountry('de')).toBe('DE');
    expect(providerCountry(' BE ')).toBe('BE');
    for (const country of [undefined, null, '', 'France', 'F1']) {
      expect(providerCountry(country)).toBe('FR');
    }
  });

  it('names a provider by its full name, else its name, else its id', () => {
    expect(PROVIDERS.map(providerLabel)).toEqual([
      'Crédit Industriel et Commercial',
      'BNP Paribas',
      'Société Générale',
      'agrifrpp',
    ]);
  });

  it('offers each id once, by name', () => {
    const options = providerOptions([
      ...PROVIDERS,
      { id: 'bnpafrpp', attributes: { name: 'Again' } },
    ]);
    expect(options).toEqual([
      { value: 'agrifrpp', label: 'agrifrpp' },
      { value: 'bnpafrpp', label: 'BNP Paribas' },
      { value: 'cmcifrpp', label: 'Crédit Industriel et Commercial' },
      { value: 'sogefrpp', label: 'Société Générale' },
    ]);
  });

  it("keeps the form's value as an option when the list lacks it, first", () => {
    expect(providerOptions(PROVIDERS, 'my-bank')[0]).toEqual({
      value: 'my-bank',
      label: 'my-bank',
    });
    expect(providerOptions(PROVIDERS, 'cmcifrpp')).toHaveLength(4);
    expect(providerOptions(PROVIDERS, '')).toHaveLength(4);
    expect(providerOptions([], 'my-bank')).toEqual([{ value: 'my-bank', label: 'my-bank' }]);
  });

  it('skips entries without an id rather than failing', () => {
    expect(providerOptions([{ id: '' }, {} as ProviderLike, ...PROVIDERS])).toHaveLength(4);
  });
});

describe('searching the providers', () => {
  const options = providerOptions(PROVIDERS);
  const found = (search: string) =>
    options.filter((option) => providerMatches(option, search)).map((option) => option.value);

  it('finds by name, whatever the accents and case, every word anywhere', () => {
    expect(found('societe')).toEqual(['sogefrpp']);
    expect(found('CRÉDIT comm')).toEqual(['cmcifrpp']);
    expect(found('paribas bnp')).toEqual(['bnpafrpp']);
  });

  it('finds by id', () => {
    expect(found('cmcifr')).toEqual(['cmcifrpp']);
    expect(found('frpp')).toHaveLength(4);
  });

  it('shows every option for an empty search, none for a word nobody has', () => {
    expect(found('  ')).toHaveLength(4);
    expect(found('revolut')).toEqual([]);
  });
});

describe('a provider id the list lacks', () => {
  const options = providerOptions(PROVIDERS);
  const pattern = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

  it('is offered as typed when it looks like an id and no option has it', () => {
    expect(typedProviderOption(' deutdeff ', options, pattern)).toEqual({
      value: 'deutdeff',
      label: 'Use the provider id “deutdeff”',
    });
  });

  it('is not offered for an id listed already, a name, or nothing', () => {
    expect(typedProviderOption('cmcifrpp', options, pattern)).toBeUndefined();
    expect(typedProviderOption('BNP Paribas', options, pattern)).toBeUndefined();
    expect(typedProviderOption('-bank', options, pattern)).toBeUndefined();
    expect(typedProviderOption('  ', options, pattern)).toBeUndefined();
  });

  it('matches its own search, so the filter keeps it', () => {
    const typed = typedProviderOption('deutdeff', options, pattern)!;
    expect(providerMatches(typed, 'deutdeff')).toBe(true);
  });
});

describe("the bank suggested from the customer's accounts", () => {
  it("reads a provider id from each account's BIC, newest first, without repeats", () => {
    expect(
      providerIdsFromBics(['BNPAFRPPXXX', undefined, 'bnpa frpp', 'CMCIFR2A', 'BNPAFR']),
    ).toEqual(['bnpafrpp', 'bnpafrppxxx', 'cmcifr2a']);
    expect(providerIdsFromBics([])).toEqual([]);
  });

  it('suggests the first id the list has, and nothing when it has none', () => {
    expect(suggestedProvider(['xxxxfrpp', 'bnpafrpp', 'cmcifrpp'], PROVIDERS)).toBe('bnpafrpp');
    expect(suggestedProvider(['xxxxfrpp'], PROVIDERS)).toBeUndefined();
  });

  it("lists the address country's banks, else those of the newest IBAN's country, else France's", () => {
    expect(customerBankCountry('be', ['DE89370400440532013000'])).toBe('BE');
    expect(customerBankCountry(undefined, ['de89 3704', 'FR76'])).toBe('DE');
    expect(customerBankCountry(undefined, ['DE••••••••••••••••3000'])).toBe('DE');
    expect(customerBankCountry('', [null, 'not an iban'])).toBe('FR');
  });
});
