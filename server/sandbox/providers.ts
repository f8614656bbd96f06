/**
 * The banks the sandbox pretends to reach, in the shape of Fintecture's
 * `GET /res/v1/providers` (PHP SDK `src/Api/Resources/Provider.php`): JSON:API
 * resources whose id is the provider id a verification takes, in Fintecture's
 * style (the bank's BIC, lowercase, 8 characters). A few offer no `accounts`
 * service, so `filter[ais]=accounts` means something. `sandbox` is the seed's
 * default provider, kept so existing flows have a valid choice.
 */
export type PsuType = 'retail' | 'corporate' | 'all';

export interface Provider {
  id: string;
  type: 'provider';
  attributes: {
    provider: string;
    name: string;
    full_name: string;
    country: string;
    ais: string[];
    pis: string[];
    psu_type: PsuType;
    auth_model: 'redirect';
  };
}

const ALL_AIS = ['accounts', 'transactions', 'customer_info'];
const SEPA = ['sepa', 'instant_sepa'];

type Row = [
  id: string,
  name: string,
  fullName: string,
  psu?: PsuType,
  ais?: string[],
  pis?: string[],
];

const BANKS: Record<string, Row[]> = {
  FR: [
    ['sandbox', 'Sandbox Bank', 'Sandbox Bank (Fintecture sandbox)', 'all'],
    ['bnpafrpp', 'BNP Paribas', 'BNP Paribas SA'],
    ['socgfrpp', 'Société Générale', 'Société Générale SA'],
    ['agrifrpp', 'Crédit Agricole', 'Crédit Agricole SA'],
    ['crlyfrpp', 'LCL', 'LCL - Le Crédit Lyonnais'],
    ['cmcifrpp', 'CIC', 'Crédit Industriel et Commercial'],
    ['cmcifr2a', 'Crédit Mutuel', 'Confédération Nationale du Crédit Mutuel'],
    ['cmbrfr2b', 'Crédit Mutuel Arkéa', 'Crédit Mutuel Arkéa'],
    ['psstfrpp', 'La Banque Postale', 'La Banque Postale SA'],
    ['ccbpfrpp', 'Banque Populaire', 'Banque Populaire (BPCE)'],
    ['cepafrpp', "Caisse d'Epargne", "Caisse d'Epargne (BPCE)"],
    ['bousfrpp', 'BoursoBank', 'BoursoBank (Boursorama)', 'retail'],
    ['ftnofrp1', 'Fortuneo', 'Fortuneo Banque', 'retail'],
    ['bfbkfrp1', 'BforBank', 'BforBank SA', 'retail'],
    ['axabfrpp', 'AXA Banque', 'AXA Banque SA', 'retail'],
    ['ccfrfrpp', 'CCF', 'CCF (ex HSBC Continental Europe France)'],
    ['ingbfr21', 'ING France', 'ING Bank N.V. succursale France', 'retail'],
    ['nordfrpp', 'Crédit du Nord', 'Crédit du Nord SA'],
    ['smctfr2a', 'Société Marseillaise de Crédit', 'Société Marseillaise de Crédit'],
    ['bspffrpp', 'Banque Palatine', 'Banque Palatine SA', 'corporate'],
    ['qntofrp1', 'Qonto', 'Olinda SAS (Qonto)', 'corporate'],
    ['ccopfrpp', 'Crédit Coopératif', 'Crédit Coopératif SA', 'all', ['customer_info']],
    ['cpnnfrp1', 'Nickel', 'Financière des Paiements Électroniques (Nickel)', 'retail', [], SEPA],
  ],
  DE: [
    ['deutdeff', 'Deutsche Bank', 'Deutsche Bank AG'],
    ['cobadeff', 'Commerzbank', 'Commerzbank AG'],
    ['ingddeff', 'ING Deutschland', 'ING-DiBa AG', 'retail'],
    ['pbnkdeff', 'Postbank', 'Deutsche Postbank (Deutsche Bank AG)'],
    ['byladem1', 'DKB', 'Deutsche Kreditbank AG', 'retail'],
    ['beladebe', 'Berliner Sparkasse', 'Landesbank Berlin AG - Berliner Sparkasse'],
    ['ntsbdeb1', 'N26', 'N26 Bank AG', 'retail', ['accounts', 'transactions']],
  ],
  ES: [
    ['bschesmm', 'Banco Santander', 'Banco Santander SA'],
    ['bbvaesmm', 'BBVA', 'Banco Bilbao Vizcaya Argentaria SA'],
    ['caixesbb', 'CaixaBank', 'CaixaBank SA'],
    ['bsabesbb', 'Banco Sabadell', 'Banco de Sabadell SA'],
  ],
  IT: [
    ['bcititmm', 'Intesa Sanpaolo', 'Intesa Sanpaolo SpA'],
    ['uncritmm', 'UniCredit', 'UniCredit SpA'],
    ['pascitmm', 'Monte dei Paschi di Siena', 'Banca Monte dei Paschi di Siena SpA'],
    ['bpmoit22', 'BPER Banca', 'BPER Banca SpA', 'all', ['customer_info']],
  ],
  BE: [
    ['gebabebb', 'BNP Paribas Fortis', 'BNP Paribas Fortis SA/NV'],
    ['kredbebb', 'KBC', 'KBC Bank NV'],
    ['bbrubebb', 'ING Belgique', 'ING Belgium SA/NV'],
    ['gkccbebb', 'Belfius', 'Belfius Banque SA/NV'],
  ],
  NL: [
    ['abnanl2a', 'ABN AMRO', 'ABN AMRO Bank N.V.'],
    ['ingbnl2a', 'ING', 'ING Bank N.V.'],
    ['rabonl2u', 'Rabobank', 'Coöperatieve Rabobank U.A.'],
    ['bunqnl2a', 'bunq', 'bunq B.V.', 'retail', [], SEPA],
  ],
};

export const PROVIDERS: readonly Provider[] = Object.entries(BANKS).flatMap(([country, rows]) =>
  rows.map(([id, name, fullName, psu = 'all', ais = ALL_AIS, pis = SEPA]) => ({
    id,
    type: 'provider' as const,
    attributes: {
      provider: id,
      name,
      full_name: fullName,
      country,
      ais: [...ais],
      pis: [...pis],
      psu_type: psu,
      auth_model: 'redirect' as const,
    },
  })),
);

/** The providers of a country (ISO alpha-2, any case) and offering an AIS service, each if given. */
export function findProviders(filter: { country?: string; ais?: string } = {}): Provider[] {
  const country = filter.country?.toUpperCase();
  return PROVIDERS.filter(
    (provider) =>
      (country === undefined || provider.attributes.country === country) &&
      (filter.ais === undefined || provider.attributes.ais.includes(filter.ais)),
  );
}

export function providerById(id: string): Provider | undefined {
  return PROVIDERS.find((provider) => provider.id === id);
}
