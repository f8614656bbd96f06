import { generateKeyPairSync } from 'node:crypto';
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
});
