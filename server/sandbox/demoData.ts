import { base, de, en, es, Faker, fr, it, nl, nl_BE } from '@faker-js/faker';
import { composeIBAN, validateIBAN } from 'ibantools';

/**
 * Deterministic, realistic demo customers for an empty sandbox: European
 * people and companies with valid IBANs and real banks' BICs. The generator
 * only arranges the inputs; the sandbox decides verified / unverified / failed
 * by name matching when it stores them, so every status occurs.
 */
export interface DemoBankAccount {
  iban: string;
  bic?: string;
  holder_name: string;
  currency: string;
}

export interface DemoVerification {
  provider_id: string;
  expected_name: string;
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
  created_at: string;
  bank_accounts: DemoBankAccount[];
  verifications: DemoVerification[];
}

export const DEMO_REFERENCE_DATE = new Date('2026-11-01T09:00:00.000Z');
const SPAN_MS = 730 * 24 * 3600 * 1000;
const BASE_SEED = 20_261_101;

interface Bank {
  code: string;
  bic: string;
  provider: string;
}

interface Country {
  code: string;
  faker: Faker;
  banks: Bank[];
  /** BBAN for an account number of the bank, with the country's own check digits. */
  bban: (bank: Bank, faker: Faker) => string;
  phone: (faker: Faker) => string;
  mailProviders: string[];
  tld: string;
  title?: string;
}

const digits = (faker: Faker, length: number) =>
  faker.string.numeric({ length, allowLeadingZeros: true });

/** French RIB key: 97 - (89 bank + 15 branch + 3 account) mod 97. */
function frenchBban(bank: Bank, faker: Faker): string {
  const branch = digits(faker, 5);
  const account = digits(faker, 11);
  const key =
    97 - Number((89n * BigInt(bank.code) + 15n * BigInt(branch) + 3n * BigInt(account)) % 97n);
  return `${bank.code}${branch}${account}${String(key).padStart(2, '0')}`;
}

/** Spanish control digits: weights 1,2,4,8,5,10,9,7,3,6 mod 11. */
function spanishBban(bank: Bank, faker: Faker): string {
  const branch = digits(faker, 4);
  const account = digits(faker, 10);
  const control = (value: string) => {
    const weights = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6];
    const sum = [...value].reduce((total, digit, i) => total + Number(digit) * weights[i]!, 0);
    const check = 11 - (sum % 11);
    return check === 11 ? 0 : check === 10 ? 1 : check;
  };
  return `${bank.code}${branch}${control(`00${bank.code}${branch}`)}${control(account)}${account}`;
}

/** Belgian check: the first ten digits mod 97 (97 for 0). */
function belgianBban(bank: Bank, faker: Faker): string {
  const first = `${bank.code}${digits(faker, 7)}`;
  const check = Number(BigInt(first) % 97n) || 97;
  return `${first}${String(check).padStart(2, '0')}`;
}

/** Italian CIN: a letter from odd/even position tables over ABI, CAB and account. */
function italianBban(bank: Bank, faker: Faker): string {
  const rest = `${bank.code}${digits(faker, 5)}${digits(faker, 12)}`;
  const odd = [
    1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
  ];
  const sum = [...rest].reduce((total, char, i) => {
    const value = /\d/.test(char) ? Number(char) : char.charCodeAt(0) - 65;
    return total + (i % 2 === 0 ? odd[value]! : value);
  }, 0);
  return `${String.fromCharCode(65 + (sum % 26))}${rest}`;
}

const group = (faker: Faker, ...lengths: number[]) =>
  lengths.map((n) => digits(faker, n)).join(' ');

