import type { Migration } from 'kysely';
import type { StoreDialect } from '../schema';
import { initial } from './0001_initial';
import { idempotencySentAt } from './0002_idempotency_sent_at';
import { customerIndex } from './0003_customer_index';

/**
 * Every migration, by name in the order they run. Listed here rather than read
 * from disk, so a bundle carries them. Add new ones at the end, never rename.
 */
export function allMigrations(dialect: StoreDialect): Record<string, Migration> {
  return {
    '0001_initial': initial(dialect),
    '0002_idempotency_sent_at': idempotencySentAt(dialect),
    '0003_customer_index': customerIndex(dialect),
  };
}
