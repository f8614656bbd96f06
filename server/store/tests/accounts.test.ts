import { expect, it } from 'vitest';
import { DuplicateAccountError, StoreError } from '../errors';
import type { Role } from '../schema';
import { describeOnBothDialects } from '../testing/dialects';
import { addAccount } from '../testing/fixtures';

const LIFETIMES = { idleMs: 3_600_000, maxMs: 12 * 3_600_000 };

describeOnBothDialects('accounts', ({ open }) => {
  it('finds an account whatever the case of its name, and refuses a second of the same name', async () => {
    const store = await open();
    const ines = await addAccount(store, 'Ines.Moreau', 1_000, 'viewer');
    expect(ines).toMatchObject({ username: 'ines.moreau', role: 'viewer', generation: 1 });
    expect(await store.accounts.find('INES.moreau')).toEqual(ines);
    await expect(addAccount(store, 'ines.MOREAU', 2_000)).rejects.toBeInstanceOf(
      DuplicateAccountError,
    );
    await addAccount(store, 'bruno', 3_000);
    expect((await store.accounts.list()).map((account) => account.username)).toEqual([
      'bruno',
      'ines.moreau',
    ]);
  });

  it('refuses a role the contract does not know', async () => {
    const store = await open();
    await expect(addAccount(store, 'mallory', 1, 'admin' as Role)).rejects.toBeInstanceOf(
      StoreError,
    );
    await addAccount(store, 'ines', 1);
    await expect(store.accounts.update('ines', { role: 'root' as Role }, 2)).rejects.toThrow(
      /viewer, agent/,
    );
  });

  it.each<[string, { passwordHash?: string; role?: Role }]>([
    ['a new password', { passwordHash: 'scrypt$new' }],
    ['a new role', { role: 'viewer' }],
  ])('ends every session of an account given %s', async (_, change) => {
    const store = await open();
    const ines = await addAccount(store, 'ines', 1_000);
    const first = await store.sessions.create(ines.id, {}, 1_000);
    await store.sessions.create(ines.id, {}, 1_000);
    const changed = await store.accounts.update('ines', change, 2_000);
    expect(changed).toMatchObject({
      generation: 2,
      updated_at: 2_000,
      ...(change.role ? { role: 'viewer' } : {}),
    });
    expect(await store.sessions.lookup(first!.token, LIFETIMES, 2_000)).toBeUndefined();
    expect(await store.sessions.listByAccount(ines.id)).toEqual([]);
    expect(await store.accounts.update('nobody', change, 2_000)).toBeUndefined();
  });

  it('removes an account with its sessions; added again, it is a new identity no old cookie opens', async () => {
    const store = await open();
    const before = await addAccount(store, 'ines', 1_000);
    const session = await store.sessions.create(before.id, {}, 1_000);
    expect(await store.accounts.remove('INES')).toBe(true);
    expect(await store.accounts.remove('ines')).toBe(false);
    expect(await store.accounts.find('ines')).toBeUndefined();

    const after = await addAccount(store, 'ines', 2_000);
    expect(after.id).not.toBe(before.id);
    expect(await store.sessions.lookup(session!.token, LIFETIMES, 2_000)).toBeUndefined();
    expect(await store.sessions.listByAccount(before.id)).toEqual([]);
    expect(await store.sessions.create(before.id, {}, 2_000)).toBeUndefined();
  });

  it('imports users.json once: names already taken are skipped, and a later start imports nothing', async () => {
    const store = await open();
    await addAccount(store, 'bruno', 5_000, 'viewer');
    const file = [
      { username: 'ines', role: 'agent' as const, passwordHash: 'scrypt$a', createdAt: 1_000 },
      { username: 'Bruno', role: 'agent' as const, passwordHash: 'scrypt$b', createdAt: 2_000 },
    ];
    expect(await store.accounts.importOnce(file, 10_000)).toBe(1);
    expect(await store.accounts.find('ines')).toMatchObject({
      password_hash: 'scrypt$a',
      created_at: 1_000,
    });
    expect((await store.accounts.find('bruno'))?.role).toBe('viewer');
    await store.accounts.remove('ines');
    expect(await store.accounts.importOnce(file, 20_000)).toBeUndefined();
    expect(await store.accounts.find('ines')).toBeUndefined();
  });
});
