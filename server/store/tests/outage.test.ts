import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { storeUnavailable } from '../errors';
import { openStore, type Store } from '../store';
import {
  createDatabase,
  findPostgresBin,
  startPostgres,
  type ThrowawayPostgres,
} from '../testing/postgres';

// A cluster of its own: this test takes its server down.
describe.skipIf(inject('postgresAdminUrl') === null)('a PostgreSQL outage', () => {
  let cluster: ThrowawayPostgres;
  let store: Store;
  const poolErrors: Error[] = [];

  beforeAll(async () => {
    const found = findPostgresBin();
    if ('missing' in found) throw new Error(found.missing);
    cluster = await startPostgres(found.bin);
    const databaseUrl = await createDatabase(cluster.adminUrl, 'outage');
    store = await openStore({
      dataDir: '/nonexistent',
      databaseUrl,
      connectTimeoutMs: 1_000,
      onPoolError: (error) => poolErrors.push(error),
    });
  });

  afterAll(async () => {
    await store?.close();
    await cluster?.stop();
  });

  it('fails fast with an error a request can answer 503 for, and heals by itself when the server is back', async () => {
    const ines = await store.accounts.create(
      { username: 'ines', role: 'agent', passwordHash: 'x' },
      1,
    );
    const { token } = (await store.sessions.create(ines.id, {}, 1))!;
    await cluster.halt();

    const started = Date.now();
    const failure = await store.ping().catch((error: unknown) => error);
    expect(storeUnavailable(failure)).toBe(true);
    const lookup = await store.sessions
      .lookup(token, { idleMs: 10, maxMs: 10 }, 1)
      .catch((error: unknown) => error);
    expect(storeUnavailable(lookup)).toBe(true);
    expect(Date.now() - started).toBeLessThan(5_000);

    await cluster.resume();
    await expect
      .poll(
        () =>
          store.ping().then(
            () => 'up',
            () => 'down',
          ),
        { timeout: 10_000 },
      )
      .toBe('up');
    expect((await store.sessions.lookup(token, { idleMs: 10, maxMs: 10 }, 2))?.username).toBe(
      'ines',
    );
    expect(poolErrors.every(storeUnavailable)).toBe(true);
  });

  it('does not take a bad query for an outage', async () => {
    const error = await store.db
      .selectFrom('no_such_table' as 'accounts')
      .selectAll()
      .execute()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(storeUnavailable(error)).toBe(false);
  });
});
