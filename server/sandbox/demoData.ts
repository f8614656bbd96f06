import {
  base,
  de,
  de_AT,
  de_CH,
  en,
  en_GB,
  es,
  Faker,
  fr,
  it,
  nl,
  nl_BE,
  pl,
  pt_PT,
  sv,
} from '@faker-js/faker';
import type { LocaleDefinition, Randomizer } from '@faker-js/faker';
import { composeIBAN, validateIBAN } from 'ibantools';
import { schemaRules } from '../../openapi/rules';
import { foldToLatin, nameMatchScore } from './nameMatch';

/**
 * Deterministic, realistic demo customers for an empty sandbox: European
 * people and small companies, with addresses in real cities, phones in
 * international format, valid IBANs and the BICs of real banks.
 *
 * The generator does not decide how a verification ends. The sandbox stores
 * the rows and resolves each verification itself, exactly as for one started
 * through the API: `failed` when the provider's id starts with "fail" or the
 * customer has no bank account, otherwise `verified` or `unverified` from
 * matching `expected_name` against the account holders' names. The generator
 * only arranges its inputs so that every status occurs, even in a small seed
 * (see SHOWCASE and markPending below).
 *
 * Same count, same rows: every customer is drawn from its own seed (its
 * index), so the first 30 of 200 customers are the same people, accounts and
 * verifications as the 30 of a seed of 30. Only the timeline depends on the
 * count: the customers are spread over the two years before the reference
 * date, and the verifications of the most recent ones stay pending.
 */

export interface DemoBankAccount {
  /** Electronic format (no spaces), valid for its country. */
  iban: string;
  /** A real bank's BIC, in the IBAN's country; omitted for about 10% of accounts. */
  bic?: string;
  /** As the bank writes it: "DUPONT JEAN", "M. JEAN DUPONT", "J. Dupont", the company, or someone else. */
  holder_name: string;
  /** ISO 4217; EUR but for a few Swiss, Polish, Swedish and British accounts. */
  currency: string;
}

export interface DemoVerification {
  /** The bank's AIS provider ("bnp-paribas", "ing", "sandbox"), or "failing-bank", which always fails. */
  provider_id: string;
  expected_name: string;
  /** After the customer's creation, before the reference date. */
  created_at: string;
  /** Stays pending for the sandbox's verification delay after seeding. */
  pending: boolean;
}

export interface DemoCustomer {
  first_name: string;
  last_name: string;
  company_name?: string;
  email: string;
  phone: string;
  address: { line1: string; line2?: string; postal_code: string; city: string; country: string };
  external_id: string;
  /** ISO 8601 with milliseconds, UTC; strictly increasing with the index. */
  created_at: string;
  bank_accounts: DemoBankAccount[];
  verifications: DemoVerification[];
}

export const DEMO_REFERENCE_DATE = new Date('2026-11-01T09:00:00.000Z');

/** The provider id the sandbox fails every verification of (it starts with "fail"). */
export const DEMO_FAILING_PROVIDER = 'failing-bank';

const DAY_MS = 24 * 3600 * 1000;
const SPAN_MS = 730 * DAY_MS;
const BASE_SEED = 20_261_101;
/** Share of the most recent customers whose verifications are still pending. */
const PENDING_SHARE = 0.03;
const MIN_PENDING_CUSTOMERS = 2;
/** The contract's limits, so every demo row is one the API itself would take. */
const LIMITS = {
  firstName: schemaRules.CustomerCreate.properties.first_name.maxLength,
  lastName: schemaRules.CustomerCreate.properties.last_name.maxLength,
  company: schemaRules.CustomerCreate.properties.company_name.maxLength,
  holder: schemaRules.CustomerBankAccountCreate.properties.holder_name.maxLength,
  expectedName: schemaRules.CustomerVerificationCreate.properties.expected_name.maxLength,
};

// ---------------------------------------------------------------------------
// Randomness: one small, fast generator shared by every locale's Faker.

/**
 * sfc32 seeded through splitmix32. Faker's default Mersenne Twister costs
 * ~60 µs to reseed, which alone would be 6 s for 100,000 customers; this one
 * costs nothing, and sharing it means one reseed per customer for all locales.
 */
function createRandomizer(): Randomizer {
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  const next32 = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  return {
    next: () => next32() / 4_294_967_296,
    seed(seed) {
      let state = 0;
      for (const value of Array.isArray(seed) ? seed : [seed]) {
        state = Math.imul(state ^ (value | 0), 0x9e3779b1) ^ Math.floor(value / 4_294_967_296);
      }
      const splitmix = () => {
        state = (state + 0x9e3779b9) | 0;
        let z = state ^ (state >>> 16);
        z = Math.imul(z, 0x21f0aaad);
        z ^= z >>> 15;
        z = Math.imul(z, 0x735a2d97);
        return (z ^ (z >>> 15)) >>> 0;
      };
      a = splitmix();
      b = splitmix();
      c = splitmix();
      d = splitmix();
      for (let i = 0; i < 12; i += 1) next32();
    },
  };
}

const randomizer = createRandomizer();
const fakerFor = (...locales: LocaleDefinition[]) =>
  new Faker({ locale: [...locales, en, base], randomizer });
/** For draws that belong to no country (which country). */
const neutral = fakerFor();

const digits = (f: Faker, length: number) => f.string.numeric({ length, allowLeadingZeros: true });
const digitGroups = (f: Faker, ...lengths: number[]) =>
  lengths.map((length) => digits(f, length)).join(' ');
const chance = (f: Faker, percent: number) => f.number.int(99) < percent;

// ---------------------------------------------------------------------------
// National account numbers (BBAN) with each country's own check digits, so the
// IBANs pass the national checks ibantools runs (FR, ES, BE, PT, PL), not only mod-97.

interface Bank {
  /** The bank code at the start of the BBAN (for GB: bank code and sort-code prefix). */
  code: string;
  bic: string;
  /** The AIS provider id a verification through this bank uses. */
  provider: string;
}

type BbanMaker = (bank: Bank, f: Faker) => string;

