import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, inject } from 'vitest';
import type { StoreDialect } from '../schema';
import { openStore, type Store, type StoreOptions } from '../store';
import { createDatabase } from './postgres';

export interface StoreUnderTest {
  dialect: StoreDialect;
  /** Options naming a new, empty database (a SQLite file in a temp dir, or a new PostgreSQL database). */
  newDatabase: () => Promise<StoreOptions>;
  /** Opens a store (on a new database unless given one), closed after the test. */
  open: (options?: StoreOptions) => Promise<Store>;
}

/**
 * The same tests on SQLite and on PostgreSQL (the throwaway cluster of
 * globalSetup); the PostgreSQL half is skipped when it has no cluster.
 */
export function describeOnBothDialects(title: string, tests: (target: StoreUnderTest) => void) {
  const adminUrl = inject('postgresAdminUrl');
  for (const dialect of ['sqlite', 'postgres'] as const) {
    describe.skipIf(dialect === 'postgres' && adminUrl === null)(`${title} (${dialect})`, () => {
      const stores: Store[] = [];
      const dirs: string[] = [];
      afterEach(async () => {
        await Promise.all(stores.splice(0).map((store) => store.close()));
        for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
      });
      const target: StoreUnderTest = {
        dialect,
        async newDatabase() {
          const dataDir = mkdtempSync(join(tmpdir(), 'store-test-'));
          dirs.push(dataDir);
          if (dialect === 'sqlite') return { dataDir };
          const name = `store_${randomUUID().replace(/-/g, '')}`;
          return { dataDir, databaseUrl: await createDatabase(adminUrl!, name) };
        },
        async open(options) {
          const store = await openStore(options ?? (await target.newDatabase()));
          stores.push(store);
          return store;
        },
      };
      tests(target);
    });
  }
}
