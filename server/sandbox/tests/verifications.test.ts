import { afterEach, describe, expect, it } from 'vitest';
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
afterEach(async () => {
  await sandbox?.app.close();
  sandbox = undefined;
});

const DELAY_MS = 150;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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
  return { sandbox, customerId: customer.id };
}

async function start(s: Sandbox, customerId: string, body: unknown = {}) {
  const reply = await s.call('POST', `/v1/customers/${customerId}/verification`, body);
  expect(reply.statusCode).toBe(201);
  return reply.json<Verification>();
}

describe('verifications', () => {
  it('start pending and resolve to verified after the delay when the holder is the customer', async () => {
    const { sandbox: s, customerId } = await customerWithAccount('M. DUPONT JEAN PIERRE');
    const started = await start(s, customerId);
    expect(started).toEqual({
      id: expect.any(String) as unknown,
      status: 'pending',
      provider_id: 'sandbox',
    });
    const path = `/v1/customers/${customerId}/verification/${started.id}`;
    expect((await s.call('GET', path)).json<Verification>().status).toBe('pending');

    await sleep(DELAY_MS + 50);
    const resolved = (await s.call('GET', path)).json<Verification>();
    expect(resolved.status).toBe('verified');
    expect(resolved.match_score).toBeGreaterThanOrEqual(0.85);
    expect(Date.parse(resolved.verified_at!)).toBeGreaterThan(Date.now() - 5000);
    const accounts = (await s.call('GET', `/v1/customers/${customerId}/bank-accounts`)).json<{
      data: { verified: boolean }[];
    }>();
    expect(accounts.data.map((account) => account.verified)).toEqual([true]);
  });

  it('resolve to unverified with a low score when nobody of that name holds an account', async () => {
    const { sandbox: s, customerId } = await customerWithAccount('Marie Lefèvre');
    const started = await start(s, customerId, { provider_id: 'bnp-paribas' });
    await sleep(DELAY_MS + 50);
    const resolved = (
      await s.call('GET', `/v1/customers/${customerId}/verification/${started.id}`)
    ).json<Verification>();
    expect(resolved).toMatchObject({ status: 'unverified', provider_id: 'bnp-paribas' });
    expect(resolved.match_score).toBeLessThan(0.85);
    expect(resolved.verified_at).toBeUndefined();
    const accounts = (await s.call('GET', `/v1/customers/${customerId}/bank-accounts`)).json<{
      data: { verified: boolean }[];
    }>();
    expect(accounts.data[0]!.verified).toBe(false);
  });

  it('compare the expected name given instead of the customer name', async () => {
    const { sandbox: s, customerId } = await customerWithAccount('Marie Lefèvre');
    const started = await start(s, customerId, { expected_name: 'marie lefevre' });
    await sleep(DELAY_MS + 50);
    const list = (await s.call('GET', `/v1/customers/${customerId}/verifications`)).json<{
      data: Verification[];
    }>();
    expect(list.data).toEqual([
      expect.objectContaining({ id: started.id, status: 'verified', match_score: 1 }),
    ]);
  });

  it('fail when the customer has no bank account', async () => {
    const { sandbox: s, customerId } = await customerWithAccount();
    const started = await start(s, customerId);
    await sleep(DELAY_MS + 50);
    const resolved = (
      await s.call('GET', `/v1/customers/${customerId}/verification/${started.id}`)
    ).json<Verification>();
    expect(resolved.status).toBe('failed');
    expect(resolved.match_score).toBeUndefined();
  });

  it('fail when the provider fails', async () => {
    const { sandbox: s, customerId } = await customerWithAccount('Jean-Pierre Dupont');
    const started = await start(s, customerId, { provider_id: 'failing-bank' });
    await sleep(DELAY_MS + 50);
    const resolved = (
      await s.call('GET', `/v1/customers/${customerId}/verification/${started.id}`)
    ).json<Verification>();
    expect(resolved).toMatchObject({ status: 'failed', provider_id: 'failing-bank' });
  });

  it('resolve in the background too, without anybody reading them', async () => {
    sandbox = await testSandbox({ verificationDelayMs: 50, sweepIntervalMs: 20 });
    const customer = await sandbox.createCustomer();
    const started = await start(sandbox, customer.id);
    await sleep(200);
    const row = sandbox.app.sandbox.store.db
      .prepare<[string], { status: string }>('SELECT status FROM verifications WHERE id = ?')
      .get(started.id);
    expect(row?.status).toBe('failed');
  });

  it('list newest first', async () => {
    const { sandbox: s, customerId } = await customerWithAccount('Jean-Pierre Dupont');
    const first = await start(s, customerId);
    const second = await start(s, customerId, { provider_id: 'ing' });
    const list = (await s.call('GET', `/v1/customers/${customerId}/verifications`)).json<{
      data: Verification[];
    }>();
    expect(list.data.map((v) => v.id)).toEqual([second.id, first.id]);
  });

  it.each([
    [{ expected_name: '   ' }, 'expected_name', 'required'],
    [{ expected_name: 'x'.repeat(201) }, 'expected_name', 'too_long'],
    [{ provider_id: 'bad provider!' }, 'provider_id', 'invalid_format'],
    [{ provider_id: 12 }, 'provider_id', 'invalid_type'],
  ])('refuse %j with a field error', async (body, field, code) => {
    const { sandbox: s, customerId } = await customerWithAccount('Jean-Pierre Dupont');
    const reply = await s.call('POST', `/v1/customers/${customerId}/verification`, body);
    expect(reply.statusCode).toBe(400);
    expect(reply.json<{ errors: unknown[] }>().errors).toContainEqual(
      expect.objectContaining({ field, code }),
    );
  });

  it('can be started with no body at all', async () => {
    const { sandbox: s, customerId } = await customerWithAccount('Jean-Pierre Dupont');
    const reply = await s.call('POST', `/v1/customers/${customerId}/verification`);
    expect(reply.statusCode).toBe(201);
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
