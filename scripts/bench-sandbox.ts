/**
 * Sandbox latency with 100,000 customers: p50 and p99 of listing a page of 100
 * (first, middle and last page) and of reading one customer, over loopback HTTP
 * with a keep-alive connection, one request at a time. Not a test: it prints figures.
 *
 *   npm run bench:sandbox            (CUSTOMERS=100000 REQUESTS=2000 by default)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../server/sandbox/app';

const CUSTOMERS = Number(process.env.CUSTOMERS ?? 100_000);
const REQUESTS = Number(process.env.REQUESTS ?? 2000);

const dir = mkdtempSync(join(tmpdir(), 'bench-sandbox-'));
const secret = 'bench-secret-0123456789';
const started = performance.now();
const app = await buildApp({
  db: join(dir, 'sandbox.db'),
  seed: CUSTOMERS,
  appId: 'bench',
  appSecret: secret,
  verificationDelayMs: 0,
  tokenTtlSeconds: 3600,
});
console.log(
  `seeded ${app.sandbox.store.countCustomers()} customers in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
const address = await app.listen({ host: '127.0.0.1', port: 0 });
const agent = new Agent({ keepAlive: true, maxSockets: 1 });

function call(method: string, path: string, headers: Record<string, string>, body?: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(`${address}${path}`, { method, headers, agent }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (data += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const tokenReply = await call(
  'POST',
  '/oauth/accesstoken',
  {
    authorization: `Basic ${Buffer.from(`bench:${secret}`).toString('base64')}`,
    'content-type': 'application/x-www-form-urlencoded',
  },
  'grant_type=client_credentials&scope=customers',
);
const auth = {
  authorization: `Bearer ${(JSON.parse(tokenReply.body) as { access_token: string }).access_token}`,
};
const lastPage = Math.ceil(CUSTOMERS / 100);
const ids = (
  JSON.parse(
    (
      await call(
        'GET',
        `/v1/customers?page[size]=100&page[number]=${Math.ceil(lastPage / 2)}`,
        auth,
      )
    ).body,
  ) as {
    data: { id: string }[];
  }
).data.map((customer) => customer.id);

async function measure(label: string, path: (i: number) => string) {
  for (let i = 0; i < 100; i += 1) await call('GET', path(i), auth); // warm-up
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i += 1) {
    const t0 = performance.now();
    const reply = await call('GET', path(i), auth);
    times.push(performance.now() - t0);
    if (reply.status !== 200) throw new Error(`${label}: ${reply.status} ${reply.body}`);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) =>
    times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(2);
  console.log(`${label.padEnd(34)} p50 ${at(0.5).padStart(6)} ms   p99 ${at(0.99).padStart(6)} ms`);
}

console.log(`\n${REQUESTS} sequential requests each, loopback, keep-alive:`);
await measure('list page of 100, first page', () => '/v1/customers?page[size]=100&page[number]=1');
await measure(
  `list page of 100, page ${Math.ceil(lastPage / 2)}`,
  () => `/v1/customers?page[size]=100&page[number]=${Math.ceil(lastPage / 2)}`,
);
await measure(
  `list page of 100, last page (${lastPage})`,
  () => `/v1/customers?page[size]=100&page[number]=${lastPage}`,
);
await measure('get one customer', (i) => `/v1/customers/${ids[i % ids.length]}`);

agent.destroy();
await app.close();
rmSync(dir, { recursive: true, force: true });
