import { describe, expect, it } from 'vitest';
import { ibanLast4, nameWords, nameWordsKey, phoneKey, phoneQueryKey } from '../index/searchKeys';

describe('search keys', () => {
  it('splits names into accent-free lowercase words, folding letters NFD keeps whole', () => {
    expect(nameWords("Camille LEFÈVRE-d'Aubigné")).toEqual(['camille', 'lefevre', 'd', 'aubigne']);
    expect(nameWords('Groß Æsir Łukasz Øster Straße')).toEqual([
      'gross',
      'aesir',
      'lukasz',
      'oster',
      'strasse',
    ]);
    expect(nameWords(' "*()-:&|! ')).toEqual([]);
    expect(nameWordsKey('Jean', 'Jean-Marc', null, 'Jean & Fils')).toBe('jean marc fils');
  });

  it('keeps a phone as its digits reversed, and asks with 6 digits or more, leading zeros aside', () => {
    expect(phoneKey('+33 6 12 34 56 78')).toBe('87654321633');
    expect(phoneKey('no digits')).toBeNull();
    expect(phoneQueryKey('06 12 34 56 78')).toBe('876543216');
    expect(phoneQueryKey('0033 (6) 12.34.56.78')).toBe('87654321633');
    expect(phoneQueryKey('012345')).toBeNull();
    expect(phoneQueryKey('123456')).toBe('654321');
    expect(phoneQueryKey('+33 6 12 ab')).toBeNull();
  });

  it('keeps the last 4 characters of an IBAN, uppercase', () => {
    expect(ibanLast4('fr76 3000 6000 0112 3456 7890 18x')).toBe('018X');
    expect(ibanLast4('FR7')).toBeNull();
    expect(ibanLast4(undefined)).toBeNull();
  });
});
