import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testSandbox } from '../testing';

let sandbox: Awaited<ReturnType<typeof testSandbox>>;
let customerId: string;
beforeAll(async () => {
  sandbox = await testSandbox();
  customerId = (await sandbox.createCustomer()).id;
});
afterAll(async () => sandbox.app.close());

const VALID = {
  iban: 'FR76 3000 6000 0112 3456 7890 189',
  bic: 'BNPAFRPP',
  holder_name: 'DUPONT JEAN',
};
type Account = {
  id: string;
  iban: string;
  bic?: string;
  holder_name: string;
  currency: string;
  verified: boolean;
};
type Refusal = { code: string; errors: { field: string; code: string; message: string }[] };

describe('bank accounts', () => {
  it('attaches an IBAN typed in groups of four, in EUR unless told otherwise, unverified', async () => {
    const reply = await sandbox.call('POST', `/v1/customers/${customerId}/bank-accounts`, VALID);
    expect(reply.statusCode).toBe(201);
    const account = reply.json<Account>();
    expect(account).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
      iban: 'FR7630006000011234567890189',
      bic: 'BNPAFRPP',
      holder_name: 'DUPONT JEAN',
      currency: 'EUR',
      verified: false,
    });

    const list = await sandbox.call('GET', `/v1/customers/${customerId}/bank-accounts`);
    expect(list.json<{ data: Account[] }>().data).toEqual([account]);
    const one = await sandbox.call(
      'GET',
      `/v1/customers/${customerId}/bank-accounts/${account.id}`,
    );
    expect(one.json()).toEqual(account);
  });

  it('takes non-breaking, narrow and thin spaces, tabs and line breaks as spaces', async () => {
    const reply = await sandbox.call('POST', `/v1/customers/${customerId}/bank-accounts`, {
      iban: 'DE89\u00A03704\u202F0044\u20070532\u2009013\t0\n00',
      bic: 'DEUT\u00A0DE\u202FFF',
      holder_name: 'Jean Dupont',
    });
    expect(reply.statusCode, reply.body).toBe(201);
    expect(reply.json()).toMatchObject({ iban: 'DE89370400440532013000', bic: 'DEUTDEFF' });
  });

  it('keeps a BIC of 11 characters and another currency', async () => {
    const reply = await sandbox.call('POST', `/v1/customers/${customerId}/bank-accounts`, {
      iban: 'GB29NWBK60161331926819',
      bic: 'NWBKGB2LXXX',
      holder_name: 'Jean Dupont',
      currency: 'GBP',
    });
    expect(reply.statusCode).toBe(201);
    expect(reply.json()).toMatchObject({ bic: 'NWBKGB2LXXX', currency: 'GBP' });
  });

  it('leaves out a BIC left blank, and trims the holder name', async () => {
    const other = await sandbox.createCustomer();
    const reply = await sandbox.call('POST', `/v1/customers/${other.id}/bank-accounts`, {
      ...VALID,
      bic: '   ',
      holder_name: ' DUPONT JEAN ',
    });
    expect(reply.statusCode).toBe(201);
    const account = reply.json<Account>();
    expect(account).not.toHaveProperty('bic');
    expect(account.holder_name).toBe('DUPONT JEAN');
  });

  it.each([
    [{ iban: 'FR7630006000011234567890188' }, 'iban', 'invalid_checksum'],
    [{ iban: 'FR76300060000112345678901' }, 'iban', 'invalid_length'],
    [{ iban: 'XX7630006000011234567890189' }, 'iban', 'unknown_country'],
    [{ iban: 'FR76 3000 6000 0112 3456 7890 18*' }, 'iban', 'invalid_characters'],
    [{ iban: '' }, 'iban', 'required'],
    [{ bic: 'BNPAFR' }, 'bic', 'invalid_length'],
    [{ bic: '1NPAFRPP' }, 'bic', 'invalid_format'],
    [{ holder_name: ' ' }, 'holder_name', 'required'],
    [{ holder_name: 'x'.repeat(141) }, 'holder_name', 'too_long'],
    [{ currency: 'XYZ' }, 'currency', 'invalid_currency'],
    [{ currency: 'eur' }, 'currency', 'invalid_currency'],
    [{ currency: 'EURO' }, 'currency', 'too_long'],
  ])('refuses %j and says why under the field', async (fields, field, code) => {
    const reply = await sandbox.call('POST', `/v1/customers/${customerId}/bank-accounts`, {
      ...VALID,
      ...fields,
    });
    expect(reply.statusCode).toBe(400);
    const body = reply.json<Refusal>();
    expect(body.code).toBe('validation_failed');
    expect(body.errors).toContainEqual(expect.objectContaining({ field, code }));
  });

  it('names every field at fault in one answer: the blank holder, the IBAN checksum and the BIC', async () => {
    const reply = await sandbox.call('POST', `/v1/customers/${customerId}/bank-accounts`, {
      iban: 'FR7630006000011234567890188',
      bic: 'BNPAFR',
      holder_name: '  ',
    });
    expect(reply.statusCode).toBe(400);
    const body = reply.json<Refusal>();
    expect(body.code).toBe('validation_failed');
    expect(body.errors).toEqual([
      { field: 'holder_name', code: 'required', message: 'holder_name must not be empty.' },
      { field: 'iban', code: 'invalid_checksum', message: expect.any(String) as unknown },
      { field: 'bic', code: 'invalid_length', message: expect.any(String) as unknown },
    ]);
  });

  it('explains a wrong length with the country and the expected length', async () => {
    const reply = await sandbox.call('POST', `/v1/customers/${customerId}/bank-accounts`, {
      ...VALID,
      iban: 'DE8937040044053201300',
    });
    expect(reply.json<Refusal>().errors[0]!.message).toBe(
      'An IBAN from DE has 22 characters; this one has 21.',
    );
  });

  it('requires the IBAN and the holder name', async () => {
    const reply = await sandbox.call('POST', `/v1/customers/${customerId}/bank-accounts`, {
      bic: 'BNPAFRPP',
    });
    expect(reply.statusCode).toBe(400);
    expect(
      reply
        .json<Refusal>()
        .errors.map((e) => e.field)
        .sort(),
    ).toEqual(['holder_name', 'iban']);
  });

  it('answers 409 when the customer already has this IBAN', async () => {
    const other = await sandbox.createCustomer();
    const path = `/v1/customers/${other.id}/bank-accounts`;
    expect((await sandbox.call('POST', path, VALID)).statusCode).toBe(201);
    const again = await sandbox.call('POST', path, {
      ...VALID,
      iban: 'fr7630006000011234567890189',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: 'bank_account_exists',
      errors: [{ field: 'iban' }],
    });
  });

  it('answers 404 for an unknown customer and for an account of another customer', async () => {
    const unknown = await sandbox.call('GET', '/v1/customers/nope/bank-accounts');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'customer_not_found' });
    const create = await sandbox.call('POST', '/v1/customers/nope/bank-accounts', VALID);
    expect(create.statusCode).toBe(404);

    const other = await sandbox.createCustomer();
    const account = (
      await sandbox.call('POST', `/v1/customers/${other.id}/bank-accounts`, VALID)
    ).json<Account>();
    const foreign = await sandbox.call(
      'GET',
      `/v1/customers/${customerId}/bank-accounts/${account.id}`,
    );
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toMatchObject({ code: 'bank_account_not_found' });
  });
});
