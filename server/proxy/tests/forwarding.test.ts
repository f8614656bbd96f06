import { generateKeyPairSync } from 'node:crypto';
import { Writable } from 'node:stream';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openStore, type Store } from '../../store/store';
import { requestWithHeldBody } from '../../testing/bodyFlood';
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
import type { IdempotencySettings } from '../idempotency';
import type { AllowedOperation } from '../operations';
import body, { nestsDeeperThan, parseJsonBody } from '../plugins/body';
import errors from '../plugins/errors';
import audit from '../plugins/audit';
import idempotency from '../plugins/idempotency';
import store from '../plugins/store';
import api from '../routes/api';
import health from '../routes/health';
import { UpstreamError, type UpstreamClient, type UpstreamResponse } from '../upstream';

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

describe('bodies', () => {
  const MB = 1024 * 1024;
  let viewer: Browser;
  beforeAll(async () => {
    viewer = new Browser(stack.url);
    expect((await viewer.signIn(VIEWER)).status).toBe(200);
  });
  const asked = (who: 'nobody' | 'viewer' | 'agent') => ({
    origin: stack.url,
    'x-csrf': '1',
    ...(who === 'nobody' ? {} : { cookie: (who === 'agent' ? agent : viewer).cookie! }),
  });

  // Promised 2 MB, sent a few bytes: an answer proves the body was not waited for.
  it.each([
    ['a signed-out client', 'nobody', 'POST', 'application/json', 401, 'unauthenticated'],
    ['a signed-out client', 'nobody', 'POST', 'text/plain', 401, 'unauthenticated'],
    ['a viewer', 'viewer', 'POST', 'application/json', 403, 'forbidden'],
    ['an agent', 'agent', 'DELETE', 'application/json', 405, 'method_not_allowed'],
    ['an agent', 'agent', 'POST', 'text/plain', 415, 'unsupported_media_type'],
    ['an agent', 'agent', 'POST', 'application/json', 413, 'payload_too_large'],
  ] as const)(
    'answers %s sending %s with %s of 2 MB with %i %s before the body comes, sending nothing upstream',
    async (_who, who, method, contentType, status, code) => {
      await stack.control('DELETE', '/_sandbox/stats');
      const reply = await requestWithHeldBody(stack.url, {
        method,
        path: '/api/v1/customers',
        headers: { ...asked(who), 'content-type': contentType },
        contentLength: 2 * MB,
        firstBytes: '{"first_name":',
      });
      expect(reply.status).toBe(status);
      expect(JSON.parse(reply.body)).toMatchObject({ code });
      if (status === 405) expect(reply.headers).toMatch(/\r\nallow: GET, POST\r\n/i);
      expect(await sandboxStats(stack)).toEqual({});
    },
  );

  it.each([
    ['a signed-out client', 'nobody', '{"first_name":', 401, 'unauthenticated'],
    ['a viewer', 'viewer', '{"first_name":', 403, 'forbidden'],
    ['an agent', 'agent', '{"first_name":', 400, 'invalid_json'],
    ['an agent', 'agent', `{"a":${'['.repeat(65)}${']'.repeat(65)}}`, 400, 'too_deep'],
  ] as const)(
    'answers %s sending a whole broken body with %i %s, sending nothing upstream',
    async (_who, who, sent, status, code) => {
      await stack.control('DELETE', '/_sandbox/stats');
      const reply = await rawRequest(stack.url, {
        method: 'POST',
        path: '/api/v1/customers',
        headers: { ...asked(who), 'content-type': 'application/json' },
        body: sent,
      });
      expect(reply.status).toBe(status);
      expect(JSON.parse(reply.body)).toMatchObject({ code });
      expect(await sandboxStats(stack)).toEqual({});
    },
  );

  it.each([
    ['an unknown path', '/no/such/path', 'agent', 404],
    ['sign-out, which takes no body', '/auth/logout', 'nobody', 204],
    ['sign-in, past its 4 KB', '/auth/login', 'nobody', 413],
  ] as const)(
    'answers %s without reading a promised 1 MB body',
    async (_what, path, who, status) => {
      const reply = await requestWithHeldBody(stack.url, {
        path,
        headers: { ...asked(who), 'content-type': 'application/json' },
        contentLength: MB,
        firstBytes: '[[[[',
      });
      expect(reply.status).toBe(status);
    },
  );

  it('takes a sign-in of up to 4 KB and refuses one a byte over with 413', async () => {
    const signIn = (size: number) => {
      const padding = 'x'.repeat(
        size - JSON.stringify({ username: 'nobody', password: '' }).length,
      );
      return new Browser(stack.url).fetch('/auth/login', {
        method: 'POST',
        json: { username: 'nobody', password: padding },
      });
    };
    expect((await signIn(4 * 1024)).status).not.toBe(413);
    const over = await signIn(4 * 1024 + 1);
    expect(over.status).toBe(413);
    expect(await over.json()).toMatchObject({ code: 'payload_too_large' });
  });
});

