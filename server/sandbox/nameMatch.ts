import { distance } from 'fastest-levenshtein';

/**
 * How well the name an agent expects matches an account holder's name, the way
 * a bank's identity-verification API scores it: 1 for the same person written
 * differently, low for a different person. Pure, so it is unit-tested on its own.
 */
export const VERIFIED_THRESHOLD = 0.85;

/** Below this, two words are different names rather than a typo ("Dupond" ~ "Dupont" is 0.83). */
const TYPO_FLOOR = 0.75;
/** An initial ("J.") stands for any name starting with it: good, but weaker evidence. */
const INITIAL_SIMILARITY = 0.9;
/** Each word present on one side only (a middle name) costs a little. */
const EXTRA_TOKEN_FACTOR = 0.95;
/** A lone surname, or initials alone, against a full name does not identify anyone. */
const WEAK_SIDE_FACTOR = 0.7;
/** Bounds the exact alignment search (2^n states); nobody's name has more words. */
const MAX_TOKENS = 12;

/** Letters NFKD leaves alone but that readers treat as plain Latin. */
const FOLDS: [RegExp, string][] = [
  [/ß/g, 'ss'],
  [/æ/g, 'ae'],
  [/œ/g, 'oe'],
  [/ø/g, 'o'],
  [/ł/g, 'l'],
  [/đ/g, 'd'],
  [/ð/g, 'd'],
  [/þ/g, 'th'],
  [/ı/g, 'i'],
];

/** Courtesy and academic titles, matched as whole words ("Ing." but not "Ing-Marie"). */
const TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mister',
  'dr',
  'prof',
  'mme',
  'mlle',
  'madame',
  'monsieur',
  'herr',
  'frau',
  'sig',
  'sigra',
  'signor',
  'signora',
  'dott',
  'ing',
  'mag',
  'sr',
  'sra',
  'senor',
  'senora',
  'dhr',
  'mevr',
  'mevrouw',
  'meneer',
]);

/** Joint accounts name several people: "Jean Dupont et Marie Dupont", "JEAN OU MARIE DUPONT". */
const JOINT_SEPARATOR = /\s+(?:et|ou|and|und|or|en|of)\s+|&|\/|\+/i;

/**
 * Lowercase word tokens without accents, punctuation or titles:
 * "Mme Zoë Müller-Lüdenscheidt" → ["zoe", "muller", "ludenscheidt"].
 */
/** Lowercase, accents stripped, ß/æ/ø/ł… spelled in plain Latin: "Łukasz Żółć" → "lukasz zolc". */
export function foldToLatin(text: string): string {
  let folded = text.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
  for (const [pattern, replacement] of FOLDS) folded = folded.replace(pattern, replacement);
  return folded;
}

export function normalizeName(name: string): string[] {
  const text = foldToLatin(name);
  const words = text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
  const kept = words.filter((word, index) => {
    const bare = word.replace(/[^\p{L}\p{N}]/gu, '');
    // "M." leads French holder names as "Monsieur"; elsewhere a lone "m" is an initial.
    return !TITLES.has(bare) && !(bare === 'm' && index === 0);
  });
  // Letters and digits of any script, so "Иван Петров" still matches itself.
  return kept.flatMap((word) => word.split(/[^\p{L}\p{N}]+/u)).filter(Boolean);
}

/** Müller, Mueller and Muller are one name in German transliteration. */
function foldUmlauts(token: string): string {
  return token.replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/ue/g, 'u');
}

function levenshteinSimilarity(a: string, b: string): number {
  return 1 - distance(a, b) / Math.max(a.length, b.length);
}

/** 1 for the same word, 0.75..1 for a typo, 0.9 for a matching initial, otherwise 0. */
function tokenSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 1 || b.length === 1) {
    const [initial, full] = a.length === 1 ? [a, b] : [b, a];
    return full.length > 1 && full.startsWith(initial) ? INITIAL_SIMILARITY : 0;
  }
  const best = Math.max(
    levenshteinSimilarity(a, b),
    levenshteinSimilarity(foldUmlauts(a), foldUmlauts(b)),
  );
  // Partial credit for a different name would let a right surname carry a wrong first name.
  return best >= TYPO_FLOOR ? best : 0;
}

/** Highest total similarity of a one-to-one pairing of every row with a distinct column. */
function bestAlignment(
  similarity: number[][],
  row = 0,
  used = 0,
  memo = new Map<number, number>(),
): number {
  const scores = similarity[row];
  if (scores === undefined) return 0;
  const cached = memo.get(used); // `used` has `row` bits set, so it alone identifies the state
  if (cached !== undefined) return cached;
  let best = 0;
  scores.forEach((score, column) => {
    if ((used & (1 << column)) !== 0) return;
    best = Math.max(best, score + bestAlignment(similarity, row + 1, used | (1 << column), memo));
  });
  memo.set(used, best);
  return best;
}

function tokensScore(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  // A fixed orientation for equal lengths makes the arithmetic, hence rounding, symmetric.
  const aFirst = a.length < b.length || (a.length === b.length && a.join(' ') <= b.join(' '));
  const [shorter, longer] = aFirst ? [a, b] : [b, a];
  const similarity = shorter.map((x) => longer.map((y) => tokenSimilarity(x, y)));
  // Unweighted mean: weighting by length would let a long surname outvote a wrong short first name.
  let score = bestAlignment(similarity) / shorter.length;
  score *= EXTRA_TOKEN_FACTOR ** (longer.length - shorter.length);
  const hasWord = (tokens: string[]) => tokens.some((token) => token.length > 1);
  const weak =
    (shorter.length === 1 && longer.length > 1) || (!hasWord(shorter) && hasWord(longer));
  return weak ? score * WEAK_SIDE_FACTOR : score;
}

/** The people a holder string names: itself, or each person of a joint account. */
function people(name: string): string[][] {
  const parts = name
    .split(JOINT_SEPARATOR)
    .map(normalizeName)
    .filter((tokens) => tokens.length > 0);
  if (parts.length < 2) return [normalizeName(name).slice(0, MAX_TOKENS)];
  // "JEAN OU MARIE DUPONT": a lone first name borrows the surname of the last person.
  const surname = parts[parts.length - 1]!.slice(1);
  return parts.map((tokens) =>
    (tokens.length === 1 ? [...tokens, ...surname] : tokens).slice(0, MAX_TOKENS),
  );
}

/**
 * Match score in [0, 1], rounded to 2 decimals; >= VERIFIED_THRESHOLD means the
 * same person. 0 when either side has no name at all. Symmetric in its arguments.
 */
export function nameMatchScore(expected: string, holder: string): number {
  let best = 0;
  for (const a of people(expected)) {
    for (const b of people(holder)) best = Math.max(best, tokensScore(a, b));
  }
  return Math.min(1, Math.round(best * 100) / 100);
}
