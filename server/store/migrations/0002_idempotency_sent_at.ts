import { sql, type Kysely, type Migration } from 'kysely';
import type { StoreDialect } from '../schema';

/**
 * `idempotency_keys.sent_at`: when a claim's create went upstream (null: never
 * sent). A stale claim that was sent is not taken over, since its record may
 * exist upstream. Adds the column only when it is missing, so running it again
 * changes nothing. Frozen once released.
 */
export function idempotencySentAt(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (dialect === 'postgres') {
        await sql`alter table idempotency_keys add column if not exists sent_at bigint`.execute(db);
        return;
      }
      const { rows } = await sql<{
        name: string;
      }>`select name from pragma_table_info('idempotency_keys')`.execute(db);
      if (rows.some((column) => column.name === 'sent_at')) return;
      await db.schema.alterTable('idempotency_keys').addColumn('sent_at', 'bigint').execute();
    },
  };
}