/** RIB key: 97 - (89 bank + 15 branch + 3 account) mod 97. */
const frenchBban: BbanMaker = (bank, f) => {
  const branch = digits(f, 5);
  const account = digits(f, 11);
  const key =
    97 - Number((89n * BigInt(bank.code) + 15n * BigInt(branch) + 3n * BigInt(account)) % 97n);
  return `${bank.code}${branch}${account}${String(key).padStart(2, '0')}`;
};

/** Two control digits, over "00" + bank + branch and over the account: weights mod 11. */
const spanishBban: BbanMaker = (bank, f) => {
  const branch = digits(f, 4);
  const account = digits(f, 10);
  const control = (value: string) => {
    const weights = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6];
    let sum = 0;
    for (let i = 0; i < value.length; i += 1) sum += Number(value[i]) * weights[i]!;
    const check = 11 - (sum % 11);
    return check === 11 ? 0 : check === 10 ? 1 : check;
  };
  return `${bank.code}${branch}${control(`00${bank.code}${branch}`)}${control(account)}${account}`;
};

/** The first ten digits mod 97 (97 for 0). */
const belgianBban: BbanMaker = (bank, f) => {
  const first = `${bank.code}${digits(f, 7)}`;
  const check = Number(BigInt(first) % 97n) || 97;
  return `${first}${String(check).padStart(2, '0')}`;
};

const ITALIAN_ODD = [
  1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
];
/** CIN: a letter from the odd/even position tables over ABI, CAB and account. */
const italianBban: BbanMaker = (bank, f) => {
  const rest = `${bank.code}${digits(f, 5)}${digits(f, 12)}`;
  let sum = 0;
  for (let i = 0; i < rest.length; i += 1) {
    const value = Number(rest[i]);
    sum += i % 2 === 0 ? ITALIAN_ODD[value]! : value;
  }
  return `${String.fromCharCode(65 + (sum % 26))}${rest}`;
};

/** NIB: two check digits making the 21 digits ≡ 1 mod 97. */
const portugueseBban: BbanMaker = (bank, f) => {
  const first = `${bank.code}${digits(f, 4)}${digits(f, 11)}`;
  const check = 98 - Number((BigInt(first) * 100n) % 97n);
  return `${first}${String(check).padStart(2, '0')}`;
};

/** Bank and branch (7 digits), a check digit with weights 3,9,7,1,3,9,7, then 16 digits. */
const polishBban: BbanMaker = (bank, f) => {
  const sortCode = `${bank.code}${digits(f, 4)}`;
  const weights = [3, 9, 7, 1, 3, 9, 7];
  let sum = 0;
  for (let i = 0; i < 7; i += 1) sum += Number(sortCode[i]) * weights[i]!;
  return `${sortCode}${(10 - (sum % 10)) % 10}${digits(f, 16)}`;
};

/** Dutch account numbers pass the "elfproef": digits weighted 10..1 sum to a multiple of 11. */
const dutchBban: BbanMaker = (bank, f) => {
  for (;;) {
    const first = digits(f, 9);
    let sum = 0;
    for (let i = 0; i < 9; i += 1) sum += Number(first[i]) * (10 - i);
    const last = (11 - (sum % 11)) % 11;
    if (last < 10) return `${bank.code}${first}${last}`;
  }
};

const plainBban =
  (accountLength: number): BbanMaker =>
  (bank, f) =>
    `${bank.code}${digits(f, accountLength)}`;

// ---------------------------------------------------------------------------
// Countries.

type Sex = 'female' | 'male';

/** A real city and its postal codes ("#" a digit, "?" a letter). */
type City = readonly [name: string, ...postalCodes: string[]];

interface Country {
  code: string;
  /** Share of customers, in percent. */
  weight: number;
  faker: Faker;
  banks: readonly Bank[];
  bban: BbanMaker;
  currencies: readonly { value: string; weight: number }[];
  cities: readonly City[];
  line1: (f: Faker) => string;
  line2: (f: Faker) => string;
  phone: (f: Faker) => string;
  mailProviders: readonly string[];
  tld: string;
  /** How a bank titles its customers ("M. JEAN DUPONT"); only titles the name matcher ignores. */
  titles?: Record<Sex, string>;
  /** Joins two holders of a joint account, as the matcher understands it. */
  joint: string;
  /** Replaces the English "and" Faker falls back to in company names. */
  and?: string;
  legalForms: readonly string[];
}

const range = (from: number, to: number, width: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => String(from + i).padStart(width, '0'));

const houseNumber = (f: Faker) => f.number.int({ min: 1, max: f.helpers.arrayElement([30, 160]) });
/** A street name of the locale, without Faker's occasional "(District)". */
const street = (f: Faker) => f.location.street().replace(/\s*\([^)]*\)/g, '');
const numberFirst = (f: Faker) =>
  `${houseNumber(f)}${chance(f, 6) ? f.helpers.arrayElement([' bis', ' ter']) : ''} ${street(f)}`;
const numberLast =
  (separator = ' ') =>
  (f: Faker) =>
    `${street(f)}${separator}${houseNumber(f)}${chance(f, 10) ? f.helpers.arrayElement(['a', 'b', 'c']) : ''}`;

const EUR = [{ value: 'EUR', weight: 1 }];
const mostly = (local: string, share: number) => [
  { value: local, weight: share },
  { value: 'EUR', weight: 100 - share },
];

