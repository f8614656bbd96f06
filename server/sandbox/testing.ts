import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp, type SandboxConfig } from './app';

/** Test support: a sandbox in memory with known credentials, and a client that holds a token. */
export const TEST_APP_ID = 'test-app';
export const TEST_APP_SECRET = 'test-secret-not-for-production';

export function basicAuth(id = TEST_APP_ID, secret = TEST_APP_SECRET): string {
  return `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
}

/** An empty in-memory sandbox whose verifications resolve at once. */
export const TEST_SANDBOX_CONFIG: SandboxConfig = {
  db: ':memory:',
  seed: 0,
  appId: TEST_APP_ID,
  appSecret: TEST_APP_SECRET,
  verificationDelayMs: 0,
  tokenTtlSeconds: 3600,
};

export async function testSandbox(overrides: Partial<SandboxConfig> = {}) {
  const app = await buildApp({ ...TEST_SANDBOX_CONFIG, ...overrides });
  /** Asks for a token as a client does: the app's Basic credentials and a form. */
  const requestToken = () =>
    app.inject({
      method: 'POST',
      url: '/oauth/accesstoken',
      headers: {
        authorization: basicAuth(),
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: 'grant_type=client_credentials&scope=customers',
    });
  const token = (await requestToken()).json<{ access_token?: string }>().access_token ?? '';

  /** Calls the API with the token; a body is sent as JSON. */
  const call = (method: InjectOptions['method'], url: string, body?: unknown, headers = {}) =>
    app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}`, ...headers },
      ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
    });

  /** Flips the fault switch. */
  const control = (method: InjectOptions['method'], url: string, body?: unknown) =>
    app.inject({
      method,
      url,
      headers: { authorization: basicAuth() },
      ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
    });

  const createCustomer = async (fields: Record<string, unknown> = {}) => {
    const reply = await call('POST', '/v1/customers', {
      first_name: 'Jean',
      last_name: 'Dupont',
      email: 'jean.dupont@example.fr',
      ...fields,
    });
    if (reply.statusCode !== 201)
      throw new Error(`create customer: ${reply.statusCode} ${reply.body}`);
    return reply.json<{ id: string; first_name: string; last_name: string; created_at: string }>();
  };

  return { app, token, requestToken, call, control, createCustomer } as const satisfies Record<
    string,
    unknown
  > & {
    app: FastifyInstance;
  };
}
