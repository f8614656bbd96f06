import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { hashToken } from '../sessions';
import { describeOnBothDialects } from '../testing/dialects';
import { addAccount } from '../testing/fixtures';

const HOUR = 3_600_000;
const LIFETIMES = { idleMs: HOUR, maxMs: 12 * HOUR };
const T0 = Date.UTC(2026, 0, 5, 9);

describeOnBothDialects('sessions', ({ open }) => {
  it('signs an agent in with a token the database only holds hashed', async () => {
    const store = await open();
    const ines = await addAccount(store, 'ines', T0);
    const created = await store.sessions.create(
      ines.id,
      { userAgent: 'Firefox 140', ip: '192.0.2.7' },
      T0,
    );
    expect(created!.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await store.sessions.lookup(created!.token, LIFETIMES, T0 + 1)).toEqual({
      id: hashToken(created!.token),
      accountId: ines.id,
      username: 'ines',
      role: 'agent',
      createdAt: T0,
      lastSeenAt: T0,
      userAgent: 'Firefox 140',
      ip: '192.0.2.7',
    });
    const { rows } = await sql<{ id_hash: string }>`select id_hash from sessions`.execute(store.db);
    expect(rows).toEqual([{ id_hash: hashToken(created!.token) }]);
    expect(JSON.stringify(rows)).not.toContain(created!.token);
    expect(await store.sessions.lookup(rows[0]!.id_hash, LIFETIMES, T0)).toBeUndefined();
  });

  it('ends a session idle too long, and any session past its absolute lifetime however busy', async () => {
    const store = await open();
    const ines = await addAccount(store, 'ines', T0);
    const idle = await store.sessions.create(ines.id, {}, T0);
    expect(await store.sessions.lookup(idle!.token, LIFETIMES, T0 + HOUR)).toBeDefined();
    expect(await store.sessions.lookup(idle!.token, LIFETIMES, T0 + HOUR + 1)).toBeUndefined();

    const busy = await store.sessions.create(ines.id, {}, T0);
    for (let at = T0; at <= T0 + 12 * HOUR; at += HOUR / 2) {
      const session = await store.sessions.lookup(busy!.token, LIFETIMES, at);
      expect(session).toBeDefined();
      await store.sessions.touch(session!, at);
    }
    expect(await store.sessions.lookup(busy!.token, LIFETIMES, T0 + 12 * HOUR + 1)).toBeUndefined();
    expect(await store.sessions.listByAccount(ines.id)).toEqual([]);
  });

  it('writes last-seen at most once a minute', async () => {
    const store = await open();
    const ines = await addAccount(store, 'ines', T0);
    const { token } = (await store.sessions.create(ines.id, {}, T0))!;
    const session = (await store.sessions.lookup(token, LIFETIMES, T0 + 59_999))!;
    expect(await store.sessions.touch(session, T0 + 59_999)).toBe(false);
    expect(await store.sessions.touch(session, T0 + 60_000)).toBe(true);
    expect((await store.sessions.lookup(token, LIFETIMES, T0 + 60_001))!.lastSeenAt).toBe(
      T0 + 60_000,
    );
  });

  it('lists an agent’s own sessions and ends one, the others, or all of them', async () => {
    const store = await open();
    const ines = await addAccount(store, 'ines', T0);
    const bruno = await addAccount(store, 'bruno', T0);
    const [laptop, phone, tablet] = await Promise.all(
      ['laptop', 'phone', 'tablet'].map((userAgent, index) =>
        store.sessions.create(ines.id, { userAgent }, T0 + index),
      ),
    );
    const brunos = await store.sessions.create(bruno.id, {}, T0);
    const listed = await store.sessions.listByAccount(ines.id);
    expect(listed.map((session) => session.userAgent)).toEqual(['tablet', 'phone', 'laptop']);

    expect(await store.sessions.end(ines.id, brunos!.session.id)).toBe(false);
    expect(await store.sessions.end(ines.id, tablet!.session.id)).toBe(true);
    expect(await store.sessions.endOthers(ines.id, laptop!.session.id)).toBe(1);
    expect(await store.sessions.lookup(phone!.token, LIFETIMES, T0)).toBeUndefined();
    expect(await store.sessions.lookup(laptop!.token, LIFETIMES, T0)).toBeDefined();
    expect(await store.sessions.endAll(ines.id)).toBe(1);
    await store.sessions.endByToken(brunos!.token);
    expect(await store.sessions.lookup(brunos!.token, LIFETIMES, T0)).toBeUndefined();
  });

  it('sweeps sessions past a lifetime or from an older generation of their account', async () => {
    const store = await open();
    const ines = await addAccount(store, 'ines', T0);
    const bruno = await addAccount(store, 'bruno', T0);
    await store.sessions.create(ines.id, {}, T0 - 2 * HOUR);
    const fresh = await store.sessions.create(ines.id, {}, T0);
    const stale = await store.sessions.create(bruno.id, {}, T0);
    // A generation bump the way another replica's crash could leave it: rows not yet deleted.
    await store.db
      .updateTable('accounts')
      .set({ generation: 5 })
      .where('id', '=', bruno.id)
      .execute();
    expect(await store.sessions.sweep(LIFETIMES, T0)).toBe(2);
    expect((await store.sessions.listByAccount(ines.id)).map((session) => session.id)).toEqual([
      fresh!.session.id,
    ]);
    expect(await store.sessions.lookup(stale!.token, LIFETIMES, T0)).toBeUndefined();
  });
});