const COUNTRIES: Country[] = [
  {
    code: 'FR',
    faker: new Faker({ locale: [fr, en, base] }),
    banks: [
      { code: '30004', bic: 'BNPAFRPPXXX', provider: 'bnp-paribas' },
      { code: '30003', bic: 'SOGEFRPP', provider: 'societe-generale' },
      { code: '30002', bic: 'CRLYFRPP', provider: 'lcl' },
      { code: '10278', bic: 'CMCIFR2A', provider: 'credit-mutuel' },
    ],
    bban: frenchBban,
    phone: (f) => `+33 ${f.helpers.arrayElement(['6', '7'])} ${group(f, 2, 2, 2, 2)}`,
    mailProviders: ['orange.fr', 'free.fr', 'gmail.com', 'laposte.net'],
    tld: 'fr',
    title: 'M.',
  },
  {
    code: 'DE',
    faker: new Faker({ locale: [de, en, base] }),
    banks: [
      { code: '10070000', bic: 'DEUTDEBBXXX', provider: 'deutsche-bank' },
      { code: '37040044', bic: 'COBADEFFXXX', provider: 'commerzbank' },
      { code: '50010517', bic: 'INGDDEFFXXX', provider: 'ing-diba' },
      { code: '10010010', bic: 'PBNKDEFF', provider: 'postbank' },
    ],
    bban: (bank, f) => `${bank.code}${digits(f, 10)}`,
    phone: (f) => `+49 ${f.helpers.arrayElement(['151', '160', '170', '176'])} ${digits(f, 8)}`,
    mailProviders: ['gmx.de', 'web.de', 't-online.de', 'gmail.com'],
    tld: 'de',
  },
  {
    code: 'IT',
    faker: new Faker({ locale: [it, en, base] }),
    banks: [
      { code: '02008', bic: 'UNCRITMMXXX', provider: 'unicredit' },
      { code: '03069', bic: 'BCITITMM', provider: 'intesa-sanpaolo' },
      { code: '05034', bic: 'BAPPIT21', provider: 'banco-bpm' },
    ],
    bban: italianBban,
    phone: (f) => `+39 3${digits(f, 2)} ${group(f, 3, 4)}`,
    mailProviders: ['libero.it', 'gmail.com', 'virgilio.it'],
    tld: 'it',
  },
  {
    code: 'ES',
    faker: new Faker({ locale: [es, en, base] }),
    banks: [
      { code: '0049', bic: 'BSCHESMMXXX', provider: 'santander' },
      { code: '2100', bic: 'CAIXESBBXXX', provider: 'caixabank' },
      { code: '0182', bic: 'BBVAESMMXXX', provider: 'bbva' },
    ],
    bban: spanishBban,
    phone: (f) => `+34 6${digits(f, 2)} ${group(f, 3, 3)}`,
    mailProviders: ['gmail.com', 'hotmail.es', 'telefonica.net'],
    tld: 'es',
  },
  {
    code: 'NL',
    faker: new Faker({ locale: [nl, en, base] }),
    banks: [
      { code: 'ABNA', bic: 'ABNANL2A', provider: 'abn-amro' },
      { code: 'INGB', bic: 'INGBNL2AXXX', provider: 'ing' },
      { code: 'RABO', bic: 'RABONL2U', provider: 'rabobank' },
    ],
    bban: (bank, f) => `${bank.code}${digits(f, 10)}`,
    phone: (f) => `+31 6 ${group(f, 4, 4)}`,
    mailProviders: ['ziggo.nl', 'kpnmail.nl', 'gmail.com'],
    tld: 'nl',
  },
  {
    code: 'BE',
    faker: new Faker({ locale: [nl_BE, nl, en, base] }),
    banks: [
      { code: '001', bic: 'GEBABEBB', provider: 'bnp-paribas-fortis' },
      { code: '310', bic: 'BBRUBEBB', provider: 'ing-belgium' },
      { code: '734', bic: 'KREDBEBB', provider: 'kbc' },
    ],
    bban: belgianBban,
    phone: (f) => `+32 4${digits(f, 2)} ${group(f, 2, 2, 2)}`,
    mailProviders: ['telenet.be', 'skynet.be', 'gmail.com'],
    tld: 'be',
  },
];
/** Customers per country in each block of 20: France and Germany first, as in a French PSP's book. */
const COUNTRY_MIX = [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 5];

const FAILING_PROVIDER = 'failing-bank';