const COUNTRIES: readonly Country[] = [
  {
    code: 'FR',
    weight: 31,
    faker: fakerFor(fr),
    banks: [
      { code: '30004', bic: 'BNPAFRPPXXX', provider: 'bnp-paribas' },
      { code: '30003', bic: 'SOGEFRPP', provider: 'societe-generale' },
      { code: '30002', bic: 'CRLYFRPP', provider: 'lcl' },
      { code: '10278', bic: 'CMCIFR2A', provider: 'credit-mutuel' },
      { code: '30066', bic: 'CMCIFRPP', provider: 'cic' },
      { code: '20041', bic: 'PSSTFRPPPAR', provider: 'la-banque-postale' },
      { code: '18206', bic: 'AGRIFRPP882', provider: 'credit-agricole' },
      { code: '40618', bic: 'BOUSFRPPXXX', provider: 'boursorama' },
    ],
    bban: frenchBban,
    currencies: EUR,
    cities: [
      ['Paris', ...range(75001, 75020, 5)],
      ['Lyon', ...range(69001, 69009, 5)],
      ['Marseille', ...range(13001, 13016, 5)],
      ['Toulouse', '31000', '31100', '31200', '31300', '31400', '31500'],
      ['Nice', '06000', '06100', '06200', '06300'],
      ['Nantes', '44000', '44100', '44200', '44300'],
      ['Strasbourg', '67000', '67100', '67200'],
      ['Montpellier', '34000', '34070', '34080', '34090'],
      ['Bordeaux', '33000', '33100', '33200', '33300', '33800'],
      ['Lille', '59000', '59160', '59260', '59800'],
      ['Rennes', '35000', '35200', '35700'],
      ['Reims', '51100'],
      ['Grenoble', '38000', '38100'],
      ['Dijon', '21000'],
      ['Angers', '49000', '49100'],
      ['Tours', '37000', '37100', '37200'],
      ['Aix-en-Provence', '13090', '13100'],
      ['Saint-Étienne', '42000', '42100'],
      ['Clermont-Ferrand', '63000', '63100'],
      ['Le Mans', '72000', '72100'],
      ['Annecy', '74000'],
      ['Besançon', '25000'],
      ['Orléans', '45000', '45100'],
      ['Rouen', '76000', '76100'],
      ['Nîmes', '30000', '30900'],
    ],
    line1: numberFirst,
    line2: (f) =>
      f.helpers.arrayElement([
        `Bâtiment ${f.helpers.arrayElement(['A', 'B', 'C'])}`,
        `Appartement ${f.number.int({ min: 1, max: 60 })}`,
        `Escalier ${f.helpers.arrayElement(['1', '2', 'B'])}`,
        `${f.number.int({ min: 1, max: 8 })}e étage`,
        'Résidence Les Tilleuls',
      ]),
    phone: (f) =>
      chance(f, 75)
        ? `+33 ${f.helpers.arrayElement(['6', '7'])} ${digitGroups(f, 2, 2, 2, 2)}`
        : `+33 ${f.number.int({ min: 1, max: 5 })} ${digitGroups(f, 2, 2, 2, 2)}`,
    mailProviders: ['orange.fr', 'free.fr', 'gmail.com', 'laposte.net', 'sfr.fr', 'wanadoo.fr'],
    tld: 'fr',
    titles: { male: 'M.', female: 'MME' },
    joint: 'OU',
    legalForms: ['SARL', 'SAS', 'SA', 'EURL'],
  },
  {
    code: 'DE',
    weight: 19,
    faker: fakerFor(de),
    banks: [
      { code: '50070010', bic: 'DEUTDEFFXXX', provider: 'deutsche-bank' },
      { code: '50040000', bic: 'COBADEFFXXX', provider: 'commerzbank' },
      { code: '50010517', bic: 'INGDDEFFXXX', provider: 'ing' },
      { code: '10010010', bic: 'PBNKDEFFXXX', provider: 'postbank' },
      { code: '12030000', bic: 'BYLADEM1001', provider: 'dkb' },
      { code: '10050000', bic: 'BELADEBEXXX', provider: 'berliner-sparkasse' },
      { code: '70150000', bic: 'SSKMDEMMXXX', provider: 'stadtsparkasse-muenchen' },
      { code: '10011001', bic: 'NTSBDEB1XXX', provider: 'n26' },
    ],
    bban: plainBban(10),
    currencies: EUR,
    cities: [
      ['Berlin', '10115', '10243', '10405', '10437', '10585', '10777', '10999', '12043', '13086'],
      ['Hamburg', '20095', '20249', '20354', '22085', '22303', '22767'],
      ['München', '80331', '80469', '80799', '81369', '81675'],
      ['Köln', '50667', '50674', '50733', '50823', '51063'],
      ['Frankfurt am Main', '60311', '60316', '60389', '60486', '60594'],
      ['Stuttgart', '70173', '70178', '70190', '70372'],
      ['Düsseldorf', '40210', '40212', '40477', '40545'],
      ['Leipzig', '04103', '04109', '04275', '04315'],
      ['Dortmund', '44135', '44137', '44139'],
      ['Essen', '45127', '45130', '45138'],
      ['Bremen', '28195', '28203', '28209'],
      ['Dresden', '01067', '01097', '01307'],
      ['Hannover', '30159', '30161', '30169'],
      ['Nürnberg', '90402', '90403', '90429'],
      ['Freiburg im Breisgau', '79098', '79102', '79106'],
      ['Münster', '48143', '48145', '48149'],
    ],
    line1: numberLast(),
    line2: (f) =>
      f.helpers.arrayElement([
        `${f.number.int({ min: 1, max: 5 })}. OG`,
        'Hinterhaus',
        'Seitenflügel',
        `Aufgang ${f.helpers.arrayElement(['A', 'B'])}`,
      ]),
    phone: (f) =>
      `+49 ${f.helpers.arrayElement(['151', '152', '157', '160', '162', '170', '171', '172', '175', '176', '177', '179'])} ${digits(f, 8)}`,
    mailProviders: ['gmx.de', 'web.de', 't-online.de', 'gmail.com', 'posteo.de'],
    tld: 'de',
    titles: { male: 'HERR', female: 'FRAU' },
    joint: 'UND',
    legalForms: ['GmbH', 'GmbH & Co. KG', 'AG', 'KG'],
  },
  {
    code: 'IT',
    weight: 11,
    faker: fakerFor(it),
    banks: [
      { code: '02008', bic: 'UNCRITMMXXX', provider: 'unicredit' },
      { code: '03069', bic: 'BCITITMM', provider: 'intesa-sanpaolo' },
      { code: '05034', bic: 'BAPPIT21', provider: 'banco-bpm' },
      { code: '01030', bic: 'PASCITMMXXX', provider: 'monte-dei-paschi' },
      { code: '05387', bic: 'BPMOIT22XXX', provider: 'bper' },
    ],
    bban: italianBban,
    currencies: EUR,
    cities: [
      ['Roma', '00118', '00136', '00144', '00153', '00161', '00175', '00185', '00192', '00197'],
      ['Milano', '20121', '20122', '20123', '20129', '20135', '20144', '20154', '20159'],
      ['Napoli', '80121', '80127', '80133', '80138'],
      ['Torino', '10121', '10123', '10128', '10138', '10153'],
      ['Palermo', '90133', '90138', '90141', '90145'],
      ['Genova', '16121', '16124', '16128'],
      ['Bologna', '40121', '40124', '40126', '40137'],
      ['Firenze', '50122', '50123', '50129', '50134'],
      ['Bari', '70121', '70122', '70126'],
      ['Verona', '37121', '37122', '37135'],
      ['Venezia', '30121', '30122', '30171'],
      ['Padova', '35121', '35122', '35131'],
      ['Bergamo', '24121', '24122'],
    ],
    line1: numberLast(', '),
    line2: (f) => f.location.secondaryAddress(),
    phone: (f) =>
      `+39 ${f.helpers.arrayElement(['320', '328', '329', '333', '335', '338', '339', '340', '347', '348', '349', '366', '388', '392'])} ${digitGroups(f, 3, 4)}`,
    mailProviders: ['libero.it', 'gmail.com', 'virgilio.it', 'tiscali.it', 'alice.it'],
    tld: 'it',
    titles: { male: 'SIG.', female: 'SIGNORA' },
    joint: '&',
    legalForms: ['S.r.l.', 'S.p.A.', 'S.n.c.'],
  },
  {
    code: 'ES',
    weight: 11,
    faker: fakerFor(es),
    banks: [
      { code: '0049', bic: 'BSCHESMMXXX', provider: 'santander' },
      { code: '2100', bic: 'CAIXESBBXXX', provider: 'caixabank' },
      { code: '0182', bic: 'BBVAESMMXXX', provider: 'bbva' },
      { code: '0081', bic: 'BSABESBBXXX', provider: 'sabadell' },
      { code: '0128', bic: 'BKBKESMMXXX', provider: 'bankinter' },
    ],
    bban: spanishBban,
    currencies: EUR,
    cities: [
      ['Madrid', '28001', '28004', '28010', '28012', '28013', '28015', '28020', '28028', '28045'],
      ['Barcelona', '08001', '08002', '08007', '08008', '08011', '08012', '08015', '08021'],
      ['Valencia', '46001', '46002', '46004', '46005', '46010', '46021'],
      ['Sevilla', '41001', '41003', '41004', '41010', '41013'],
      ['Zaragoza', '50001', '50004', '50008', '50009'],
      ['Málaga', '29001', '29002', '29005', '29016'],
      ['Murcia', '30001', '30004'],
      ['Palma', '07001', '07003', '07012'],
      ['Bilbao', '48001', '48005', '48007', '48011'],
      ['Alicante', '03001', '03002', '03005'],
      ['Córdoba', '14001', '14002', '14004'],
      ['Valladolid', '47001', '47002', '47003'],
      ['Granada', '18001', '18002', '18009'],
    ],
    line1: (f) =>
      `${f.helpers.arrayElement(['Calle', 'Calle', 'Calle', 'Avenida', 'Paseo', 'Plaza'])} ${f.helpers.arrayElement(
        [
          'Mayor',
          'de Alcalá',
          'de Serrano',
          'Real',
          'Nueva',
          'de Cervantes',
          'de Goya',
          'de Colón',
          'de Valencia',
          'de Andalucía',
          'de la Constitución',
          'del Sol',
          'de Santa Ana',
          'de San Francisco',
          'del Prado',
          'de la Libertad',
          'de los Reyes Católicos',
          'de Blasco Ibáñez',
        ],
      )}, ${houseNumber(f)}`,
    line2: (f) => f.location.secondaryAddress(),
    phone: (f) =>
      `+34 ${f.helpers.arrayElement(['6', '6', '7'])}${digits(f, 2)} ${digitGroups(f, 2, 2, 2)}`,
    mailProviders: ['gmail.com', 'hotmail.es', 'yahoo.es', 'telefonica.net', 'outlook.es'],
    tld: 'es',
    titles: { male: 'SR.', female: 'SRA.' },
    joint: '&',
    legalForms: ['S.L.', 'S.A.'],
  },
  {
    code: 'NL',
    weight: 8,
    faker: fakerFor(nl),
    banks: [
      { code: 'ABNA', bic: 'ABNANL2A', provider: 'abn-amro' },
      { code: 'INGB', bic: 'INGBNL2AXXX', provider: 'ing' },
      { code: 'RABO', bic: 'RABONL2U', provider: 'rabobank' },
      { code: 'SNSB', bic: 'SNSBNL2A', provider: 'sns' },
      { code: 'BUNQ', bic: 'BUNQNL2A', provider: 'bunq' },
    ],
    bban: dutchBban,
    currencies: EUR,
    cities: [
      ['Amsterdam', '101# ??', '105# ??', '107# ??', '109# ??'],
      ['Rotterdam', '301# ??', '303# ??', '307# ??'],
      ['Den Haag', '251# ??', '256# ??', '258# ??'],
      ['Utrecht', '351# ??', '352# ??', '356# ??'],
      ['Eindhoven', '561# ??', '562# ??'],
      ['Groningen', '971# ??', '972# ??'],
      ['Tilburg', '501# ??', '503# ??'],
      ['Almere', '131# ??', '134# ??'],
      ['Breda', '481# ??', '482# ??'],
      ['Nijmegen', '651# ??', '652# ??'],
      ['Haarlem', '201# ??', '203# ??'],
      ['Leiden', '231# ??', '232# ??'],
    ],
    line1: numberLast(),
    line2: (f) => f.location.secondaryAddress(),
    phone: (f) => `+31 6 ${digits(f, 8)}`,
    mailProviders: ['ziggo.nl', 'kpnmail.nl', 'gmail.com', 'hotmail.nl', 'xs4all.nl'],
    tld: 'nl',
    titles: { male: 'DHR.', female: 'MEVR.' },
    joint: 'EN',
    and: 'en',
    legalForms: ['B.V.', 'V.O.F.', 'N.V.'],
  },
  {
    code: 'BE',
    weight: 6,
    faker: fakerFor(nl_BE, nl),
    banks: [
      { code: '001', bic: 'GEBABEBB', provider: 'bnp-paribas-fortis' },
      { code: '310', bic: 'BBRUBEBB', provider: 'ing-belgium' },
      { code: '734', bic: 'KREDBEBB', provider: 'kbc' },
      { code: '068', bic: 'GKCCBEBB', provider: 'belfius' },
      { code: '979', bic: 'ARSPBE22', provider: 'argenta' },
    ],
    bban: belgianBban,
    currencies: EUR,
    cities: [
      ['Brussel', '1000', '1030', '1040', '1050', '1060', '1180'],
      ['Antwerpen', '2000', '2018', '2060', '2140'],
      ['Gent', '9000', '9030', '9040'],
      ['Brugge', '8000', '8200'],
      ['Leuven', '3000', '3010'],
      ['Mechelen', '2800'],
      ['Hasselt', '3500'],
      ['Kortrijk', '8500'],
      ['Aalst', '9300'],
      ['Oostende', '8400'],
    ],
    line1: numberLast(),
    line2: (f) => f.location.secondaryAddress(),
    phone: (f) =>
      `+32 4${f.helpers.arrayElement(['7', '8', '9'])}${digits(f, 1)} ${digitGroups(f, 2, 2, 2)}`,
    mailProviders: ['telenet.be', 'skynet.be', 'gmail.com', 'proximus.be'],
    tld: 'be',
    titles: { male: 'DHR.', female: 'MEVR.' },
    joint: 'EN',
    and: 'en',
    legalForms: ['BV', 'NV', 'CommV'],
  },
  {
    code: 'AT',
    weight: 3,
    faker: fakerFor(de_AT, de),
    banks: [
      { code: '20111', bic: 'GIBAATWWXXX', provider: 'erste-bank' },
      { code: '12000', bic: 'BKAUATWWXXX', provider: 'bank-austria' },
      { code: '14000', bic: 'BAWAATWWXXX', provider: 'bawag' },
      { code: '32000', bic: 'RLNWATWWXXX', provider: 'raiffeisen' },
    ],
    bban: plainBban(11),
    currencies: EUR,
    cities: [
      ['Wien', '1010', '1020', '1030', '1040', '1050', '1060', '1070', '1080', '1090', '1180'],
      ['Graz', '8010', '8020'],
      ['Linz', '4020'],
      ['Salzburg', '5020'],
      ['Innsbruck', '6020'],
      ['Klagenfurt am Wörthersee', '9020'],
    ],
    line1: numberLast(),
    line2: (f) =>
      f.helpers.arrayElement([
        `Top ${f.number.int({ min: 1, max: 30 })}`,
        `Stiege ${f.number.int({ min: 1, max: 4 })}/Top ${f.number.int({ min: 1, max: 20 })}`,
      ]),
    phone: (f) =>
      `+43 ${f.helpers.arrayElement(['650', '660', '664', '676', '699'])} ${digits(f, 7)}`,
    mailProviders: ['gmx.at', 'aon.at', 'gmail.com', 'chello.at'],
    tld: 'at',
    titles: { male: 'HERR', female: 'FRAU' },
    joint: 'UND',
    legalForms: ['GmbH', 'KG', 'OG'],
  },
  {
    code: 'PT',
    weight: 3,
    faker: fakerFor(pt_PT),
    banks: [
      { code: '0035', bic: 'CGDIPTPL', provider: 'caixa-geral' },
      { code: '0033', bic: 'BCOMPTPL', provider: 'millennium-bcp' },
      { code: '0007', bic: 'BESCPTPL', provider: 'novo-banco' },
      { code: '0018', bic: 'TOTAPTPL', provider: 'santander-totta' },
    ],
    bban: portugueseBban,
    currencies: EUR,
    cities: [
      ['Lisboa', '1000-###', '1050-###', '1150-###', '1200-###', '1600-###', '1700-###'],
      ['Porto', '4000-###', '4050-###', '4100-###', '4150-###', '4200-###'],
      ['Braga', '4700-###', '4710-###'],
      ['Coimbra', '3000-###'],
      ['Aveiro', '3800-###'],
      ['Faro', '8000-###'],
      ['Setúbal', '2900-###'],
      ['Vila Nova de Gaia', '4400-###'],
    ],
    line1: numberLast(', '),
    line2: (f) =>
      `${f.number.int({ min: 1, max: 9 })}º ${f.helpers.arrayElement(['Esq.', 'Dto.', 'Frente'])}`,
    phone: (f) => `+351 9${f.helpers.arrayElement(['1', '2', '3', '6'])}${digitGroups(f, 1, 3, 3)}`,
    mailProviders: ['sapo.pt', 'gmail.com', 'hotmail.com', 'outlook.pt'],
    tld: 'pt',
    titles: { male: 'SR.', female: 'SRA.' },
    joint: '&',
    legalForms: ['Lda.', 'S.A.'],
  },
  {
    code: 'CH',
    weight: 2,
    faker: fakerFor(de_CH, de),
    banks: [
      { code: '00230', bic: 'UBSWCHZH80A', provider: 'ubs' },
      { code: '09000', bic: 'POFICHBEXXX', provider: 'postfinance' },
      { code: '00700', bic: 'ZKBKCHZZ80A', provider: 'zkb' },
      { code: '80808', bic: 'RAIFCH22XXX', provider: 'raiffeisen-ch' },
    ],
    bban: plainBban(12),
    currencies: mostly('CHF', 85),
    cities: [
      ['Zürich', '8001', '8003', '8004', '8005', '8006', '8008', '8032', '8048'],
      ['Basel', '4051', '4052', '4053', '4056'],
      ['Bern', '3011', '3012', '3013', '3014'],
      ['Luzern', '6003', '6004', '6005'],
      ['Winterthur', '8400', '8404'],
      ['St. Gallen', '9000'],
    ],
    line1: numberLast(),
    line2: (f) => `${f.number.int({ min: 1, max: 6 })}. Stock`,
    phone: (f) =>
      `+41 ${f.helpers.arrayElement(['76', '77', '78', '79'])} ${digitGroups(f, 3, 2, 2)}`,
    mailProviders: ['bluewin.ch', 'gmx.ch', 'gmail.com', 'sunrise.ch'],
    tld: 'ch',
    titles: { male: 'HERR', female: 'FRAU' },
    joint: 'UND',
    legalForms: ['AG', 'GmbH'],
  },
  {
    code: 'PL',
    weight: 2,
    faker: fakerFor(pl),
    banks: [
      { code: '102', bic: 'BPKOPLPW', provider: 'pko-bp' },
      { code: '124', bic: 'PKOPPLPW', provider: 'pekao' },
      { code: '114', bic: 'BREXPLPW', provider: 'mbank' },
      { code: '105', bic: 'INGBPLPW', provider: 'ing-bank-slaski' },
      { code: '109', bic: 'WBKPPLPP', provider: 'santander-polska' },
    ],
    bban: polishBban,
    currencies: mostly('PLN', 80),
    cities: [
      ['Warszawa', '00-###', '01-###', '02-###', '03-###'],
      ['Kraków', '30-###', '31-###'],
      ['Łódź', '90-###', '91-###'],
      ['Wrocław', '50-###', '51-###', '53-###'],
      ['Poznań', '60-###', '61-###'],
      ['Gdańsk', '80-###'],
      ['Szczecin', '70-###', '71-###'],
      ['Lublin', '20-###'],
      ['Katowice', '40-###'],
    ],
    line1: (f) =>
      `ul. ${f.helpers.arrayElement(['Marszałkowska', 'Długa', 'Polna', 'Ogrodowa', 'Lipowa', 'Słoneczna', 'Mickiewicza', 'Kościuszki', 'Piłsudskiego', 'Sienkiewicza', 'Kwiatowa', 'Leśna', 'Szkolna', 'Zielona'])} ${houseNumber(f)}`,
    line2: (f) => f.location.secondaryAddress(),
    phone: (f) =>
      `+48 ${f.helpers.arrayElement(['501', '512', '533', '571', '601', '664', '691', '721', '784', '797', '880'])} ${digitGroups(f, 3, 3)}`,
    mailProviders: ['wp.pl', 'onet.pl', 'o2.pl', 'gmail.com', 'interia.pl'],
    tld: 'pl',
    joint: '&',
    and: 'i',
    legalForms: ['sp. z o.o.', 'S.A.', 'sp.j.'],
  },
  {
    code: 'SE',
    weight: 2,
    faker: fakerFor(sv),
    banks: [
      { code: '800', bic: 'SWEDSESS', provider: 'swedbank' },
      { code: '500', bic: 'ESSESESS', provider: 'seb' },
      { code: '600', bic: 'HANDSESS', provider: 'handelsbanken' },
      { code: '300', bic: 'NDEASESS', provider: 'nordea' },
    ],
    bban: plainBban(17),
    currencies: mostly('SEK', 80),
    cities: [
      ['Stockholm', '111 ##', '112 ##', '113 ##', '114 ##', '116 ##', '118 ##'],
      ['Göteborg', '411 ##', '413 ##', '414 ##', '416 ##'],
      ['Malmö', '211 ##', '214 ##', '217 ##'],
      ['Uppsala', '752 ##', '753 ##'],
      ['Västerås', '722 ##'],
      ['Örebro', '702 ##'],
      ['Linköping', '582 ##'],
      ['Lund', '222 ##'],
    ],
    line1: numberLast(),
    line2: (f) => `lgh ${f.number.int({ min: 1001, max: 1404 })}`,
    phone: (f) =>
      `+46 ${f.helpers.arrayElement(['70', '72', '73', '76', '79'])} ${digitGroups(f, 3, 2, 2)}`,
    mailProviders: ['telia.com', 'gmail.com', 'hotmail.se', 'outlook.com'],
    tld: 'se',
    joint: '&',
    and: 'och',
    legalForms: ['AB', 'HB'],
  },
  {
    code: 'GB',
    weight: 2,
    faker: fakerFor(en_GB),
    banks: [
      { code: 'BARC20', bic: 'BARCGB22', provider: 'barclays' },
      { code: 'NWBK60', bic: 'NWBKGB2L', provider: 'natwest' },
      { code: 'LOYD30', bic: 'LOYDGB2L', provider: 'lloyds' },
      { code: 'HBUK40', bic: 'HBUKGB4B', provider: 'hsbc-uk' },
    ],
    bban: plainBban(12),
    currencies: mostly('GBP', 90),
    cities: [
      ['London', 'EC1A #??', 'SW1A #??', 'N1 #??', 'E1 #??', 'SE1 #??', 'W1D #??', 'NW1 #??'],
      ['Manchester', 'M1 #??', 'M4 #??', 'M20 #??'],
      ['Birmingham', 'B1 #??', 'B15 #??'],
      ['Leeds', 'LS1 #??', 'LS6 #??'],
      ['Bristol', 'BS1 #??', 'BS8 #??'],
      ['Edinburgh', 'EH1 #??', 'EH3 #??'],
      ['Glasgow', 'G1 #??', 'G12 #??'],
      ['Cambridge', 'CB1 #??'],
    ],
    line1: (f) => `${houseNumber(f)} ${street(f)}`,
    line2: (f) =>
      `${f.helpers.arrayElement(['Flat', 'Flat', 'Unit', 'Apartment'])} ${f.number.int({ min: 1, max: 40 })}`,
    phone: (f) => `+44 7${digits(f, 3)} ${digits(f, 6)}`,
    mailProviders: ['gmail.com', 'btinternet.com', 'outlook.com', 'yahoo.co.uk'],
    tld: 'co.uk',
    titles: { male: 'MR', female: 'MRS' },
    joint: 'AND',
    legalForms: ['Ltd', 'LLP'],
  },
];
const COUNTRY_WEIGHTS = COUNTRIES.map((country) => ({ value: country, weight: country.weight }));

