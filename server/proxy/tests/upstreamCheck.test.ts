import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { checkUpstream, CHECK_TARGET } from '../upstreamCheck';
import { startRecordingUpstream, TOKEN_ANSWER, type RecordingUpstream } from './recordingUpstream';

/**
 * The connection check against real misbehaving upstreams: each failure is
 * produced by an HTTP server doing that wrong thing, and named in plain words.
 */
const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()));
});

async function upstream(routes: Parameters<typeof startRecordingUpstream>[0]) {
  const started = await startRecordingUpstream(routes);
  open.push(started);
  return started;
}

const config = (server: RecordingUpstream | string, signed = true) => ({
  baseUrl: typeof server === 'string' ? server : server.url,
  appId: 'app-1',
  appSecret: 'secret-1',
  flavor: 'fintecture' as const,
  ...(signed ? { privateKey: keys.privateKey } : {}),
});

/** A plain HTTP server that accepts connections and never answers. */
async function silent(): Promise<string> {
  const server: Server = createServer(() => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  open.push({
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('the upstream check', () => {
  it('is OK after a token and a signed read, with the flavour and the latency', async () => {
    const server = await upstream({ [`GET ${CHECK_TARGET}`]: { body: { data: [], meta: {} } } });
    const result = await checkUpstream(config(server));
    expect(result).toMatchObject({ ok: true, outcome: 'ok', flavor: 'fintecture' });
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    expect(result.message).toMatch(/^OK: .*signed read.*flavour fintecture.* \d+ ms\.$/);
    expect(server.to('GET', CHECK_TARGET)).toHaveLength(1);
    expect(server.to('GET', CHECK_TARGET)[0]!.headers.signature).toContain(
      'headers="(request-target) date x-request-id"',
    );
  });

  it('says the address is unreachable when nothing listens, TLS fails, or nothing answers', async () => {
    const gone = await startRecordingUpstream();
    await gone.close();
    const refused = await checkUpstream(config(gone.url));
    expect(refused).toMatchObject({ ok: false, outcome: 'address_unreachable' });
    expect(refused.message).toMatch(/^address unreachable: .*ECONNREFUSED/);

    const plain = await upstream({});
    const tls = await checkUpstream(config(plain.url.replace('http:', 'https:')));
    expect(tls).toMatchObject({ ok: false, outcome: 'address_unreachable' });

    const quiet = await checkUpstream(config(await silent()), { timeoutMs: 300 });
    expect(quiet).toMatchObject({ ok: false, outcome: 'address_unreachable' });
    expect(quiet.message).toContain('no answer in time');
  });

  it.each([400, 401])(
    'says the credentials are refused when the token request gets %i',
    async (status) => {
      const server = await upstream({
        'POST /oauth/accesstoken': { status, body: { error: 'invalid_client' } },
      });
      const result = await checkUpstream(config(server));
      expect(result).toMatchObject({ ok: false, outcome: 'credentials_refused' });
      expect(result.message).toMatch(/^credentials refused: .*FINTECTURE_APP_ID/);
      expect(server.to('GET', CHECK_TARGET)).toHaveLength(0);
    },
  );

  it('says the scope is missing when the read is forbidden, naming a token scope without it', async () => {
    // A token scope that reads otherwise is no verdict: how Fintecture echoes it is documented nowhere.
    const otherWords = await upstream({
      'POST /oauth/accesstoken': { body: { ...TOKEN_ANSWER, scope: 'PIS AIS' } },
      [`GET ${CHECK_TARGET}`]: { body: { data: [], meta: { count: 0 } } },
    });
    expect(await checkUpstream(config(otherWords))).toMatchObject({ ok: true, outcome: 'ok' });
    expect(otherWords.to('GET', CHECK_TARGET)).toHaveLength(1);

    const narrow = await upstream({
      'POST /oauth/accesstoken': { body: { ...TOKEN_ANSWER, scope: 'PIS AIS' } },
      [`GET ${CHECK_TARGET}`]: { status: 403, body: { status: '403', code: 'forbidden' } },
    });
    const noScope = await checkUpstream(config(narrow));
    expect(noScope).toMatchObject({ ok: false, outcome: 'scope_missing' });
    expect(noScope.message).toMatch(/^scope missing: .*HTTP 403.*"PIS AIS"/);

    const forbidden = await upstream({
      'POST /oauth/accesstoken': { body: { ...TOKEN_ANSWER, scope: 'Customers' } },
      [`GET ${CHECK_TARGET}`]: { status: 403, body: { status: '403', code: 'forbidden' } },
    });
    const refused = await checkUpstream(config(forbidden));
    expect(refused).toMatchObject({ ok: false, outcome: 'scope_missing' });
    expect(refused.message).toMatch(/^scope missing: .*\(HTTP 403\); give/);
  });

  it('says the signature is refused when a signed read gets 401, and that the key is missing without one', async () => {
    const server = await upstream({
      [`GET ${CHECK_TARGET}`]: { status: 401, body: { status: '401', code: 'invalid_signature' } },
    });
    const signed = await checkUpstream(config(server));
    expect(signed).toMatchObject({ ok: false, outcome: 'signature_refused' });
    expect(signed.message).toMatch(/^signature refused: .*FINTECTURE_PRIVATE_KEY_FILE/);
    const unsigned = await checkUpstream(config(server, false));
    expect(unsigned).toMatchObject({ ok: false, outcome: 'key_missing' });
    expect(unsigned.message).toMatch(/^signature refused: .*no key .*FINTECTURE_PRIVATE_KEY_FILE/);
  });

  it('names any other failed read with its status and words', async () => {
    const server = await upstream({
      [`GET ${CHECK_TARGET}`]: {
        status: 500,
        body: { status: '500', code: 'internal', errors: [{ title: 'Boom' }] },
      },
    });
    const result = await checkUpstream(config(server));
    expect(result).toMatchObject({ ok: false, outcome: 'read_failed' });
    expect(result.message).toBe(`read failed: GET ${CHECK_TARGET} answered HTTP 500 (Boom).`);
  });
});
