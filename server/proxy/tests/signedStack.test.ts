import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { withSignedInAgent } from '../../testing/stack';

/**
 * The real proxy against the real sandbox in signature mode: what the sandbox
 * received, as it recorded it, carries exactly the documented header sets
 * (PHP SDK `src/Util/Header.php`, JS SDK `src/services/ApiService.ts`).
 */
interface Recorded {
  method: string;
  url: string;
  headers: Record<string, string | undefined>;
}

const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signedHeaders = (recorded: Recorded) =>
  /headers="([^"]*)"/.exec(recorded.headers.signature ?? '')?.[1];

describe('signed calls through the proxy to the sandbox', () => {
  it('sign a read without a digest and a create with one, and the token request not at all', async () => {
    await withSignedInAgent(
      {
        sandbox: { signaturePublicKey: keys.publicKey },
        upstream: { privateKey: keys.privateKey },
      },
      async (stack, agent) => {
        expect((await agent.fetch('/api/v1/customers?page[size]=2')).status).toBe(200);
        const created = await agent.fetch('/api/v1/customers', {
          method: 'POST',
          json: { first_name: 'Inês', last_name: 'Sá', email: 'ines@example.pt' },
        });
        expect(created.status).toBe(201);

        const { data } = (await (await stack.control('GET', '/_sandbox/requests')).json()) as {
          data: Recorded[];
        };
        const token = data.filter((request) => request.url === '/oauth/accesstoken');
        expect(token.length).toBeGreaterThan(0);
        for (const request of token) expect(request.headers.signature).toBeUndefined();

        const read = data.find(
          (request) => request.method === 'GET' && request.url.startsWith('/v1/customers?'),
        );
        expect(read).toBeDefined();
        expect(signedHeaders(read!)).toBe('(request-target) date x-request-id');
        expect(read!.headers.digest).toBeUndefined();

        const create = data.find(
          (request) => request.method === 'POST' && request.url === '/v1/customers',
        );
        expect(create).toBeDefined();
        expect(signedHeaders(create!)).toBe('(request-target) date digest x-request-id');
        expect(create!.headers.digest).toMatch(/^SHA-256=[A-Za-z0-9+/]{43}=$/);
      },
    );
  });
});
