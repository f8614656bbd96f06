import { sql, type Kysely, type Migration } from 'kysely';
import type { StoreDialect } from '../schema';

/**
 * The index of the Customers API (issue 11): customers with their search keys
 * and latest verification, bank accounts, verifications, the sync's state and
 * walks, and the live events. Every statement is "if not exists", so running it again
 * changes nothing. Frozen once released.
 */
export function customerIndex(dialect: StoreDialect): Migration {
  const postgres = dialect === 'postgres';
  // Prefix searches are byte ranges (`>= p and < p || '\uffff'`): on PostgreSQL
  // the keys compare bytewise whatever the database's locale.
  const key = postgres ? sql`text collate "C"` : sql`text`;
  return {
    async up(db: Kysely<unknown>) {
      let customers = db.schema.createTable('index_customers').ifNotExists();
      customers = postgres
        ? customers.addColumn('id', key, (column) => column.primaryKey())
        : customers
            .addColumn('seq', 'integer', (column) => column.primaryKey().autoIncrement())
            .addColumn('id', 'text', (column) => column.notNull().unique());
      await customers
        .addColumn('first_name', 'text', (column) => column.notNull())
        .addColumn('last_name', 'text', (column) => column.notNull())
        .addColumn('company_name', 'text')
        .addColumn('email', 'text')
        .addColumn('phone', 'text')
        .addColumn('external_id', 'text')
        .addColumn('address', 'text')
        .addColumn('created_at', 'text')
        .addColumn('created_ms', 'bigint', (column) => column.notNull())
        .addColumn('name_words', 'text', (column) => column.notNull())
        .addColumn('email_key', key)
        .addColumn('phone_key', key)
        .addColumn('external_id_key', key)
        .addColumn('fingerprint', 'text', (column) => column.notNull())
        .addColumn('seen_walk', 'text')
        .addColumn('details_synced_at', 'bigint')
        .addColumn('updated_at', 'bigint', (column) => column.notNull())
        .addColumn('latest_id', 'text')
        .addColumn('latest_status', 'text')
        .addColumn('latest_stale', 'integer', (column) => column.notNull().defaultTo(0))
        .addColumn('latest_score', 'double precision')
        .addColumn('latest_at', 'bigint')
        .addColumn('latest_category', 'text', (column) => column.notNull().defaultTo('none'))
        .execute();
      const customerIndexes: Record<string, string[]> = {
        by_created: ['created_ms', 'id'],
        by_category: ['latest_category', 'created_ms', 'id'],
        by_email: ['email_key'],
        by_phone: ['phone_key'],
        by_external_id: ['external_id_key'],
        by_walk: ['seen_walk'],
      };
      for (const [name, columns] of Object.entries(customerIndexes)) {
        await db.schema
          .createIndex(`index_customers_${name}`)
          .ifNotExists()
          .on('index_customers')
          .columns(columns)
          .execute();
      }
      await db.schema
        .createIndex('index_customers_needing_details')
        .ifNotExists()
        .on('index_customers')
        .columns(['created_ms', 'id'])
        .where(sql.ref('details_synced_at'), 'is', null)
        .execute();
      if (postgres) {
        await sql`create index if not exists index_customers_by_words on index_customers using gin (to_tsvector('simple', name_words))`.execute(
          db,
        );
      } else {
        // External content: the words live once, in index_customers; triggers keep the FTS index in step.
        await sql`create virtual table if not exists index_customers_fts using fts5(name_words, content='index_customers', content_rowid='seq', prefix='2 3')`.execute(
          db,
        );
        await sql`create trigger if not exists index_customers_fts_insert after insert on index_customers begin
          insert into index_customers_fts (rowid, name_words) values (new.seq, new.name_words);
        end`.execute(db);
        await sql`create trigger if not exists index_customers_fts_delete after delete on index_customers begin
          insert into index_customers_fts (index_customers_fts, rowid, name_words) values ('delete', old.seq, old.name_words);
        end`.execute(db);
        await sql`create trigger if not exists index_customers_fts_update after update of name_words on index_customers begin
          insert into index_customers_fts (index_customers_fts, rowid, name_words) values ('delete', old.seq, old.name_words);
          insert into index_customers_fts (rowid, name_words) values (new.seq, new.name_words);
        end`.execute(db);
      }

      await db.schema
        .createTable('index_bank_accounts')
        .ifNotExists()
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('customer_id', 'text', (column) => column.notNull())
        .addColumn('iban_last4', 'text')
        .addColumn('holder_name', 'text')
        .addColumn('verified', 'integer')
        .addColumn('seen_at', 'bigint', (column) => column.notNull())
        .execute();
      for (const column of ['customer_id', 'iban_last4']) {
        await db.schema
          .createIndex(`index_bank_accounts_by_${column}`)
          .ifNotExists()
          .on('index_bank_accounts')
          .column(column)
          .execute();
      }

      await db.schema
        .createTable('index_verifications')
        .ifNotExists()
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('customer_id', 'text', (column) => column.notNull())
        .addColumn('status', 'text', (column) => column.notNull())
        .addColumn('stale', 'integer', (column) => column.notNull().defaultTo(0))
        .addColumn('category', 'text', (column) => column.notNull())
        .addColumn('match_score', 'double precision')
        .addColumn('provider_id', 'text')
        .addColumn('expected_name', 'text')
        .addColumn('started_by', 'text')
        .addColumn('started_at', 'bigint', (column) => column.notNull())
        .addColumn('resolved_at', 'bigint')
        .addColumn('activity_at', 'bigint', (column) => column.notNull())
        .addColumn('last_checked_at', 'bigint')
        .addColumn('watched_since', 'bigint')
        .addColumn('next_check_at', 'bigint')
        .execute();
      // The queue's two orders, overall, by status and by agent; the watcher's; a customer's.
      const verificationIndexes: Record<string, string[]> = {
        by_activity: ['activity_at', 'id'],
        by_category_activity: ['category', 'activity_at', 'id'],
        by_category_started: ['category', 'started_at', 'id'],
        by_started_by: ['started_by', 'activity_at', 'id'],
        by_started: ['started_at', 'id'],
        by_customer: ['customer_id', 'started_at'],
        by_next_check: ['next_check_at'],
      };
      for (const [name, columns] of Object.entries(verificationIndexes)) {
        await db.schema
          .createIndex(`index_verifications_${name}`)
          .ifNotExists()
          .on('index_verifications')
          .columns(columns)
          .execute();
      }

      await db.schema
        .createTable('index_sync_state')
        .ifNotExists()
        .addColumn('id', 'integer', (column) => column.primaryKey())
        .addColumn('state', 'text', (column) => column.notNull())
        .execute();

      await db.schema
        .createTable('index_walks')
        .ifNotExists()
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('started_at', 'bigint', (column) => column.notNull())
        .execute();

      // Ids never come back after a purge (AUTOINCREMENT, a sequence): they are the stream's Last-Event-ID.
      await db.schema
        .createTable('index_events')
        .ifNotExists()
        .addColumn('id', postgres ? 'bigserial' : 'integer', (column) =>
          postgres ? column.primaryKey() : column.primaryKey().autoIncrement(),
        )
        .addColumn('at', 'bigint', (column) => column.notNull())
        .addColumn('kind', 'text', (column) => column.notNull())
        .addColumn('payload', 'text', (column) => column.notNull())
        .execute();
      await db.schema
        .createIndex('index_events_by_at')
        .ifNotExists()
        .on('index_events')
        .column('at')
        .execute();
    },
  };
}
