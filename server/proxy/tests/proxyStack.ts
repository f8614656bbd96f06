import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { Browser } from '../../testing/browser';
import { buildApp, type ProxyConfig } from '../app';
import type { Role } from '../users';
import { hashPassword } from '../users';

/**
 * The real proxy alone, listening on a free loopback port, in front of any
 * upstream a test runs (a recording one, a misbehaving one): no sandbox, so
 * these tests say what the proxy does whatever the emulator does meanwhile.
 */
export const PROXY_AGENT = { username: 'paula', password: 'paula-password-123' };
export const PROXY_VIEWER = { username: 'vera', password: 'vera-password-123' };

let hashes: Promise<Record<Role, string>> | undefined;

export interface ProxyOnly {
  proxy: FastifyInstance;
  url: string;
  /** Signed in with the agent role. */
  agent: Browser;
  /** Signed in with the viewer role. */
  viewer: Browser;
  close(): Promise<void>;
}

export async function startProxyOnly(
  upstream: ProxyConfig['upstream'],
  overrides: Partial<ProxyConfig> = {},
): Promise<ProxyOnly> {
  const dir = mkdtempSync(join(tmpdir(), 'proxy-only-'));
  const distDir = join(dir, 'dist');
  mkdirSync(distDir, { recursive: true });
  writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>Dashboard</title>');
  const proxy = await buildApp({
    upstream,
    sessionSecret: 'a-test-session-secret-of-forty-characters!',
    usersFile: join(dir, 'users.json'),
    distDir,
    worker: { index: false },
    ...overrides,
  });
  hashes ??= Promise.all([
    hashPassword(PROXY_AGENT.password),
    hashPassword(PROXY_VIEWER.password),
  ]).then(([agent, viewer]) => ({ agent, viewer }));
  const hashed = await hashes;
  const now = (overrides.now ?? Date.now)();
  await proxy.store.accounts.create(
    { username: PROXY_AGENT.username, role: 'agent', passwordHash: hashed.agent },
    now,
  );
  await proxy.store.accounts.create(
    { username: PROXY_VIEWER.username, role: 'viewer', passwordHash: hashed.viewer },
    now,
  );
  const url = await proxy.listen({ host: '127.0.0.1', port: 0 });
  const close = async () => {
    await proxy.close();
    rmSync(dir, { recursive: true, force: true });
  };
  const agent = new Browser(url);
  const viewer = new Browser(url);
  for (const [browser, account] of [
    [agent, PROXY_AGENT],
    [viewer, PROXY_VIEWER],
  ] as const) {
    const signIn = await browser.signIn(account);
    if (signIn.status !== 200) {
      await close();
      throw new Error(`${account.username} could not sign in: ${signIn.status}`);
    }
  }
  return { proxy, url, agent, viewer, close };
}
