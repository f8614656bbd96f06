import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { buildApp, type ProxyConfig } from '../proxy/app';
import { hashPassword } from '../proxy/users';
import { buildApp as buildSandbox, type SandboxConfig } from '../sandbox/app';
import { basicAuth, TEST_APP_ID, TEST_APP_SECRET, TEST_SANDBOX_CONFIG } from '../sandbox/testing';
import { Browser } from './browser';
import { sandboxControl } from './sandboxControl';

export { sandboxStats } from './sandboxControl';

export { TEST_APP_SECRET };

/**
 * Black-box test support: a real sandbox and a real proxy, each listening on a
 * free loopback port, agents in a temporary users file. Lives outside
 * server/proxy so the proxy itself never imports the sandbox.
 */
export const AGENT = { username: 'alice', password: 'alice-password-123' };
export const VIEWER = { username: 'victor', password: 'victor-password-123' };

/** Hashed once per test process: scrypt is slow on purpose. */
let accountHashes: Promise<{ agent: string; viewer: string }> | undefined;

export interface Stack {
  sandbox: FastifyInstance;
  sandboxUrl: string;
  proxy: FastifyInstance;
  url: string;
  logs: Record<string, unknown>[];
  dir: string;
  /** Sandbox control calls (faults, stats, recorded requests). */
  control: (method: string, path: string, body?: unknown) => Promise<Response>;
  close: () => Promise<void>;
}

export async function startSandbox(overrides: Partial<SandboxConfig> = {}, port = 0) {
  const sandbox = await buildSandbox({ ...TEST_SANDBOX_CONFIG, ...overrides });
  const url = await sandbox.listen({ host: '127.0.0.1', port });
  return { sandbox, url };
}

export async function startStack(
  options: {
    sandbox?: Partial<SandboxConfig>;
    proxy?: Partial<ProxyConfig>;
    upstream?: Partial<ProxyConfig['upstream']>;
  } = {},
): Promise<Stack> {
  const dir = mkdtempSync(join(tmpdir(), 'proxy-test-'));
  const distDir = join(dir, 'dist');
  mkdirSync(join(distDir, 'assets'), { recursive: true });
  writeFileSync(
    join(distDir, 'index.html'),
    '<!doctype html><title>Dashboard</title><div id="root"></div>',
  );
  writeFileSync(join(distDir, 'assets', 'index-Ab12Cd34.js'), 'console.log("dashboard");');

  const { sandbox, url: sandboxUrl } = await startSandbox(options.sandbox);
  const logs: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  const proxy = await buildApp({
    upstream: {
      baseUrl: sandboxUrl,
      appId: TEST_APP_ID,
      appSecret: TEST_APP_SECRET,
      ...options.upstream,
    },
    sessionSecret: 'a-test-session-secret-of-forty-characters!',
    usersFile: join(dir, 'users.json'),
    distDir,
    logger: { level: 'info', stream },
    // No background sync unless a test asks (worker settings of its own): its calls would add to every count.
    worker: { index: false },
    ...options.proxy,
  });
  await addTestAccounts(proxy);
  const url = await proxy.listen({ host: '127.0.0.1', port: 0 });
  const control = sandboxControl(sandboxUrl, basicAuth());
  return {
    sandbox,
    sandboxUrl,
    proxy,
    url,
    logs,
    dir,
    control,
    close: async () => {
      await proxy.close();
      await sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** AGENT and VIEWER in the proxy's store (unless a test's store has them already). */
async function addTestAccounts(proxy: FastifyInstance): Promise<void> {
  accountHashes ??= Promise.all([hashPassword(AGENT.password), hashPassword(VIEWER.password)]).then(
    ([agent, viewer]) => ({ agent, viewer }),
  );
  const hashes = await accountHashes;
  for (const [account, role, passwordHash] of [
    [AGENT, 'agent', hashes.agent],
    [VIEWER, 'viewer', hashes.viewer],
  ] as const) {
    if (!(await proxy.store.accounts.find(account.username))) {
      await proxy.store.accounts.create(
        { username: account.username, role, passwordHash },
        Date.now(),
      );
    }
  }
}

/** A stack with an agent signed in; the sign-in is checked, so a failure says so, not a later 401. */
export async function startSignedInStack(
  options: Parameters<typeof startStack>[0] = {},
): Promise<{ stack: Stack; agent: Browser }> {
  const stack = await startStack(options);
  const agent = new Browser(stack.url);
  const signIn = await agent.signIn(AGENT);
  if (signIn.status !== 200) {
    await stack.close();
    throw new Error(`The test agent could not sign in: ${signIn.status}`);
  }
  return { stack, agent };
}

/** A stack of its own for one test, with an agent signed in; closed however the test ends. */
export async function withSignedInAgent(
  options: Parameters<typeof startStack>[0],
  test: (stack: Stack, agent: Browser) => Promise<void>,
): Promise<void> {
  const { stack, agent } = await startSignedInStack(options);
  try {
    await test(stack, agent);
  } finally {
    await stack.close();
  }
}
