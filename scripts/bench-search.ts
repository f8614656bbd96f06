/**
 * The index's search and queue at scale (issue 11's target: search p95 ≤ 50 ms
 * at 100,000 customers): seeds CUSTOMERS demo customers (the sandbox's
 * generator: accented names, companies, emails, phones, external ids, bank
 * accounts and verifications) through upsertCustomers in pages of 100 as the
 * sync does, on SQLite (a file) and on PostgreSQL (a throwaway local cluster,
 * or DATABASE_URL when set), then times a fixed mix of searches of every key
 * and the queue's first page with its counts (after one unmeasured round; on
 * PostgreSQL after the VACUUM ANALYZE autovacuum would soon run). Not a test:
 * it prints figures.
 *
 *   npm run bench:search              (CUSTOMERS=100000, ROUNDS=20 by default)
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { generateDemoCustomers, type DemoCustomer } from '../server/sandbox/demoData';
import type { CustomerSeen, QueueFilter } from '../server/store/index/types';
import { openStore, type StoreOptions } from '../server/store/store';
import { withBenchPostgres } from '../server/store/testing/postgres';

const CUSTOMERS = Number(process.env.CUSTOMERS ?? 100_000);
const ROUNDS = Number(process.env.ROUNDS ?? 20);
const PAGE = 100;
const SEARCH_LIMIT = 10;

/** A stable UUID per index, as the sandbox's ids look. */
function idOf(index: number): string {
  const hex = createHash('sha1').update(`customer-${index}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Phones as agents type them into a CRM: international, national with a 0, bare digits. */
function phoneAsStored(phone: string, index: number): string {
  if (index % 3 === 1) return phone.replace(/^\+\d+\s/, '0');
  if (index % 3 === 2) return phone.replace(/\D/g, '');
  return phone;
}

function statusOf(customer: DemoCustomer, n: number, index: number): string {
  const verification = customer.verifications[n]!;
  if (verification.pending) return 'pending';
  if (verification.provider_id.startsWith('fail')) return 'failed';
  return (index + n) % 5 === 0 ? 'unverified' : 'verified';
}

const percentile = (sorted: number[], share: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))]!;

function summary(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  return `p50 ${ms(percentile(sorted, 0.5))}  p95 ${ms(percentile(sorted, 0.95))}  max ${ms(sorted.at(-1)!)}  (${sorted.length} calls)`;
}

async function timed<T>(times: number[], run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  times.push(performance.now() - started);
  return result;
}

/** The fixed mix: every key, on customers spread over the index (oldest, newest and between). */
function queriesFor(demo: DemoCustomer[]): { kind: string; query: string }[] {
  const picks = [0, 1, 17, 4_321, Math.floor(demo.length / 2), demo.length - 2, demo.length - 1]
    .filter((index, at, all) => index < demo.length && all.indexOf(index) === at)
    .map((index) => ({ index, customer: demo[index]! }));
  return picks.flatMap(({ index, customer }) => {
    const digits = customer.phone.replace(/\D/g, '');
    const national = customer.phone.replace(/^\+\d+\s/, '0');
    const iban = customer.bank_accounts[0]?.iban;
    return [
      {
        kind: 'name prefixes',
        query: `${customer.last_name.slice(0, 5)} ${customer.first_name.slice(0, 3)}`,
      },
      { kind: 'full name', query: `${customer.first_name} ${customer.last_name}` },
      { kind: 'one short word', query: customer.last_name.slice(0, 2) },
      { kind: 'email', query: customer.email },
      { kind: 'email prefix', query: customer.email.slice(0, 6) },
      { kind: 'phone +cc', query: customer.phone },
      { kind: 'phone 0…', query: national },
      { kind: 'phone digits', query: digits },
      { kind: 'external id', query: customer.external_id },
      { kind: 'external id prefix', query: customer.external_id.slice(0, 8) },
      { kind: 'customer id', query: idOf(index) },
      { kind: 'id first 8', query: idOf(index).slice(0, 8) },
      ...(iban ? [{ kind: 'iban last 4', query: iban.slice(-4) }] : []),
      { kind: 'nothing found', query: 'zzqxw' },
    ];
  });
}

async function bench(label: string, options: StoreOptions, demo: DemoCustomer[]): Promise<void> {
  const store = await openStore(options);
  try {
    const now = Date.parse('2026-11-01T09:00:00.000Z');
    const seedStarted = performance.now();
    for (let from = 0; from < demo.length; from += PAGE) {
      const page = demo
        .slice(from, from + PAGE)
        .map((customer, n) => ({ customer, index: from + n }));
      const seen: CustomerSeen[] = page.map(({ customer, index }) => ({
        id: idOf(index),
        first_name: customer.first_name,
        last_name: customer.last_name,
        company_name: customer.company_name,
        email: customer.email,
        phone: phoneAsStored(customer.phone, index),
        external_id: customer.external_id,
        address: customer.address,
        created_at: customer.created_at,
      }));
      await store.index.upsertCustomers(seen, now, 'bench-walk');
      await store.index.upsertBankAccounts(
        page.flatMap(({ customer, index }) =>
          customer.bank_accounts.map((account, n) => ({
            id: `${idOf(index)}-ba${n}`,
            customerId: idOf(index),
            iban: account.iban,
            holderName: account.holder_name,
          })),
        ),
        now,
      );
      await store.index.recordVerifications(
        page.flatMap(({ customer, index }) =>
          customer.verifications.map((verification, n) => ({
            id: `${idOf(index)}-v${n}`,
            customerId: idOf(index),
            status: statusOf(customer, n, index),
            providerId: verification.provider_id,
            matchScore: statusOf(customer, n, index) === 'pending' ? null : 0.5 + (n % 5) / 10,
          })),
        ),
        Date.parse(page[0]!.customer.verifications[0]?.created_at ?? page[0]!.customer.created_at),
      );
      await store.index.markDetailsSynced(
        seen.map((customer) => customer.id),
        now,
      );
    }
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    const counts = await store.index.counts();
    console.log(
      `${label}: seeded ${counts.customers} customers, ${counts.bankAccounts} accounts, ${counts.verifications} verifications in ${seedSeconds.toFixed(1)} s (${Math.round(counts.customers / seedSeconds)} customers/s, pages of ${PAGE})`,
    );

    if (store.dialect === 'postgres') {
      // What autovacuum does soon after a bulk load: statistics and the visibility map.
      await sql`vacuum analyze`.execute(store.db);
    }
    const queries = queriesFor(demo);
    // One round unmeasured: pages into the cache, statements prepared.
    for (const { query } of queries) await store.index.search(query, SEARCH_LIMIT);
    const cpu = process.cpuUsage();
    const all: number[] = [];
    const byKind = new Map<string, number[]>();
    let misses = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const { kind, query } of queries) {
        const times = byKind.get(kind) ?? [];
        byKind.set(kind, times);
        const answer = await timed(times, () => store.index.search(query, SEARCH_LIMIT));
        all.push(times.at(-1)!);
        if (round === 0 && kind !== 'nothing found' && answer.results.length === 0) misses += 1;
      }
    }
    // This process's CPU per call: on SQLite all of the work, whatever else loads the machine.
    const { user, system } = process.cpuUsage(cpu);
    const cpuPerCall = `cpu ${((user + system) / 1000 / all.length).toFixed(2)} ms/call`;
    console.log(
      `${label}: search, all keys        ${summary(all)}  ${cpuPerCall}${misses ? `  ${misses} queries found nothing!` : ''}`,
    );
    for (const [kind, times] of byKind) {
      console.log(`${label}:   ${kind.padEnd(20)} ${summary(times)}`);
    }

    const filters: QueueFilter[] = [
      { statuses: [] },
      { statuses: ['pending'] },
      { statuses: ['failed', 'unverified'] },
      { statuses: ['verified'], startedSince: now - 30 * 24 * 3_600_000 },
      { statuses: [], startedBy: 'nobody' },
    ];
    const queue: number[] = [];
    const byFilter = new Map<QueueFilter, number[]>(filters.map((filter) => [filter, []]));
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const filter of filters) {
        await timed(byFilter.get(filter)!, () =>
          store.index.queue(filter, { number: 1, size: 50 }),
        );
        queue.push(byFilter.get(filter)!.at(-1)!);
      }
    }
    console.log(`${label}: queue page 1 + counts   ${summary(queue)}`);
    for (const [filter, times] of byFilter) {
      console.log(`${label}:   ${JSON.stringify(filter).padEnd(56)} ${summary(times)}`);
    }
    const list: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const statuses of [[], ['none'], ['failed', 'unverified']] as const) {
        await timed(list, () => store.index.listCustomers(statuses, { number: 3, size: 50 }));
      }
    }
    console.log(`${label}: customer list page 3    ${summary(list)}`);
  } finally {
    await store.close();
  }
}

const generating = performance.now();
const demo = generateDemoCustomers(CUSTOMERS);
console.log(
  `generated ${demo.length} demo customers in ${((performance.now() - generating) / 1000).toFixed(1)} s; ${ROUNDS} rounds of each query`,
);
const dir = mkdtempSync(join(tmpdir(), 'bench-search-'));
try {
  await bench('sqlite', { dataDir: dir }, demo);
  await withBenchPostgres('bench_search', (databaseUrl) =>
    bench('postgres', { dataDir: dir, databaseUrl }, demo),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
