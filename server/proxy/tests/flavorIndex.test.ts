import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../testing/clock';
import { startProxyOnly, type ProxyOnly } from './proxyStack';
import { startRecordingUpstream, type RecordingUpstream } from './recordingUpstream';

/**
 * The index's own calls (the walk, the details, the watcher) go through the
 * same upstream client: against a Fintecture-flavoured upstream, it asks for
 * `bank_accounts` and records statuses in the dashboard's words.
 */
const CONSENT = 'https://consent.example/v';
let upstream: RecordingUpstream | undefined;
let proxy: ProxyOnly | undefined;
afterEach(async () => {
  await proxy?.close();
  await upstream?.close();
});

describe('the index against a Fintecture-flavoured upstream', () => {
  it('walks, details and watches with bank_accounts and mapped statuses', async () => {
    let resolved = false;
    upstream = await startRecordingUpstream({
      'GET /v1/customers': {
        body: {
          data: [{ id: 'c-1', first_name: 'Ana', last_name: 'Ruiz', email: 'ana@example.es' }],
          meta: { count: 1 },
        },
      },
      'GET /v1/customers/c-1/bank_accounts': {
        body: { data: [{ id: 'b-1', iban: 'ES9121000418450200051332', holder_name: 'Ana Ruiz' }] },
      },
      'GET /v1/customers/c-1/verifications': {
        body: {
          data: [
            { id: 'v-1', status: 'initiated', url: CONSENT },
            { id: 'v-2', status: 'cancelled', url: CONSENT },
          ],
        },
      },
      'GET /v1/customers/c-1/verification/v-1': () => ({
        body: resolved
          ? { id: 'v-1', status: 'success', match_score: 0.93 }
          : { id: 'v-1', status: 'initiated', url: CONSENT },
      }),
      'GET /v1/customers/c-1/verification/v-2': {
        body: { id: 'v-2', status: 'cancelled', url: CONSENT },
      },
    });
    const clock = manualClock(Date.UTC(2026, 0, 5, 9));
    proxy = await startProxyOnly(
      { baseUrl: upstream.url, appId: 'app-1', appSecret: 'secret-1', flavor: 'fintecture' },
      {
        now: clock.now,
        worker: {
          renewEveryMs: 50,
          index: { everyMs: 5 * 60_000, fullEveryMs: 24 * 3_600_000, maxRps: 500 },
        },
      },
    );
    const store = proxy.proxy.store;
    const statuses = async () =>
      Object.fromEntries(
        (await store.index.customerVerifications('c-1')).map((row) => [row.id, row.status]),
      );
    await expect
      .poll(statuses, { timeout: 10_000 })
      .toEqual({ 'v-1': 'pending', 'v-2': 'cancelled' });
    const queue = await store.index.queue({ statuses: [] }, { number: 1, size: 10 });
    expect(queue.counts).toMatchObject({ pending: 1, cancelled: 1 });
    expect((await store.index.search('1332', 5)).results.map((r) => r.customer.id)).toEqual([
      'c-1',
    ]);

    resolved = true;
    clock.advance(6_000);
    await expect
      .poll(statuses, { timeout: 10_000 })
      .toEqual({ 'v-1': 'verified', 'v-2': 'cancelled' });
    // v-2 is still open: watched again on its schedule.
    const checksOfV2 = upstream.to('GET', '/v1/customers/c-1/verification/v-2').length;
    expect(checksOfV2).toBeGreaterThan(0);
    clock.advance(6_000);
    await expect
      .poll(() => upstream!.to('GET', '/v1/customers/c-1/verification/v-2').length, {
        timeout: 10_000,
      })
      .toBeGreaterThan(checksOfV2);

    expect(upstream.to('GET', '/v1/customers/c-1/bank_accounts').length).toBeGreaterThan(0);
    expect(upstream.received.filter((r) => r.url.includes('bank-accounts'))).toEqual([]);
  });
});
