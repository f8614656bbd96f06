import { generateKeyPairSync } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { schemaRules } from '../../../openapi/rules';
import { signRequest } from '../../shared/httpSignature';
import { testSandbox, TEST_APP_ID } from '../testing';
import type { Provider } from '../providers';

type Sandbox = Awaited<ReturnType<typeof testSandbox>>;
let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.app.close();
  sandbox = undefined;
});

type ProviderList = { data: Provider[]; meta: { count: number } };

describe.each(['seed', 'fintecture'] as const)('GET /res/v1/providers (%s flavour)', (flavor) => {
  const list = async (query = '') => {
    sandbox ??= await testSandbox({ flavor });
    return sandbox.call('GET', `/res/v1/providers${query}`);
  };

  it("lists some forty European banks in Fintecture's JSON:API-like shape, ids a verification takes", async () => {
    const reply = await list();
    expect(reply.statusCode).toBe(200);
    const { data, meta } = reply.json<ProviderList>();
    expect(meta.count).toBe(data.length);
    expect(data.length).toBeGreaterThanOrEqual(35);
    const pattern = new RegExp(
      schemaRules.CustomerVerificationCreate.properties.provider_id.pattern,
    );
    for (const provider of data) {
      expect(provider.type).toBe('provider');
      expect(provider.attributes.provider).toBe(provider.id);
      expect(provider.id).toMatch(pattern);
      // Fintecture's style: a lowercase BIC-like id of 8 characters (and the seed's default).
      if (provider.id !== 'sandbox') expect(provider.id).toMatch(/^[a-z0-9]{8}$/);
      expect(['retail', 'corporate', 'all']).toContain(provider.attributes.psu_type);
      expect(provider.attributes.auth_model).toBe('redirect');
      expect(provider.attributes.name).not.toBe('');
    }
    expect(new Set(data.map((provider) => provider.id)).size).toBe(data.length);
    const countries = new Set(data.map((provider) => provider.attributes.country));
    expect([...countries].sort()).toEqual(['BE', 'DE', 'ES', 'FR', 'IT', 'NL']);
    expect(data.find((provider) => provider.id === 'sandbox')).toMatchObject({
      attributes: {
        name: 'Sandbox Bank',
        country: 'FR',
        ais: ['accounts', 'transactions', 'customer_info'],
      },
    });
    expect(data.find((provider) => provider.id === 'bnpafrpp')?.attributes.name).toBe(
      'BNP Paribas',
    );
  });

  it('filters by country, in any case, and by AIS service', async () => {
    const all = (await list()).json<ProviderList>().data;
    const french = (await list('?filter[country]=fr')).json<ProviderList>();
    expect(french.data.length).toBeGreaterThanOrEqual(18);
    expect(french.meta.count).toBe(french.data.length);
    expect(french.data.every((provider) => provider.attributes.country === 'FR')).toBe(true);
    expect(french.data).toEqual(all.filter((provider) => provider.attributes.country === 'FR'));

    const withAccounts = (
      await list('?filter[country]=FR&filter[ais]=accounts')
    ).json<ProviderList>();
    expect(withAccounts.data.length).toBeGreaterThan(0);
    expect(withAccounts.data.length).toBeLessThan(french.data.length);
    expect(
      withAccounts.data.every((provider) => provider.attributes.ais.includes('accounts')),
    ).toBe(true);
    const german = (await list('?filter[country]=De')).json<ProviderList>();
    expect(german.data.map((provider) => provider.attributes.country)).toEqual(
      german.data.map(() => 'DE'),
    );
    expect((await list('?filter[country]=PT')).json()).toEqual({ data: [], meta: { count: 0 } });
    expect((await list('?filter[ais]=nothing')).json()).toEqual({ data: [], meta: { count: 0 } });
  });

  it("refuses a country that is not two letters with a 400 in the flavour's shape", async () => {
    for (const country of ['FRA', 'F1', '']) {
      const reply = await list(`?filter[country]=${country}`);
      expect(reply.statusCode, country).toBe(400);
      if (flavor === 'seed') {
        expect(reply.json()).toMatchObject({
          code: 'validation_failed',
          errors: [{ field: 'filter[country]', code: 'invalid_format' }],
        });
      } else {
        expect(reply.json()).toMatchObject({
          status: '400',
          errors: [{ code: 'invalid_format', source: { pointer: '/filter[country]' } }],
        });
      }
    }
  });

  it('needs a token, as every API read', async () => {
    sandbox = await testSandbox({ flavor });
    const reply = await sandbox.app.inject({ method: 'GET', url: '/res/v1/providers' });
    expect(reply.statusCode).toBe(401);
  });
});

describe('GET /res/v1/providers with signatures required', () => {
  it('needs a signature too', async () => {
    const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
    sandbox = await testSandbox({ signaturePublicKey: keys.publicKey, flavor: 'fintecture' });
    const target = '/res/v1/providers?filter[country]=FR';
    expect((await sandbox.call('GET', target)).statusCode).toBe(401);
    const headers = signRequest({
      method: 'GET',
      target,
      body: '',
      keyId: TEST_APP_ID,
      privateKey: keys.privateKey,
    });
    expect((await sandbox.call('GET', target, undefined, headers)).statusCode).toBe(200);
  });
});
