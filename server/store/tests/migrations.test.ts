import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { SchemaTooNewError, StoreError } from '../errors';
import { idempotencySentAt } from '../migrations/0002_idempotency_sent_at';
import { openStore } from '../store';
import { contestAcrossProcesses } from '../testing/contest';
import { describeOnBothDialects } from '../testing/dialects';
import { addAccount, auditEvent } from '../testing/fixtures';

describeOnBothDialects('migrations', ({ dialect, newDatabase, open }) => {
  it('migrates a new database once; opening it again changes nothing', async () => {
    const options = await newDatabase();
    const first = await open(options);
    expect(first.migrated).toEqual([
      '0001_initial',
      '0002_idempotency_sent_at',
      '0003_customer_index',
    ]);
    const again = await open(options);
    expect(again.migrated).toEqual([]);
    await expect(again.ping()).resolves.toBeUndefined();
  });

  it('lets three replicas start on a new database at once: one migrates, all work', async () => {
    const options = await newDatabase();
    const migrated = await contestAcrossProcesses<string[]>(options, { action: 'open' }, 3);
    expect(migrated.flat(2)).toEqual([
      '0001_initial',
      '0002_idempotency_sent_at',
      '0003_customer_index',
    ]);
    const store = await open(options);
    expect(store.migrated).toEqual([]);
  });

  it('adds sent_at to a database at 0001 with claims in flight, which stay unsent; running it again changes nothing', async () => {
    const options = await newDatabase();
    const old = await open(options);
    const ines = await addAccount(old, 'ines', 1_000);
    // The database as 0001 left it, with a claim in flight.
    await sql`delete from kysely_migration where name >= '0002'`.execute(old.db);
    await sql`alter table idempotency_keys drop column sent_at`.execute(old.db);
    await sql`insert into idempotency_keys (account_id, key, fingerprint, state, claim_id, claimed_at, expires_at) values (${ines.id}, 'in-flight-1', 'sha-a', 'claimed', 'old-holder', 1000, 999999999)`.execute(
      old.db,
    );
    const upgraded = await open(options);
    // 0003 runs again too (the migrator keeps the order); it is idempotent.
    expect(upgraded.migrated).toEqual(['0002_idempotency_sent_at', '0003_customer_index']);
    const request = { accountId: ines.id, key: 'in-flight-1', fingerprint: 'sha-a' };
    // Never marked sent, so a dead holder's claim is still taken over as before.
    expect(await upgraded.idempotency.claim({ ...request, now: 1_000 + 60_000 })).toMatchObject({
      kind: 'claimed',
      takenOver: true,
    });
    // Run again on a database that has the column (e.g. its record lost): nothing changes.
    await sql`delete from kysely_migration where name >= '0002'`.execute(upgraded.db);
    expect((await open(options)).migrated).toEqual([
      '0002_idempotency_sent_at',
      '0003_customer_index',
    ]);
    await expect(idempotencySentAt(dialect).up(upgraded.db)).resolves.toBeUndefined();
  });

  it('refuses a database migrated by newer code, in one line', async () => {
    const options = await newDatabase();
    const store = await open(options);
    await sql`insert into kysely_migration (name, timestamp) values ('0099_from_the_future', '2030-01-01T00:00:00.000Z')`.execute(
      store.db,
    );
    const refusal = openStore(options);
    await expect(refusal).rejects.toBeInstanceOf(SchemaTooNewError);
    await expect(refusal).rejects.toThrow(
      /has schema version 0099_from_the_future, newer than this code's 0003_customer_index/,
    );
    const error = (await refusal.catch((caught: unknown) => caught)) as Error;
    expect(error.message).not.toContain('\n');
  });

  if (dialect === 'sqlite') {
    it('refuses a DATABASE_URL that is not PostgreSQL rather than quietly using SQLite', async () => {
      const options = await newDatabase();
      await expect(
        openStore({ ...options, databaseUrl: 'mysql://root:pw@db/app' }),
      ).rejects.toThrow(
        /^DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL \(unset: SQLite under DATA_DIR\), got "mysql:…"$/,
      );
      expect((await open({ ...options, databaseUrl: ' ' })).dialect).toBe('sqlite');
    });

    it('keeps the file, its -wal and -shm owner-only, in an owner-only directory', async () => {
      const options = await newDatabase();
      const store = await open(options);
      await store.audit.record(auditEvent({ at: 1 }));
      expect(statSync(options.dataDir).mode & 0o777).toBe(0o700);
      for (const suffix of ['', '-wal', '-shm']) {
        expect(statSync(join(options.dataDir, `backoffice.db${suffix}`)).mode & 0o777).toBe(0o600);
      }
    });

    it('says in one line that a file it may not create cannot be opened', async () => {
      const options = await newDatabase();
      writeFileSync(join(options.dataDir, 'a-file'), '');
      const opening = openStore({
        ...options,
        sqliteFile: join(options.dataDir, 'a-file', 'x.db'),
      });
      await expect(opening).rejects.toBeInstanceOf(StoreError);
      await expect(opening).rejects.toThrow(/^The database .* cannot be opened: /);
    });

    it('runs in memory too', async () => {
      const options = await newDatabase();
      const store = await open({ ...options, sqliteFile: ':memory:' });
      expect(store.where).toBe(':memory:');
      await expect(store.ping()).resolves.toBeUndefined();
    });
  } else {
    it('says in one line, without the password, that an unreachable server cannot be opened', async () => {
      const options = await newDatabase();
      const unreachable = openStore({
        ...options,
        databaseUrl: 'postgres://backoffice:hunter2@127.0.0.1:1/backoffice',
        connectTimeoutMs: 500,
      });
      await expect(unreachable).rejects.toBeInstanceOf(StoreError);
      const error = (await unreachable.catch((caught: unknown) => caught)) as Error;
      expect(error.message).toMatch(
        /^The database postgres:\/\/backoffice@127\.0\.0\.1:1\/backoffice cannot be opened: /,
      );
      expect(error.message).not.toContain('hunter2');
    });
  }
});