function ascii(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

function iban(country: Country, bank: Bank, faker: Faker): string {
  const result = composeIBAN({ countryCode: country.code, bban: country.bban(bank, faker) });
  if (!result || !validateIBAN(result).valid) {
    throw new Error(`demo data made an invalid ${country.code} IBAN: ${result}`);
  }
  return result;
}

/** How an account holder's name is written by a bank, mostly the same person. */
function holderName(
  first: string,
  last: string,
  company: string | undefined,
  country: Country,
  faker: Faker,
) {
  const roll = faker.number.int(99);
  if (roll < 30) return `${last} ${first}`.toUpperCase();
  if (roll < 55) return `${first} ${last}`;
  if (roll < 68) return `${country.title ?? ''} ${first} ${last}`.trim().toUpperCase();
  if (roll < 78) return `${first[0]}. ${last}`;
  if (roll < 88 && company) return company.slice(0, 140);
  if (roll < 88) return `${first} ${last}`;
  // Someone else: a spouse's account or a mistake, which verification should catch.
  return `${faker.person.firstName()} ${faker.person.lastName()}`;
}

interface Shape {
  accounts?: 'matching' | 'other-holder' | 'none';
  verification?: 'normal' | 'failing-provider';
}

/**
 * The last five customers of any seed cover every situation, so even a small
 * demo shows each status: a pending one, a failing provider, no bank account,
 * a holder who is someone else, and a verified one.
 */
function forcedShape(index: number, count: number): Shape | undefined {
  if (count < 5) return undefined;
  return (
    [
      { accounts: 'matching', verification: 'normal' },
      { accounts: 'other-holder', verification: 'normal' },
      { accounts: 'matching', verification: 'failing-provider' },
      { accounts: 'none', verification: 'normal' },
      { accounts: 'matching', verification: 'normal' },
    ] as const
  )[index - (count - 5)];
}

export function generateDemoCustomers(
  count: number,
  referenceDate = DEMO_REFERENCE_DATE,
): DemoCustomer[] {
  const customers: DemoCustomer[] = [];
  const start = referenceDate.getTime() - SPAN_MS;
  const step = SPAN_MS / Math.max(count, 1);
  const pendingFrom = count - Math.max(1, Math.ceil(count * 0.03));

  for (let index = 0; index < count; index += 1) {
    const country = COUNTRIES[COUNTRY_MIX[index % COUNTRY_MIX.length]!]!;
    const faker = country.faker;
    faker.seed(BASE_SEED + index);
    const shape = forcedShape(index, count);

    const sex = faker.person.sexType();
    const first = faker.person.firstName(sex);
    const last = faker.person.lastName(sex);
    const company = faker.number.int(99) < 40 ? faker.company.name().slice(0, 200) : undefined;
    const domain = company
      ? `${ascii(company).slice(0, 30) || 'company'}.${country.tld}`
      : faker.helpers.arrayElement(country.mailProviders);
    const local = `${ascii(first)}.${ascii(last)}`.slice(0, 60);
    const createdMs = Math.floor(
      start + index * step + faker.number.float({ min: 0, max: 0.5 }) * step,
    );

    const address: DemoCustomer['address'] = {
      line1: faker.location.streetAddress(),
      postal_code: faker.location.zipCode(),
      city: faker.location.city(),
      country: country.code,
    };
    if (faker.number.int(99) < 15) address.line2 = faker.location.secondaryAddress();

    const accountRoll = faker.number.int(99);
    const accountCount =
      shape?.accounts === 'none' ? 0 : shape ? 1 : accountRoll < 25 ? 0 : accountRoll < 90 ? 1 : 2;
    const bankAccounts: DemoBankAccount[] = [];
    for (let n = 0; n < accountCount; n += 1) {
      const bank = faker.helpers.arrayElement(country.banks);
      const account: DemoBankAccount = {
        iban: iban(country, bank, faker),
        holder_name:
          shape?.accounts === 'matching'
            ? `${last} ${first}`.toUpperCase()
            : shape?.accounts === 'other-holder'
              ? `${faker.person.firstName()} ${faker.person.lastName()}`
              : holderName(first, last, company, country, faker),
        currency: 'EUR',
      };
      if (faker.number.int(99) >= 10) account.bic = bank.bic;
      bankAccounts.push(account);
    }

    const verificationRoll = faker.number.int(99);
    const verificationCount = shape
      ? 1
      : bankAccounts.length > 0
        ? verificationRoll < 50
          ? 1 + (verificationRoll < 10 ? 1 : 0)
          : 0
        : verificationRoll < 20
          ? 1
          : 0;
    const verifications: DemoVerification[] = [];
    for (let n = 0; n < verificationCount; n += 1) {
      const failing = shape ? shape.verification === 'failing-provider' : faker.number.int(99) < 5;
      const bank = bankAccounts[0]
        ? country.banks.find((b) => bankAccounts[0]!.iban.includes(b.code))
        : undefined;
      const someoneElse = !shape && faker.number.int(99) < 8;
      verifications.push({
        provider_id: failing
          ? FAILING_PROVIDER
          : (bank?.provider ?? faker.helpers.arrayElement(country.banks).provider),
        expected_name: someoneElse
          ? `${faker.person.firstName()} ${faker.person.lastName()}`
          : `${first} ${last}`,
        created_at: new Date(createdMs + (n + 1) * Math.min(step / 4, 3_600_000)).toISOString(),
        pending: index >= pendingFrom && (!shape || index === count - 1),
      });
    }

    customers.push({
      first_name: first,
      last_name: last,
      ...(company ? { company_name: company } : {}),
      email: `${local}@${domain}`,
      phone: country.phone(faker),
      address,
      external_id: `CRM-${String(index + 1).padStart(6, '0')}`,
      created_at: new Date(createdMs).toISOString(),
      bank_accounts: bankAccounts,
      verifications,
    });
  }
  return customers;
}
