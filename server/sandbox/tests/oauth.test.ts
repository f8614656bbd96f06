import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { basicAuth, testSandbox, TEST_APP_ID } from '../testing';

const FORM = 'application/x-www-form-urlencoded';
let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function requestToken(
  sandbox: FastifyInstance,
  headers: Record<string, string | undefined>,
  payload: string,
) {
  return sandbox.inject({ method: 'POST', url: '/oauth/accesstoken', headers, payload });
}

describe('POST /oauth/accesstoken', () => {
  it('gives an app with the right credentials a Bearer token for the customers scope', async () => {
    ({ app } = await testSandbox({ tokenTtlSeconds: 1800 }));
    const reply = await requestToken(
      app,
      { authorization: basicAuth(), 'content-type': FORM },
      'grant_type=client_credentials&scope=customers',
    );
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['cache-control']).toBe('no-store');
    const body = reply.json<{ access_token: string; token_type: string; expires_in: number }>();
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 1800, scope: 'customers' });
    expect(body.access_token.split('.')).toHaveLength(3);
  });

  it('refuses a wrong secret, an unknown app and a missing Authorization with 401', async () => {
    ({ app } = await testSandbox());
    const form = 'grant_type=client_credentials&scope=customers';
    for (const headers of [
      { authorization: basicAuth(TEST_APP_ID, 'wrong-secret'), 'content-type': FORM },
      { authorization: basicAuth('someone-else'), 'content-type': FORM },
      { 'content-type': FORM },
      { authorization: 'Basic !!!', 'content-type': FORM },
    ]) {
      const reply = await requestToken(app, headers, form);
      expect(reply.statusCode).toBe(401);
      expect(reply.json()).toMatchObject({ status: 401, code: 'invalid_client' });
      expect(reply.headers['www-authenticate']).toContain('Basic');
    }
  });

  it('names the form field at fault when the grant type or scope is wrong', async () => {
    ({ app } = await testSandbox());
    const reply = await requestToken(
      app,
      { authorization: basicAuth(), 'content-type': FORM },
      'grant_type=password&scope=payments',
    );
    expect(reply.statusCode).toBe(400);
    const body = reply.json<{ code: string; errors: { field: string; code: string }[] }>();
    expect(body.code).toBe('validation_failed');
    expect(body.errors.map((error) => error.field).sort()).toEqual(['grant_type', 'scope']);
  });

  it("accepts the app_id the SDKs send in the form, and refuses one that is not the app's", async () => {
    ({ app } = await testSandbox());
    const headers = { authorization: basicAuth(), 'content-type': FORM };
    const ok = await requestToken(
      app,
      headers,
      `grant_type=client_credentials&app_id=${TEST_APP_ID}&scope=customers`,
    );
    expect(ok.statusCode).toBe(200);
    const { access_token: token } = ok.json<{ access_token: string }>();
    const read = await app.inject({
      method: 'GET',
      url: '/v1/customers',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(read.statusCode).toBe(200);
    const wrong = await requestToken(
      app,
      headers,
      'grant_type=client_credentials&app_id=someone-else&scope=customers',
    );
    expect(wrong.statusCode).toBe(400);
    const body = wrong.json<{ code: string; errors: { field: string }[] }>();
    expect(body.code).toBe('validation_failed');
    expect(body.errors.map((error) => error.field)).toEqual(['app_id']);
  });

  it('takes only a form body (415 for JSON)', async () => {
    ({ app } = await testSandbox());
    const reply = await requestToken(
      app,
      { authorization: basicAuth(), 'content-type': 'application/json' },
      JSON.stringify({ grant_type: 'client_credentials', scope: 'customers' }),
    );
    expect(reply.statusCode).toBe(415);
    expect(reply.json()).toMatchObject({ code: 'unsupported_media_type' });
  });
});

describe('the bearer check on /v1', () => {
  it('answers 401 without a token, with a forged one, and with one from another sandbox', async () => {
    ({ app } = await testSandbox());
    const other = await testSandbox();
    try {
      const cases: [Record<string, string>, string][] = [
        [{}, 'missing_token'],
        [{ authorization: 'Bearer' }, 'missing_token'],
        [{ authorization: 'Bearer not.a.token' }, 'invalid_token'],
        [{ authorization: `Bearer ${other.token}` }, 'invalid_token'],
      ];
      for (const [headers, code] of cases) {
        const reply = await app.inject({ method: 'GET', url: '/v1/customers', headers });
        expect(reply.statusCode).toBe(401);
        expect(reply.json()).toMatchObject({ status: 401, code });
        expect(reply.headers['www-authenticate']).toContain('Bearer');
      }
    } finally {
      await other.app.close();
    }
  });

  it('lets a token through until it expires, and no more after', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-25T10:00:00.000Z') });
    onTestFinished(() => {
      vi.useRealTimers();
    });
    const sandbox = await testSandbox({ tokenTtlSeconds: 60 });
    app = sandbox.app;
    vi.setSystemTime(new Date('2026-11-25T10:00:59.999Z'));
    expect((await sandbox.call('GET', '/v1/customers')).statusCode).toBe(200);
    vi.setSystemTime(new Date('2026-11-25T10:01:00.000Z'));
    const reply = await sandbox.call('GET', '/v1/customers');
    expect(reply.statusCode).toBe(401);
    expect(reply.json()).toMatchObject({ code: 'token_expired' });
  });

  it('stops accepting tokens revoked through the sandbox controls', async () => {
    const sandbox = await testSandbox();
    app = sandbox.app;
    expect((await sandbox.control('DELETE', '/_sandbox/tokens')).statusCode).toBe(204);
    const reply = await sandbox.call('GET', '/v1/customers');
    expect(reply.statusCode).toBe(401);
    expect(reply.json()).toMatchObject({ code: 'invalid_token' });
  });
});
