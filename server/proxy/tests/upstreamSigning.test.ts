import { createHash, createVerify, generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { UpstreamClient } from '../upstream';

/**
 * What the proxy's upstream client puts on the wire, seen by a small real HTTP
 * server that records every request and answers like Fintecture would. The
 * expectations are Fintecture's (PHP SDK `src/Util/Header.php` and
 * `src/Api/Auth/Token.php`, JS SDK `src/services/ApiService.ts`), checked here
 * independently of the proxy's own signing code.
 */
interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

const APP_ID = 'app-0123';
const APP_SECRET = 'secret-4567';
const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const received: Received[] = [];
let server: Server;
let origin: string;
const clients: UpstreamClient[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks),
      });
      response.setHeader('content-type', 'application/json');
      if (request.url?.endsWith('/oauth/accesstoken')) {
        response.end(
          JSON.stringify({ access_token: 'token-1', token_type: 'Bearer', expires_in: 3600 }),
        );
      } else {
        response.statusCode = request.method === 'POST' ? 201 : 200;
        response.end('{}');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  received.length = 0;
  await Promise.all(clients.splice(0).map((client) => client.close()));
});
afterAll(async () => {
  await new Promise<void>((resolve, reject) =>
    server.close((error) => (error ? reject(error) : resolve())),
  );
});

function client(
  options: { signed?: boolean; basePath?: string; flavor?: 'seed' | 'fintecture' } = {},
): UpstreamClient {
  const upstream = new UpstreamClient({
    baseUrl: `${origin}${options.basePath ?? ''}`,
    appId: APP_ID,
    appSecret: APP_SECRET,
    ...(options.flavor ? { flavor: options.flavor } : {}),
    ...(options.signed === false ? {} : { privateKey: keys.privateKey }),
  });
  clients.push(upstream);
  return upstream;
}

function only(path: string): Received {
  const matching = received.filter((request) => request.url === path);
  expect(matching, path).toHaveLength(1);
  return matching[0]!;
}

/** The Signature header's parameters, parsed here rather than by the code under test. */
function signatureParams(request: Received): Record<string, string> {
  const value = request.headers.signature;
  expect(typeof value).toBe('string');
  const params: Record<string, string> = {};
  for (const match of (value as string).matchAll(/([a-zA-Z]+)="([^"]*)"/g)) {
    params[match[1]!] = match[2]!;
  }
  expect(Object.keys(params).sort()).toEqual(['algorithm', 'headers', 'keyId', 'signature']);
  return params;
}

/** Checks the signature with the public key over the headers it says it covers, as received. */
function verifies(request: Received, params: Record<string, string>): boolean {
  const lines = params
    .headers!.split(' ')
    .map((name) =>
      name === '(request-target)'
        ? `(request-target): ${request.method.toLowerCase()} ${request.url}`
        : `${name}: ${request.headers[name] as string}`,
    );
  return createVerify('sha256')
    .update(lines.join('\n'))
    .verify(keys.publicKey, params.signature!, 'base64');
}

