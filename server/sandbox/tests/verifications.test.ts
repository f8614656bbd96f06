import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { testSandbox } from '../testing';

type Sandbox = Awaited<ReturnType<typeof testSandbox>>;
type Verification = {
  id: string;
  status: string;
  match_score?: number;
  provider_id: string;
  verified_at?: string;
};
let sandbox: Sandbox | undefined;
// The sandbox's clock is the test's: verifications resolve when the test moves time on.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(async () => {
  vi.useRealTimers();
  await sandbox?.app.close();
  sandbox = undefined;
});

const DELAY_MS = 5000;
const passTheDelay = () => vi.setSystemTime(Date.now() + DELAY_MS);

async function customerWithAccount(holderName?: string, fields: Record<string, unknown> = {}) {
  sandbox = await testSandbox({ verificationDelayMs: DELAY_MS });
  const customer = await sandbox.createCustomer({
    first_name: 'Jean-Pierre',
    last_name: 'Dupont',
    ...fields,
  });
  if (holderName) {
    const reply = await sandbox.call('POST', `/v1/customers/${customer.id}/bank-accounts`, {
      iban: 'FR7630006000011234567890189',
      holder_name: holderName,
    });
    expect(reply.statusCode).toBe(201);
  }
  const s = sandbox;
  return {
    sandbox: s,
    customerId: customer.id,
    start: async (body: unknown = {}) => {
      const reply = await s.call('POST', `/v1/customers/${customer.id}/verification`, body);
      expect(reply.statusCode).toBe(201);
      return reply.json<Verification>();
    },
    read: async (verificationId: string) =>
      (
        await s.call('GET', `/v1/customers/${customer.id}/verification/${verificationId}`)
      ).json<Verification>(),
    accountsVerified: async () =>
      (await s.call('GET', `/v1/customers/${customer.id}/bank-accounts`))
        .json<{ data: { verified: boolean }[] }>()
        .data.map((account) => account.verified),
  };
}