// ---------------------------------------------------------------------------
// Names, companies and e-mail addresses.

/** Plain lowercase Latin for e-mail addresses, the same folding name matching uses. */
const ascii = foldToLatin;

const LEGAL_FORM =
  /\b(?:SARL|SAS|SA|EURL|SNC|GIE|GmbH|AG|KG|OG|e\.K\.|S\.r\.l\.|s\.r\.l\.|S\.p\.A\.|SPA|S\.n\.c\.|S\.L\.|S\.A\.|B\.V\.|BV|N\.V\.|NV|V\.O\.F\.|BVBA|VZW|CommV|Lda\.?|LDA|EI|sp\. z o\.o\.|z o\.o|Sp\. j\.|sp\.j\.|AB|HB|Aktiebolag|Ltd|LLP|PLC|Inc\.|LLC|Group|Gruppe|Bedrijf|Asociados|Hijos|figli)(?:\W|$)/;
const DOMAIN_NOISE = new Set(
  `and et und en e y i och of de la le les du des der die das van den von del di da do dos z o oo sp
   sarl sas sa eurl snc gie gmbh co ag kg og ek srl spa sl bv nv vof bvba vzw commv lda ei ab hb
   aktiebolag ltd llp plc inc llc group gruppe bedrijf asociados hijos figli fils zonen`.split(
    /\s+/,
  ),
);

