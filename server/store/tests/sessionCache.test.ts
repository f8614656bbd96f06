import { expect, it } from 'vitest';
import { sessionCache } from '../sessionCache';
import { describeOnBothDialects } from '../testing/dialects';
import { addAccount } from '../testing/fixtures';

const HOUR = 3_600_000;
const LIFETIMES = { idleMs: HOUR, maxMs: 12 * HOUR };
const T0 = Date.UTC(2026, 0, 5, 9);

describeOnBothDialects('the session cache', ({ open }) => {
  it('sees a revocation made elsewhere within its time to live, and its own sign-out at once', async () => {
    const store = await open();
    const cache = sessionCache(store.sessions, { ttlMs: 1_000 });
    const ines = await addAccount(store, 'ines', T0);
    const { token } = (await store.sessions.create(ines.id, {}, T0))!;
    expect((await cache.lookup(token, LIFETIMES, T0))?.role).toBe('agent');

    // Another replica changes the role: this one's copy holds for less than a second.
    await store.accounts.update('ines', { role: 'viewer' }, T0 + 1);
    expect((await cache.lookup(token, LIFETIMES, T0 + 999))?.role).toBe('agent');
    expect(await cache.lookup(token, LIFETIMES, T0 + 1_000)).toBeUndefined();

    const again = (await store.sessions.create(ines.id, {}, T0 + 2_000))!;
    expect((await cache.lookup(again.token, LIFETIMES, T0 + 2_000))?.role).toBe('viewer');
    await store.sessions.endByToken(again.token);
    cache.forget(again.token);
    expect(await cache.lookup(again.token, LIFETIMES, T0 + 2_001)).toBeUndefined();
  });

  it('applies the lifetimes to a remembered session, forgets an account at once, and remembers no unknown token', async () => {
    const store = await open();
    const cache = sessionCache(store.sessions, { ttlMs: 10 * HOUR, maxEntries: 2 });
    const ines = await addAccount(store, 'ines', T0);
    const bruno = await addAccount(store, 'bruno', T0);
    const [first, second, third] = await Promise.all(
      [ines, ines, bruno].map((account) => store.sessions.create(account.id, {}, T0)),
    );
    for (const created of [first, second, third]) await cache.lookup(created!.token, LIFETIMES, T0);
    expect(cache.size).toBe(2);
    expect(await cache.lookup('not-a-session', LIFETIMES, T0)).toBeUndefined();
    expect(cache.size).toBe(2);

    await store.accounts.remove('bruno');
    cache.forgetAccount(bruno.id);
    expect(await cache.lookup(third!.token, LIFETIMES, T0)).toBeUndefined();
    expect(await cache.lookup(second!.token, LIFETIMES, T0 + HOUR + 1)).toBeUndefined();
  });
});
