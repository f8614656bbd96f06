import {
  getCountrySpecifications,
  validateBIC,
  validateIBAN,
  ValidationErrorsIBAN,
} from 'ibantools';
import { t } from './i18n';

/** IBAN and BIC checks for the forms, worded like the API's own refusals. Pure, unit-tested. */
const specs = getCountrySpecifications();

/**
 * Every separator people paste an IBAN with: ordinary, non-breaking, narrow,
 * figure and thin spaces (any Unicode space separator, \p{Zs}), tabs and line
 * breaks, the invisible zero-width characters of PDFs, and hyphens.
 */
const IBAN_SEPARATORS = /[\p{Zs}\s\u200B-\u200D\u2060\uFEFF-]/gu;

/** The electronic format of a typed or pasted IBAN: no separators, upper case. */
export function compactIban(input: string): string {
  return input.replace(IBAN_SEPARATORS, '').toUpperCase();
}

export function ibanProblem(input: string): string | undefined {
  const iban = compactIban(input);
  if (iban === '') return t('Enter the IBAN');
  if (!/^[A-Z0-9]+$/.test(iban)) return t('An IBAN has only letters and digits');
  if (iban.length < 2 || !/^[A-Z]{2}/.test(iban))
    return t('An IBAN starts with a country code, e.g. FR');
  const country = iban.slice(0, 2);
  const expected = specs[country]?.chars;
  if (!expected) return t('"{country}" is not the country code of an IBAN country', { country });
  if (iban.length !== expected)
    return t('An IBAN from {country} has {expected} characters; this one has {length}', {
      country,
      expected,
      length: iban.length,
    });
  const result = validateIBAN(iban);
  if (result.valid) return undefined;
  if (result.errorCodes.includes(ValidationErrorsIBAN.WrongBBANFormat))
    return t('This is not the layout of an IBAN from {country}', { country });
  return t('The check digits do not match: a character is probably mistyped');
}

/** A BIC as sent: separators (the same as an IBAN's) dropped, upper case. */
export function compactBic(input: string): string {
  return compactIban(input);
}

export function bicProblem(input: string): string | undefined {
  const bic = compactBic(input);
  if (bic.length !== 8 && bic.length !== 11)
    return t('A BIC has 8 or 11 characters; this one has {length}', { length: bic.length });
  if (!validateBIC(bic).valid)
    return t(
      'A BIC is 4 letters, a country code, 2 characters for the place and an optional branch',
    );
  return undefined;
}

/** "FR7630006000011234567890189" → "FR76 3000 6000 0112 3456 7890 189". */
export function groupIban(iban: string): string {
  return compactIban(iban).replace(/(.{4})(?=.)/g, '$1 ');
}

/** Only the last four characters shown, kept together: "•••• •••• •••• •••• •••• •••• 0189". */
export function maskIban(iban: string): string {
  const compact = iban.replace(/\s+/g, '');
  return `${'•••• '.repeat(Math.ceil(Math.max(0, compact.length - 4) / 4))}${compact.slice(-4)}`;
}
