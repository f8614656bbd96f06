/**
 * Proxy overhead, in one run, for listing 20 customers:
 *   1. directly from the sandbox,
 *   2. through a bare @fastify/http-proxy (the baseline),
 *   3. through our proxy with a signed-in session, its store on SQLite (the default),
 *   4. the same with its store on PostgreSQL (DATABASE_URL; a throwaway cluster,
 *      skipped with a line when PostgreSQL is not installed).
 * Each server runs in its own process; autocannon loads it over loopback for a
 * bounded time, and the server's CPU time comes from /proc.
 *
 * The three are measured in ROUNDS rounds, in a rotating order, and each figure
 * is the median over the rounds, so a noisy moment on a shared machine does not
 * decide the ratio. With PostgreSQL, the database server's own CPU (all its
 * processes) is shown too: it is work the bare proxy does not cause.
 *
 *   npm run bench:proxy   (ROUNDS=3, DURATION=5 seconds per measurement, CONNECTIONS=10)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import pg from 'pg';
import {
  createDatabase,
  findPostgresBin,
  startPostgres,
  type ThrowawayPostgres,
} from '../server/store/testing/postgres';

const DURATION = Number(process.env.DURATION ?? 5);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 10);
const children: ChildProcess[] = [];

async function start(
  kind: string,
  upstream = '',
  databaseUrl?: string,
): Promise<{ pid: number; info: Record<string, string> }> {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/bench-server.ts', kind, upstream],
    { stdio: ['ignore', 'pipe', 'inherit'], env },
  );
  children.push(child);
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`${kind} exited with ${code}`)));
  });
  return { pid: child.pid!, info: JSON.parse(line) as Record<string, string> };
}

/** utime + stime of a process, in seconds. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** The PostgreSQL server's processes: the postmaster (first line of postmaster.pid) and its children. */
function postgresPids(postmaster: number): number[] {
  const children = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return (
          Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]) ===
          postmaster
        );
      } catch {
        return false;
      }
    })
    .map(Number);
  return [postmaster, ...children];
}

/** CPU seconds of processes that may come and go (PostgreSQL backends): those gone count as 0. */
function cpuOf(pids: number[]): Map<number, number> {
  const times = new Map<number, number>();
  for (const pid of pids) {
    try {
      times.set(pid, cpuSeconds(pid));
    } catch {
      // Gone.
    }
  }
  return times;
}

async function load(
  url: string,
  headers: Record<string, string>,
  pid: number,
  database?: () => number[],
) {
  await autocannon({ url, headers, connections: CONNECTIONS, duration: 2 }); // warm-up
  const databaseBefore = database ? cpuOf(database()) : undefined;
  const before = cpuSeconds(pid);
  const result = await autocannon({ url, headers, connections: CONNECTIONS, duration: DURATION });
  const cpu = cpuSeconds(pid) - before;
  let databaseCpu = 0;
  if (databaseBefore) {
    for (const [dbPid, seconds] of cpuOf(database!())) {
      databaseCpu += seconds - (databaseBefore.get(dbPid) ?? 0);
    }
  }
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  }
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuUsPerRequest: (cpu * 1e6) / result.requests.total,
    databaseCpuUsPerRequest: (databaseCpu * 1e6) / result.requests.total,
  };
}

/** A throwaway PostgreSQL for the store, or why there is none. */
async function postgresForTheStore(): Promise<
  { cluster: ThrowawayPostgres; databaseUrl: string; postmaster: number } | { missing: string }
> {
  const found = findPostgresBin();
  if ('missing' in found) return found;
  const cluster = await startPostgres(found.bin);
  const databaseUrl = await createDatabase(cluster.adminUrl, 'bench_proxy');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ setting: string }>(
    "select setting from pg_settings where name = 'data_directory'",
  );
  await client.end();
  const postmaster = Number(
    readFileSync(`${rows[0]!.setting}/postmaster.pid`, 'utf8').split('\n')[0],
  );
  return { cluster, databaseUrl, postmaster };
}

