import { distance } from 'fastest-levenshtein';

/**
 * How well the name an agent expects matches an account holder's name, the way
 * an AIS provider scores it: 1 for the same person written differently, low
 * for a different person. Pure, so it is unit-tested on its own.
 */
export const VERIFIED_THRESHOLD = 0.85;

/** Tokens below this similarity are different words, not typos. */
const TYPO_FLOOR = 0.75;
/** An initial ("J.") stands for a name starting with it, but is weaker evidence. */
const INITIAL_SIMILARITY = 0.9;
/** Each word present on one side only (a middle name) costs a little. */
const EXTRA_TOKEN_FACTOR = 0.95;
/** One word alone (a surname) matching a full name is not an identity. */
const SINGLE_TOKEN_FACTOR = 0.7;

const FOLDS: [RegExp, string][] = [
  [/ß/g, 'ss'],
  [/æ/g, 'ae'],
  [/œ/g, 'oe'],
  [/ø/g, 'o'],
  [/ł/g, 'l'],
  [/đ/g, 'd'],
  [/þ/g, 'th'],
  [/ı/g, 'i'],
];

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
  'don',
  'dona',
  'dhr',
  'mevr',
  'mevrouw',
  'meneer',
]);

/** Joint accounts name several people: "Jean Dupont et Marie Dupont", "JEAN OU MARIE DUPONT". */
const JOINT_SEPARATOR = /\s+(?:et|ou|and|und|or|en|of)\s+|&|\//i;

export function normalizeName(name: string): string[] {
  let text = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  for (const [pattern, replacement] of FOLDS) text = text.replace(pattern, replacement);
  const tokens = text.split(/[^a-z0-9]+/).filter(Boolean);
  // "M." leads French holder names as a title; elsewhere a lone "m" is an initial.
  const withoutTitles = tokens.filter(
    (token, index) => !TITLES.has(token) && !(token === 'm' && index === 0 && tokens.length > 2),
  );
  return withoutTitles.length > 0 ? withoutTitles : tokens.filter((token) => !TITLES.has(token));
}

/** Müller, Mueller and Muller are one name in German transliteration. */
function foldUmlauts(token: string): string {
  return token.replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/ue/g, 'u');
}

function tokenSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 1 || b.length === 1) {
    const [initial, full] = a.length === 1 ? [a, b] : [b, a];
    return full.startsWith(initial) && full.length > 1 ? INITIAL_SIMILARITY : 0;
  }
  const plain = 1 - distance(a, b) / Math.max(a.length, b.length);
  const fa = foldUmlauts(a);
  const fb = foldUmlauts(b);
  const folded = 1 - distance(fa, fb) / Math.max(fa.length, fb.length);
  const best = Math.max(plain, folded);
  return best >= TYPO_FLOOR ? best : 0;
}

/** Best one-to-one pairing of tokens (greedy on similarity; names have few words). */
function tokensScore(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  const pairs: { i: number; j: number; similarity: number }[] = [];
  shorter.forEach((x, i) =>
    longer.forEach((y, j) => pairs.push({ i, j, similarity: tokenSimilarity(x, y) })),
  );
  pairs.sort((p, q) => q.similarity - p.similarity || p.i - q.i || p.j - q.j);
  const usedShort = new Set<number>();
  const usedLong = new Set<number>();
  let total = 0;
  for (const { i, j, similarity } of pairs) {
    if (usedShort.has(i) || usedLong.has(j)) continue;
    usedShort.add(i);
    usedLong.add(j);
    total += similarity;
  }
  let score = total / shorter.length;
  score *= EXTRA_TOKEN_FACTOR ** (longer.length - shorter.length);
  if (shorter.length === 1 && longer.length > 1) score *= SINGLE_TOKEN_FACTOR;
  return score;
}

export function nameMatchScore(expected: string, holder: string): number {
  const variants = (name: string) => {
    const parts = name.split(JOINT_SEPARATOR).filter((part) => part.trim() !== '');
    const whole = normalizeName(name);
    if (parts.length < 2) return [whole];
    // "JEAN OU MARIE DUPONT": a first part without a surname borrows the last part's.
    const last = normalizeName(parts[parts.length - 1]!);
    const surname = last.slice(1);
    return [
      whole,
      ...parts.map((part) => {
        const tokens = normalizeName(part);
        return tokens.length === 1 && surname.length > 0 ? [...tokens, ...surname] : tokens;
      }),
    ];
  };
  let best = 0;
  for (const a of variants(expected)) {
    for (const b of variants(holder)) best = Math.max(best, tokensScore(a, b));
  }
  return Math.round(best * 100) / 100;
}
