import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openStore, type Store } from '../../store/store';
import { manualClock } from '../../testing/clock';
import store from '../plugins/store';
import worker from '../plugins/worker';

const DAY = 24 * 3600 * 1000;
const LEASE_TTL = 20_000;

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function sharedSqliteStore(
  dataDir = mkdtempSync(join(tmpdir(), 'worker-test-')),
): Promise<Store> {
  const opened = await openStore({ dataDir });
  cleanups.push(async () => {
    await opened.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return opened;
}

/** One replica: the store plugin over a store it shares with the others, and the worker. */
async function replica(
  shared: Store,
  replicaId: string,
  now: () => number,
): Promise<FastifyInstance> {
  const app = Fastify();
  await app.register(store, { source: shared });
  await app.register(worker, {
    replicaId,
    now,
    // Rounds run when the test says (tick), not on a timer.
    renewEveryMs: 3_600_000,
    leaseTtlMs: LEASE_TTL,
    sweepEveryMs: 60_000,
    index: false,
    sessions: { idleMs: 30 * 60_000, maxMs: 12 * 3_600_000 },
    auditRetentionDays: 400,
  });
  let closed = false;
  app.addHook('onClose', async () => {
    closed = true;
  });
  await app.ready();
  cleanups.push(async () => {
    if (!closed) await app.close();
  });
  return app;
}

describe('the background worker', () => {
  it('runs on exactly one of two replicas, and moves to the other within the lease when its holder dies', async () => {
    const clock = manualClock(Date.UTC(2026, 0, 5, 9));
    const shared = await sharedSqliteStore();
    const a = await replica(shared, 'replica-a', clock.now);
    await vi.waitFor(() => expect(a.worker.isLeader()).toBe(true));
    const b = await replica(shared, 'replica-b', clock.now);
    await b.worker.tick();
    expect([a.worker.isLeader(), b.worker.isLeader()]).toEqual([true, false]);

    // A renews while it lives; B keeps asking in vain.
    clock.advance(LEASE_TTL - 1);
    await a.worker.tick();
    await b.worker.tick();
    expect([a.worker.isLeader(), b.worker.isLeader()]).toEqual([true, false]);

    // A dies without a word (no more rounds, no release): B takes over once the lease runs out.
    clock.advance(LEASE_TTL - 1);
    await b.worker.tick();
    expect(b.worker.isLeader()).toBe(false);
    clock.advance(1);
    await b.worker.tick();
    expect([a.worker.isLeader(), b.worker.isLeader()]).toEqual([false, true]);
    expect(await shared.leases.holder('worker', clock.now())).toBe('replica-b');

    // A comes back: it is not the leader while B renews.
    await a.worker.tick();
    expect([a.worker.isLeader(), b.worker.isLeader()]).toEqual([false, true]);
  });

  it('agrees on one leader through two connections to one SQLite file, as two processes would', async () => {
    const clock = manualClock(Date.UTC(2026, 0, 5, 9));
    const dataDir = mkdtempSync(join(tmpdir(), 'worker-test-'));
    const a = await replica(await sharedSqliteStore(dataDir), 'replica-a', clock.now);
    const b = await replica(await sharedSqliteStore(dataDir), 'replica-b', clock.now);
    await Promise.all([a.worker.tick(), b.worker.tick()]);
    expect([a.worker.isLeader(), b.worker.isLeader()].filter(Boolean)).toHaveLength(1);
    const [leader, other] = a.worker.isLeader() ? [a, b] : [b, a];
    await leader.close();
    await other.worker.tick();
    expect(other.worker.isLeader()).toBe(true);
  });

  it('lets the lease go on a clean shutdown, so the other replica takes it at its next round', async () => {
    const clock = manualClock(Date.UTC(2026, 0, 5, 9));
    const shared = await sharedSqliteStore();
    const a = await replica(shared, 'replica-a', clock.now);
    const b = await replica(shared, 'replica-b', clock.now);
    await a.worker.tick();
    await b.worker.tick();
    const [leader, other] = a.worker.isLeader() ? [a, b] : [b, a];
    expect(other.worker.isLeader()).toBe(false);

    await leader.close();
    expect(await shared.leases.holder('worker', clock.now())).toBeUndefined();
    await other.worker.tick();
    expect(other.worker.isLeader()).toBe(true);
  });

  it('sweeps what has expired on the leader only, once a minute', async () => {
    const clock = manualClock(Date.UTC(2026, 0, 5, 9));
    const shared = await sharedSqliteStore();
    const event = (at: number) => ({
      at,
      actor: 'alice',
      role: 'agent',
      action: 'customer_created',
      customerId: 'cus_1',
      targetId: 'cus_1',
      upstreamRequestId: null,
      outcome: 'created',
      details: null,
    });
    await shared.audit.record(event(clock.now() - 401 * DAY));
    await shared.audit.record(event(clock.now() - 399 * DAY));
    const leader = await replica(shared, 'replica-a', clock.now);
    await vi.waitFor(() => expect(leader.worker.isLeader()).toBe(true));
    await leader.worker.tick();
    expect((await shared.audit.list()).events.map((kept) => kept.at)).toEqual([
      clock.now() - 399 * DAY,
    ]);

    // An event falls out of the retention: the follower never sweeps, the leader within the minute.
    const follower = await replica(shared, 'replica-b', clock.now);
    clock.advance(DAY + 1);
    await leader.worker.tick();
    await follower.worker.tick();
    expect(follower.worker.isLeader()).toBe(false);
    expect((await shared.audit.list()).events).toHaveLength(0);
    await shared.audit.record(event(clock.now() - 401 * DAY));
    // Rounds every 15 s (within the lease): the leader keeps it, and sweeps when the minute is up.
    for (const elapsed of [15_000, 30_000, 45_000]) {
      clock.advance(15_000);
      await leader.worker.tick();
      await follower.worker.tick();
      expect([leader.worker.isLeader(), follower.worker.isLeader()]).toEqual([true, false]);
      expect((await shared.audit.list()).events, `after ${elapsed} ms`).toHaveLength(1);
    }
    clock.advance(15_000);
    await follower.worker.tick();
    expect((await shared.audit.list()).events).toHaveLength(1);
    await leader.worker.tick();
    expect((await shared.audit.list()).events).toHaveLength(0);
  });
});
