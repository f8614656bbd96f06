import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testSandbox } from '../testing';

let sandbox: Awaited<ReturnType<typeof testSandbox>>;
beforeAll(async () => {
  sandbox = await testSandbox();
});
afterAll(async () => sandbox.app.close());

describe('the fault switch', () => {
  it('makes one operation answer 503 with Retry-After, then clears itself after `times`', async () => {
    const set = await sandbox.control('PUT', '/_sandbox/faults', {
      operation: 'listAllCustomers',
      status: 503,
      retry_after_s: 2,
      times: 1,
    });
    expect(set.statusCode).toBe(200);
    const failed = await sandbox.call('GET', '/v1/customers');
    expect(failed.statusCode).toBe(503);
    expect(failed.headers['retry-after']).toBe('2');
    expect(failed.json()).toMatchObject({ status: 503, code: 'service_unavailable' });
    expect((await sandbox.call('GET', '/v1/customers')).statusCode).toBe(200);
  });

  it('answers 429 for every /v1 operation with "*" but still hands out tokens', async () => {
    await sandbox.control('PUT', '/_sandbox/faults', { status: 429, retry_after_s: 1 });
    try {
      const limited = await sandbox.call('GET', '/v1/customers/any-id');
      expect(limited.statusCode).toBe(429);
      expect(limited.json()).toMatchObject({ code: 'rate_limited' });
      expect((await sandbox.requestToken()).statusCode).toBe(200);
      expect((await sandbox.control('GET', '/_sandbox/faults')).json()).toEqual({
        data: [{ operation: '*', status: 429, retry_after_s: 1 }],
      });
    } finally {
      expect((await sandbox.control('DELETE', '/_sandbox/faults')).statusCode).toBe(204);
    }
    expect((await sandbox.call('GET', '/v1/customers')).statusCode).toBe(200);
  });

  it('adds latency', async () => {
    await sandbox.control('PUT', '/_sandbox/faults', {
      operation: 'listAllCustomers',
      latency_ms: 300,
      times: 1,
    });
    const started = performance.now();
    const reply = await sandbox.call('GET', '/v1/customers');
    expect(reply.statusCode).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('answers malformed JSON after running the operation', async () => {
    await sandbox.control('PUT', '/_sandbox/faults', {
      operation: 'createCustomer',
      malformed: true,
      times: 1,
    });
    const reply = await sandbox.call('POST', '/v1/customers', {
      first_name: 'Half',
      last_name: 'Answer',
      email: 'half@example.fr',
    });
    expect(reply.statusCode).toBe(201);
    expect(reply.headers['content-type']).toContain('application/json');
    expect(() => JSON.parse(reply.body) as unknown).toThrow();
    const list = (await sandbox.call('GET', '/v1/customers')).json<{
      data: { first_name: string }[];
    }>();
    expect(list.data[0]!.first_name).toBe('Half');
  });

  it('refuses unknown operations and impossible statuses', async () => {
    for (const body of [
      { operation: 'deleteEverything', status: 503 },
      { status: 200 },
      { latency_ms: -1 },
    ]) {
      const reply = await sandbox.control('PUT', '/_sandbox/faults', body);
      expect(reply.statusCode, JSON.stringify(body)).toBe(400);
    }
  });

  it('is only for the holder of the app credentials', async () => {
    const reply = await sandbox.call('PUT', '/_sandbox/faults', { status: 503 });
    expect(reply.statusCode).toBe(401);
    expect((await sandbox.control('GET', '/_sandbox/faults')).json()).toEqual({ data: [] });
  });

  it('counts requests per operation', async () => {
    await sandbox.control('DELETE', '/_sandbox/stats');
    await sandbox.call('GET', '/v1/customers');
    await sandbox.call('GET', '/v1/customers');
    const stats = (await sandbox.control('GET', '/_sandbox/stats')).json<{
      operations: Record<string, number>;
    }>();
    expect(stats.operations).toEqual({ listAllCustomers: 2 });
  });
});
