import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basicAuth, TEST_APP_ID, TEST_APP_SECRET } from '../../sandbox/testing';
import { Browser } from '../../testing/browser';
import { AGENT, sandboxStats, startSandbox } from '../../testing/stack';
import { buildApp } from '../app';
import { hashPassword } from '../users';

/**
 * A deploy restarts the proxy (SQLite under DATA_DIR, the default): nobody is
 * signed out, and a create retried across the restart with its Idempotency-Key
 * gets the first answer instead of making a second customer.
 */
describe('a restart of the proxy on the same DATA_DIR', () => {
  let dir: string;
  let sandbox: FastifyInstance;
  let sandboxUrl: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'proxy-restart-'));
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html><title>Dashboard</title>');
    ({ sandbox, url: sandboxUrl } = await startSandbox());
  });
  afterAll(async () => {
    await sandbox?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const control = (method: string, path: string) =>
    fetch(`${sandboxUrl}${path}`, { method, headers: { authorization: basicAuth() } });

  /** The proxy as `npm start` builds it: its store under DATA_DIR, the kept session secret. */
  const startProxy = async (port = 0) => {
    const proxy = await buildApp({
      upstream: { baseUrl: sandboxUrl, appId: TEST_APP_ID, appSecret: TEST_APP_SECRET },
      sessionSecret: 'a-restart-session-secret-of-forty-chars!',
      usersFile: join(dir, 'data', 'users.json'),
      distDir: join(dir, 'dist'),
      store: { dataDir: join(dir, 'data') },
    });
    const url = await proxy.listen({ host: '127.0.0.1', port });
    return { proxy, url, port: Number(new URL(url).port) };
  };

  it('keeps the agent signed in, and replays a create sent before it', async () => {
    const before = await startProxy();
    await before.proxy.store.accounts.create(
      { username: AGENT.username, role: 'agent', passwordHash: await hashPassword(AGENT.password) },
      Date.now(),
    );
    const agent = new Browser(before.url);
    expect((await agent.signIn(AGENT)).status).toBe(200);
    const create = () =>
      agent.fetch('/api/v1/customers', {
        method: 'POST',
        headers: { 'idempotency-key': 'create-before-restart-1' },
        json: { first_name: 'Odile', last_name: 'Redémarrage', email: 'odile@example.fr' },
      });
    await control('DELETE', '/_sandbox/stats');
    const first = await create();
    expect(first.status).toBe(201);
    const created = (await first.json()) as { id: string };

    await before.proxy.close();
    const after = await startProxy(before.port);
    try {
      const me = await agent.fetch('/auth/me');
      expect(me.status).toBe(200);
      expect(await me.json()).toMatchObject({ username: AGENT.username, role: 'agent' });
      expect((await agent.fetch('/api/v1/customers?page[size]=5')).status).toBe(200);

      const again = await create();
      expect(again.status).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(((await again.json()) as { id: string }).id).toBe(created.id);
      expect((await sandboxStats({ control })).createCustomer).toBe(1);
    } finally {
      await after.proxy.close();
    }
  });
});