function companyName(country: Country, f: Faker): string {
  let name = f.company.name();
  if (country.and) name = name.replace(/ and /g, ` ${country.and} `);
  if (country.code !== 'GB') name = name.replace(/ (?:Inc\.|LLC|Group)$/, '');
  if (!LEGAL_FORM.test(name) && chance(f, 60)) {
    name = `${name} ${f.helpers.arrayElement(country.legalForms)}`;
  }
  return name.slice(0, LIMITS.company);
}

function companyDomain(company: string, country: Country): string {
  const words = ascii(company)
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 1 && !DOMAIN_NOISE.has(word));
  const label = words.slice(0, 2).join('-').slice(0, 40).replace(/-+$/, '');
  return `${label || 'entreprise'}.${country.tld}`;
}

function emailFor(
  first: string,
  last: string,
  company: string | undefined,
  country: Country,
  f: Faker,
): string {
  const given =
    ascii(first)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'client';
  const family = ascii(last).replace(/[^a-z0-9]+/g, '') || 'client';
  const atCompany = company !== undefined && chance(f, 75);
  const roll = f.number.int(99);
  const local =
    roll < 55
      ? `${given}.${family}`
      : roll < 70
        ? `${given[0]}${family}`
        : roll < 80
          ? `${family}.${given}`
          : roll < 88 || atCompany
            ? `${given}${family}`.replace(/-/g, '')
            : `${given}.${family}${f.number.int({ min: 1, max: 99 })}`;
  const domain =
    atCompany && company
      ? companyDomain(company, country)
      : f.helpers.arrayElement(country.mailProviders);
  return `${local.slice(0, 64).replace(/[.-]+$/, '')}@${domain}`;
}

