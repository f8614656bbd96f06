import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testSandbox } from '../testing';

type Sandbox = Awaited<ReturnType<typeof testSandbox>>;
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await testSandbox();
});
afterAll(async () => sandbox.app.close());

/** A create with valid required fields, and the fields given on top. */
const postCustomer = (fields: Record<string, unknown>) =>
  sandbox.call('POST', '/v1/customers', {
    first_name: 'Jean',
    last_name: 'Dupont',
    email: 'jean@example.fr',
    ...fields,
  });

interface ErrorBody {
  status: number;
  code: string;
  message: string;
  errors?: { field: string; code: string; message: string }[];
  request_id: string;
}

describe('customers', () => {
  it('creates a customer and answers 201 with its id and creation time', async () => {
    const reply = await sandbox.call('POST', '/v1/customers', {
      first_name: '  Zoë ',
      last_name: 'Müller-Lüdenscheidt',
      email: 'zoe@example.de',
      company_name: 'Müller GmbH',
      phone: '+49 30 1234567',
      external_id: 'CRM-42',
    });
    expect(reply.statusCode).toBe(201);
    const customer = reply.json<Record<string, string>>();
    expect(customer).toMatchObject({
      first_name: 'Zoë',
      last_name: 'Müller-Lüdenscheidt',
      email: 'zoe@example.de',
      company_name: 'Müller GmbH',
      phone: '+49 30 1234567',
      external_id: 'CRM-42',
    });
    expect(customer.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Math.abs(Date.parse(customer.created_at!) - Date.now())).toBeLessThan(5000);

    const read = await sandbox.call('GET', `/v1/customers/${customer.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(customer);
  });

  it('lists customers newest first, in pages, with the total in meta.count', async () => {
    const fresh = await testSandbox();
    try {
      const created = [];
      for (let n = 1; n <= 5; n += 1)
        created.push(await fresh.createCustomer({ first_name: `N${n}` }));
      const page1 = (await fresh.call('GET', '/v1/customers?page[number]=1&page[size]=2')).json<{
        data: { first_name: string }[];
        meta: { count: number };
      }>();
      expect(page1.meta.count).toBe(5);
      expect(page1.data.map((c) => c.first_name)).toEqual(['N5', 'N4']);
      const page3 = (
        await fresh.call('GET', '/v1/customers?page%5Bnumber%5D=3&page%5Bsize%5D=2')
      ).json<{
        data: { first_name: string }[];
      }>();
      expect(page3.data.map((c) => c.first_name)).toEqual(['N1']);
      const beyond = (await fresh.call('GET', '/v1/customers?page[number]=9&page[size]=2')).json<{
        data: unknown[];
        meta: { count: number };
      }>();
      expect(beyond).toEqual({ data: [], meta: { count: 5 } });
      const defaults = (await fresh.call('GET', '/v1/customers')).json<{ data: unknown[] }>();
      expect(defaults.data).toHaveLength(5);
    } finally {
      await fresh.app.close();
    }
  });

  it('pages 20 at a time by default', async () => {
    const fresh = await testSandbox({ seed: 25 });
    try {
      const list = (await fresh.call('GET', '/v1/customers')).json<{
        data: unknown[];
        meta: { count: number };
      }>();
      expect(list.data).toHaveLength(20);
      expect(list.meta.count).toBe(25);
    } finally {
      await fresh.app.close();
    }
  });

  it.each([
    ['page[size]=0', 'page[size]', 'out_of_range'],
    ['page[size]=101', 'page[size]', 'out_of_range'],
    ['page[size]=abc', 'page[size]', 'invalid_type'],
    ['page[size]=2.5', 'page[size]', 'invalid_type'],
    ['page[number]=0', 'page[number]', 'out_of_range'],
    ['page[number]=-1', 'page[number]', 'out_of_range'],
    ['page[size]=1&page[size]=2', 'page[size]', 'invalid_type'],
  ])('refuses %s with 400 naming the parameter', async (query, field, code) => {
    const reply = await sandbox.call('GET', `/v1/customers?${query}`);
    expect(reply.statusCode).toBe(400);
    const body = reply.json<ErrorBody>();
    expect(body).toMatchObject({ status: 400, code: 'validation_failed' });
    expect(body.errors).toContainEqual(expect.objectContaining({ field, code }));
    expect(body.message).toContain(field);
  });

  it('says which fields are missing when a create lacks them', async () => {
    const reply = await sandbox.call('POST', '/v1/customers', { company_name: 'ACME' });
    expect(reply.statusCode).toBe(400);
    const body = reply.json<ErrorBody>();
    expect(body.code).toBe('validation_failed');
    expect(body.errors!.map((e) => [e.field, e.code]).sort()).toEqual([
      ['email', 'required'],
      ['first_name', 'required'],
      ['last_name', 'required'],
    ]);
  });

  it.each([
    [{ email: 'not-an-email' }, 'email', 'invalid_format'],
    [{ first_name: '' }, 'first_name', 'required'],
    [{ last_name: '   ' }, 'last_name', 'required'],
    [{ first_name: 'x'.repeat(101) }, 'first_name', 'too_long'],
    [{ company_name: 'x'.repeat(201) }, 'company_name', 'too_long'],
    [{ email: `${'x'.repeat(250)}@example.com` }, 'email', 'too_long'],
    [{ phone: 'call me maybe' }, 'phone', 'invalid_format'],
    [{ external_id: 'x'.repeat(65) }, 'external_id', 'too_long'],
    [{ first_name: 42 }, 'first_name', 'invalid_type'],
  ])('refuses %j with a field error', async (fields, field, code) => {
    const reply = await postCustomer(fields);
    expect(reply.statusCode).toBe(400);
    const body = reply.json<ErrorBody>();
    expect(body.errors).toContainEqual(expect.objectContaining({ field, code }));
    expect(body.errors!.every((error) => error.message.length > 0)).toBe(true);
  });

  it('explains the shape of a phone number under the field', async () => {
    const reply = await postCustomer({ phone: '06 12' });
    expect(reply.statusCode).toBe(400);
    expect(reply.json<ErrorBody>().errors).toEqual([
      {
        field: 'phone',
        code: 'invalid_format',
        message:
          'A phone number has at least six digits, an optional leading + and spaces, dots, dashes or brackets, e.g. +33 6 12 34 56 78.',
      },
    ]);
  });

  it('takes what people type: spaces trimmed, blank optional fields left out, unknown fields ignored', async () => {
    const reply = await postCustomer({
      first_name: ' Jean ',
      email: ' jean.dupont@example.fr ',
      phone: ' +33 (0)6 12.34.56-78 ',
      company_name: '   ',
      external_id: '',
      address: { city: 'Paris' },
      role: 'admin',
    });
    expect(reply.statusCode).toBe(201);
    const customer = reply.json<Record<string, unknown>>();
    expect(customer).toEqual({
      id: expect.any(String) as unknown,
      first_name: 'Jean',
      last_name: 'Dupont',
      email: 'jean.dupont@example.fr',
      phone: '+33 (0)6 12.34.56-78',
      created_at: expect.any(String) as unknown,
    });
  });

  it('answers 409 when the external id is already taken', async () => {
    await sandbox.createCustomer({ external_id: 'CRM-DUP' });
    const reply = await postCustomer({ first_name: 'Marie', external_id: 'CRM-DUP' });
    expect(reply.statusCode).toBe(409);
    expect(reply.json()).toMatchObject({
      code: 'external_id_taken',
      errors: [{ field: 'external_id', code: 'duplicate' }],
    });
  });

  it('answers 404 with customer_not_found for an unknown id', async () => {
    const reply = await sandbox.call('GET', '/v1/customers/00000000-0000-0000-0000-000000000000');
    expect(reply.statusCode).toBe(404);
    expect(reply.json()).toMatchObject({ status: 404, code: 'customer_not_found' });
  });
});

describe('bodies the API cannot take', () => {
  it('answers 400 to malformed JSON, a JSON array, and an empty JSON body', async () => {
    for (const payload of ['{"first_name": "Jean",', '[1,2]', '"text"', '']) {
      const reply = await sandbox.call('POST', '/v1/customers', payload, {
        'content-type': 'application/json',
      });
      expect(reply.statusCode, payload).toBe(400);
      expect(reply.json<ErrorBody>().code).toMatch(/^(invalid_json|validation_failed)$/);
    }
  });

  it('answers 413 to a body over 1 MB', async () => {
    const reply = await sandbox.call('POST', '/v1/customers', {
      first_name: 'x'.repeat(1024 * 1024),
      last_name: 'Dupont',
      email: 'a@b.fr',
    });
    expect(reply.statusCode).toBe(413);
    expect(reply.json()).toMatchObject({ status: 413, code: 'payload_too_large' });
  });

  it('answers 415 to text, form and multipart bodies', async () => {
    for (const contentType of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      const reply = await sandbox.call('POST', '/v1/customers', 'first_name=Jean', {
        'content-type': contentType,
      });
      expect(reply.statusCode, contentType).toBe(415);
      expect(reply.json()).toMatchObject({ code: 'unsupported_media_type' });
    }
  });

  it('answers unknown routes with a JSON 404 and echoes the request id', async () => {
    const reply = await sandbox.call('DELETE', '/v1/customers', undefined, {
      'x-request-id': 'req-123',
    });
    expect(reply.statusCode).toBe(404);
    expect(reply.headers['x-request-id']).toBe('req-123');
    expect(reply.json()).toMatchObject({ code: 'route_not_found', request_id: 'req-123' });
  });
});
