import { expect, it } from 'vitest';
import { customerSeen, MINUTE, T0 } from '../index/testing';
import type { QueueFilter } from '../index/types';
import type { Store } from '../store';
import { describeOnBothDialects } from '../testing/dialects';

/**
 * Six verifications, one a minute from T0 (started, and some resolved, in
 * this order): ids say their status.
 */
async function queueOfSix(open: () => Promise<Store>): Promise<Store> {
  const store = await open();
  await store.index.upsertCustomers(
    [
      customerSeen('cus_1', { first_name: 'Ana', last_name: 'Ruiz', company_name: 'Ruiz SL' }),
      customerSeen('cus_2', { first_name: 'Bo', last_name: 'Lund' }),
    ],
    T0,
  );
  const start = (minute: number, startedBy = 'ines') => ({
    startedBy,
    expectedName: null,
    startedAt: T0 + minute * MINUTE,
  });
  const record = (id: string, customerId: string, status: string, minute: number, by?: string) =>
    store.index.recordVerifications(
      [{ id, customerId, status }],
      T0 + minute * MINUTE,
      start(minute, by),
    );
  await record('v1_pending', 'cus_1', 'pending', 0);
  await record('v2_verified', 'cus_1', 'pending', 1);
  await record('v3_failed', 'cus_2', 'initiated', 2, 'marc');
  await record('v4_stale', 'cus_2', 'pending', 3);
  await record('v5_cancelled', 'cus_1', 'cancelled', 4);
  await record('v6_unverified', 'cus_2', 'unverified', 5, 'marc');
  // Resolutions later on: v3 at minute 10, v2 at minute 7.
  await store.index.recordVerifications(
    [{ id: 'v3_failed', customerId: 'cus_2', status: 'failed' }],
    T0 + 10 * MINUTE,
  );
  await store.index.recordVerifications(
    [{ id: 'v2_verified', customerId: 'cus_1', status: 'success', matchScore: 1 }],
    T0 + 7 * MINUTE,
  );
  await store.index.markStale('v4_stale', T0 + 8 * MINUTE);
  return store;
}

const ids = async (store: Store, filter: QueueFilter, number = 1, size = 10) =>
  (await store.index.queue(filter, { number, size })).data.map((row) => row.id);

