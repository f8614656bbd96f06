import { afterEach, describe, expect, it } from 'vitest';
import { testSandbox } from '../testing';

type Sandbox = Awaited<ReturnType<typeof testSandbox>>;
let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.app.close();
  sandbox = undefined;
});

const ACCOUNT = { iban: 'FR7630006000011234567890189', holder_name: 'DUPONT JEAN' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type FintectureError = {
  status: string;
  code: string;
  log_id: string;
  errors: { code: string; title: string; detail: string; source?: { pointer: string } }[];
};

describe('the seed flavour (default)', () => {
  it('is the one a sandbox has when none is given, and says so on app.sandbox', async () => {
    sandbox = await testSandbox();
    expect(sandbox.app.sandbox.flavor).toBe('seed');
  });

  it('serves bank accounts under bank-accounts only', async () => {
    sandbox = await testSandbox({ flavor: 'seed' });
    const { id } = await sandbox.createCustomer();
    const created = await sandbox.call('POST', `/v1/customers/${id}/bank-accounts`, ACCOUNT);
    expect(created.statusCode).toBe(201);
    const other = await sandbox.call('GET', `/v1/customers/${id}/bank_accounts`);
    expect(other.statusCode).toBe(404);
    expect(other.json()).toMatchObject({ status: 404, code: 'route_not_found' });
  });

  it('keeps its statuses, no link, and its own error body', async () => {
    sandbox = await testSandbox({ flavor: 'seed' });
    const { id } = await sandbox.createCustomer();
    await sandbox.call('POST', `/v1/customers/${id}/bank-accounts`, ACCOUNT);
    const started = await sandbox.call('POST', `/v1/customers/${id}/verification`, {});
    expect(started.statusCode).toBe(201);
    const verification = started.json<{ id: string; status: string }>();
    expect(verification.status).toBe('pending');
    expect(verification).not.toHaveProperty('url');
    expect(verification).not.toHaveProperty('link');
    // The test sandbox resolves at once, by itself.
    const read = await sandbox.call('GET', `/v1/customers/${id}/verification/${verification.id}`);
    expect(read.json()).toMatchObject({ status: 'verified' });

    const refused = await sandbox.call('POST', '/v1/customers', { first_name: 'Jean' });
    expect(refused.json()).toEqual({
      status: 400,
      code: 'validation_failed',
      message: '2 fields are invalid: last_name, email.',
      errors: [
        { field: 'last_name', code: 'required', message: 'last_name is required.' },
        { field: 'email', code: 'required', message: 'email is required.' },
      ],
      request_id: refused.headers['x-request-id'],
    });
  });
});

describe('the fintecture flavour', () => {
  it('says so on app.sandbox', async () => {
    sandbox = await testSandbox({ flavor: 'fintecture' });
    expect(sandbox.app.sandbox.flavor).toBe('fintecture');
  });

  it('serves bank accounts under bank_accounts, with the same checks, and bank-accounts is unknown', async () => {
    sandbox = await testSandbox({ flavor: 'fintecture' });
    const { id } = await sandbox.createCustomer();
    const created = await sandbox.call('POST', `/v1/customers/${id}/bank_accounts`, {
      ...ACCOUNT,
      iban: 'FR76 3000 6000 0112 3456 7890 189',
    });
    expect(created.statusCode).toBe(201);
    const account = created.json<{ id: string; iban: string }>();
    expect(account.iban).toBe('FR7630006000011234567890189');

    const list = await sandbox.call('GET', `/v1/customers/${id}/bank_accounts`);
    expect(list.json()).toEqual({ data: [account] });
    const one = await sandbox.call('GET', `/v1/customers/${id}/bank_accounts/${account.id}`);
    expect(one.json()).toEqual(account);

    // The IBAN checksum, which the contract cannot state, is checked on this path too.
    const bad = await sandbox.call('POST', `/v1/customers/${id}/bank_accounts`, {
      ...ACCOUNT,
      iban: 'FR7630006000011234567890188',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<FintectureError>().errors[0]).toMatchObject({ source: { pointer: '/iban' } });

    for (const [method, path] of [
      ['GET', `/v1/customers/${id}/bank-accounts`],
      ['POST', `/v1/customers/${id}/bank-accounts`],
      ['GET', `/v1/customers/${id}/bank-accounts/${account.id}`],
    ] as const) {
      const reply = await sandbox.call(method, path, method === 'POST' ? ACCOUNT : undefined);
      expect(reply.statusCode, path).toBe(404);
      expect(reply.json<FintectureError>()).toMatchObject({
        status: '404',
        code: 'not_found',
        errors: [{ code: 'route_not_found' }],
      });
    }
  });

  it('names a field at fault with source.pointer and in the detail, with a fresh log_id each time', async () => {
    sandbox = await testSandbox({ flavor: 'fintecture' });
    const body = { first_name: 'Jean', last_name: 'Dupont', email: 'not-an-email', phone: 'x' };
    const first = await sandbox.call('POST', '/v1/customers', body);
    expect(first.statusCode).toBe(400);
    const refusal = first.json<FintectureError>();
    expect(refusal).toEqual({
      status: '400',
      code: 'invalid_request',
      log_id: expect.stringMatching(UUID) as unknown,
      errors: [
        {
          code: 'invalid_format',
          title: 'Invalid format',
          detail: 'email must be a valid email address.',
          source: { pointer: '/email' },
        },
        {
          code: 'invalid_format',
          title: 'Invalid format',
          detail: expect.stringMatching(
            /^phone: A phone number has at least six digits/,
          ) as unknown,
          source: { pointer: '/phone' },
        },
      ],
    });
    expect(first.headers['x-log-id']).toBe(refusal.log_id);
    // The seed's headers are kept.
    expect(first.headers['x-request-id']).toEqual(expect.any(String));
    expect(refusal).not.toHaveProperty('message');
    expect(refusal).not.toHaveProperty('request_id');

    const second = await sandbox.call('POST', '/v1/customers', body);
    expect(second.json<FintectureError>().log_id).not.toBe(refusal.log_id);
  });

  it('answers a query parameter at fault with a pointer to it', async () => {
    sandbox = await testSandbox({ flavor: 'fintecture' });
    const reply = await sandbox.call('GET', '/v1/customers?page[size]=500');
    expect(reply.statusCode).toBe(400);
    expect(reply.json<FintectureError>().errors).toEqual([
      {
        code: 'out_of_range',
        title: 'Out of range',
        detail: 'page[size] must be at most 100.',
        source: { pointer: '/page[size]' },
      },
    ]);
  });

  it('answers errors about no field with one item and no source: 404, 401, bad JSON, 429, 5xx', async () => {
    sandbox = await testSandbox({ flavor: 'fintecture' });
    const s = sandbox;
    const noSource = async (
      reply: Awaited<ReturnType<Sandbox['call']>>,
      status: number,
      code: string,
      itemCode: string,
    ) => {
      expect(reply.statusCode).toBe(status);
      const body = reply.json<FintectureError>();
      expect(body).toMatchObject({ status: String(status), code });
      expect(body.log_id).toMatch(UUID);
      expect(body.errors).toHaveLength(1);
      expect(body.errors[0]).toEqual({
        code: itemCode,
        title: expect.any(String) as unknown,
        detail: expect.any(String) as unknown,
      });
      return body;
    };
    const missing = await noSource(
      await s.call('GET', '/v1/customers/nobody'),
      404,
      'not_found',
      'customer_not_found',
    );
    expect(missing.errors[0]).toMatchObject({
      title: 'Customer not found',
      detail: 'No customer has the id "nobody".',
    });
    await noSource(
      await s.app.inject({ method: 'GET', url: '/v1/customers' }),
      401,
      'unauthorized',
      'missing_token',
    );
    await noSource(
      await s.call('POST', '/v1/customers', '{"first_name":', {
        'content-type': 'application/json',
      }),
      400,
      'invalid_request',
      'invalid_json',
    );
    await s.control('PUT', '/_sandbox/faults', { operation: 'listAllCustomers', status: 429 });
    await noSource(await s.call('GET', '/v1/customers'), 429, 'too_many_requests', 'rate_limited');
    await s.control('PUT', '/_sandbox/faults', { operation: 'listAllCustomers', status: 503 });
    await noSource(
      await s.call('GET', '/v1/customers'),
      503,
      'service_unavailable',
      'service_unavailable',
    );
  });

  it('puts its statuses on the wire: initiated, cancelled, success, failed (for unverified and failed alike)', async () => {
    sandbox = await testSandbox({ flavor: 'fintecture' });
    const { store } = sandbox.app.sandbox;
    const { id } = await sandbox.createCustomer();
    const seq = store.customerSeq(id)!;
    const input = { provider_id: 'bnpafrpp', expected_name: 'Jean Dupont' };
    const set = (verificationId: string, status: string) =>
      store.db
        .prepare('UPDATE verifications SET status = ? WHERE id = ?')
        .run(status, verificationId);
    const words: Record<string, string> = {};
    for (const status of ['pending', 'cancelled', 'verified', 'unverified', 'failed']) {
      const { verification } = store.startVerificationWithLink(seq, input);
      set(verification.id!, status);
      const reply = await sandbox.call(
        'GET',
        `/v1/customers/${id}/verification/${verification.id}`,
      );
      words[status] = reply.json<{ status: string }>().status;
    }
    expect(words).toEqual({
      pending: 'initiated',
      cancelled: 'cancelled',
      verified: 'success',
      unverified: 'failed',
      failed: 'failed',
    });
    // The list says the same.
    const list = await sandbox.call('GET', `/v1/customers/${id}/verifications`);
    expect(list.json<{ data: { status: string }[] }>().data.map((v) => v.status)).toEqual([
      'failed',
      'failed',
      'success',
      'cancelled',
      'initiated',
    ]);
  });
});
