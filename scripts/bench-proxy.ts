/**
 * Proxy overhead, in one run, for listing 20 customers:
 *   1. directly from the sandbox,
 *   2. through a bare @fastify/http-proxy (the baseline),
 *   3. through our proxy with a signed-in session.
 * Each server runs in its own process; autocannon loads it over loopback for a
 * bounded time, and the server's CPU time comes from /proc.
 *
 * The three are measured in ROUNDS rounds, in a rotating order, and each figure
 * is the median over the rounds, so a noisy moment on a shared machine does not
 * decide the ratio.
 *
 *   npm run bench:proxy   (ROUNDS=3, DURATION=5 seconds per measurement, CONNECTIONS=10)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';

const DURATION = Number(process.env.DURATION ?? 5);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 10);
const children: ChildProcess[] = [];

async function start(
  kind: string,
  upstream = '',
): Promise<{ pid: number; info: Record<string, string> }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/bench-server.ts', kind, upstream],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
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

async function load(url: string, headers: Record<string, string>, pid: number) {
  await autocannon({ url, headers, connections: CONNECTIONS, duration: 2 }); // warm-up
  const before = cpuSeconds(pid);
  const result = await autocannon({ url, headers, connections: CONNECTIONS, duration: DURATION });
  const cpu = cpuSeconds(pid) - before;
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  }
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuUsPerRequest: (cpu * 1e6) / result.requests.total,
  };
}

try {
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
      label: 'our proxy (signed-in session)',
      run: () => load(`${ours.info.url}/api${path}`, { cookie: ours.info.cookie! }, ours.pid),
    },
  ];
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
  }));
  console.log('                                  req/s   p50 ms   p99 ms   server CPU µs/req');
  targets.forEach(({ label }, i) => {
    const r = summary[i]!;
    console.log(
      `${label.padEnd(32)} ${r.rps.toFixed(0).padStart(6)} ${String(r.p50).padStart(8)} ${String(r.p99).padStart(8)} ${r.cpu.toFixed(0).padStart(12)}`,
    );
  });
  const ratio = summary[2]!.rps / summary[1]!.rps;
  console.log(`\nours / baseline throughput: ${(ratio * 100).toFixed(0)}% (target: at least 80%)`);
  console.log('(server CPU: the sandbox for the first line, the proxy process for the others)');
} finally {
  for (const child of children) child.kill('SIGTERM');
}
