/**
 * The store's cost per request, to decide whether the proxy's per-request
 * session check needs an in-process cache: time per session lookup by token,
 * per lookup through the 1 s session cache, per last-seen touch, and per
 * rate-limit hit, on SQLite (a file) and on PostgreSQL (a throwaway local
 * cluster, or DATABASE_URL when set), one call at a time and with 10 in
 * flight. Not a test: it prints figures.
 *
 *   npm run bench:store              (OPS=5000 by default)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sessionCache } from '../server/store/sessionCache';
import { openStore, type Store, type StoreOptions } from '../server/store/store';
import { withBenchPostgres } from '../server/store/testing/postgres';

const OPS = Number(process.env.OPS ?? 5000);
const LIFETIMES = { idleMs: 3_600_000, maxMs: 12 * 3_600_000 };

/**
 * Mean wall time and this process's CPU time per call of `op`, run OPS times
 * with `inFlight` calls outstanding (CPU is what the proxy's budget counts; on
 * PostgreSQL the server's own CPU is not in it).
 */
async function timePerCall(
  inFlight: number,
  op: (index: number) => Promise<unknown>,
): Promise<string> {
  let next = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < OPS) await op(next++);
    }),
  );
  const { user, system } = process.cpuUsage(cpu);
  const perCall = (micros: number) => (micros / OPS).toFixed(1).padStart(6);
  return `${perCall((performance.now() - started) * 1000)} µs (cpu ${perCall(user + system)})`;
}

async function bench(label: string, options: StoreOptions): Promise<void> {
  const store: Store = await openStore(options);
  try {
    const now = Date.now();
    const account = await store.accounts.create(
      { username: 'bench', role: 'agent', passwordHash: 'x' },
      now,
    );
    const { token } = (await store.sessions.create(account.id, { userAgent: 'bench' }, now))!;
    const lookup = () => store.sessions.lookup(token, LIFETIMES, Date.now());
    const session = (await lookup())!;
    const cache = sessionCache(store.sessions);
    for (const inFlight of [1, 10]) {
      console.log(
        [
          `${label.padEnd(10)} ${String(inFlight).padStart(2)} in flight:`,
          `session lookup ${await timePerCall(inFlight, lookup)}`,
          `cached (1 s) ${await timePerCall(inFlight, () => cache.lookup(token, LIFETIMES, Date.now()))}`,
          `touch (written) ${await timePerCall(inFlight, (index) => store.sessions.touch({ ...session }, now + (index + 1) * 60_000))}`,
          `rate-limit hit ${await timePerCall(inFlight, (index) => store.rateLimits.hit(`bench:${index % 100}`, 60_000, Date.now()))}`,
        ].join('  '),
      );
    }
  } finally {
    await store.close();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'bench-store-'));
try {
  console.log(`${OPS} calls each; lower is better`);
  await bench('sqlite', { dataDir: dir });
  await withBenchPostgres('bench', (databaseUrl) =>
    bench('postgres', { dataDir: dir, databaseUrl }),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
