import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { isValidBIC, validateIBAN } from 'ibantools';
import { describe, expect, it } from 'vitest';
import { loadContract, PATTERN_MESSAGE } from '../shared/contract';
import type { DemoCustomer } from './demoData';
import { DEMO_FAILING_PROVIDER, DEMO_REFERENCE_DATE, generateDemoCustomers } from './demoData';
import { nameMatchScore, VERIFIED_THRESHOLD } from './nameMatch';
import { FAILING_PROVIDER_PREFIX, SandboxStore } from './store';

const DAY_MS = 24 * 3600 * 1000;
const thousand = generateDemoCustomers(1000);
const accounts = thousand.flatMap((customer) =>
  customer.bank_accounts.map((account) => ({ ...account, customer })),
);
const verifications = thousand.flatMap((customer) => customer.verifications);

/**
 * How the sandbox itself resolves these customers' verifications: they are
 * seeded into a real store and resolved at the reference date, so this test
 * judges the outcomes without restating the rules that decide them.
 */
function outcomes(customers: DemoCustomer[]): Set<string> {
  const store = new SandboxStore(':memory:');
  try {
    store.seed(customers, 1, DEMO_REFERENCE_DATE.getTime());
    store.resolveDueVerifications(DEMO_REFERENCE_DATE.getTime());
    const rows = store.db
      .prepare<[], { status: string; has_account: number }>(
        `SELECT status, EXISTS (
           SELECT 1 FROM bank_accounts WHERE bank_accounts.customer_seq = verifications.customer_seq
         ) AS has_account FROM verifications`,
      )
      .all();
    return new Set(
      rows.map(({ status, has_account }) =>
        status !== 'failed' ? status : has_account ? 'failed: provider' : 'failed: no account',
      ),
    );
  } finally {
    store.close();
  }
}

/** The contract's own schemas, to check the demo rows against its limits and patterns. */
const contract = new Ajv({ allErrors: true });
addFormats(contract);
contract.addKeyword(PATTERN_MESSAGE);
for (const schema of loadContract().schemas) contract.addSchema(schema);
function contractErrors(schemaName: string, value: unknown) {
  const validate = contract.getSchema(schemaName)!;
  return validate(value) ? [] : validate.errors;
}

/** A customer without the dates and pending flags, which depend on the seed's size. */
function withoutTimeline(customer: DemoCustomer) {
  return {
    ...customer,
    created_at: undefined,
    verifications: customer.verifications.map((v) => ({
      ...v,
      created_at: undefined,
      pending: undefined,
    })),
  };
}

const share = (part: number, whole: number) => part / whole;

