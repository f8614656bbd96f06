import { createHash, createSign, generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '../../shared/httpSignature';
import { testSandbox, TEST_APP_ID } from '../testing';

const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const strangerKeys = generateKeyPairSync('rsa', { modulusLength: 2048 });
let sandbox: Awaited<ReturnType<typeof testSandbox>>;
beforeAll(async () => {
  sandbox = await testSandbox({ signaturePublicKey: keys.publicKey });
});
afterAll(async () => sandbox.app.close());

function signed(
  method: string,
  target: string,
  body = '',
  privateKey = keys.privateKey,
  date?: Date,
) {
  return signRequest({
    method,
    target,
    body,
    keyId: TEST_APP_ID,
    privateKey,
    ...(date ? { date } : {}),
  });
}

describe('HTTP Signature mode', () => {
  it('accepts a signed GET whose (request-target) includes the query string', async () => {
    const target = '/v1/customers?page[number]=1&page[size]=5';
    const reply = await sandbox.call('GET', target, undefined, signed('GET', target));
    expect(reply.statusCode).toBe(200);
  });

  it('accepts a signed create with a unicode body, digest over its exact bytes', async () => {
    const body = JSON.stringify({
      first_name: 'Zoë',
      last_name: 'Åström',
      email: 'zoe@example.se',
    });
    const reply = await sandbox.call('POST', '/v1/customers', body, {
      'content-type': 'application/json; charset=utf-8',
      ...signed('POST', '/v1/customers', body),
    });
    expect(reply.statusCode).toBe(201);
  });

  it('refuses unsigned, tampered, re-targeted, stale and foreign-key requests with 401', async () => {
    const body = JSON.stringify({ first_name: 'Jean', last_name: 'Dupont', email: 'j@example.fr' });
    const json = { 'content-type': 'application/json' };
    const cases: [string, string, string, Record<string, string>][] = [
      ['unsigned', '/v1/customers', body, json],
      [
        'tampered body',
        '/v1/customers',
        body.replace('Jean', 'Jane'),
        { ...json, ...signed('POST', '/v1/customers', body) },
      ],
      [
        'other target',
        '/v1/customers?x=1',
        body,
        { ...json, ...signed('POST', '/v1/customers', body) },
      ],
      [
        'stale date',
        '/v1/customers',
        body,
        {
          ...json,
          ...signed(
            'POST',
            '/v1/customers',
            body,
            keys.privateKey,
            new Date(Date.now() - 10 * 60_000),
          ),
        },
      ],
      [
        'other key',
        '/v1/customers',
        body,
        { ...json, ...signed('POST', '/v1/customers', body, strangerKeys.privateKey) },
      ],
    ];
    for (const [label, target, payload, headers] of cases) {
      const reply = await sandbox.call('POST', target, payload, headers);
      expect(reply.statusCode, label).toBe(401);
      expect(reply.json(), label).toMatchObject({ status: 401, code: 'invalid_signature' });
    }
    const list = (
      await sandbox.call('GET', '/v1/customers', undefined, signed('GET', '/v1/customers'))
    ).json<{
      meta: { count: number };
    }>();
    expect(list.meta.count).toBe(1);
  });

  it('accepts the documented header sets: without digest on a GET, with it on a POST', async () => {
    const get = signed('GET', '/v1/customers');
    expect(get.Signature).toContain('headers="(request-target) date x-request-id"');
    expect(get).not.toHaveProperty('Digest');
    expect((await sandbox.call('GET', '/v1/customers', undefined, get)).statusCode).toBe(200);
    const body = JSON.stringify({ first_name: 'Ana', last_name: 'Lima', email: 'ana@example.pt' });
    const post = signed('POST', '/v1/customers', body);
    expect(post.Signature).toContain('headers="(request-target) date digest x-request-id"');
    const reply = await sandbox.call('POST', '/v1/customers', body, {
      'content-type': 'application/json',
      ...post,
    });
    expect(reply.statusCode).toBe(201);
  });

  it('accepts a GET that also signs the Digest of its empty body (the four-header set)', async () => {
    const headers = handSigned('GET', '/v1/customers', '', {
      list: '(request-target) date digest x-request-id',
    });
    expect((await sandbox.call('GET', '/v1/customers', undefined, headers)).statusCode).toBe(200);
  });

  it('refuses a body without a signed Digest, a Digest that does not match, and other header sets', async () => {
    const body = JSON.stringify({ first_name: 'Rui', last_name: 'Costa', email: 'rui@example.pt' });
    const json = { 'content-type': 'application/json' };
    const cases: [string, Record<string, string>, RegExp][] = [
      [
        'body, no digest',
        handSigned('POST', '/v1/customers', body, { list: '(request-target) date x-request-id' }),
        /must send a Digest/,
      ],
      [
        'body, digest sent but not signed',
        {
          ...handSigned('POST', '/v1/customers', body, {
            list: '(request-target) date x-request-id',
          }),
          digest: sha256(body),
        },
        /must send a Digest/,
      ],
      [
        'digest of another body, signed',
        handSigned('POST', '/v1/customers', body, { digestOf: '{}' }),
        /Digest header does not match/,
      ],
      [
        'digest signed but not sent',
        handSigned('POST', '/v1/customers', body, { omitDigestHeader: true }),
        /need Date, Digest and X-Request-ID/,
      ],
      [
        'another header set',
        handSigned('POST', '/v1/customers', body, {
          list: '(request-target) digest x-request-id',
        }),
        /must cover/,
      ],
    ];
    for (const [label, headers, reason] of cases) {
      const reply = await sandbox.call('POST', '/v1/customers', body, { ...json, ...headers });
      expect(reply.statusCode, label).toBe(401);
      const answer = reply.json<{ code: string; message: string }>();
      expect(answer.code, label).toBe('invalid_signature');
      expect(answer.message, label).toMatch(reason);
    }
    const list = (
      await sandbox.call('GET', '/v1/customers', undefined, signed('GET', '/v1/customers'))
    ).json<{ data: { email: string }[] }>();
    expect(list.data.map((customer) => customer.email)).not.toContain('rui@example.pt');
  });
});

function sha256(body: string): string {
  return `SHA-256=${createHash('sha256').update(body).digest('base64')}`;
}

/**
 * Signs as a client of Fintecture would, by hand (not with the code under test), over the
 * listed headers: `digest` is the SHA-256 of `digestOf` (the body by default).
 */
function handSigned(
  method: string,
  target: string,
  body: string,
  options: { list?: string; digestOf?: string; omitDigestHeader?: boolean } = {},
): Record<string, string> {
  const list = options.list ?? '(request-target) date digest x-request-id';
  const values: Record<string, string> = {
    '(request-target)': `${method.toLowerCase()} ${target}`,
    date: new Date().toUTCString(),
    digest: sha256(options.digestOf ?? body),
    'x-request-id': 'hand-signed-1',
  };
  const signature = createSign('sha256')
    .update(
      list
        .split(' ')
        .map((name) => `${name}: ${values[name]!}`)
        .join('\n'),
    )
    .sign(keys.privateKey, 'base64');
  return {
    date: values.date!,
    'x-request-id': values['x-request-id']!,
    ...(list.includes('digest') && !options.omitDigestHeader ? { digest: values.digest! } : {}),
    signature: `keyId="${TEST_APP_ID}",algorithm="rsa-sha256",headers="${list}",signature="${signature}"`,
  };
}