interface ApiAloneOptions {
  /** A store shared with another app (a restart, a replica); else a new in-memory one. */
  store?: Store;
  /** The fake upstream's answer to each call (default: 201 with `{"id":"made-1"}`). */
  answer?: (callIndex: number) => Promise<UpstreamResponse>;
  idempotency?: IdempotencySettings;
}

/**
 * A store on a temporary directory whose idempotency `method` throws as a lost
 * connection does for its first `failures` calls, then works.
 */
async function storeFailingIdempotency(
  method: 'markSent' | 'complete',
  failures: number,
): Promise<{ store: Store; close: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), `idempotency-${method}-`));
  const real = await openStore({ dataDir });
  let left = failures;
  const failing = async (...args: never[]): Promise<never> => {
    if (left-- > 0) {
      throw Object.assign(new Error('Connection terminated unexpectedly'), {
        code: 'ECONNRESET',
      });
    }
    return (real.idempotency[method] as (...args: never[]) => Promise<never>)(...args);
  };
  return {
    store: { ...real, idempotency: { ...real.idempotency, [method]: failing } },
    close: async () => {
      await real.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The API routes alone, on a fake upstream: for what the contract of today
 * cannot show. The agent is `alice`, or `bob` when the `x-test-agent` header says so.
 */
async function apiAlone(
  operations: AllowedOperation[],
  withSessions = true,
  options: ApiAloneOptions = {},
) {
  const calls: { method: string; target: string; body: Buffer | undefined }[] = [];
  const logs: Record<string, unknown>[] = [];
  const app = Fastify({
    logger: {
      level: 'info',
      stream: new Writable({
        write(chunk: Buffer, _encoding, done) {
          logs.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
          done();
        },
      }),
    },
  });
  await app.register(body);
  await app.register(errors);
  await app.register(
    fp(
      async (fake) => {
        const upstream: Pick<UpstreamClient, 'call'> = {
          call: async (method: string, target: string, sent: Buffer | undefined) => {
            calls.push({ method, target, body: sent });
            if (options.answer) return options.answer(calls.length - 1);
            return {
              status: 201,
              contentType: 'application/json',
              retryAfter: undefined,
              requestId: 'r',
              body: Buffer.from('{"id":"made-1"}'),
            } satisfies UpstreamResponse;
          },
        };
        fake.decorate('upstream', upstream as UpstreamClient);
      },
      { name: 'upstream' },
    ),
  );
  await app.register(store, {
    source: options.store ?? { dataDir: '.', sqliteFile: ':memory:' },
  });
  await app.register(idempotency, { ...options.idempotency, now: Date.now });
  await app.register(audit, { now: Date.now });
  if (withSessions) {
    await app.register(
      fp(
        async (fake) => {
          // Idempotency-Keys belong to accounts of the store.
          const accountIds = new Map<string, string>();
          for (const username of ['alice', 'bob']) {
            const account =
              (await fake.store.accounts.find(username)) ??
              (await fake.store.accounts.create(
                { username, role: 'agent', passwordHash: `scrypt$test$${username}` },
                Date.now(),
              ));
            accountIds.set(username, account.id);
          }
          fake.decorate('signedInAgent', async (request: FastifyRequest) => {
            const username = (request.headers['x-test-agent'] as string | undefined) ?? 'alice';
            return {
              username,
              role: 'agent' as const,
              accountId: accountIds.get(username)!,
              sessionId: `session-${username}`,
            };
          });
        },
        { name: 'sessions' },
      ),
    );
    await app.register(fp(async () => undefined, { name: 'csrf' }));
  }
  await app.register(api, { operations });
  await app.ready();
  return { app, calls, logs };
}

describe('the gate', () => {
  const closeCustomer: AllowedOperation = {
    operationId: 'closeCustomer',
    method: 'POST',
    pattern: /^\/v1\/customers\/(?<customer_id>[A-Za-z0-9_-]{1,64})\/close$/,
    policy: { role: 'agent', create: true },
    takesBody: false,
  };

  it('sends a create without a declared body through the create path: audited, made once per Idempotency-Key', async () => {
    const { app, calls, logs } = await apiAlone([closeCustomer]);
    try {
      const send = () =>
        app.inject({
          method: 'POST',
          url: '/api/v1/customers/abc/close',
          headers: {
            'idempotency-key': 'close-abc-0001',
            'content-type': 'application/json',
          },
          payload: '{"ignored":true}',
        });
      const first = await send();
      const second = await send();
      expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect(calls).toEqual([
        { method: 'POST', target: '/v1/customers/abc/close', body: undefined },
      ]);
      const audits = logs.filter((line) => line.audit);
      expect(audits).toEqual([
        expect.objectContaining({
          audit: expect.objectContaining({
            event: 'create',
            operation: 'closeCustomer',
            agent: 'alice',
            resource_id: 'made-1',
          }) as unknown,
        }),
      ]);
    } finally {
      await app.close();
    }
  });

  it('stops start-up when the API routes come before the sessions they need', async () => {
    await expect(apiAlone([closeCustomer], false)).rejects.toThrow(/signedInAgent|sessions/);
  });

  it('stops start-up when health comes before the upstream client', async () => {
    const app = Fastify();
    await expect(app.register(health).ready()).rejects.toThrow(/upstream/);
    await app.close();
  });
});

describe('the depth check', () => {
  it.each([
    ['[[1]]', 2, false],
    ['[[[1]]]', 2, true],
    ['{"a":{"b":[]}}', 3, false],
    ['{"a":{"b":[[]]}}', 3, true],
    ['["[[[[", "]]]]"]', 1, false],
    ['["\\"[[[[", 1]', 1, false],
    ['["\\\\", [[1]]]', 2, true],
    ['"Zoë [[[ 日本"', 0, false],
  ] as const)('measures %s against %i levels: deeper %s', (text, limit, deeper) => {
    expect(nestsDeeperThan(Buffer.from(text), limit)).toBe(deeper);
  });

  it('refuses past 64 levels as too_deep and broken JSON as invalid_json, before or by JSON.parse', () => {
    const nested = (depth: number) => Buffer.from(`${'['.repeat(depth)}${']'.repeat(depth)}`);
    expect(parseJsonBody(nested(64))).toBeInstanceOf(Array);
    expect(() => parseJsonBody(nested(65))).toThrow(expect.objectContaining({ code: 'too_deep' }));
    expect(() => parseJsonBody(Buffer.from('{"a":'))).toThrow(
      expect.objectContaining({ code: 'invalid_json', statusCode: 400 }),
    );
    expect(parseJsonBody(Buffer.alloc(0))).toBeUndefined();
  });
});

describe('Idempotency-Keys in the store', () => {
  const startVerification: AllowedOperation = {
    operationId: 'initiateCustomerVerification',
    method: 'POST',
    pattern: /^\/v1\/customers\/(?<customer_id>[A-Za-z0-9_-]{1,64})\/verification$/,
    policy: { role: 'agent', create: true },
    takesBody: false,
  };
  const made = (id: string, status = 201): UpstreamResponse => ({
    status,
    contentType: 'application/json',
    retryAfter: undefined,
    requestId: `upstream-${id}`,
    body: Buffer.from(status < 300 ? `{"id":"${id}"}` : '{"code":"failed","message":"no"}'),
  });
  const start = (
    app: Awaited<ReturnType<typeof apiAlone>>['app'],
    key: string,
    { customer = 'cus-1', agent = 'alice' }: { customer?: string; agent?: string } = {},
  ) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/customers/${customer}/verification`,
      headers: { 'idempotency-key': key, 'x-test-agent': agent },
    });
  /** An upstream answer the test lets go of when it wants. */
  const held = () => {
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    return { release, released };
  };

  it('makes one upstream call for two identical creates at once; the second gets the first answer', async () => {
    const gate = held();
    const { app, calls } = await apiAlone([startVerification], true, {
      answer: async () => {
        await gate.released;
        return made('ver-1');
      },
    });
    try {
      const both = Promise.all([start(app, 'double-click-0001'), start(app, 'double-click-0001')]);
      await vi.waitFor(() => expect(calls).toHaveLength(1));
      gate.release();
      const answers = await both;
      expect(answers.map((answer) => answer.statusCode)).toEqual([201, 201]);
      expect(answers.map((answer) => answer.json<{ id: string }>().id)).toEqual(['ver-1', 'ver-1']);
      expect(answers.filter((answer) => answer.headers['idempotent-replayed'])).toHaveLength(1);
      expect(calls).toHaveLength(1);
    } finally {
      await app.close();
    }
  });

  it('never sends again a create that went upstream and whose holder went silent: 409 idempotency_outcome_unknown', async () => {
    const gate = held();
    const { app, calls } = await apiAlone([startVerification], true, {
      idempotency: { staleMs: 100 },
      answer: async () => {
        await gate.released;
        return made('ver-lost');
      },
    });
    try {
      const first = start(app, 'lost-answer-0001');
      await vi.waitFor(() => expect(calls).toHaveLength(1));
      await new Promise((resolve) => setTimeout(resolve, 150));
      for (let retry = 0; retry < 2; retry += 1) {
        const unknown = await start(app, 'lost-answer-0001');
        expect(unknown.statusCode).toBe(409);
        expect(unknown.headers['retry-after']).toBeUndefined();
        expect(unknown.json()).toMatchObject({
          code: 'idempotency_outcome_unknown',
          message: expect.stringMatching(/reached Fintecture.*not sent again/) as unknown,
        });
      }
      expect(calls).toHaveLength(1);
      // The holder was only slow: its answer is kept, and replayed from then on.
      gate.release();
      expect((await first).statusCode).toBe(201);
      const later = await start(app, 'lost-answer-0001');
      expect(later.headers['idempotent-replayed']).toBe('true');
      expect(later.json()).toEqual({ id: 'ver-lost' });
      expect(calls).toHaveLength(1);
    } finally {
      await app.close();
    }
  });

  it('sends nothing when the store cannot mark the create sent, and gives the key back', async () => {
    const { store: flaky, close } = await storeFailingIdempotency('markSent', 1);
    const { app, calls } = await apiAlone([startVerification], true, { store: flaky });
    try {
      const refused = await start(app, 'unmarked-0001');
      expect(refused.statusCode).toBeGreaterThanOrEqual(500);
      expect(calls).toHaveLength(0);
      expect((await start(app, 'unmarked-0001')).statusCode).toBe(201);
      expect(calls).toHaveLength(1);
    } finally {
      await app.close();
      await close();
    }
  });

  it('answers 409 with Retry-After when the first is still running after the bounded wait, then replays', async () => {
    const gate = held();
    const { app, calls } = await apiAlone([startVerification], true, {
      idempotency: { waitMs: 50 },
      answer: async () => {
        await gate.released;
        return made('ver-2');
      },
    });
    try {
      const first = start(app, 'slow-create-0001');
      await vi.waitFor(() => expect(calls).toHaveLength(1));
      const waiting = await start(app, 'slow-create-0001');
      expect(waiting.statusCode).toBe(409);
      expect(waiting.headers['retry-after']).toBe('1');
      expect(waiting.json()).toMatchObject({ code: 'idempotency_in_progress' });
      gate.release();
      expect((await first).statusCode).toBe(201);
      const later = await start(app, 'slow-create-0001');
      expect(later.statusCode).toBe(201);
      expect(later.headers['idempotent-replayed']).toBe('true');
      expect(calls).toHaveLength(1);
    } finally {
      await app.close();
    }
  });

  it('gives the key back when the upstream fails (5xx or no answer), so the retry runs', async () => {
    const { app, calls } = await apiAlone([startVerification], true, {
      answer: async (index) => {
        if (index === 0) return made('none', 503);
        if (index === 1) throw new UpstreamError(504, 'upstream_timeout', 'No answer in time.');
        return made('ver-3');
      },
    });
    try {
      expect((await start(app, 'flaky-upstream-01')).statusCode).toBe(503);
      expect((await start(app, 'flaky-upstream-01')).statusCode).toBe(504);
      const third = await start(app, 'flaky-upstream-01');
      expect(third.statusCode).toBe(201);
      expect(third.headers['idempotent-replayed']).toBeUndefined();
      expect((await start(app, 'flaky-upstream-01')).headers['idempotent-replayed']).toBe('true');
      expect(calls).toHaveLength(3);
    } finally {
      await app.close();
    }
  });

  it("keeps each account's keys apart, and one account's quota never touches another's keys", async () => {
    let answered = 0;
    const { app, calls } = await apiAlone([startVerification], true, {
      idempotency: { quota: 3 },
      answer: async () => made(`ver-${++answered}`),
    });
    try {
      const bobs = await start(app, 'shared-key-00001', { agent: 'bob' });
      expect(bobs.statusCode).toBe(201);
      // The same key by another account is another request, not a replay or a mismatch.
      const alices = await start(app, 'shared-key-00001', { agent: 'alice' });
      expect(alices.statusCode).toBe(201);
      expect(alices.json()).not.toEqual(bobs.json());
      await start(app, 'alice-key-000002');
      await start(app, 'alice-key-000003');
      const over = await start(app, 'alice-key-000004');
      expect(over.statusCode).toBe(429);
      expect(over.json()).toMatchObject({
        code: 'idempotency_quota_exceeded',
        message: expect.stringContaining('3 Idempotency-Keys') as unknown,
      });
      expect(calls).toHaveLength(4);
      // Alice's earlier answers are kept, and Bob's key still replays.
      expect((await start(app, 'alice-key-000002')).headers['idempotent-replayed']).toBe('true');
      const bobAgain = await start(app, 'shared-key-00001', { agent: 'bob' });
      expect(bobAgain.headers['idempotent-replayed']).toBe('true');
      expect(bobAgain.json()).toEqual(bobs.json());
      expect(calls).toHaveLength(4);
    } finally {
      await app.close();
    }
  });

  it('keeps the answer once the store is back when it failed to take it, so a retry still replays', async () => {
    const { store: flaky, close } = await storeFailingIdempotency('complete', 2);
    const { app, calls, logs } = await apiAlone([startVerification], true, {
      store: flaky,
      answer: async () => made('ver-kept'),
    });
    try {
      // The agent gets the answer the API gave, though the store could not take it yet.
      expect((await start(app, 'kept-later-0001')).statusCode).toBe(201);
      // A retry meanwhile waits for it (the claim is still there), then replays it.
      const retried = await start(app, 'kept-later-0001');
      expect(retried.statusCode).toBe(201);
      expect(retried.headers['idempotent-replayed']).toBe('true');
      expect(retried.json()).toEqual({ id: 'ver-kept' });
      expect(calls).toHaveLength(1);
      expect(logs.filter((line) => line.level === 50)).toEqual([]);
    } finally {
      await app.close();
      await close();
    }
  });

  it('refuses the same key for another request with 422', async () => {
    const { app, calls } = await apiAlone([startVerification]);
    try {
      expect((await start(app, 'reused-key-0001', { customer: 'cus-1' })).statusCode).toBe(201);
      const reused = await start(app, 'reused-key-0001', { customer: 'cus-2' });
      expect(reused.statusCode).toBe(422);
      expect(reused.json()).toMatchObject({ code: 'idempotency_key_reused' });
      expect(calls).toHaveLength(1);
    } finally {
      await app.close();
    }
  });

  it('replays after a restart on the same store, and records one audit row per create that ran', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'idempotency-restart-'));
    const shared = await openStore({ dataDir });
    try {
      const before = await apiAlone([startVerification], true, {
        store: shared,
        answer: async () => made('ver-9'),
      });
      const first = await start(before.app, 'across-restart-1');
      await before.app.close();
      const after = await apiAlone([startVerification], true, { store: shared });
      try {
        const again = await start(after.app, 'across-restart-1');
        expect(again.statusCode).toBe(201);
        expect(again.headers['idempotent-replayed']).toBe('true');
        expect(again.json()).toEqual(first.json());
        expect(after.calls).toHaveLength(0);
      } finally {
        await after.app.close();
      }
      const { events } = await shared.audit.list();
      expect(events).toEqual([
        expect.objectContaining({
          actor: 'alice',
          role: 'agent',
          action: 'verification_started',
          customerId: 'cus-1',
          targetId: 'ver-9',
          upstreamRequestId: 'upstream-ver-9',
          outcome: 'created',
        }),
      ]);
    } finally {
      await shared.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
