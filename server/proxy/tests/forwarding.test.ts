import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, rawRequest } from '../../testing/browser';
import { manualClock } from '../../testing/clock';
import {
  sandboxStats,
  startSignedInStack,
  TEST_APP_SECRET,
  VIEWER,
  withSignedInAgent,
  type Stack,
} from '../../testing/stack';

let stack: Stack;
let agent: Browser;
beforeAll(async () => {
  ({ stack, agent } = await startSignedInStack());
});
afterAll(async () => stack.close());

type Recorded = { method: string; url: string; headers: Record<string, string> };
async function lastUpstreamRequest(): Promise<Recorded> {
  const recent = (await (await stack.control('GET', '/_sandbox/requests')).json()) as {
    data: Recorded[];
  };
  return recent.data.at(-1)!;
}

describe('forwarding to the Customers API', () => {
  it('forwards the list with its paging and answers no-store JSON', async () => {
    await stack.control('DELETE', '/_sandbox/stats');
    const reply = await agent.fetch('/api/v1/customers?page%5Bnumber%5D=1&page[size]=5&debug=1');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('cache-control')).toBe('no-store');
    expect(await reply.json()).toMatchObject({ meta: { count: expect.any(Number) as unknown } });
    const upstream = await lastUpstreamRequest();
    expect(upstream.url).toBe('/v1/customers?page[number]=1&page[size]=5');
  });

  it('passes the API errors through with their field errors', async () => {
    const reply = await agent.fetch('/api/v1/customers?page[size]=500');
    expect(reply.status).toBe(400);
    expect(await reply.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'page[size]' }],
    });
    const missing = await agent.fetch('/api/v1/customers/00000000-0000-0000-0000-000000000000');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 'customer_not_found' });
  });

  it('sends upstream none of the browser headers, only its own token, even when Connection names them', async () => {
    const reply = await rawRequest(stack.url, {
      path: '/api/v1/customers',
      headers: {
        cookie: agent.cookie!,
        authorization: 'Bearer evil-token-from-the-browser',
        connection: 'keep-alive, authorization, digest, x-request-id',
        'x-forwarded-for': '203.0.113.7',
        'x-forwarded-host': 'evil.example',
        forwarded: 'for=203.0.113.7;host=evil.example',
        'x-custom': 'leak-me',
      },
    });
    expect(reply.status).toBe(200);
    const upstream = await lastUpstreamRequest();
    expect(upstream.headers.authorization).toMatch(/^Bearer ey/);
    expect(upstream.headers.authorization).not.toContain('evil');
    expect(upstream.headers.cookie).toBeUndefined();
    expect(upstream.headers['x-forwarded-for']).toBeUndefined();
    expect(upstream.headers['x-forwarded-host']).toBeUndefined();
    expect(upstream.headers.forwarded).toBeUndefined();
    expect(upstream.headers['x-custom']).toBeUndefined();
    expect(upstream.headers['x-request-id']).toBeDefined();
  });

  it('never shows the browser the token or the app secret', async () => {
    const upstream = await lastUpstreamRequest();
    const token = upstream.headers.authorization!.slice('Bearer '.length);
    const replies = [
      await agent.fetch('/api/v1/customers'),
      await agent.fetch('/api/v1/customers/nope'),
      await agent.fetch('/api/v1/customers', { method: 'POST', json: { first_name: 'x' } }),
      await agent.fetch('/readyz'),
      await agent.fetch('/auth/me'),
    ];
    for (const reply of replies) {
      const text = `${JSON.stringify([...reply.headers])}${await reply.text()}`;
      expect(text).not.toContain(token);
      expect(text).not.toContain(TEST_APP_SECRET);
    }
  });

  it.each([
    ['/api/v1/customers/..%2F..%2Foauth%2Faccesstoken', 'encoded slashes and dots'],
    ['/api/v1/customers/%2e%2e/bank-accounts', 'encoded ..'],
    ['/api/v1/customers/abc%00def', 'an encoded NUL'],
    ['/api/v1//customers', 'a double slash'],
    ['/api//v1/customers', 'a leading double slash'],
    ['/api/v1/customers/../../oauth/accesstoken', 'a raw ..'],
    ['/api/oauth/accesstoken', 'the token operation'],
    ['/api/_sandbox/faults', 'the sandbox controls'],
    ['/api/v1/customers/abc/bank-accounts/def/extra', 'an extra segment'],
    ['/api/v1/customers/' + 'a'.repeat(65), 'an id that is too long'],
    ['/api/v1/customers/a%2Fb', 'an id with an encoded slash'],
  ])('refuses %s (%s) with a 4xx', async (path) => {
    await stack.control('DELETE', '/_sandbox/stats');
    const reply = await rawRequest(stack.url, { path, headers: { cookie: agent.cookie! } });
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(reply.status).toBeLessThan(500);
    const stats = { operations: await sandboxStats(stack) };
    expect(stats.operations).toEqual({});
  });

  it.each([
    ['DELETE', '/api/v1/customers', 'GET, POST'],
    ['PUT', '/api/v1/customers/abc', 'GET'],
    ['PATCH', '/api/v1/customers/abc/bank-accounts', 'GET, POST'],
    ['DELETE', '/api/v1/customers/abc/verification/def', 'GET'],
    ['GET', '/api/v1/customers/abc/verification', 'POST'],
  ])(
    'answers %s %s with 405 and Allow: %s, and sends nothing upstream',
    async (method, path, allow) => {
      await stack.control('DELETE', '/_sandbox/stats');
      const reply = await agent.fetch(path, { method, ...(method === 'GET' ? {} : { json: {} }) });
      expect(reply.status).toBe(405);
      expect(reply.headers.get('allow')).toBe(allow);
      expect(await reply.json()).toMatchObject({ code: 'method_not_allowed' });
      expect(await sandboxStats(stack)).toEqual({});
    },
  );

  it('lets a viewer call only what the policy allows viewers, and sends the refused call nowhere', async () => {
    const viewer = new Browser(stack.url);
    await viewer.signIn(VIEWER);
    await stack.control('DELETE', '/_sandbox/stats');
    const creates = [
      '/api/v1/customers',
      '/api/v1/customers/abc/bank-accounts',
      '/api/v1/customers/abc/verification',
    ];
    for (const path of creates) {
      const reply = await viewer.fetch(path, { method: 'POST', json: {} });
      expect(reply.status, path).toBe(403);
      expect(await reply.json()).toMatchObject({ code: 'forbidden' });
    }
    expect(await sandboxStats(stack)).toEqual({});
  });

  it('refuses text, form and multipart bodies with 415, and bodies over 1 MB with 413', async () => {
    for (const [contentType, body] of [
      ['text/plain', 'first_name=x'],
      ['application/x-www-form-urlencoded', 'first_name=x'],
      ['multipart/form-data; boundary=xyz', '--xyz--'],
    ]) {
      const reply = await agent.fetch('/api/v1/customers', {
        method: 'POST',
        body,
        headers: { 'content-type': contentType! },
      });
      expect(reply.status, contentType).toBe(415);
    }
    const big = await agent.fetch('/api/v1/customers', {
      method: 'POST',
      json: { first_name: 'x'.repeat(1024 * 1024), last_name: 'y', email: 'z@example.fr' },
    });
    expect(big.status).toBe(413);
    const broken = await agent.fetch('/api/v1/customers', {
      method: 'POST',
      body: '{"first_name":',
      headers: { 'content-type': 'application/json' },
    });
    expect(broken.status).toBe(400);
  });

  it('refuses protocol upgrades', async () => {
    const reply = await rawRequest(stack.url, {
      path: '/api/v1/customers',
      headers: {
        cookie: agent.cookie!,
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
      },
    });
    expect(reply.status).toBe(400);
  });
});