/** Someone who is clearly not `first last` for the name matcher: a spouse, a mistake. */
function someoneElse(first: string, last: string, f: Faker): string {
  let name = '';
  for (let attempt = 0; attempt < 10; attempt += 1) {
    name = `${f.person.firstName()} ${f.person.lastName()}`;
    if (nameMatchScore(`${first} ${last}`, name) < 0.6) return name;
  }
  return `${name} ${f.person.lastName()}`;
}

interface Person {
  first: string;
  last: string;
  sex: Sex;
}

/** How a bank writes the holder of one of the customer's accounts. */
function holderName(person: Person, company: string | undefined, country: Country, f: Faker) {
  const { first, last, sex } = person;
  const roll = f.number.int(99);
  if (roll < 28) return `${last} ${first}`.toUpperCase();
  if (roll < 52) return `${first} ${last}`;
  if (roll < 64) return `${country.titles?.[sex] ?? ''} ${first} ${last}`.trim().toUpperCase();
  if (roll < 74) return `${first[0]}. ${last}`;
  if (roll < 82 && company) return company.slice(0, LIMITS.holder);
  if (roll < 87) {
    // A joint account: "JEAN OU MARIE DUPONT".
    const partner = f.person.firstName(sex === 'male' ? 'female' : 'male');
    return `${first} ${country.joint} ${partner} ${last}`.toUpperCase().slice(0, LIMITS.holder);
  }
  if (roll < 90) return `${first} ${last}`.toUpperCase();
  return someoneElse(first, last, f);
}

