import { describe, expect, it } from 'vitest';
import { nameMatchScore, normalizeName, VERIFIED_THRESHOLD } from './nameMatch';

describe('normalizeName', () => {
  it('turns "Mme Zoë Müller-Lüdenscheidt" into plain lowercase words without the title', () => {
    expect(normalizeName('Mme Zoë Müller-Lüdenscheidt')).toEqual(['zoe', 'muller', 'ludenscheidt']);
  });

  it('splits on hyphens, apostrophes, dots and commas: "M. Jean-Pierre D\'Aubigné"', () => {
    expect(normalizeName("M. Jean-Pierre D'Aubigné")).toEqual(['jean', 'pierre', 'd', 'aubigne']);
    expect(normalizeName('DUPONT,JEAN')).toEqual(['dupont', 'jean']);
  });

  it('folds letters that have no accent to strip: ß, æ, ø, œ, ł, đ, þ', () => {
    expect(normalizeName('Łukasz Øster Straße Æsir Œuvre Đorđe Þór')).toEqual([
      'lukasz',
      'oster',
      'strasse',
      'aesir',
      'oeuvre',
      'dorde',
      'thor',
    ]);
  });

  it('drops titles such as Dr., Prof., Herr, Sig., Ing. wherever they stand', () => {
    expect(normalizeName('Prof. Dr. Hans Meier')).toEqual(['hans', 'meier']);
    expect(normalizeName('Herr Ing. Karl Huber')).toEqual(['karl', 'huber']);
    expect(normalizeName('Sig. Mario Rossi')).toEqual(['mario', 'rossi']);
  });

  it('reads a leading "M." as Monsieur but a later "M." as an initial', () => {
    expect(normalizeName('M. Dupont')).toEqual(['dupont']);
    expect(normalizeName('Jean M. Dupont')).toEqual(['jean', 'm', 'dupont']);
  });

  it('keeps names that merely start like a title: Ing-Marie, Don, Marc', () => {
    expect(normalizeName('Ing-Marie Svensson')).toEqual(['ing', 'marie', 'svensson']);
    expect(normalizeName('Don Johnson')).toEqual(['don', 'johnson']);
    expect(normalizeName('Marc Mrozek')).toEqual(['marc', 'mrozek']);
  });

  it('keeps letters of other scripts', () => {
    expect(normalizeName('Иван Петров')).toEqual(['иван', 'петров']);
  });

  it('finds no name in blanks, punctuation or a bare title', () => {
    expect(normalizeName('')).toEqual([]);
    expect(normalizeName('  ,. -- ')).toEqual([]);
    expect(normalizeName('Mr.')).toEqual([]);
  });
});

