import {
  getCountrySpecifications,
  validateBIC,
  validateIBAN,
  ValidationErrorsIBAN,
} from 'ibantools';

/** A field-level refusal: a stable code and a sentence the dashboard can show under the field. */
export interface FieldProblem {
  code: string;
  message: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: FieldProblem };

const countrySpecs = getCountrySpecifications();

/**
 * What people paste an IBAN or a BIC with between its characters: ordinary,
 * non-breaking, narrow, figure and thin spaces (any Unicode space separator),
 * tabs and line breaks, zero-width characters, hyphens. Banks' web pages and
 * PDFs group IBANs with U+00A0 or U+202F; they are spaces like any other.
 */
const SEPARATORS = /[\p{Zs}\s\u200B-\u200D\u2060\uFEFF-]/gu;

/** An IBAN or BIC without its separators, in upper case. */
function compactCode(input: string): string {
  return input.replace(SEPARATORS, '').toUpperCase();
}

/**
 * Checks an IBAN by country, length, structure and mod-97, as banks do.
 * Spaces of any kind are accepted (people copy IBANs in groups of four); the value kept is
 * the electronic format.
 */
export function checkIban(input: string): Checked<string> {
  const iban = compactCode(input);
  if (iban === '') return refuse('required', 'Enter the IBAN.');
  if (!/^[A-Z0-9]+$/.test(iban)) {
    return refuse('invalid_characters', 'An IBAN has only letters and digits.');
  }
  const result = validateIBAN(iban);
  if (result.valid) return { ok: true, value: iban };
  const country = iban.slice(0, 2);
  const expectedLength = countrySpecs[country]?.chars;
  const errors = new Set(result.errorCodes);
  if (errors.has(ValidationErrorsIBAN.NoIBANCountry) || !expectedLength) {
    return refuse('unknown_country', `"${country}" is not the country code of an IBAN country.`);
  }
  if (errors.has(ValidationErrorsIBAN.WrongBBANLength)) {
    return refuse(
      'invalid_length',
      `An IBAN from ${country} has ${expectedLength} characters; this one has ${iban.length}.`,
    );
  }
  if (errors.has(ValidationErrorsIBAN.WrongBBANFormat)) {
    return refuse('invalid_format', `This is not the layout of an IBAN from ${country}.`);
  }
  if (errors.has(ValidationErrorsIBAN.QRIBANNotAllowed)) {
    return refuse('invalid_format', 'QR-IBANs cannot receive transfers; use the account IBAN.');
  }
  return refuse(
    'invalid_checksum',
    'The IBAN check digits do not match: a character is probably mistyped.',
  );
}

/** A BIC (SWIFT code) has 8 or 11 characters: bank, country, location and optional branch. */
export function checkBic(input: string): Checked<string> {
  const bic = compactCode(input);
  if (bic.length !== 8 && bic.length !== 11) {
    return refuse('invalid_length', `A BIC has 8 or 11 characters; this one has ${bic.length}.`);
  }
  if (!validateBIC(bic).valid) {
    return refuse(
      'invalid_format',
      'A BIC is 4 letters for the bank, a country code, 2 characters for the place and an optional 3-character branch.',
    );
  }
  return { ok: true, value: bic };
}

const currencies = new Set(Intl.supportedValuesOf('currency'));

export function checkCurrency(input: string): Checked<string> {
  if (!/^[A-Z]{3}$/.test(input) || !currencies.has(input)) {
    return refuse('invalid_currency', 'Use an ISO 4217 currency code in capitals, such as EUR.');
  }
  return { ok: true, value: input };
}

function refuse(code: string, message: string): { ok: false; problem: FieldProblem } {
  return { ok: false, problem: { code, message } };
}