let cluster: ThrowawayPostgres | undefined;
try {
  const postgres = await postgresForTheStore();
  if ('missing' in postgres) console.log(`PostgreSQL skipped: ${postgres.missing}\n`);
  else cluster = postgres.cluster;
  const sandbox = await start('sandbox');
  const sandboxUrl = sandbox.info.url!;
  const bearer = { authorization: `Bearer ${sandbox.info.token}` };
  const baseline = await start('baseline', sandboxUrl);
  const ours = await start('ours', sandboxUrl);
  const path = '/v1/customers?page[number]=1&page[size]=20';

  console.log(
    `GET ${path}, ${CONNECTIONS} connections, ${ROUNDS} rounds of ${DURATION} s each, loopback\n`,
  );
  const targets = [
    { label: 'sandbox directly', run: () => load(`${sandboxUrl}${path}`, bearer, sandbox.pid) },
    {
      label: 'bare @fastify/http-proxy',
      run: () => load(`${baseline.info.url}/api${path}`, {}, baseline.pid),
    },
    {
      label: 'ours, store on SQLite',
      run: () => load(`${ours.info.url}/api${path}`, { cookie: ours.info.cookie! }, ours.pid),
    },
  ];
  if (!('missing' in postgres)) {
    const oursOnPostgres = await start('ours', sandboxUrl, postgres.databaseUrl);
    targets.push({
      label: 'ours, store on PostgreSQL',
      run: () =>
        load(
          `${oursOnPostgres.info.url}/api${path}`,
          { cookie: oursOnPostgres.info.cookie! },
          oursOnPostgres.pid,
          () => postgresPids(postgres.postmaster),
        ),
    });
  }
  const results = targets.map(() => [] as Awaited<ReturnType<typeof load>>[]);
  for (let round = 0; round < ROUNDS; round += 1) {
    for (let i = 0; i < targets.length; i += 1) {
      const index = (i + round) % targets.length;
      results[index]!.push(await targets[index]!.run());
    }
  }
  const median = (values: number[]) =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const summary = results.map((runs) => ({
    rps: median(runs.map((r) => r.rps)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    cpu: median(runs.map((r) => r.cpuUsPerRequest)),
    databaseCpu: median(runs.map((r) => r.databaseCpuUsPerRequest)),
  }));
  console.log(
    '                                  req/s   p50 ms   p99 ms   server CPU µs/req   PostgreSQL CPU µs/req',
  );
  targets.forEach(({ label }, i) => {
    const r = summary[i]!;
    console.log(
      `${label.padEnd(32)} ${r.rps.toFixed(0).padStart(6)} ${String(r.p50).padStart(8)} ${String(r.p99).padStart(8)} ${r.cpu.toFixed(0).padStart(12)} ${i === 3 ? r.databaseCpu.toFixed(0).padStart(16) : ''}`,
    );
  });
  const bare = summary[1]!;
  let met = true;
  for (let i = 2; i < summary.length; i += 1) {
    const r = summary[i]!;
    const throughput = r.rps / bare.rps;
    const cpu = r.cpu / bare.cpu;
    met &&= throughput >= 0.8 && cpu <= 1.3;
    console.log(
      `\n${targets[i]!.label}: throughput ${(throughput * 100).toFixed(0)}% of the baseline's (target: at least 80%), CPU per request ${cpu.toFixed(2)}× the baseline's (target: at most 1.3×)`,
    );
  }
  console.log(
    '\n(server CPU: the sandbox for the first line, the proxy process for the others; PostgreSQL CPU: every process of the database server, work the bare proxy does not cause)',
  );
  console.log(met ? 'Targets met.' : 'Targets NOT met.');
} finally {
  for (const child of children) child.kill('SIGTERM');
  await cluster?.stop();
}