describeOnBothDialects('index queue and list', ({ open }) => {
  it('orders by newest activity (resolution, else start), and the oldest started first for open ones alone', async () => {
    const store = await queueOfSix(open);
    expect(await ids(store, { statuses: [] })).toEqual([
      'v3_failed',
      'v2_verified',
      'v6_unverified',
      'v5_cancelled',
      'v4_stale',
      'v1_pending',
    ]);
    expect(await ids(store, { statuses: ['pending'] })).toEqual(['v1_pending']);
    expect(await ids(store, { statuses: ['cancelled'] })).toEqual(['v5_cancelled']);
    expect(await ids(store, { statuses: ['pending', 'cancelled'] })).toEqual([
      'v1_pending',
      'v5_cancelled',
    ]);
    expect(await ids(store, { statuses: ['pending', 'stale'] })).toEqual([
      'v4_stale',
      'v1_pending',
    ]);
    expect(await ids(store, { statuses: ['cancelled', 'stale'] })).toEqual([
      'v5_cancelled',
      'v4_stale',
    ]);
  });

  it('filters by several statuses, by agent and by age, and counts per status whatever the status filter', async () => {
    const store = await queueOfSix(open);
    const failedOrUnverified = await store.index.queue(
      { statuses: ['failed', 'unverified'] },
      { number: 1, size: 10 },
    );
    expect(failedOrUnverified.data.map((row) => row.id)).toEqual(['v3_failed', 'v6_unverified']);
    expect(failedOrUnverified.count).toBe(2);
    expect(failedOrUnverified.counts).toEqual({
      pending: 1,
      cancelled: 1,
      verified: 1,
      unverified: 1,
      failed: 1,
      stale: 1,
    });
    const marcs = await store.index.queue(
      { statuses: ['verified'], startedBy: 'marc' },
      { number: 1, size: 10 },
    );
    expect(marcs).toMatchObject({
      data: [],
      count: 0,
      counts: { pending: 0, cancelled: 0, verified: 0, unverified: 1, failed: 1, stale: 0 },
    });
    expect(await ids(store, { statuses: [], startedSince: T0 + 4 * MINUTE })).toEqual([
      'v6_unverified',
      'v5_cancelled',
    ]);
    const [first] = (await store.index.queue({ statuses: ['verified'] }, { number: 1, size: 1 }))
      .data;
    expect(first).toEqual({
      id: 'v2_verified',
      customer_id: 'cus_1',
      customer_name: 'Ana Ruiz',
      company_name: 'Ruiz SL',
      status: 'success',
      stale: false,
      match_score: 1,
      provider_id: null,
      expected_name: null,
      started_by: 'ines',
      started_at: new Date(T0 + MINUTE).toISOString(),
      resolved_at: new Date(T0 + 7 * MINUTE).toISOString(),
      last_checked_at: null,
    });
  });

  it('pages, and queueRows yields every row of the filter in the same order, a batch at a time', async () => {
    const store = await queueOfSix(open);
    const all = await ids(store, { statuses: [] });
    expect([
      ...(await ids(store, { statuses: [] }, 1, 4)),
      ...(await ids(store, { statuses: [] }, 2, 4)),
    ]).toEqual(all);
    expect(await ids(store, { statuses: [] }, 3, 4)).toEqual([]);
    // Several statuses are merged from one read per status: pages still follow the order.
    const several: QueueFilter = { statuses: ['failed', 'unverified', 'cancelled', 'pending'] };
    const pages: string[] = [];
    for (let number = 1; number <= 5; number += 1)
      pages.push(...(await ids(store, several, number, 1)));
    expect(pages).toEqual(['v3_failed', 'v6_unverified', 'v5_cancelled', 'v1_pending']);
    expect(await ids(store, several)).toEqual(pages);
    for (const filter of [
      { statuses: [] },
      { statuses: ['pending'] },
      { statuses: ['cancelled', 'pending'] },
      { statuses: ['pending', 'stale', 'verified'], startedBy: 'ines' },
    ] satisfies QueueFilter[]) {
      const batches: string[][] = [];
      for await (const batch of store.index.queueRows(filter, 2)) {
        batches.push(batch.map((row) => row.id));
      }
      expect(batches.every((batch) => batch.length <= 2)).toBe(true);
      expect(batches.flat()).toEqual(await ids(store, filter, 1, 100));
    }
    // Ties on the order's time are broken by id, so no row is skipped between batches.
    await store.index.recordVerifications(
      ['t1', 't2', 't3'].map((id) => ({ id, customerId: 'cus_1', status: 'failed' })),
      T0 + 60 * MINUTE,
      { startedBy: 'tie', expectedName: null, startedAt: T0 + 60 * MINUTE },
    );
    const tied: string[] = [];
    for await (const batch of store.index.queueRows({ statuses: [], startedBy: 'tie' }, 1)) {
      tied.push(...batch.map((row) => row.id));
    }
    expect(tied).toEqual(['t3', 't2', 't1']);
  });

  it('lists customers newest first, filtered by their latest verification (none: never verified)', async () => {
    const store = await open();
    await store.index.upsertCustomers(
      ['cus_a', 'cus_b', 'cus_c', 'cus_d', 'cus_e'].map((id, day) =>
        customerSeen(id, { created_at: new Date(T0 + day * 86_400_000).toISOString() }),
      ),
      T0,
    );
    await store.index.recordVerifications(
      [
        { id: 'v_a', customerId: 'cus_a', status: 'verified' },
        { id: 'v_b', customerId: 'cus_b', status: 'pending' },
        { id: 'v_c', customerId: 'cus_c', status: 'failed' },
        { id: 'v_e', customerId: 'cus_e', status: 'cancelled' },
      ],
      T0,
    );
    const list = async (statuses: Parameters<Store['index']['listCustomers']>[0], size = 10) => {
      const { data, count } = await store.index.listCustomers(statuses, { number: 1, size });
      return { ids: data.map((customer) => customer.id), count };
    };
    expect(await list([])).toEqual({
      ids: ['cus_e', 'cus_d', 'cus_c', 'cus_b', 'cus_a'],
      count: 5,
    });
    expect(await list([], 2)).toEqual({ ids: ['cus_e', 'cus_d'], count: 5 });
    expect(await list(['cancelled'])).toEqual({ ids: ['cus_e'], count: 1 });
    expect(await list(['pending', 'cancelled'])).toEqual({ ids: ['cus_e', 'cus_b'], count: 2 });
    expect(await list(['none'])).toEqual({ ids: ['cus_d'], count: 1 });
    expect(await list(['verified', 'failed'])).toEqual({ ids: ['cus_c', 'cus_a'], count: 2 });
    expect(await list(['stale'])).toEqual({ ids: [], count: 0 });
    const { data } = await store.index.listCustomers(['pending'], { number: 1, size: 10 });
    expect(data).toEqual([
      {
        id: 'cus_b',
        first_name: 'Jean',
        last_name: 'Martin',
        company_name: null,
        email: 'cus_b@example.com',
        phone: null,
        external_id: null,
        created_at: new Date(T0 + 86_400_000).toISOString(),
        latest_verification: {
          id: 'v_b',
          status: 'pending',
          stale: false,
          match_score: null,
          at: new Date(T0).toISOString(),
        },
      },
    ]);
  });
});
