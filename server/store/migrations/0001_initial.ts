import type { Kysely, Migration } from 'kysely';
import type { StoreDialect } from '../schema';

/**
 * Accounts, sessions, idempotency claims, rate-limit counters, audit events and
 * leases. Frozen once released: a change is a new migration, never an edit here.
 */
export function initial(dialect: StoreDialect): Migration {
  const bytes = dialect === 'postgres' ? 'bytea' : 'blob';
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('accounts')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('username', 'text', (column) => column.notNull().unique())
        .addColumn('role', 'text', (column) => column.notNull())
        .addColumn('password_hash', 'text', (column) => column.notNull())
        .addColumn('generation', 'integer', (column) => column.notNull())
        .addColumn('created_at', 'bigint', (column) => column.notNull())
        .addColumn('updated_at', 'bigint', (column) => column.notNull())
        .execute();

      await db.schema
        .createTable('sessions')
        .addColumn('id_hash', 'text', (column) => column.primaryKey())
        .addColumn('account_id', 'text', (column) =>
          column.notNull().references('accounts.id').onDelete('cascade'),
        )
        .addColumn('generation', 'integer', (column) => column.notNull())
        .addColumn('created_at', 'bigint', (column) => column.notNull())
        .addColumn('last_seen_at', 'bigint', (column) => column.notNull())
        .addColumn('user_agent', 'text')
        .addColumn('ip', 'text')
        .execute();
      await db.schema
        .createIndex('sessions_by_account')
        .on('sessions')
        .column('account_id')
        .execute();

      await db.schema
        .createTable('idempotency_keys')
        .addColumn('account_id', 'text', (column) =>
          column.notNull().references('accounts.id').onDelete('cascade'),
        )
        .addColumn('key', 'text', (column) => column.notNull())
        .addColumn('fingerprint', 'text', (column) => column.notNull())
        .addColumn('state', 'text', (column) => column.notNull())
        .addColumn('claim_id', 'text', (column) => column.notNull())
        .addColumn('claimed_at', 'bigint', (column) => column.notNull())
        .addColumn('expires_at', 'bigint', (column) => column.notNull())
        .addColumn('status', 'integer')
        .addColumn('content_type', 'text')
        .addColumn('body', bytes)
        .addPrimaryKeyConstraint('idempotency_keys_pk', ['account_id', 'key'])
        .execute();
      await db.schema
        .createIndex('idempotency_keys_by_expiry')
        .on('idempotency_keys')
        .column('expires_at')
        .execute();

      await db.schema
        .createTable('rate_limits')
        .addColumn('key', 'text', (column) => column.primaryKey())
        .addColumn('hits', 'integer', (column) => column.notNull())
        .addColumn('window_ends_at', 'bigint', (column) => column.notNull())
        .execute();
      await db.schema
        .createIndex('rate_limits_by_window_end')
        .on('rate_limits')
        .column('window_ends_at')
        .execute();

      await db.schema
        .createTable('audit_events')
        .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (column) =>
          dialect === 'postgres' ? column.primaryKey() : column.primaryKey().autoIncrement(),
        )
        .addColumn('at', 'bigint', (column) => column.notNull())
        .addColumn('actor', 'text', (column) => column.notNull())
        .addColumn('role', 'text')
        .addColumn('action', 'text', (column) => column.notNull())
        .addColumn('customer_id', 'text')
        .addColumn('target_id', 'text')
        .addColumn('upstream_request_id', 'text')
        .addColumn('outcome', 'text', (column) => column.notNull())
        .addColumn('details', 'text')
        .execute();
      // Newest first, overall and by each filter the activity view offers.
      for (const column of ['at', 'actor', 'customer_id', 'action']) {
        await db.schema
          .createIndex(`audit_events_by_${column}`)
          .on('audit_events')
          .columns(column === 'at' ? ['at'] : [column, 'id'])
          .execute();
      }

      // One-off facts about this database, e.g. that users.json was imported.
      await db.schema
        .createTable('store_meta')
        .addColumn('key', 'text', (column) => column.primaryKey())
        .addColumn('value', 'text', (column) => column.notNull())
        .execute();

      await db.schema
        .createTable('leases')
        .addColumn('name', 'text', (column) => column.primaryKey())
        .addColumn('holder', 'text', (column) => column.notNull())
        .addColumn('expires_at', 'bigint', (column) => column.notNull())
        .execute();
    },
  };
}
