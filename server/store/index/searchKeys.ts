/**
 * How names, emails, phones and ids are normalised for search, the same way
 * when indexed and when asked, so the database compares plain keys.
 */

/** Letters NFD does not take apart. */
const FOLDED: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
};

/** Accent-free lowercase words: "Camille Lefèvre-Dupont" → ["camille", "lefevre", "dupont"]. */
export function nameWords(text: string): string[] {
  const folded = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþ]/g, (letter) => FOLDED[letter]!);
  return folded.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0);
}

/** The words column: each distinct word once. */
export function nameWordsKey(...parts: (string | null | undefined)[]): string {
  return [...new Set(nameWords(parts.filter(Boolean).join(' ')))].join(' ');
}

export const lowerKey = (text: string | null | undefined): string | null =>
  text ? text.trim().toLowerCase() || null : null;

/** The phone's digits reversed, so "ends with these digits" is a prefix range. */
export function phoneKey(phone: string | null | undefined): string | null {
  const digits = phone?.replace(/\D/g, '') ?? '';
  return digits ? [...digits].reverse().join('') : null;
}

/** The fewest digits (leading zeros aside) a phone search needs. */
export const MIN_PHONE_DIGITS = 6;

/**
 * What a phone query looks for: its digits without leading zeros (a trunk 0
 * or an international 00), reversed; null when it is not a phone.
 */
export function phoneQueryKey(query: string): string | null {
  if (!/^\+?[\d\s().-]+$/.test(query)) return null;
  const digits = query.replace(/\D/g, '').replace(/^0+/, '');
  return digits.length >= MIN_PHONE_DIGITS ? [...digits].reverse().join('') : null;
}

/** The last 4 characters of an IBAN, as the search compares them. */
export function ibanLast4(iban: string | undefined): string | null {
  const compact = iban?.replace(/[^A-Za-z0-9]/g, '').toUpperCase() ?? '';
  return compact.length >= 4 ? compact.slice(-4) : null;
}

/** The upper bound of a prefix range: every string starting with `prefix` sorts below it. */
export const prefixEnd = (prefix: string): string => `${prefix}\uffff`;
