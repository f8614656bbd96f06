import { isValidBIC, validateIBAN } from 'ibantools';
import { describe, expect, it } from 'vitest';
import { generateDemoCustomers } from './demoData';

const thousand = generateDemoCustomers(1000);

describe('demo data', () => {
  it('is the same for the same count', () => {
    expect(generateDemoCustomers(30)).toEqual(generateDemoCustomers(30));
    expect(generateDemoCustomers(30)).toHaveLength(30);
  });

  it('was created over two years, one customer after the other', () => {
    const times = thousand.map((customer) => Date.parse(customer.created_at));
    for (let i = 1; i < times.length; i += 1) expect(times[i]).toBeGreaterThan(times[i - 1]!);
    expect(times.at(-1)! - times[0]!).toBeGreaterThan(600 * 24 * 3600 * 1000);
  });

  it('has only valid IBANs and BICs', () => {
    const accounts = thousand.flatMap((customer) => customer.bank_accounts);
    expect(accounts.length).toBeGreaterThan(700);
    for (const account of accounts) {
      expect(validateIBAN(account.iban).valid, account.iban).toBe(true);
      if (account.bic !== undefined) expect(isValidBIC(account.bic), account.bic).toBe(true);
      expect(account.currency).toBe('EUR');
    }
    const countries = new Set(accounts.map((account) => account.iban.slice(0, 2)));
    expect([...countries].sort()).toEqual(['BE', 'DE', 'ES', 'FR', 'IT', 'NL']);
  });

  it('fits the limits of the contract', () => {
    for (const customer of thousand) {
      expect(customer.first_name.length).toBeGreaterThan(0);
      expect(customer.first_name.length).toBeLessThanOrEqual(100);
      expect(customer.last_name.length).toBeLessThanOrEqual(100);
      expect(customer.company_name?.length ?? 0).toBeLessThanOrEqual(200);
      expect(customer.email).toMatch(/^[a-z0-9.]+@[a-z0-9.-]+\.[a-z]{2,}$/);
      expect(customer.phone).toMatch(/^\+\d{2} [\d ]+$/);
      expect(customer.phone.length).toBeLessThanOrEqual(32);
      for (const account of customer.bank_accounts)
        expect(account.holder_name.length).toBeLessThanOrEqual(140);
    }
    expect(new Set(thousand.map((customer) => customer.external_id)).size).toBe(1000);
  });

  it('arranges every situation a verification can end in, even in 30 customers', () => {
    const thirty = generateDemoCustomers(30);
    const verifications = thirty.flatMap((c) =>
      c.verifications.map((v) => ({ ...v, customer: c })),
    );
    expect(verifications.some((v) => v.pending)).toBe(true);
    expect(verifications.some((v) => v.provider_id === 'failing-bank')).toBe(true);
    expect(verifications.some((v) => v.customer.bank_accounts.length === 0)).toBe(true);
    expect(thirty.some((c) => c.company_name)).toBe(true);
  });
});
