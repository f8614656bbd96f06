/**
 * The index's first sync at scale (issue 11): a sandbox seeded with CUSTOMERS
 * demo customers, a proxy on an empty store (SQLite, then PostgreSQL: a
 * throwaway local cluster, or DATABASE_URL when set), its worker walking the
 * whole list at RPS upstream calls a second. Prints the walk's time and
 * upstream calls, what the default INDEX_MAX_RPS=5 implies for the same walk,
 * then the details backfill's rate over DETAILS_SECONDS. Not a test: it prints
 * figures.
 *
 *   npm run bench:sync      (CUSTOMERS=100000 RPS=50 DETAILS_SECONDS=10 DIALECTS=sqlite,postgres)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildApp } from '../server/proxy/app';
import { PAGE_SIZE } from '../server/proxy/index/sync';
import { buildApp as buildSandbox } from '../server/sandbox/app';
import { TEST_APP_ID, TEST_APP_SECRET, TEST_SANDBOX_CONFIG } from '../server/sandbox/testing';
import { openStore, type StoreOptions } from '../server/store/store';
import { withBenchPostgres } from '../server/store/testing/postgres';

const CUSTOMERS = Number(process.env.CUSTOMERS ?? 100_000);
const RPS = Number(process.env.RPS ?? 50);
const DETAILS_SECONDS = Number(process.env.DETAILS_SECONDS ?? 10);
const DIALECTS = (process.env.DIALECTS ?? 'sqlite,postgres').split(',');
const DEFAULT_RPS = 5;

const dir = mkdtempSync(join(tmpdir(), 'bench-sync-'));
mkdirSync(join(dir, 'dist'));
writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html><title>bench</title>');

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

console.log(`seeding the sandbox with ${CUSTOMERS.toLocaleString('en')} demo customers…`);
const seeded = performance.now();
const sandbox = await buildSandbox({ ...TEST_SANDBOX_CONFIG, seed: CUSTOMERS });
const sandboxUrl = await sandbox.listen({ host: '127.0.0.1', port: 0 });
console.log(`seeded in ${seconds(performance.now() - seeded)}`);

/** Requests per operation the sandbox has counted since `reset`. */
const stats = () => ({ ...sandbox.sandbox.stats.operations });
const reset = () => {
  sandbox.sandbox.stats.operations = {};
};

async function bench(label: string, storeOptions: StoreOptions): Promise<void> {
  const store = await openStore(storeOptions);
  reset();
  const proxy = await buildApp({
    upstream: { baseUrl: sandboxUrl, appId: TEST_APP_ID, appSecret: TEST_APP_SECRET },
    sessionSecret: 'a-bench-session-secret-of-forty-characters',
    usersFile: join(dir, 'users.json'),
    distDir: join(dir, 'dist'),
    store,
    worker: { renewEveryMs: 1_000, index: { maxRps: RPS } },
  });
  try {
    const started = performance.now();
    await proxy.ready();
    let state = await store.index.syncState();
    while (state.lastFullSyncAt === null) {
      await sleep(100);
      state = await store.index.syncState();
    }
    const walkMs = performance.now() - started;
    const calls = stats();
    const pages = calls.listAllCustomers ?? 0;
    const counts = await store.index.counts();
    console.log(
      `${label.padEnd(8)} walk: ${counts.customers.toLocaleString('en')} customers in ${seconds(walkMs)}, ` +
        `${pages} list calls + ${calls.getAccessToken ?? 0} token (${(pages / (walkMs / 1000)).toFixed(1)} calls/s) ` +
        `at INDEX_MAX_RPS=${RPS}; at the default ${DEFAULT_RPS}/s the same walk takes ${seconds((pages / DEFAULT_RPS) * 1000)} at least`,
    );

    // The details backfill, which the walk leaves to run: two calls per customer.
    reset();
    const pendingBefore = (await store.index.counts()).detailsPending;
    const from = performance.now();
    await sleep(DETAILS_SECONDS * 1000);
    const elapsed = (performance.now() - from) / 1000;
    const detailed = pendingBefore - (await store.index.counts()).detailsPending;
    const detailCalls =
      (stats().listAllCustomerBankAccounts ?? 0) + (stats().listAllCustomerVerifications ?? 0);
    const perSecond = detailed / elapsed;
    console.log(
      `${label.padEnd(8)} details: ${perSecond.toFixed(1)} customers/s, ${(detailCalls / elapsed).toFixed(1)} calls/s ` +
        `at INDEX_MAX_RPS=${RPS} (all ${CUSTOMERS.toLocaleString('en')}: ${seconds((CUSTOMERS / perSecond) * 1000)}); ` +
        `at the default ${DEFAULT_RPS}/s, two calls a customer: ${seconds(((CUSTOMERS * 2) / DEFAULT_RPS) * 1000)}`,
    );
  } finally {
    await proxy.close();
    await store.close();
  }
}

try {
  console.log(
    `a full sync from an empty store, ${PAGE_SIZE} customers a page, INDEX_MAX_RPS=${RPS} (RPS=…)`,
  );
  if (DIALECTS.includes('sqlite'))
    await bench('sqlite', { dataDir: mkdtempSync(join(dir, 'db-')) });
  if (DIALECTS.includes('postgres')) {
    await withBenchPostgres('bench_sync', (databaseUrl) =>
      bench('postgres', { dataDir: dir, databaseUrl }),
    );
  }
} finally {
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
}
