import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proxyConfigFromEnv } from '../server/proxy/config';
import { ConfigError } from '../server/shared/env';
import { rawRequest } from '../server/testing/browser';
import { rawExchange } from '../server/testing/flood';
import { AGENT, startStack, type Stack } from '../server/testing/stack';

/**
 * DNS rebinding (issue 9, item 5): with PUBLIC_URL unset, `Host: evil.example`
 * with a matching Origin passed the same-origin check and got the app.
 */
let stack: Stack;
let port: string;
beforeAll(async () => {
  stack = await startStack();
  port = new URL(stack.url).port;
});
afterAll(async () => stack.close());

const signIn = (host: string, origin: string) =>
  rawRequest(stack.url, {
    method: 'POST',
    path: '/auth/login',
    headers: { host, origin, 'x-csrf': '1', 'content-type': 'application/json' },
    body: JSON.stringify(AGENT),
  });

function expectMisdirected(reply: Awaited<ReturnType<typeof rawRequest>>) {
  expect(reply.status).toBe(421);
  expect(reply.headers['content-type']).toMatch(/^application\/json/);
  expect(reply.headers['set-cookie']).toBeUndefined();
  expect(JSON.parse(reply.body)).toMatchObject({ status: 421, code: 'misdirected_request' });
  expect(reply.body).not.toContain('<');
  expect(reply.body.length).toBeLessThan(300);
}

describe('the Host allow-list, PUBLIC_URL unset', () => {
  it('answers a rebound name with 421 and nothing else: no app, no sign-in, no API', async () => {
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1.evil.example:${port}`]) {
      expectMisdirected(
        await rawRequest(stack.url, { path: '/', headers: { host, accept: 'text/html' } }),
      );
      expectMisdirected(
        await rawRequest(stack.url, { path: '/customers', headers: { host, accept: 'text/html' } }),
      );
      expectMisdirected(
        await rawRequest(stack.url, { path: '/auth/me', headers: { host, accept: 'text/html' } }),
      );
      expectMisdirected(
        await rawRequest(stack.url, {
          path: '/api/v1/customers',
          headers: { host, accept: 'text/html' },
        }),
      );
      expectMisdirected(await signIn(host, `http://${host}`));
    }
  });

  it('refuses the right address on another port, and a missing or empty Host', async () => {
    expectMisdirected(await rawRequest(stack.url, { path: '/', headers: { host: '127.0.0.1' } }));
    expectMisdirected(await rawRequest(stack.url, { path: '/', headers: { host: '127.0.0.1:1' } }));
    const noHost = await rawExchange(stack.url, 'GET / HTTP/1.0\r\naccept: text/html\r\n\r\n');
    expect(noHost.text).toMatch(/^HTTP\/1\.1 421 /);
    const emptyHost = await rawExchange(
      stack.url,
      'GET / HTTP/1.1\r\nHost: \r\naccept: text/html\r\nconnection: close\r\n\r\n',
    );
    expect(emptyHost.text).toMatch(/^HTTP\/1\.1 (421|400) /);
    expectMisdirected(
      await rawRequest(stack.url, { path: '/', headers: { host: `localhost.:${port}` } }),
    );
  });

  it('lets probes that name the server by another address read /healthz and /readyz only', async () => {
    for (const path of ['/healthz', '/readyz']) {
      const probe = await rawRequest(stack.url, { path, headers: { host: '10.1.2.3:8080' } });
      expect(probe.status, path).toBe(200);
      expect(probe.headers['set-cookie']).toBeUndefined();
    }
    expectMisdirected(
      await rawRequest(stack.url, {
        method: 'POST',
        path: '/healthz',
        headers: { host: 'evil.example' },
      }),
    );
    expectMisdirected(
      await rawRequest(stack.url, {
        path: '/healthz/../auth/me',
        headers: { host: 'evil.example' },
      }),
    );
  });

  it('serves the loopback names of its own port', async () => {
    for (const host of [
      `127.0.0.1:${port}`,
      `localhost:${port}`,
      `[::1]:${port}`,
      `127.0.0.2:${port}`,
    ]) {
      const reply = await rawRequest(stack.url, {
        path: '/',
        headers: { host, accept: 'text/html' },
      });
      expect(reply.status, host).toBe(200);
      expect(reply.body).toContain('<div id="root">');
    }
    const signedIn = await signIn(`localhost:${port}`, `http://localhost:${port}`);
    expect(signedIn.status).toBe(200);
  });

  it('compares Origin with its own loopback origins, never just with the Host sent', async () => {
    const crossed = await signIn(`127.0.0.1:${port}`, `http://localhost:${port}`);
    expect(crossed.status).toBe(403);
    const otherPort = await signIn(`127.0.0.1:${port}`, `http://127.0.0.1:1`);
    expect(otherPort.status).toBe(403);
  });
});

