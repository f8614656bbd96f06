import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser } from '../../testing/browser';
import { manualClock } from '../../testing/clock';
import {
  sandboxStats,
  startSandbox,
  startSignedInStack,
  startStack,
  type Stack,
  withSignedInAgent,
} from '../../testing/stack';

let stack: Stack;
let agent: Browser;
beforeAll(async () => {
  ({ stack, agent } = await startSignedInStack());
});
afterAll(async () => stack.close());

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('upstream faults', () => {
  it('retries a read that met 503 and Retry-After, and answers once it works', async () => {
    await stack.control('DELETE', '/_sandbox/stats');
    await stack.control('PUT', '/_sandbox/faults', {
      operation: 'listAllCustomers',
      status: 503,
      retry_after_s: 0,
      times: 2,
    });
    const reply = await agent.fetch('/api/v1/customers');
    expect(reply.status).toBe(200);
    expect((await sandboxStats(stack)).listAllCustomers).toBe(3);
  });

  it('passes a lasting 429 on with its Retry-After after a bounded number of tries', async () => {
    await stack.control('DELETE', '/_sandbox/stats');
    await stack.control('PUT', '/_sandbox/faults', {
      operation: 'getCustomerById',
      status: 429,
      retry_after_s: 0,
    });
    try {
      const reply = await agent.fetch('/api/v1/customers/some-id');
      expect(reply.status).toBe(429);
      expect(reply.headers.get('retry-after')).toBe('0');
      expect(await reply.json()).toMatchObject({ code: 'rate_limited' });
      expect((await sandboxStats(stack)).getCustomerById).toBe(3);
    } finally {
      await stack.control('DELETE', '/_sandbox/faults');
    }
  });

  it('never retries a create: a 503 reaches the agent after one attempt', async () => {
    await stack.control('DELETE', '/_sandbox/stats');
    await stack.control('PUT', '/_sandbox/faults', {
      operation: 'createCustomer',
      status: 503,
      times: 1,
    });
    const reply = await agent.fetch('/api/v1/customers', {
      method: 'POST',
      json: { first_name: 'Once', last_name: 'Only', email: 'once@example.fr' },
    });
    expect(reply.status).toBe(503);
    expect(await reply.json()).toMatchObject({ code: 'service_unavailable' });
    expect((await sandboxStats(stack)).createCustomer).toBe(1);
  });

  it('turns a malformed upstream answer into a clear 502', async () => {
    await stack.control('PUT', '/_sandbox/faults', {
      operation: 'listAllCustomers',
      malformed: true,
      times: 1,
    });
    const reply = await agent.fetch('/api/v1/customers');
    expect(reply.status).toBe(502);
    expect(await reply.json()).toMatchObject({ code: 'upstream_malformed' });
  });

  it('answers 504 when the upstream is too slow, within the deadline', async () => {
    await withSignedInAgent(
      { upstream: { attemptTimeoutMs: 400, deadlineMs: 1500 } },
      async (slow, browser) => {
        await slow.control('PUT', '/_sandbox/faults', {
          operation: 'listAllCustomers',
          latency_ms: 3000,
        });
        const started = performance.now();
        const reply = await browser.fetch('/api/v1/customers');
        expect(reply.status).toBe(504);
        expect(await reply.json()).toMatchObject({ code: 'upstream_timeout' });
        expect(performance.now() - started).toBeLessThan(2500);
        expect((await browser.fetch('/healthz')).status).toBe(200);
      },
    );
  });

  it('answers within 15 s with the default timeouts when the upstream hangs', async () => {
    await withSignedInAgent({}, async (hung, browser) => {
      await hung.control('PUT', '/_sandbox/faults', {
        operation: 'getCustomerById',
        latency_ms: 30_000,
      });
      const started = performance.now();
      const reply = await browser.fetch('/api/v1/customers/hanging');
      expect([502, 503, 504]).toContain(reply.status);
      expect(performance.now() - started).toBeLessThan(15_000);
    });
  }, 30_000);

  it('reports the upstream down with a 502, keeps serving, and recovers when it is back', async () => {
    const port = await freePort();
    const clock = manualClock();
    await withSignedInAgent(
      {
        upstream: { baseUrl: `http://127.0.0.1:${port}`, deadlineMs: 3000 },
        proxy: { now: clock.now },
      },
      async (down, browser) => {
        const reply = await browser.fetch('/api/v1/customers');
        expect(reply.status).toBe(502);
        expect(await reply.json()).toMatchObject({ code: 'upstream_unreachable' });
        expect((await browser.fetch('/healthz')).status).toBe(200);
        const notReady = await browser.fetch('/readyz');
        expect(notReady.status).toBe(503);
        expect(await notReady.json()).toMatchObject({
          status: 'not_ready',
          checks: {
            upstream: { ok: false, message: expect.stringMatching(/cannot be reached/) as unknown },
          },
        });

        const back = await startSandbox({}, port);
        try {
          // The failure is remembered for the readiness window, then looked at again.
          expect((await browser.fetch('/readyz')).status).toBe(503);
          clock.advance(5_000);
          expect((await browser.fetch('/readyz')).status).toBe(200);
          expect((await browser.fetch('/api/v1/customers')).status).toBe(200);
        } finally {
          await back.sandbox.close();
        }
      },
    );
  });

  it('says it is not ready when the app credentials are refused', async () => {
    const wrong = await startStack({ upstream: { appSecret: 'not-the-secret' } });
    try {
      const reply = await fetch(`${wrong.url}/readyz`);
      expect(reply.status).toBe(503);
      expect(await reply.json()).toMatchObject({
        status: 'not_ready',
        code: 'not_ready',
        checks: {
          token: {
            ok: false,
            message: expect.stringMatching(/refused the application/) as unknown,
          },
          upstream: { ok: true },
        },
      });
    } finally {
      await wrong.close();
    }
  });
});