describe('verifications', () => {
  it('start pending and resolve to verified after the delay when the holder is the customer', async () => {
    const { start, read, accountsVerified } = await customerWithAccount('M. DUPONT JEAN PIERRE');
    const startedAt = Date.now();
    const started = await start();
    expect(started).toEqual({
      id: expect.any(String) as unknown,
      status: 'pending',
      provider_id: 'sandbox',
    });
    vi.setSystemTime(startedAt + DELAY_MS - 1);
    expect((await read(started.id)).status).toBe('pending');

    vi.setSystemTime(startedAt + DELAY_MS);
    const resolved = await read(started.id);
    expect(resolved.status).toBe('verified');
    expect(resolved.match_score).toBeGreaterThanOrEqual(0.85);
    expect(resolved.verified_at).toBe(new Date(startedAt + DELAY_MS).toISOString());
    expect(await accountsVerified()).toEqual([true]);
  });

  it('resolve to unverified with a low score when nobody of that name holds an account', async () => {
    const { start, read, accountsVerified } = await customerWithAccount('Marie Lefèvre');
    const started = await start({ provider_id: 'bnp-paribas' });
    passTheDelay();
    const resolved = await read(started.id);
    expect(resolved).toMatchObject({ status: 'unverified', provider_id: 'bnp-paribas' });
    expect(resolved.match_score).toBeLessThan(0.85);
    expect(resolved.verified_at).toBeUndefined();
    expect(await accountsVerified()).toEqual([false]);
  });

  it('compare the expected name given instead of the customer name', async () => {
    const { sandbox: s, customerId, start } = await customerWithAccount('Marie Lefèvre');
    const started = await start({ expected_name: 'marie lefevre' });
    passTheDelay();
    const list = (await s.call('GET', `/v1/customers/${customerId}/verifications`)).json<{
      data: Verification[];
    }>();
    expect(list.data).toEqual([
      expect.objectContaining({ id: started.id, status: 'verified', match_score: 1 }),
    ]);
  });

  it.each([
    ['the customer has no bank account', undefined, {}],
    ['the provider fails', 'Jean-Pierre Dupont', { provider_id: 'failing-bank' }],
  ])('fail when %s', async (_case, holderName, body) => {
    const { start, read } = await customerWithAccount(holderName);
    const started = await start(body);
    passTheDelay();
    const resolved = await read(started.id);
    expect(resolved.status).toBe('failed');
    expect(resolved.match_score).toBeUndefined();
  });

  it('resolve in the background too, without anybody reading them', async () => {
    sandbox = await testSandbox({ verificationDelayMs: DELAY_MS, sweepIntervalMs: 20 });
    const customer = await sandbox.createCustomer();
    const started = (
      await sandbox.call('POST', `/v1/customers/${customer.id}/verification`, {})
    ).json<Verification>();
    const status = sandbox.app.sandbox.store.db
      .prepare<[string], { status: string }>('SELECT status FROM verifications WHERE id = ?')
      .pluck();
    expect(status.get(started.id)).toBe('pending');
    passTheDelay();
    await vi.waitFor(() => expect(status.get(started.id)).toBe('failed'), { timeout: 5000 });
  });

  it('list newest first', async () => {
    const { sandbox: s, customerId, start } = await customerWithAccount('Jean-Pierre Dupont');
    const first = await start();
    const second = await start({ provider_id: 'ing' });
    const list = (await s.call('GET', `/v1/customers/${customerId}/verifications`)).json<{
      data: Verification[];
    }>();
    expect(list.data.map((v) => v.id)).toEqual([second.id, first.id]);
  });

  it.each([
    [{ expected_name: '   ' }, 'expected_name', 'required'],
    [{ expected_name: 'x'.repeat(201) }, 'expected_name', 'too_long'],
    [{ provider_id: 'bad provider!' }, 'provider_id', 'invalid_format'],
    [{ provider_id: '-bank' }, 'provider_id', 'invalid_format'],
    [{ provider_id: 'b'.repeat(65) }, 'provider_id', 'too_long'],
    [{ provider_id: 12 }, 'provider_id', 'invalid_type'],
  ])('refuse %j with a field error', async (body, field, code) => {
    const { sandbox: s, customerId } = await customerWithAccount('Jean-Pierre Dupont');
    const reply = await s.call('POST', `/v1/customers/${customerId}/verification`, body);
    expect(reply.statusCode).toBe(400);
    expect(reply.json<{ errors: unknown[] }>().errors).toContainEqual(
      expect.objectContaining({ field, code }),
    );
  });

  it('explain the shape of a provider id under the field', async () => {
    const { sandbox: s, customerId } = await customerWithAccount('Jean-Pierre Dupont');
    const reply = await s.call('POST', `/v1/customers/${customerId}/verification`, {
      provider_id: 'bad provider!',
    });
    expect(reply.json()).toMatchObject({
      code: 'validation_failed',
      message:
        'A provider id starts with a letter or a digit and has only letters, digits, dots, dashes and underscores, e.g. "bnp-paribas".',
      errors: [{ field: 'provider_id', code: 'invalid_format' }],
    });
  });

  it.each([
    ['no body at all', undefined, 'sandbox'],
    ['a blank provider', { provider_id: '  ' }, 'sandbox'],
    ['a provider typed with spaces around it', { provider_id: ' ing ' }, 'ing'],
  ])('can be started with %s', async (_case, body, provider) => {
    const { sandbox: s, customerId } = await customerWithAccount('Jean-Pierre Dupont');
    const reply = await s.call('POST', `/v1/customers/${customerId}/verification`, body);
    expect(reply.statusCode).toBe(201);
    expect(reply.json()).toMatchObject({ status: 'pending', provider_id: provider });
  });

  it('answer 404 for an unknown customer or verification', async () => {
    const { sandbox: s, customerId } = await customerWithAccount();
    for (const [method, path, code] of [
      ['POST', '/v1/customers/unknown/verification', 'customer_not_found'],
      ['GET', '/v1/customers/unknown/verifications', 'customer_not_found'],
      ['GET', `/v1/customers/${customerId}/verification/unknown`, 'verification_not_found'],
    ] as const) {
      const reply = await s.call(method, path, method === 'POST' ? {} : undefined);
      expect(reply.statusCode, path).toBe(404);
      expect(reply.json()).toMatchObject({ code });
    }
  });
});
