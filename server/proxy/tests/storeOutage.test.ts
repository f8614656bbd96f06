import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDatabase,
  findPostgresBin,
  startPostgres,
  type ThrowawayPostgres,
} from '../../store/testing/postgres';
import { Browser } from '../../testing/browser';
import { AGENT, startSignedInStack, type Stack } from '../../testing/stack';

/**
 * The store goes away (a PostgreSQL restart, a failover): every API call needs
 * a session from it, so requests get a clean 503 the dashboard can show, never
 * a hang or a 500; /readyz names the store; and service resumes by itself.
 * The cluster is this file's own, since halting the shared one would fail
 * every other test using it.
 */
const postgres = findPostgresBin();
if ('missing' in postgres) console.warn(`Skipping the store outage tests: ${postgres.missing}.`);

describe.skipIf('missing' in postgres)('a PostgreSQL outage', () => {
  let cluster: ThrowawayPostgres;
  let stack: Stack;
  let agent: Browser;
  let dataDir: string;

  beforeAll(async () => {
    cluster = await startPostgres((postgres as { bin: string }).bin);
    dataDir = mkdtempSync(join(tmpdir(), 'store-outage-'));
    const databaseUrl = await createDatabase(cluster.adminUrl, 'outage');
    ({ stack, agent } = await startSignedInStack({
      proxy: { store: { databaseUrl, dataDir, connectTimeoutMs: 1_000 } },
    }));
  }, 60_000);
  afterAll(async () => {
    await stack?.close();
    await cluster?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const readiness = async () => {
    const reply = await fetch(`${stack.url}/readyz`);
    return { status: reply.status, body: (await reply.json()) as Record<string, unknown> };
  };
  /** A call, with how long it took: an outage must be answered promptly. */
  const timed = async (call: () => Promise<Response>) => {
    const started = performance.now();
    const reply = await call();
    return {
      status: reply.status,
      body: (await reply.json()) as Record<string, unknown>,
      ms: performance.now() - started,
    };
  };
  const list = () => timed(() => agent.fetch('/api/v1/customers?page[size]=5'));

  it('answers 503 store_unavailable while the store is down, names it in /readyz, and recovers by itself', async () => {
    expect((await list()).status).toBe(200);
    expect((await readiness()).status).toBe(200);

    await cluster.halt();
    // A session trusted a second from the in-process cache may still pass; then the store's absence shows.
    await expect
      .poll(async () => (await list()).status, { timeout: 10_000, interval: 100 })
      .toBe(503);
    const refused = await list();
    expect(refused.status).toBe(503);
    expect(refused.ms).toBeLessThan(5_000);
    expect(refused.body).toMatchObject({
      status: 503,
      code: 'store_unavailable',
      message: expect.stringContaining("dashboard's database") as unknown,
    });

    const signIn = await timed(() => new Browser(stack.url).signIn(AGENT));
    expect(signIn.status).toBe(503);
    expect(signIn.body).toMatchObject({ code: 'store_unavailable' });

    await expect
      .poll(async () => (await readiness()).status, { timeout: 10_000, interval: 100 })
      .toBe(503);
    expect((await readiness()).body).toMatchObject({
      status: 'not_ready',
      message: expect.stringContaining('database') as unknown,
      checks: { store: { ok: false }, upstream: { ok: true }, token: { ok: true } },
    });
    // Nothing of the database's own error reaches a client.
    expect(JSON.stringify(refused.body)).not.toMatch(/ENOENT|ECONNREFUSED|socket|postgres/i);

    await cluster.resume();
    // The same cookie works again, without a restart of the proxy.
    await expect
      .poll(async () => (await list()).status, { timeout: 15_000, interval: 200 })
      .toBe(200);
    await expect
      .poll(async () => (await readiness()).status, { timeout: 5_000, interval: 200 })
      .toBe(200);
    const served = stack.logs.filter((line) => line.msg === 'proxy failure');
    expect(served).toEqual([]);
  }, 60_000);
});