describe('double submits', () => {
  const customer = { first_name: 'Dora', last_name: 'Double', email: 'dora@example.fr' };

  it('make one customer when the same Idempotency-Key is sent twice at once and again later', async () => {
    await stack.control('DELETE', '/_sandbox/stats');
    const key = 'create-dora-1234';
    const send = () =>
      agent.fetch('/api/v1/customers', {
        method: 'POST',
        json: customer,
        headers: { 'idempotency-key': key },
      });
    const [first, second] = await Promise.all([send(), send()]);
    const later = await send();
    expect([first.status, second.status, later.status]).toEqual([201, 201, 201]);
    const ids = await Promise.all(
      [first, second, later].map(async (reply) => ((await reply.json()) as { id: string }).id),
    );
    expect(new Set(ids).size).toBe(1);
    expect(later.headers.get('idempotent-replayed')).toBe('true');
    expect((await sandboxStats(stack)).createCustomer).toBe(1);
  });

  it('refuse a reused key with a different body', async () => {
    const key = 'create-dora-5678';
    await agent.fetch('/api/v1/customers', {
      method: 'POST',
      json: customer,
      headers: { 'idempotency-key': key },
    });
    const reused = await agent.fetch('/api/v1/customers', {
      method: 'POST',
      json: { ...customer, first_name: 'Other' },
      headers: { 'idempotency-key': key },
    });
    expect(reused.status).toBe(422);
    expect(await reused.json()).toMatchObject({ code: 'idempotency_key_reused' });
    const bad = await agent.fetch('/api/v1/customers', {
      method: 'POST',
      json: customer,
      headers: { 'idempotency-key': 'x' },
    });
    expect(bad.status).toBe(400);
  });
});

describe('shutdown', () => {
  it('lets an in-flight request finish', async () => {
    await withSignedInAgent({}, async (closing, browser) => {
      await closing.control('PUT', '/_sandbox/faults', {
        operation: 'listAllCustomers',
        latency_ms: 500,
      });
      const inFlight = browser.fetch('/api/v1/customers');
      // Close only once the call has reached the (slow) upstream.
      await vi.waitFor(async () => expect((await sandboxStats(closing)).listAllCustomers).toBe(1));
      const closed = closing.proxy.close();
      const reply = await inFlight;
      expect(reply.status).toBe(200);
      await closed;
    });
  });
});
