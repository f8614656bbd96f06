import type { Kysely } from 'kysely';
import type { StoreDialect, StoreSchema } from '../schema';
import { indexEvents } from './events';
import { indexFeed } from './feed';
import { indexQueue } from './queue';
import { indexReads } from './reads';
import { indexSearch } from './search';
import type { CustomerIndex } from './types';

/**
 * The store's CustomerIndex: one set of Kysely queries, with per-dialect SQL
 * only for name search (FTS5 on SQLite, a tsvector GIN index on PostgreSQL).
 * `purgeEvents` is the sweep's, not the interface's.
 */
export function customerIndexRepository(
  db: Kysely<StoreSchema>,
  dialect: StoreDialect,
): CustomerIndex & { purgeEvents(now: number): Promise<number> } {
  return {
    ...indexFeed(db, dialect),
    search: indexSearch(db, dialect),
    ...indexReads(db),
    ...indexQueue(db),
    ...indexEvents(db, dialect),
  };
}