describe('demo customers for an empty sandbox', () => {
  it('are the same rows every time for the same count', () => {
    expect(generateDemoCustomers(200)).toEqual(generateDemoCustomers(200));
    expect(generateDemoCustomers(1000)).toEqual(thousand);
  });

  it('come in the number asked for', () => {
    expect(generateDemoCustomers(0)).toEqual([]);
    expect(generateDemoCustomers(1)).toHaveLength(1);
    expect(generateDemoCustomers(30)).toHaveLength(30);
    expect(thousand).toHaveLength(1000);
  });

  it('stay the same people when the seed grows; only their timeline moves', () => {
    const thirty = generateDemoCustomers(30);
    const first30of200 = generateDemoCustomers(200).slice(0, 30);
    expect(thirty.map(withoutTimeline)).toEqual(first30of200.map(withoutTimeline));
    expect(thirty.map(withoutTimeline)).toEqual(thousand.slice(0, 30).map(withoutTimeline));
  });

  it('were created one after the other over the two years before the reference date', () => {
    for (const [customers, reference] of [
      [thousand, DEMO_REFERENCE_DATE],
      [
        generateDemoCustomers(30, new Date('2025-03-15T12:00:00Z')),
        new Date('2025-03-15T12:00:00Z'),
      ],
    ] as const) {
      const times = customers.map((customer) => Date.parse(customer.created_at));
      for (const customer of customers) {
        expect(customer.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      }
      for (let i = 1; i < times.length; i += 1) expect(times[i]).toBeGreaterThan(times[i - 1]!);
      expect(times[0]).toBeGreaterThanOrEqual(reference.getTime() - 731 * DAY_MS);
      expect(times.at(-1)).toBeLessThan(reference.getTime());
      expect(times.at(-1)! - times[0]!).toBeGreaterThan(600 * DAY_MS);
    }
  });

  it('had their verifications started after they were created and before the reference date', () => {
    for (const customer of thousand) {
      let previous = Date.parse(customer.created_at);
      for (const verification of customer.verifications) {
        expect(verification.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
        const at = Date.parse(verification.created_at);
        expect(at).toBeGreaterThan(previous);
        expect(at).toBeLessThan(DEMO_REFERENCE_DATE.getTime());
        previous = at;
      }
    }
  });

  it('bank in their own country, with IBANs that are all valid', () => {
    expect(share(thousand.filter((c) => c.bank_accounts.length > 0).length, 1000)).toBeCloseTo(
      0.75,
      1,
    );
    expect(thousand.some((c) => c.bank_accounts.length === 2)).toBe(true);
    for (const account of accounts) {
      expect(account.iban).toMatch(/^[A-Z]{2}\d{2}[A-Z0-9]+$/);
      expect(validateIBAN(account.iban).valid, account.iban).toBe(true);
      expect(account.iban.slice(0, 2)).toBe(account.customer.address.country);
    }
  });

  it("name their bank with a real BIC of the IBAN's country, but for about one account in ten", () => {
    const withBic = accounts.filter((account) => account.bic !== undefined);
    for (const { bic, iban } of withBic) {
      expect(isValidBIC(bic!), bic).toBe(true);
      expect([8, 11]).toContain(bic!.length);
      expect(bic!.slice(4, 6)).toBe(iban.slice(0, 2));
    }
    expect(share(accounts.length - withBic.length, accounts.length)).toBeGreaterThan(0.05);
    expect(share(accounts.length - withBic.length, accounts.length)).toBeLessThan(0.15);
  });

  it('keep their money mostly in euros, in the local currency where the country has one', () => {
    const local: Record<string, string> = { CH: 'CHF', PL: 'PLN', SE: 'SEK', GB: 'GBP' };
    const foreign = accounts.filter((account) => account.currency !== 'EUR');
    for (const account of foreign) {
      expect(account.currency).toBe(local[account.iban.slice(0, 2)]);
    }
    expect(foreign.length).toBeGreaterThan(0);
    expect(share(foreign.length, accounts.length)).toBeLessThan(0.15);
  });

  it('fit the limits and patterns of the API contract', () => {
    for (const customer of thousand) {
      expect(contractErrors('CustomerCreate', customer), customer.external_id).toEqual([]);
      expect(contractErrors('Address', customer.address)).toEqual([]);
      for (const account of customer.bank_accounts) {
        expect(contractErrors('CustomerBankAccountCreate', account), account.iban).toEqual([]);
      }
      for (const verification of customer.verifications) {
        expect(contractErrors('CustomerVerificationCreate', verification)).toEqual([]);
        expect(verification.expected_name.trim()).not.toBe('');
      }
    }
  });

  it('look like what people type: plain e-mail addresses, international phones, full addresses', () => {
    for (const customer of thousand) {
      expect(customer.first_name.trim()).toBe(customer.first_name);
      expect(customer.email).toMatch(
        /^[a-z0-9]+(?:[.-][a-z0-9]+)*@[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)*\.[a-z]{2,}$/,
      );
      expect(customer.phone).toMatch(/^\+\d{2,3}(?: \d+)+$/);
      expect(customer.address.country).toMatch(/^[A-Z]{2}$/);
      for (const field of [customer.address.line1, customer.address.postal_code]) {
        expect(field.trim()).not.toBe('');
      }
    }
  });

  it('carry unique CRM references, while two of them may share an e-mail', () => {
    expect(thousand[0]!.external_id).toBe('CRM-000001');
    expect(thousand[999]!.external_id).toBe('CRM-001000');
    expect(new Set(thousand.map((customer) => customer.external_id)).size).toBe(1000);
  });

  it('live across Europe, mostly in France, with local names, phones and companies', () => {
    const countries = new Map<string, number>();
    for (const customer of thousand) {
      countries.set(customer.address.country, (countries.get(customer.address.country) ?? 0) + 1);
    }
    for (const country of ['FR', 'DE', 'IT', 'ES', 'NL', 'BE']) {
      expect(countries.get(country), country).toBeGreaterThan(20);
    }
    expect(Math.max(...countries.values())).toBe(countries.get('FR'));
    const prefixes: Record<string, string> = { FR: '+33 ', DE: '+49 ', IT: '+39 ', ES: '+34 ' };
    for (const customer of thousand) {
      const prefix = prefixes[customer.address.country];
      if (prefix) expect(customer.phone.startsWith(prefix), customer.phone).toBe(true);
    }
    expect(thousand.some((c) => /[À-ž]/.test(c.first_name + c.last_name))).toBe(true);
    const companies = thousand.filter((customer) => customer.company_name !== undefined).length;
    expect(share(companies, 1000)).toBeGreaterThan(0.3);
    expect(share(companies, 1000)).toBeLessThan(0.5);
  });

  it('have accounts held by someone else about once in ten', () => {
    const someoneElse = accounts.filter(
      (account) =>
        account.holder_name !== account.customer.company_name &&
        nameMatchScore(
          `${account.customer.first_name} ${account.customer.last_name}`,
          account.holder_name,
        ) < VERIFIED_THRESHOLD,
    );
    expect(share(someoneElse.length, accounts.length)).toBeGreaterThan(0.05);
    expect(share(someoneElse.length, accounts.length)).toBeLessThan(0.16);
  });

  it('verify about half the customers with accounts, and some without, ~5% through the failing bank', () => {
    const withAccounts = thousand.filter((c) => c.bank_accounts.length > 0);
    const withoutAccounts = thousand.filter((c) => c.bank_accounts.length === 0);
    const verified = (customers: DemoCustomer[]) =>
      share(customers.filter((c) => c.verifications.length > 0).length, customers.length);
    expect(verified(withAccounts)).toBeCloseTo(0.5, 1);
    expect(verified(withoutAccounts)).toBeGreaterThan(0.1);
    expect(verified(withoutAccounts)).toBeLessThan(0.3);
    const failing = verifications.filter((v) => v.provider_id === DEMO_FAILING_PROVIDER).length;
    expect(share(failing, verifications.length)).toBeGreaterThan(0.02);
    expect(share(failing, verifications.length)).toBeLessThan(0.1);
    expect(DEMO_FAILING_PROVIDER.startsWith(FAILING_PROVIDER_PREFIX)).toBe(true);
    expect(
      verifications.filter(
        (v) =>
          v.provider_id !== DEMO_FAILING_PROVIDER &&
          v.provider_id.startsWith(FAILING_PROVIDER_PREFIX),
      ),
    ).toEqual([]);
  });

  it('leave pending only the verifications of the most recent customers', () => {
    for (const customers of [generateDemoCustomers(30), generateDemoCustomers(200), thousand]) {
      const pending = customers.flatMap((c, index) =>
        c.verifications.some((v) => v.pending) ? [index] : [],
      );
      expect(pending.length).toBeGreaterThanOrEqual(2);
      expect(pending.length).toBeLessThanOrEqual(Math.max(2, customers.length * 0.03));
      // From the first pending customer on, every verification is pending.
      for (const customer of customers.slice(pending[0])) {
        for (const verification of customer.verifications) expect(verification.pending).toBe(true);
      }
    }
  });

  it.each([30, 200])(
    'in a seed of %i, show every outcome: verified, unverified, failed and pending',
    (count) => {
      const customers = generateDemoCustomers(count);
      expect([...outcomes(customers)].sort()).toEqual([
        'failed: no account',
        'failed: provider',
        'pending',
        'unverified',
        'verified',
      ]);
      expect(customers.some((c) => c.bank_accounts.length === 0)).toBe(true);
      expect(customers.some((c) => c.company_name !== undefined)).toBe(true);
      // A customer whose only account someone else holds.
      expect(
        customers.some(
          (c) =>
            c.bank_accounts.length > 0 &&
            c.bank_accounts.every(
              (a) => nameMatchScore(`${c.first_name} ${c.last_name}`, a.holder_name) < 0.6,
            ),
        ),
      ).toBe(true);
    },
  );
});
