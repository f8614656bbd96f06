import { it } from 'vitest';
import { nameMatchScore as s, normalizeName as n } from '/work/main/server/sandbox/nameMatch';
it('probe', () => {
  const pairs = [
    ['Jean Dupont', 'Marie Dupont et Jean Martin'],
    ['Jean Dupont', 'J. D.'],
    ['Don Johnson', 'Johnson'],
    ['Ing-Marie Svensson', 'Marie Svensson'],
    ['Jean Dupont', 'M. et Mme Dupont'],
    ['Marie Dupont', 'M. et Mme Dupont'],
    ['Иван Петров', 'Иван Петров'],
    ['Jean Dupont', 'Joan Dupont'],
  ];
  for (const [a, b] of pairs) console.log(a, '|', b, '=>', s(a!, b!), s(b!, a!));
  console.log(n('Don Johnson'), n('Ing-Marie Svensson'), n('M. Dupont'), n('Mr'));
});