describe('nameMatchScore', () => {
  it.each([
    ['in exactly the expected name', 'Jean Dupont', 'Jean Dupont'],
    ['in other case, without accents or hyphens', 'jean-pierre DUPONT', 'Jean Pierre Dupont'],
    ['in capitals without accents', 'Hélène Lefèvre', 'HELENE LEFEVRE'],
    ['surname first', 'Jean Dupont', 'DUPONT JEAN'],
    ['with a title', 'Jean Dupont', 'M. Jean Dupont'],
    ['with a title', 'Zoë Müller-Lüdenscheidt', 'Mme Zoë Müller-Lüdenscheidt'],
    ['with Müller spelt Mueller', 'Zoë Müller', 'ZOE MUELLER'],
    ['with Muller spelt Mueller', 'Zoe Muller', 'Zoe Mueller'],
  ])('an account held %s scores 1: "%s" is "%s"', (_how, expected, holder) => {
    expect(nameMatchScore(expected, holder)).toBe(1);
  });

  it('a middle name on the account only costs a little', () => {
    expect(nameMatchScore('Jean Dupont', 'Jean Marie Dupont')).toBeGreaterThanOrEqual(0.9);
  });

  it('an initial for the first name still verifies, but is not a perfect match', () => {
    const score = nameMatchScore('J. Dupont', 'Jean Dupont');
    expect(score).toBeGreaterThanOrEqual(VERIFIED_THRESHOLD);
    expect(score).toBeLessThan(1);
  });

  it('a one-letter typo in the surname still verifies', () => {
    expect(nameMatchScore('Jean Dupond', 'Jean Dupont')).toBeGreaterThanOrEqual(VERIFIED_THRESHOLD);
  });

  it.each([
    ['the same first name with another surname', 'Jean Dupont', 'Jean Martin'],
    ['the same surname with another first name', 'Jean Dupont', 'Marie Dupont'],
    ['the same surname with another initial', 'Marie Dupont', 'P. Dupont'],
    ['a lone surname', 'Jean Dupont', 'Dupont'],
    ['a title and a surname', 'Jean Dupont', 'M. Dupont'],
    ['bare initials', 'Jean Dupont', 'J. D.'],
  ])('%s does not verify: "%s" is not "%s"', (_how, expected, holder) => {
    expect(nameMatchScore(expected, holder)).toBeLessThan(VERIFIED_THRESHOLD);
  });

  it('a completely different person scores low', () => {
    expect(nameMatchScore('Jean Dupont', 'Giulia Bianchi')).toBeLessThan(0.4);
  });

  it('scores 0 when either side is empty, blank or only punctuation', () => {
    expect(nameMatchScore('', 'Jean Dupont')).toBe(0);
    expect(nameMatchScore('Jean Dupont', '   ')).toBe(0);
    expect(nameMatchScore('Jean Dupont', ' -., ')).toBe(0);
    expect(nameMatchScore('', '')).toBe(0);
  });

  it('a joint account "JEAN OU MARIE DUPONT" verifies either holder', () => {
    expect(nameMatchScore('Marie Dupont', 'JEAN OU MARIE DUPONT')).toBe(1);
    expect(nameMatchScore('Jean Dupont', 'JEAN OU MARIE DUPONT')).toBe(1);
    expect(nameMatchScore('Marie Dupont', 'Jean Dupont et Marie Dupont')).toBe(1);
    expect(nameMatchScore('Hans Meier', 'Anna & Hans Meier')).toBe(1);
    expect(nameMatchScore('Anna Meier', 'Herr und Frau Meier')).toBeLessThan(VERIFIED_THRESHOLD);
  });

  it('a joint account does not mix the first name of one holder with the surname of another', () => {
    expect(nameMatchScore('Jean Dupont', 'Marie Dupont et Jean Martin')).toBeLessThan(
      VERIFIED_THRESHOLD,
    );
  });

  it('gives the same score whichever name comes first, always within 0..1 with two decimals', () => {
    const pairs: [string, string][] = [
      ['Jean Dupont', 'Jean Dupont'],
      ['jean-pierre DUPONT', 'Jean Pierre Dupont'],
      ['DUPONT JEAN', 'Jean Dupont'],
      ['M. Jean Dupont', 'Jean Dupont'],
      ['Zoë Müller', 'ZOE MUELLER'],
      ['Jean Dupont', 'Jean Marie Dupont'],
      ['J. Dupont', 'Jean Dupont'],
      ['Jean Dupond', 'Jean Dupont'],
      ['Jean Dupont', 'Jean Martin'],
      ['Jean Dupont', 'Marie Dupont'],
      ['Jean Dupont', 'Giulia Bianchi'],
      ['Jean Dupont', '  -. '],
      ['Marie Dupont', 'JEAN OU MARIE DUPONT'],
      ['Marie Dupont', 'Jean Dupont et Marie Dupont'],
      ['Jan de Vries', 'J. DE VRIES'],
      ['Ana Lopez', 'Ann Lopes'],
    ];
    for (const [a, b] of pairs) {
      const score = nameMatchScore(a, b);
      expect(nameMatchScore(b, a), `${a} / ${b}`).toBe(score);
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
      expect(Math.round(score * 100) / 100).toBe(score);
    }
  });
});