describe('the Host allow-list, PUBLIC_URL set', () => {
  let configured: Stack;
  let behindBalancer: Stack;
  beforeAll(async () => {
    configured = await startStack({ proxy: { publicOrigin: 'https://backoffice.example' } });
    behindBalancer = await startStack({
      proxy: { publicOrigin: 'https://backoffice.example', trustProxy: '127.0.0.1' },
    });
  });
  afterAll(async () => {
    await configured.close();
    await behindBalancer.close();
  });

  it("answers 421 to any Host but the public URL's, loopback included", async () => {
    const localPort = new URL(configured.url).port;
    for (const host of [
      `127.0.0.1:${localPort}`,
      `localhost:${localPort}`,
      'evil.example',
      'backoffice.example.evil',
      'backoffice.example:8443',
    ]) {
      expectMisdirected(
        await rawRequest(configured.url, { path: '/', headers: { host, accept: 'text/html' } }),
      );
    }
    const served = await rawRequest(configured.url, {
      path: '/',
      headers: { host: 'BackOffice.example', accept: 'text/html' },
    });
    expect(served.status).toBe(200);
  });

  it('behind a trusted balancer, also takes the address it connected to, and believes X-Forwarded-Host', async () => {
    const localPort = new URL(behindBalancer.url).port;
    const viaDefaultHost = await rawRequest(behindBalancer.url, {
      path: '/',
      headers: {
        host: `127.0.0.1:${localPort}`,
        'x-forwarded-proto': 'https',
        accept: 'text/html',
      },
    });
    expect(viaDefaultHost.status).toBe(200);
    expectMisdirected(
      await rawRequest(behindBalancer.url, {
        path: '/',
        headers: { host: `localhost:${localPort}` },
      }),
    );
    expectMisdirected(
      await rawRequest(behindBalancer.url, {
        path: '/',
        headers: { host: `127.0.0.1:${localPort}`, 'x-forwarded-host': 'evil.example' },
      }),
    );
  });

  it('takes writes from the public origin only, whatever Host says', async () => {
    const login = (origin: string) =>
      rawRequest(configured.url, {
        method: 'POST',
        path: '/auth/login',
        headers: {
          host: 'backoffice.example',
          origin,
          'x-csrf': '1',
          'content-type': 'application/json',
        },
        body: JSON.stringify(AGENT),
      });
    expect((await login('http://backoffice.example')).status).toBe(403);
    expect((await login('https://backoffice.example')).status).toBe(200);
  });
});

describe('start-up', () => {
  it.each(['0.0.0.0', '::', '192.0.2.10', 'backoffice.internal'])(
    'refuses to listen on %s without PUBLIC_URL, saying why',
    (host) => {
      expect(() => proxyConfigFromEnv({ HOST: host })).toThrow(ConfigError);
      expect(() => proxyConfigFromEnv({ HOST: host })).toThrow(/PUBLIC_URL/);
      expect(
        proxyConfigFromEnv({ HOST: host, PUBLIC_URL: 'https://backoffice.example' }).host,
      ).toBe(host);
    },
  );

  it('stops `npm run proxy` with one line when HOST is not loopback and PUBLIC_URL is unset', async () => {
    const failure = await promisify(execFile)('npx', ['tsx', 'server/proxy/main.ts'], {
      // 192.0.2.10 (TEST-NET) is on no interface: nothing can listen there even if the check were gone.
      env: {
        ...process.env,
        HOST: '192.0.2.10',
        PORT: '0',
        PUBLIC_URL: '',
        FINTECTURE_API_URL: 'http://127.0.0.1:9',
        FINTECTURE_APP_ID: 'app',
        FINTECTURE_APP_SECRET: 'secret',
        SESSION_SECRET: 'x'.repeat(32),
      },
      timeout: 30_000,
    }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure).toBeDefined();
    const lines = failure!.stderr.split('\n').filter((line) => line.trim() !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^proxy: .*HOST.*PUBLIC_URL/);
  });
});
