import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../../testing/browser';
import { AGENT, startStack, type Stack } from '../../testing/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack.close());

describe('serving the dashboard', () => {
  it('serves index.html for client routes, never cached, with a strict CSP', async () => {
    for (const path of ['/', '/customers', '/customers/abc/bank-accounts?x=1']) {
      const reply = await fetch(`${stack.url}${path}`, { headers: { accept: 'text/html' } });
      expect(reply.status, path).toBe(200);
      expect(await reply.text()).toContain('<div id="root">');
      expect(reply.headers.get('cache-control')).toBe('no-cache');
      const csp = reply.headers.get('content-security-policy')!;
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
      expect(reply.headers.get('referrer-policy')).toBe('no-referrer');
      expect(reply.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('caches hashed assets for a year', async () => {
    const reply = await fetch(`${stack.url}/assets/index-Ab12Cd34.js`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const missing = await fetch(`${stack.url}/assets/missing.js`, {
      headers: { accept: 'text/html' },
    });
    expect(missing.status).toBe(404);
  });

  it('answers unknown API and auth paths with JSON, not the dashboard', async () => {
    const browser = new Browser(stack.url);
    await browser.signIn(AGENT);
    for (const path of ['/api/v2/anything', '/auth/unknown']) {
      const reply = await browser.fetch(path, { headers: { accept: 'text/html' } });
      expect(reply.status, path).toBe(404);
      expect(reply.headers.get('content-type')).toContain('application/json');
    }
  });

  it('reports liveness and readiness', async () => {
    expect(await (await fetch(`${stack.url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${stack.url}/readyz`)).json()).toEqual({ status: 'ready' });
  });
});

/** Every answer carries exactly these, whatever made it (a page, the API, a refusal, a probe). */
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self';script-src 'self';style-src 'self' 'unsafe-inline';img-src 'self' data:;font-src 'self' data:;connect-src 'self';object-src 'none';base-uri 'self';form-action 'self';frame-ancestors 'none'",
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'DENY',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};
/** Headers of the answer itself, not of the security policy. */
const ORDINARY = new Set([
  'accept-ranges',
  'cache-control',
  'connection',
  'content-length',
  'content-type',
  'date',
  'etag',
  'keep-alive',
  'last-modified',
  'retry-after',
  'set-cookie',
  'vary',
]);
const securityHeadersOf = (headers: Iterable<[string, string]>) =>
  Object.fromEntries([...headers].filter(([name]) => !ORDINARY.has(name)));

describe('security headers', () => {
  it('are exactly the same set, with the same values, on every kind of answer', async () => {
    const browser = new Browser(stack.url);
    await browser.signIn(AGENT);
    const answers = [
      await browser.fetch('/', { headers: { accept: 'text/html' } }),
      await browser.fetch('/api/v1/customers'),
      await browser.fetch('/api/v2/anything'),
      await new Browser(stack.url).fetch('/api/v1/customers'),
      await fetch(`${stack.url}/healthz`),
      await fetch(`${stack.url}/assets/index-Ab12Cd34.js`),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 404, 401, 200, 200]);
    for (const answer of answers) {
      expect(securityHeadersOf(answer.headers), answer.url).toEqual(SECURITY_HEADERS);
    }
    // Refused for its Host before anything else runs: the same headers.
    const misdirected = await stack.proxy.inject({
      url: '/',
      headers: { host: 'evil.example' },
    });
    expect(misdirected.statusCode).toBe(421);
    expect(
      securityHeadersOf(Object.entries(misdirected.headers).map(([k, v]) => [k, String(v)])),
    ).toEqual(SECURITY_HEADERS);
  });

  it('add HSTS, and only that, when the dashboard is served over HTTPS', async () => {
    const secure = await startStack({ proxy: { publicOrigin: 'https://backoffice.example' } });
    try {
      const reply = await secure.proxy.inject({
        url: '/healthz',
        headers: { host: 'backoffice.example' },
      });
      expect(reply.statusCode).toBe(200);
      expect(
        securityHeadersOf(Object.entries(reply.headers).map(([k, v]) => [k, String(v)])),
      ).toEqual({
        ...SECURITY_HEADERS,
        'strict-transport-security': 'max-age=31536000; includeSubDomains',
      });
    } finally {
      await secure.close();
    }
  });
});

describe('the audit log', () => {
  it('has one line per create and per sign-in and sign-out, with IBANs masked and no secrets', async () => {
    stack.logs.length = 0;
    const browser = new Browser(stack.url);
    await browser.signIn({ username: AGENT.username, password: 'wrong-password!' });
    await browser.signIn(AGENT);
    const customer = (await (
      await browser.fetch('/api/v1/customers', {
        method: 'POST',
        json: { first_name: 'Audrey', last_name: 'Audit', email: 'audrey@example.fr' },
      })
    ).json()) as { id: string };
    const account = (await (
      await browser.fetch(`/api/v1/customers/${customer.id}/bank-accounts`, {
        method: 'POST',
        json: { iban: 'FR76 3000 6000 0112 3456 7890 189', holder_name: 'Audrey Audit' },
      })
    ).json()) as { id: string };
    await browser.fetch(`/api/v1/customers/${customer.id}/bank-accounts`, {
      method: 'POST',
      json: { iban: 'FR7630006000011234567890188', holder_name: 'Audrey Audit' },
    });
    await browser.fetch('/auth/logout', { method: 'POST' });

    const audit = stack.logs.filter((line) => line.audit).map((line) => line.audit);
    expect(audit).toEqual([
      { event: 'sign_in_failed', agent: 'alice', outcome: 'refused' },
      { event: 'sign_in', agent: 'alice', role: 'agent', outcome: 'signed_in' },
      expect.objectContaining({
        event: 'create',
        operation: 'createCustomer',
        agent: 'alice',
        resource_id: customer.id,
        status: 201,
        outcome: 'created',
      }),
      expect.objectContaining({
        event: 'create',
        operation: 'createCustomerBankAccount',
        customer_id: customer.id,
        resource_id: account.id,
        iban: '****0189',
        outcome: 'created',
      }),
      expect.objectContaining({
        event: 'create',
        operation: 'createCustomerBankAccount',
        iban: '****0188',
        status: 400,
        outcome: 'refused',
      }),
      { event: 'sign_out', agent: 'alice', role: 'agent', outcome: 'signed_out' },
    ]);
    const everything = JSON.stringify(stack.logs);
    expect(everything).not.toContain('FR7630006000011234567890189');
    expect(everything).not.toContain('30006000011234567890');
    expect(everything).not.toContain(AGENT.password);
    expect(everything).not.toContain('test-secret-not-for-production');
    expect(everything).not.toMatch(/Bearer ey/);
    expect(everything).not.toContain(browser.cookie ?? 'no-cookie');
  });
});
