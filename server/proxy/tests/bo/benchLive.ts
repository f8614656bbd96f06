/**
 * Figures for the /bo routes that tests do not time: the verification CSV of
 * 100,000 rows (time to first byte, total, rows a second, the heap's growth
 * while it streams) and an event's fan-out to 200 open streams (time until
 * every stream has it), on SQLite and on a throwaway PostgreSQL.
 * Run: npx tsx server/proxy/tests/bo/benchLive.ts [rows] [streams]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store, type StoreOptions } from '../../../store/store';
import {
  createDatabase,
  findPostgresBin,
  startPostgres,
  type ThrowawayPostgres,
} from '../../../store/testing/postgres';
import { Browser } from '../../../testing/browser';
import { AGENT, startSignedInStack } from '../../../testing/stack';
import { openEvents } from './sseClient';

const ROWS = Number(process.argv[2] ?? 100_000);
const STREAMS = Number(process.argv[3] ?? 200);
const BATCH = 500;

async function seed(store: Store, rows: number) {
  const now = Date.now();
  for (let from = 0; from < rows; from += BATCH) {
    const customers = Array.from({ length: Math.min(BATCH, rows - from) }, (_, k) => ({
      id: `cus_${String(from + k).padStart(7, '0')}`,
      first_name: `Camille${from + k}`,
      last_name: 'Lefèvre',
      company_name: (from + k) % 7 === 0 ? '=cmd|calc' : 'Dupont, Fils',
    }));
    await store.index.upsertCustomers(customers, now - 3_600_000);
    await store.index.recordVerifications(
      customers.map((customer, k) => ({
        id: `ver_${String(from + k).padStart(7, '0')}`,
        customerId: customer.id,
        status: k % 3 === 0 ? 'failed' : 'verified',
        matchScore: 0.5,
        providerId: 'bnp-paribas',
        resolvedAt: new Date(now - 3_600_000 + from + k).toISOString(),
      })),
      now - 3_600_000,
    );
  }
}

async function measure(label: string, options: StoreOptions) {
  const store = await openStore(options);
  const seeding = performance.now();
  await seed(store, ROWS);
  const seededMs = performance.now() - seeding;
  const { stack, agent } = await startSignedInStack({
    proxy: {
      store,
      worker: { index: false },
      liveEvents: { pollMs: 500 },
      // Every stream here comes from one address; the default cap is 128 a client.
      connectionLimits: { perClient: 1_000 },
    },
  });
  try {
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    let heapPeak = heapBefore;
    const started = performance.now();
    const answer = await agent.fetch('/bo/verifications.csv');
    const reader = answer.body!.getReader();
    let firstByteMs = 0;
    let bytes = 0;
    let lines = 0;
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      if (bytes === 0) firstByteMs = performance.now() - started;
      bytes += read.value.length;
      for (const byte of read.value) if (byte === 10) lines++;
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    }
    const totalMs = performance.now() - started;
    console.log(
      `${label}: CSV of ${lines - 1} rows (seeded in ${(seededMs / 1000).toFixed(1)} s): ` +
        `first byte ${firstByteMs.toFixed(0)} ms, all ${totalMs.toFixed(0)} ms ` +
        `(${Math.round(((lines - 1) / totalMs) * 1000)} rows/s, ${(bytes / 1e6).toFixed(1)} MB), ` +
        `heap growth while streaming ${((heapPeak - heapBefore) / 1e6).toFixed(1)} MB`,
    );

    const browsers = await Promise.all(
      Array.from({ length: STREAMS }, async () => {
        const browser = new Browser(stack.url);
        browser.cookie = agent.cookie;
        return openEvents(browser);
      }),
    );
    for (const stream of browsers) await stream.waitFor((m) => m.retry !== undefined);
    const latencies: number[] = [];
    for (let round = 0; round < 5; round++) {
      const sent = performance.now();
      await store.index.appendEvent(
        'verification_resolved',
        {
          verification_id: `ver_live_${round}`,
          customer_id: 'cus_0000000',
          customer_name: 'Camille0 Lefèvre',
          status: 'verified',
          stale: false,
          match_score: 0.9,
          started_by: AGENT.username,
        },
        Date.now(),
      );
      await Promise.all(
        browsers.map((stream) =>
          stream.waitFor((m) => m.event === 'verification_resolved', round + 1),
        ),
      );
      latencies.push(performance.now() - sent);
    }
    latencies.sort((x, y) => x - y);
    console.log(
      `${label}: an event reaches all ${STREAMS} streams of one replica in ` +
        `median ${latencies[2]!.toFixed(0)} ms, max ${latencies[4]!.toFixed(0)} ms (polling every 500 ms)`,
    );
    for (const stream of browsers) stream.close();
  } finally {
    await stack.close();
    await store.close();
  }
}

const dirs: string[] = [];
let cluster: ThrowawayPostgres | undefined;
try {
  const sqliteDir = mkdtempSync(join(tmpdir(), 'bench-live-'));
  dirs.push(sqliteDir);
  await measure('SQLite', { dataDir: sqliteDir });
  const postgres = findPostgresBin();
  if ('missing' in postgres) console.log(`PostgreSQL skipped: ${postgres.missing}`);
  else {
    cluster = await startPostgres(postgres.bin);
    const dataDir = mkdtempSync(join(tmpdir(), 'bench-live-pg-'));
    dirs.push(dataDir);
    await measure('PostgreSQL', {
      dataDir,
      databaseUrl: await createDatabase(cluster.adminUrl, 'bench_live'),
    });
  }
} finally {
  await cluster?.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