describe('the token request', () => {
  it('posts grant_type, app_id and scope as a form with Basic credentials, unsigned', async () => {
    expect(await client().accessToken()).toBe('token-1');
    const token = only('/oauth/accesstoken');
    expect(token.method).toBe('POST');
    expect(token.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(token.headers.accept).toBe('application/json');
    expect(token.headers.authorization).toBe(
      `Basic ${Buffer.from(`${APP_ID}:${APP_SECRET}`).toString('base64')}`,
    );
    const form = new URLSearchParams(token.body.toString('utf8'));
    expect([...form.keys()].sort()).toEqual(['app_id', 'grant_type', 'scope']);
    expect(Object.fromEntries(form)).toEqual({
      grant_type: 'client_credentials',
      app_id: APP_ID,
      scope: 'customers',
    });
    // The token call is authenticated by Basic auth alone (PHP SDK Header.php, auth method 2).
    expect(token.headers.signature).toBeUndefined();
    expect(token.headers.digest).toBeUndefined();
  });
});

describe('HTTP signatures', () => {
  it('signs a GET over (request-target) date x-request-id, query included, with no Digest', async () => {
    const target = '/v1/customers?page[number]=2&external_id=abc%20d';
    const answer = await client().call('GET', target, undefined, 'req-get-1');
    expect(answer.status).toBe(200);
    const get = only(target);
    const params = signatureParams(get);
    expect(params).toMatchObject({
      keyId: APP_ID,
      algorithm: 'rsa-sha256',
      headers: '(request-target) date x-request-id',
    });
    expect(get.headers.digest).toBeUndefined();
    expect(get.headers['x-request-id']).toBe('req-get-1');
    expect(Math.abs(Date.parse(get.headers.date!) - Date.now())).toBeLessThan(60_000);
    expect(get.headers.authorization).toBe('Bearer token-1');
    expect(verifies(get, params)).toBe(true);
  });

  it('signs a POST with a body over (request-target) date digest x-request-id, Digest SHA-256=<base64>', async () => {
    const body = Buffer.from(JSON.stringify({ first_name: 'Zoë', last_name: 'Åström' }));
    const answer = await client().call('POST', '/v1/customers', body, 'req-post-1');
    expect(answer.status).toBe(201);
    const post = only('/v1/customers');
    expect(post.body.equals(body)).toBe(true);
    const params = signatureParams(post);
    expect(params).toMatchObject({
      keyId: APP_ID,
      algorithm: 'rsa-sha256',
      headers: '(request-target) date digest x-request-id',
    });
    expect(post.headers.digest).toBe(
      `SHA-256=${createHash('sha256').update(body).digest('base64')}`,
    );
    expect(post.headers['content-type']).toBe('application/json');
    expect(verifies(post, params)).toBe(true);
    // The same signature over another body, or another target, does not verify.
    expect(verifies({ ...post, url: '/v1/customers?x=1' }, params)).toBe(false);
    expect(
      verifies({ ...post, headers: { ...post.headers, digest: 'SHA-256=AAAA' } }, params),
    ).toBe(false);
  });

  it('signs a POST without a body (and a DELETE) without a Digest', async () => {
    const upstream = client();
    await upstream.call('POST', '/v1/customers/c1/bank_accounts/b1/verifications');
    await upstream.call('DELETE', '/v1/customers/c1');
    for (const path of ['/v1/customers/c1/bank_accounts/b1/verifications', '/v1/customers/c1']) {
      const request = only(path);
      const params = signatureParams(request);
      expect(params.headers, path).toBe('(request-target) date x-request-id');
      expect(request.headers.digest, path).toBeUndefined();
      expect(verifies(request, params), path).toBe(true);
    }
  });

  it('signs the path as sent when the API URL has a path, and resources outside /v1 too', async () => {
    const upstream = client({ basePath: '/gateway' });
    await upstream.call('GET', '/res/v1/providers?filter[country]=FR');
    const request = only('/gateway/res/v1/providers?filter[country]=FR');
    const params = signatureParams(request);
    expect(verifies(request, params)).toBe(true);
    expect(only('/gateway/oauth/accesstoken').headers.signature).toBeUndefined();
  });

  it('signs the bank-accounts path as Fintecture names it (bank_accounts), exactly as sent', async () => {
    const upstream = client({ flavor: 'fintecture' });
    const body = Buffer.from(JSON.stringify({ iban: 'FR7630006000011234567890189' }));
    await upstream.call('GET', '/v1/customers/c1/bank-accounts?page[size]=5', undefined, 'r-1');
    await upstream.call('POST', '/v1/customers/c1/bank-accounts', body, 'r-2');
    const get = only('/v1/customers/c1/bank_accounts?page[size]=5');
    const post = only('/v1/customers/c1/bank_accounts');
    expect(signatureParams(get).headers).toBe('(request-target) date x-request-id');
    expect(verifies(get, signatureParams(get))).toBe(true);
    expect(signatureParams(post).headers).toBe('(request-target) date digest x-request-id');
    expect(verifies(post, signatureParams(post))).toBe(true);
    // Not signed over the dashboard's path.
    expect(
      verifies(
        { ...get, url: '/v1/customers/c1/bank-accounts?page[size]=5' },
        signatureParams(get),
      ),
    ).toBe(false);
    expect(received.some((request) => request.url.includes('bank-accounts'))).toBe(false);
  });

  it('sends no signature headers at all without a private key', async () => {
    await client({ signed: false }).call('POST', '/v1/customers', Buffer.from('{}'));
    const post = only('/v1/customers');
    expect(post.headers.signature).toBeUndefined();
    expect(post.headers.digest).toBeUndefined();
    expect(post.headers.authorization).toBe('Bearer token-1');
  });
});