describe('the token', () => {
  it('is fetched once for 50 concurrent calls', async () => {
    await withSignedInAgent({}, async (fresh, browser) => {
      const replies = await Promise.all(
        Array.from({ length: 50 }, () => browser.fetch('/api/v1/customers')),
      );
      expect(replies.map((reply) => reply.status)).toEqual(Array(50).fill(200));
      const stats = { operations: await sandboxStats(fresh) };
      expect(stats.operations).toEqual({ getAccessToken: 1, listAllCustomers: 50 });
    });
  });

  it('is refreshed once and the call retried when the API answers 401', async () => {
    await stack.control('DELETE', '/_sandbox/stats');
    expect((await stack.control('DELETE', '/_sandbox/tokens')).status).toBe(204);
    const replies = await Promise.all(
      Array.from({ length: 5 }, () => agent.fetch('/api/v1/customers')),
    );
    expect(replies.map((reply) => reply.status)).toEqual(Array(5).fill(200));
    const stats = { operations: await sandboxStats(stack) };
    // One new token for all; each call that met the revoked token was tried once more.
    expect(stats.operations.getAccessToken).toBe(1);
    expect(stats.operations.listAllCustomers).toBeGreaterThanOrEqual(6);
    expect(stats.operations.listAllCustomers).toBeLessThanOrEqual(10);
  });

  it('is renewed before it expires', async () => {
    const clock = manualClock();
    await withSignedInAgent(
      {
        sandbox: { tokenTtlSeconds: 60 },
        proxy: { now: clock.now },
      },
      async (shortLived, browser) => {
        expect((await browser.fetch('/api/v1/customers')).status).toBe(200);
        clock.advance(30_000);
        expect((await browser.fetch('/api/v1/customers')).status).toBe(200);
        // A tenth of the lifetime before it ends, the proxy asks for a new one: no call meets a 401.
        clock.advance(24_001);
        expect((await browser.fetch('/api/v1/customers')).status).toBe(200);
        const stats = { operations: await sandboxStats(shortLived) };
        expect(stats.operations).toEqual({ getAccessToken: 2, listAllCustomers: 3 });
      },
    );
  });
});

describe('HTTP Signatures', () => {
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const otherKeys = generateKeyPairSync('rsa', { modulusLength: 2048 });

  it('are accepted by a sandbox that requires them, over the query string and a unicode body', async () => {
    await withSignedInAgent(
      {
        sandbox: { signaturePublicKey: keys.publicKey },
        upstream: { privateKey: keys.privateKey },
      },
      async (_stack, browser) => {
        expect((await browser.fetch('/api/v1/customers?page[number]=1&page[size]=3')).status).toBe(
          200,
        );
        const created = await browser.fetch('/api/v1/customers', {
          method: 'POST',
          json: { first_name: 'Zoë', last_name: 'Ångström-Łukasz 日本', email: 'zoe@example.se' },
        });
        expect(created.status).toBe(201);
        expect(await created.json()).toMatchObject({ last_name: 'Ångström-Łukasz 日本' });
      },
    );
  });

  it('are refused by a sandbox that knows a different key, shown as a 502, not a sign-out', async () => {
    await withSignedInAgent(
      {
        sandbox: { signaturePublicKey: otherKeys.publicKey },
        upstream: { privateKey: keys.privateKey },
      },
      async (_stack, browser) => {
        const reply = await browser.fetch('/api/v1/customers');
        expect(reply.status).toBe(502);
        expect(await reply.json()).toMatchObject({ code: 'upstream_refused_credentials' });
      },
    );
  });
});
