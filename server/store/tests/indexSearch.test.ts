import { expect, it } from 'vitest';
import { customerSeen, T0 } from '../index/testing';
import type { Store } from '../store';
import { describeOnBothDialects } from '../testing/dialects';

const CAMILLE = customerSeen('cus_5f3a9c21e0b94d7f', {
  first_name: 'Camille',
  last_name: 'Lefèvre',
  company_name: 'Boulangerie Éclair',
  email: 'Camille.Lefevre@Example.fr',
  phone: '+33 6 12 34 56 78',
  external_id: 'CRM-004217',
});
const OTHERS = [
  customerSeen('cus_0a1b2c3d4e5f6071', {
    first_name: 'Camilo',
    last_name: 'Lefort',
    email: 'camilo@lefort.es',
    phone: '+34 612 345 679',
    external_id: 'CRM-004218',
  }),
  customerSeen('cus_5f3a9c21ffff0000', {
    first_name: 'Jean',
    last_name: 'Camus',
    email: 'jean.camus@example.fr',
    phone: '06 98 76 54 32',
  }),
];

async function indexed(open: () => Promise<Store>): Promise<Store> {
  const store = await open();
  await store.index.upsertCustomers([CAMILLE, ...OTHERS], T0);
  await store.index.upsertBankAccounts(
    [{ id: 'ba_1', customerId: CAMILLE.id, iban: 'FR76 3000 6000 0112 3456 7890 189' }],
    T0,
  );
  return store;
}

const found = async (store: Store, query: string) =>
  (await store.index.search(query, 10)).results.map((result) => [
    result.customer.id,
    result.matched,
  ]);

describeOnBothDialects('index search', ({ open }) => {
  it('finds a name in any order, by prefixes, whatever the accents and case', async () => {
    const store = await indexed(open);
    for (const query of ['lefev cam', 'Camille Lefèvre', 'LEFÈVRE', 'lefevre', 'cam lef éclair']) {
      expect(await found(store, query), query).toContainEqual([CAMILLE.id, 'name']);
    }
    // Every word must match: Camilo Lefort is not "lefev".
    expect(await found(store, 'lefev cam')).toEqual([[CAMILLE.id, 'name']]);
    // By company too, and the whole word ranks above a prefix.
    expect(await found(store, 'boulangerie')).toEqual([[CAMILLE.id, 'name']]);
    expect((await found(store, 'camus'))[0]).toEqual([OTHERS[1]!.id, 'name']);
    expect(await found(store, 'zoé')).toEqual([]);
  });

  it('finds an email whole or by prefix, whatever the case', async () => {
    const store = await indexed(open);
    expect(await found(store, 'camille.lefevre@example.fr')).toEqual([[CAMILLE.id, 'email']]);
    expect((await found(store, 'CAMILLE.LEF'))[0]).toEqual([CAMILLE.id, 'email']);
    expect(await found(store, 'nobody@example.fr')).toEqual([]);
  });

  it('finds a phone by its digits, with or without the country prefix or a leading 0', async () => {
    const store = await indexed(open);
    for (const query of [
      '+33 6 12 34 56 78',
      '0612345678',
      '612345678',
      '06.12.34.56.78',
      '0033612345678',
    ]) {
      expect(await found(store, query), query).toEqual([[CAMILLE.id, 'phone']]);
    }
    // Stored without the country prefix, asked with it.
    expect(await found(store, '+33 6 98 76 54 32')).toEqual([[OTHERS[1]!.id, 'phone']]);
    // Fewer than 6 digits is no phone search.
    expect(await found(store, '45678')).toEqual([]);
  });

  it('finds an external id whole or by prefix, a customer id whole or by its first 8 characters, an IBAN by its last 4', async () => {
    const store = await indexed(open);
    expect(await found(store, 'crm-004217')).toEqual([[CAMILLE.id, 'external_id']]);
    expect((await found(store, 'CRM-0042')).map(([id]) => id).sort()).toEqual(
      [CAMILLE.id, OTHERS[0]!.id].sort(),
    );
    expect(await store.index.search(CAMILLE.id, 10)).toMatchObject({
      exact: CAMILLE.id,
      results: [{ customer: { id: CAMILLE.id }, matched: 'id' }],
    });
    const byPrefix = await store.index.search('cus_5f3a9c21', 10);
    expect(byPrefix.exact).toBeNull();
    expect(byPrefix.results.map((result) => result.matched)).toEqual(['id_prefix', 'id_prefix']);
    expect(await found(store, 'cus_5f3')).toEqual([]);
    expect(await found(store, '0189')).toEqual([[CAMILLE.id, 'iban']]);
    expect(await found(store, '0188')).toEqual([]);
  });

  it('gives each result its latest verification, and honours the limit', async () => {
    const store = await indexed(open);
    await store.index.recordVerifications(
      [{ id: 'ver_1', customerId: CAMILLE.id, status: 'unverified', matchScore: 0.4 }],
      T0,
    );
    const [result] = (await store.index.search('lefevre', 10)).results;
    expect(result!.customer).toMatchObject({
      first_name: 'Camille',
      company_name: 'Boulangerie Éclair',
      latest_verification: { id: 'ver_1', status: 'unverified', stale: false, match_score: 0.4 },
    });
    expect((await store.index.search('cam', 1)).results).toHaveLength(1);
  });

  it('lets no query syntax through: quotes, stars, brackets and operators are plain text', async () => {
    const store = await indexed(open);
    for (const query of [
      '"',
      '*',
      '(',
      '-',
      ':',
      '&',
      '|',
      '!',
      '"lefev',
      'lef*',
      'cam AND',
      'NOT cam',
      'cam:*',
      '(cam | lef)',
      "l'efèvre",
      'a"b*c',
      '-cam',
      '!!',
      '%',
      '_',
      '\\',
    ]) {
      await expect(store.index.search(query, 10), query).resolves.toBeDefined();
    }
    expect(await found(store, '"lefev" cam*')).toEqual([[CAMILLE.id, 'name']]);
    expect(await found(store, '')).toEqual([]);
    expect(await found(store, '   ')).toEqual([]);
  });
});
