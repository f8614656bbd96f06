import { describe, expect, it } from 'vitest';
import { nameMatchScore, normalizeName, VERIFIED_THRESHOLD } from './nameMatch';

describe('normalizeName', () => {
  it('folds accents, case, ligatures and punctuation and drops titles', () => {
    expect(normalizeName('Mme Zoë Müller-Lüdenscheidt')).toEqual(['zoe', 'muller', 'ludenscheidt']);
    expect(normalizeName("M. Jean-Pierre D'Aubigné")).toEqual(['jean', 'pierre', 'd', 'aubigne']);
    expect(normalizeName('Łukasz Øster Straße')).toEqual(['lukasz', 'oster', 'strasse']);
    expect(normalizeName('  ,. ')).toEqual([]);
  });
});

describe('nameMatchScore', () => {
  const same: [string, string][] = [
    ['Jean Dupont', 'Jean Dupont'],
    ['jean-pierre DUPONT', 'Jean Pierre Dupont'],
    ['Jean Dupont', 'DUPONT JEAN'],
    ['Jean Dupont', 'M. Jean Dupont'],
    ['Zoë Müller', 'ZOE MUELLER'],
    ['Hélène Lefèvre', 'helene lefevre'],
    ['Marie Dupont', 'JEAN OU MARIE DUPONT'],
    ['Marie Dupont', 'Jean Dupont et Marie Dupont'],
  ];
  it.each(same)(
    'scores "%s" against an account held as "%s" as a full match',
    (expected, holder) => {
      expect(nameMatchScore(expected, holder)).toBe(1);
    },
  );

  it('tolerates a middle name on one side', () => {
    expect(nameMatchScore('Jean Dupont', 'Jean Marie Dupont')).toBeGreaterThanOrEqual(0.9);
  });

  it('accepts an initial for the first name, but not as a perfect match', () => {
    const score = nameMatchScore('Jean Dupont', 'J. Dupont');
    expect(score).toBeGreaterThanOrEqual(VERIFIED_THRESHOLD);
    expect(score).toBeLessThan(1);
  });

  it('forgives a one-letter typo in the surname', () => {
    expect(nameMatchScore('Jean Dupond', 'Jean Dupont')).toBeGreaterThanOrEqual(VERIFIED_THRESHOLD);
  });

  it.each([
    ['Jean Dupont', 'Jean Martin'],
    ['Jean Dupont', 'Marie Dupont'],
    ['Jean Dupont', 'J. Martin'],
    ['Marie Dupont', 'P. Dupont'],
    ['Jean Dupont', 'Dupont'],
    ['Jean Dupont', 'Dupont SARL'],
  ])('does not verify "%s" against "%s"', (expected, holder) => {
    expect(nameMatchScore(expected, holder)).toBeLessThan(VERIFIED_THRESHOLD);
  });

  it('scores a completely different person low', () => {
    expect(nameMatchScore('Jean Dupont', 'Giulia Bianchi')).toBeLessThan(0.4);
  });

  it('scores nothing against nothing as 0', () => {
    expect(nameMatchScore('', 'Jean Dupont')).toBe(0);
    expect(nameMatchScore('Jean Dupont', '  -. ')).toBe(0);
  });

  it('is symmetric and stays within 0..1 with two decimals', () => {
    const pairs: [string, string][] = [
      ...same,
      ['Jean Dupont', 'Jean Marie Dupont'],
      ['Jean Dupont', 'J. Dupont'],
      ['Jean Dupond', 'Jean Dupont'],
      ['Jean Dupont', 'Jean Martin'],
      ['Jan de Vries', 'J. DE VRIES'],
    ];
    for (const [a, b] of pairs) {
      const score = nameMatchScore(a, b);
      expect(nameMatchScore(b, a)).toBe(score);
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
      expect(Math.round(score * 100) / 100).toBe(score);
    }
  });
});
