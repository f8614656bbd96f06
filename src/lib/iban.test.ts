import { describe, expect, it } from 'vitest';
import { bicProblem, compactBic, compactIban, groupIban, ibanProblem, maskIban } from './iban';

describe('IBAN checks as the agent types', () => {
  it('accepts valid IBANs, with or without spaces and in lower case', () => {
    expect(ibanProblem('FR76 3000 6000 0112 3456 7890 189')).toBeUndefined();
    expect(ibanProblem('de89370400440532013000')).toBeUndefined();
    expect(ibanProblem('GB29 NWBK 6016 1331 9268 19')).toBeUndefined();
  });

  it('says what is wrong with a mistyped one', () => {
    expect(ibanProblem('')).toBe('Enter the IBAN');
    expect(ibanProblem('FR76 3000 6000 0112 3456 7890 188')).toBe(
      'The check digits do not match: a character is probably mistyped',
    );
    expect(ibanProblem('DE89 3704 0044 0532 0130 0')).toBe(
      'An IBAN from DE has 22 characters; this one has 21',
    );
    expect(ibanProblem('XX76 3000 6000')).toBe('"XX" is not the country code of an IBAN country');
    expect(ibanProblem('FR76*3000')).toBe('An IBAN has only letters and digits');
    expect(ibanProblem('1234')).toBe('An IBAN starts with a country code, e.g. FR');
  });
});

describe("IBANs pasted from banks' pages and PDFs", () => {
  // Non-breaking, narrow no-break, figure and thin spaces, a tab, a line break, a zero-width space.
  const separators = [
    '\u00A0',
    '\u202F',
    '\u2007',
    '\u2009',
    '\t',
    '\n',
    '\r\n',
    '\u200B',
    '\u3000',
  ];

  it.each(separators.map((s) => [JSON.stringify(s), s]))(
    'takes %s between the groups as a space',
    (_name, separator) => {
      const pasted = ['FR76', '3000', '6000', '0112', '3456', '7890', '189'].join(separator);
      expect(ibanProblem(pasted)).toBeUndefined();
      expect(compactIban(pasted)).toBe('FR7630006000011234567890189');
    },
  );

  it('keeps refusing what is not a separator', () => {
    expect(ibanProblem('FR76\u00A03000*6000')).toBe('An IBAN has only letters and digits');
    expect(ibanProblem('FR76\u00A03000\u00A06000\u00A00112\u00A03456\u00A07890\u00A0188')).toBe(
      'The check digits do not match: a character is probably mistyped',
    );
  });

  it('compacts a BIC the same way, and groups a pasted IBAN in fours', () => {
    expect(compactBic(' bnpa\u00A0fr\u202Fpp ')).toBe('BNPAFRPP');
    expect(bicProblem('BNPA\u00A0FR\u00A0PP')).toBeUndefined();
    expect(groupIban('FR76\u202F3000\u202F6000\u202F0112\u202F3456\u202F7890\u202F189')).toBe(
      'FR76 3000 6000 0112 3456 7890 189',
    );
  });
});

describe('BIC checks', () => {
  it('accepts 8 and 11 characters of the right shape', () => {
    expect(bicProblem('BNPAFRPP')).toBeUndefined();
    expect(bicProblem('deutdeffxxx')).toBeUndefined();
  });

  it('refuses the wrong length or shape', () => {
    expect(bicProblem('BNPAFR')).toBe('A BIC has 8 or 11 characters; this one has 6');
    expect(bicProblem('1NPAFRPP')).toMatch(/^A BIC is 4 letters/);
  });
});

describe('showing IBANs', () => {
  it('groups them in fours', () => {
    expect(groupIban('FR7630006000011234567890189')).toBe('FR76 3000 6000 0112 3456 7890 189');
  });

  it('masks all but the last four, kept together', () => {
    const masked = maskIban('FR76 3000 6000 0112 3456 7890 189');
    expect(masked.endsWith(' 0189')).toBe(true);
    expect(masked.replace(/[• ]/g, '')).toBe('0189');
  });
});
