import { describe, expect, it } from 'vitest';
import { schemaRules } from '../../openapi/rules';
import { bankAccountCreateFromForm, bankAccountFormSchema } from './bankAccounts';
import { customerFormSchema } from './createCustomer';
import { verificationFormSchema } from './verifications';

const customer = {
  first_name: 'Zoë',
  last_name: 'Müller',
  email: 'zoe@example.de',
  company_name: '',
  phone: '',
  external_id: '',
};

function messages(result: { success: boolean; error?: { issues: { message: string }[] } }) {
  return result.error?.issues.map((issue) => issue.message) ?? [];
}

describe('the create forms follow the contract', () => {
  it('refuses a name one character over the contract limit, naming the limit', () => {
    const max = schemaRules.CustomerCreate.properties.first_name.maxLength;
    expect(customerFormSchema.safeParse({ ...customer, first_name: 'a'.repeat(max) }).success).toBe(
      true,
    );
    expect(
      messages(customerFormSchema.safeParse({ ...customer, first_name: 'a'.repeat(max + 1) })),
    ).toEqual([`At most ${max} characters`]);
  });

  it('checks phone numbers with the contract pattern', () => {
    const phone = (value: string) => customerFormSchema.safeParse({ ...customer, phone: value });
    expect(phone('+33 6 12 34 56 78').success).toBe(true);
    expect(phone('(030) 1234-567').success).toBe(true);
    expect(phone('').success).toBe(true);
    expect(messages(phone('12345'))).toEqual([
      'A phone number has at least six digits, an optional leading + and spaces, dots, dashes or brackets, e.g. +33 6 12 34 56 78.',
    ]);
    expect(phone('06 12 34 56 78 ext').success).toBe(false);
    expect(phone('33+ 6 12 34 56 78').success).toBe(false);
  });

  it('checks provider ids with the contract pattern and limit', () => {
    const max = schemaRules.CustomerVerificationCreate.properties.provider_id.maxLength;
    const start = (provider_id: string) =>
      verificationFormSchema.safeParse({ provider_id, expected_name: 'Zoë Müller' });
    expect(start('bnp-paribas').success).toBe(true);
    expect(start('Crédit').success).toBe(false);
    expect(messages(start('-bank'))).toEqual([
      'A provider id starts with a letter or a digit and has only letters, digits, dots, dashes and underscores, e.g. "bnp-paribas".',
    ]);
    expect(messages(start('b'.repeat(max + 1)))).toEqual([`At most ${max} characters`]);
  });

  it('asks for a provider when none was picked (no default bank is assumed)', () => {
    const start = (provider_id: string) =>
      verificationFormSchema.safeParse({ provider_id, expected_name: 'Zoë Müller' });
    expect(messages(start(''))[0]).toBe("Choose the customer's bank");
    expect(messages(start('   '))[0]).toBe("Choose the customer's bank");
  });

  it("limits the holder's name to the contract's length", () => {
    const max = schemaRules.CustomerBankAccountCreate.properties.holder_name.maxLength;
    const account = { iban: 'DE89 3704 0044 0532 0130 00', bic: '', currency: 'EUR' };
    expect(
      messages(bankAccountFormSchema.safeParse({ ...account, holder_name: 'h'.repeat(max + 1) })),
    ).toEqual([`At most ${max} characters`]);
    expect(messages(bankAccountFormSchema.safeParse({ ...account, holder_name: ' ' }))).toEqual([
      "Enter the account holder's name",
    ]);
  });

  it('sends an IBAN pasted with non-breaking or narrow spaces in its electronic format', () => {
    const form = {
      iban: 'fr76\u00A03000\u202F6000\u20070112\u20093456\t7890\n189',
      bic: 'bnpa\u00A0fr pp',
      holder_name: ' Zoë Müller ',
      currency: 'EUR',
    };
    expect(messages(bankAccountFormSchema.safeParse(form))).toEqual([]);
    expect(bankAccountCreateFromForm(form)).toEqual({
      iban: 'FR7630006000011234567890189',
      bic: 'BNPAFRPP',
      holder_name: 'Zoë Müller',
      currency: 'EUR',
    });
  });
});