/** The name an agent types when verifying: usually the customer's, sometimes not quite. */
function expectedName(person: Person, company: string | undefined, f: Faker): string {
  const { first, last } = person;
  const roll = f.number.int(99);
  if (roll >= 93) return someoneElse(first, last, f);
  if (roll >= 88 && company) return company;
  if (roll >= 86) return `${last} ${first}`.toUpperCase();
  if (roll >= 82 && /^\p{L}{5,}$/u.test(last)) {
    // A typo in the surname, which the matcher forgives.
    const at = f.number.int({ min: 1, max: last.length - 2 });
    return `${first} ${last.slice(0, at)}${last[at] === 'e' ? 'a' : 'e'}${last.slice(at + 1)}`;
  }
  if (roll >= 78) {
    // Typed without accents: "Helene Muller".
    return ascii(`${first} ${last}`).replace(
      /(^|[\s-])([a-z])/g,
      (_, before: string, letter: string) => `${before}${letter.toUpperCase()}`,
    );
  }
  return `${first} ${last}`;
}

// ---------------------------------------------------------------------------
// Customers.

/**
 * Fixed situations near the start, so every seed of 12 customers or more
 * shows each outcome once the sandbox resolves the verifications, whatever the
 * dice say elsewhere.
 */
type Scenario = 'verified' | 'other-holder' | 'failing-provider' | 'no-account';
const SHOWCASE: Readonly<Partial<Record<number, Scenario>>> = {
  2: 'verified',
  5: 'other-holder',
  8: 'failing-provider',
  11: 'no-account',
};

