import { describe, expect, it } from 'vitest';
import { Browser } from '../../testing/browser';
import { serverEnvironment } from '../environment';
import { startProxyOnly } from './proxyStack';

/** GET /bo/environment: the banner's source, before and after sign-in, with no secret in it. */
const APP_ID = 'app-id-4c1f9e0d';
const APP_SECRET = 'app-secret-9b7e2a61d3';

async function environmentOf(baseUrl: string, embeddedSandbox?: boolean) {
  const stack = await startProxyOnly(
    { baseUrl, appId: APP_ID, appSecret: APP_SECRET },
    embeddedSandbox === undefined ? {} : { embeddedSandbox },
  );
  try {
    const stranger = new Browser(stack.url);
    const anonymous = await stranger.fetch('/bo/environment');
    const signedIn = await stack.viewer.fetch('/bo/environment');
    const text = await anonymous.text();
    expect(await signedIn.text()).toBe(text);
    // Nothing the server holds about its upstream but the host.
    for (const secret of [
      APP_ID,
      APP_SECRET,
      'a-test-session-secret',
      'token',
      '/v1',
      'secret-path',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(anonymous.headers.get('content-type')).toContain('application/json');
    expect(anonymous.headers.get('cache-control')).toBe('no-cache');
    // Revalidated: an unchanged environment is a 304 with no body.
    const etag = anonymous.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await stranger.fetch('/bo/environment', { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    return { status: anonymous.status, body: JSON.parse(text) as unknown };
  } finally {
    await stack.close();
  }
}

describe('GET /bo/environment', () => {
  it('says emulated for the embedded sandbox, without its loopback address', async () => {
    expect(await environmentOf('http://127.0.0.1:4010', true)).toEqual({
      status: 200,
      body: { kind: 'emulated', label: 'Sandbox (emulated, demo data)' },
    });
  });

  it("says Fintecture sandbox for Fintecture's sandbox host", async () => {
    expect(await environmentOf('https://api-sandbox.fintecture.com')).toEqual({
      status: 200,
      body: {
        kind: 'fintecture_sandbox',
        label: 'Fintecture sandbox',
        host: 'api-sandbox.fintecture.com',
      },
    });
  });

  it('says Production for Fintecture production', async () => {
    expect(await environmentOf('https://api.fintecture.com/')).toEqual({
      status: 200,
      body: { kind: 'production', label: 'Production', host: 'api.fintecture.com' },
    });
  });

  it('names the host of any other API, never its credentials or path', async () => {
    expect(
      await environmentOf(`https://user:${APP_SECRET}@api.example.com:8443/secret-path/`),
    ).toEqual({
      status: 200,
      body: {
        kind: 'other',
        label: 'Custom API (api.example.com:8443)',
        host: 'api.example.com:8443',
      },
    });
  });

  it('is the only /bo route open without a session, and only for GET', async () => {
    const stack = await startProxyOnly({
      baseUrl: 'https://api.fintecture.com',
      appId: APP_ID,
      appSecret: APP_SECRET,
    });
    try {
      const stranger = new Browser(stack.url);
      expect((await stranger.fetch('/bo/environment/')).status).not.toBe(200);
      expect((await stranger.fetch('/bo/index/status')).status).toBe(401);
      const posted = await stranger.fetch('/bo/environment', { method: 'POST', json: {} });
      expect(posted.status).not.toBe(200);
      expect(await posted.text()).not.toContain('Production');
    } finally {
      await stack.close();
    }
  });

  it('tells sandbox hosts from production ones', () => {
    expect(serverEnvironment('https://api-sandbox-test.fintecture.com', false).kind).toBe(
      'fintecture_sandbox',
    );
    expect(serverEnvironment('https://api.fintecture.com.evil.example', false).kind).toBe('other');
    expect(serverEnvironment('http://localhost:4010', false)).toEqual({
      kind: 'other',
      label: 'Custom API (localhost:4010)',
      host: 'localhost:4010',
    });
  });
});
