import { expect, it } from 'vitest';
import { contestAcrossProcesses } from '../testing/contest';
import { describeOnBothDialects } from '../testing/dialects';

const T0 = Date.UTC(2026, 0, 5, 9);
const TTL = 30_000;

describeOnBothDialects('leases', ({ newDatabase, open }) => {
  it('has one holder, who renews it; another takes it only once it has expired or been released', async () => {
    const store = await open();
    const { leases } = store;
    expect(await leases.tryAcquire('worker', 'replica-a', TTL, T0)).toBe(true);
    expect(await leases.tryAcquire('worker', 'replica-b', TTL, T0 + 1)).toBe(false);
    expect(await leases.tryAcquire('worker', 'replica-a', TTL, T0 + 20_000)).toBe(true);
    expect(await leases.tryAcquire('worker', 'replica-b', TTL, T0 + 49_999)).toBe(false);
    expect(await leases.holder('worker', T0 + 49_999)).toBe('replica-a');
    expect(await leases.holder('worker', T0 + 50_000)).toBeUndefined();
    expect(await leases.tryAcquire('worker', 'replica-b', TTL, T0 + 50_000)).toBe(true);
    expect(await leases.release('worker', 'replica-a')).toBe(false);
    expect(await leases.release('worker', 'replica-b')).toBe(true);
    expect(await leases.tryAcquire('worker', 'replica-a', TTL, T0 + 50_001)).toBe(true);
    expect(await leases.tryAcquire('other', 'replica-b', TTL, T0 + 50_001)).toBe(true);
  });

  it('goes to exactly one of many holders asking at once from two replicas', async () => {
    const options = await newDatabase();
    await open(options);
    const contest = { action: 'acquire', name: 'worker', ttlMs: TTL, now: T0, times: 10 } as const;
    const taken = (await contestAcrossProcesses<boolean>(options, contest, 2)).flat();
    expect(taken.filter(Boolean)).toHaveLength(1);
  });

  it('goes to exactly one of many holders when an expired lease is up for grabs', async () => {
    const options = await newDatabase();
    const store = await open(options);
    await store.leases.tryAcquire('worker', 'dead-replica', TTL, T0 - TTL);
    const contest = { action: 'acquire', name: 'worker', ttlMs: TTL, now: T0, times: 10 } as const;
    const taken = (await contestAcrossProcesses<boolean>(options, contest, 2)).flat();
    expect(taken.filter(Boolean)).toHaveLength(1);
    expect(await store.leases.holder('worker', T0)).not.toBe('dead-replica');
  });
});