function iban(country: Country, bank: Bank, f: Faker): string {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const result = composeIBAN({ countryCode: country.code, bban: country.bban(bank, f) });
    if (result && validateIBAN(result).valid) return result;
  }
  throw new Error(`demo data cannot make a valid ${country.code} IBAN for ${bank.bic}`);
}

interface Draft {
  customer: DemoCustomer;
  /** Where in its slot of the timeline the customer was created, 0 to 0.8. */
  jitter: number;
  /** Where each verification falls in its window (see generateDemoCustomers), increasing. */
  delays: number[];
}

/** Everything about customer `index` but its dates, from its own seed. */
function draftCustomer(index: number): Draft {
  randomizer.seed(BASE_SEED + index);
  const country = neutral.helpers.weightedArrayElement(COUNTRY_WEIGHTS);
  const scenario = SHOWCASE[index];
  const f = country.faker;

  const sex: Sex = chance(f, 50) ? 'female' : 'male';
  const person: Person = {
    sex,
    first: f.person.firstName(sex).slice(0, LIMITS.firstName),
    last: f.person.lastName(sex).slice(0, LIMITS.lastName),
  };
  const company = chance(f, 40) ? companyName(country, f) : undefined;
  const email = emailFor(person.first, person.last, company, country, f);
  const phone = country.phone(f);
  const [city, ...postalCodes] = f.helpers.arrayElement(country.cities);
  const address: DemoCustomer['address'] = {
    line1: country.line1(f),
    postal_code: f.helpers.replaceSymbols(f.helpers.arrayElement(postalCodes)),
    city,
    country: country.code,
  };
  if (chance(f, 15)) address.line2 = country.line2(f);
  const jitter = f.number.float({ min: 0, max: 0.8 });

  const accountRoll = f.number.int(99);
  const accountCount =
    scenario === 'no-account' ? 0 : scenario ? 1 : accountRoll < 25 ? 0 : accountRoll < 88 ? 1 : 2;
  const bankAccounts: DemoBankAccount[] = [];
  const banks: Bank[] = [];
  while (bankAccounts.length < accountCount) {
    const bank = f.helpers.arrayElement(country.banks);
    const account: DemoBankAccount = {
      iban: iban(country, bank, f),
      holder_name:
        scenario === 'verified' || scenario === 'failing-provider'
          ? `${person.last} ${person.first}`.toUpperCase()
          : scenario === 'other-holder'
            ? someoneElse(person.first, person.last, f)
            : holderName(person, company, country, f),
      currency: f.helpers.weightedArrayElement(country.currencies),
    };
    if (chance(f, 90)) account.bic = bank.bic;
    if (bankAccounts.some((other) => other.iban === account.iban)) continue;
    bankAccounts.push(account);
    banks.push(bank);
  }

  const verificationRoll = f.number.int(99);
  const verificationCount = scenario
    ? 1
    : bankAccounts.length > 0
      ? verificationRoll < 40
        ? 1
        : verificationRoll < 50
          ? 2
          : 0
      : verificationRoll < 20
        ? 1
        : 0;
  const verifications: DemoVerification[] = [];
  for (let n = 0; n < verificationCount; n += 1) {
    const failing = scenario === 'failing-provider' || (scenario === undefined && chance(f, 5));
    const bank = banks[0] ?? f.helpers.arrayElement(country.banks);
    verifications.push({
      provider_id: failing ? DEMO_FAILING_PROVIDER : chance(f, 15) ? 'sandbox' : bank.provider,
      expected_name: scenario
        ? `${person.first} ${person.last}`
        : expectedName(person, company, f).slice(0, LIMITS.expectedName),
      created_at: '',
      pending: false,
    });
  }
  const delays = verifications.map(() => f.number.float({ min: 0.001, max: 1 }) ** 2);
  delays.sort((x, y) => x - y);

  return {
    jitter,
    delays,
    customer: {
      first_name: person.first,
      last_name: person.last,
      ...(company === undefined ? {} : { company_name: company }),
      email,
      phone,
      address,
      external_id: `CRM-${String(index + 1).padStart(6, '0')}`,
      created_at: '',
      bank_accounts: bankAccounts,
      verifications,
    },
  };
}

/**
 * Marks pending the verifications of the most recent ~3% of customers, and of
 * at least the last two customers who have verifications.
 */
function markPending(customers: DemoCustomer[]): void {
  const recent = customers.length - Math.ceil(customers.length * PENDING_SHARE);
  let marked = 0;
  for (let index = customers.length - 1; index >= 0; index -= 1) {
    if (index < recent && marked >= MIN_PENDING_CUSTOMERS) return;
    const verifications = customers[index]!.verifications;
    if (verifications.length === 0) continue;
    for (const verification of verifications) verification.pending = true;
    marked += 1;
  }
}

/**
 * `count` demo customers, created one after the other over the two years
 * before `referenceDate`. Same arguments, same rows.
 */
export function generateDemoCustomers(
  count: number,
  referenceDate: Date = DEMO_REFERENCE_DATE,
): DemoCustomer[] {
  const end = referenceDate.getTime();
  const start = end - SPAN_MS;
  const step = SPAN_MS / Math.max(count, 1);
  const drafts: Draft[] = [];
  for (let index = 0; index < count; index += 1) drafts.push(draftCustomer(index));
  const customers = drafts.map((draft) => draft.customer);
  markPending(customers);

  let previous = -Infinity;
  drafts.forEach(({ customer, jitter, delays }, index) => {
    const created = Math.max(previous + 1, Math.floor(start + (index + jitter) * step));
    previous = created;
    customer.created_at = new Date(created).toISOString();
    const room = end - created;
    customer.verifications.forEach((verification, n) => {
      // Pending ones were started in the last hour; the others within two weeks of the customer.
      const at = verification.pending
        ? end - Math.max(1, Math.floor(Math.min(room, 3_600_000) * (1 - delays[n]!)))
        : created + Math.max(1, Math.floor(Math.min(room * 0.9, 14 * DAY_MS) * delays[n]!));
      verification.created_at = new Date(Math.max(at, created + 1 + n)).toISOString();
    });
  });
  return customers;
}
