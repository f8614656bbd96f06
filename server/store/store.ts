import { sql, type Kysely } from 'kysely';
import { accountsRepository } from './accounts';
import { auditRepository } from './audit';
import { connect, type Connection, type ConnectOptions } from './connect';
import { StoreError } from './errors';
import { idempotencyRepository } from './idempotency';
import { customerIndexRepository } from './index/customerIndex';
import { leasesRepository } from './leases';
import { migrateToLatest } from './migrate';
import { allMigrations } from './migrations/all';
import { rateLimitsRepository } from './rateLimits';
import type { StoreDialect, StoreSchema } from './schema';
import { sessionsRepository, type Lifetimes } from './sessions';

export type StoreOptions = ConnectOptions;

export interface SweepOptions {
  now: number;
  sessions: Lifetimes;
  /** AUDIT_RETENTION_DAYS (400). */
  auditRetentionDays: number;
}

export interface SweepResult {
  sessions: number;
  idempotencyKeys: number;
  rateLimits: number;
  auditEvents: number;
  /** Live events older than a day (a stream that was away longer starts afresh). */
  indexEvents: number;
}

export type Store = Awaited<ReturnType<typeof openStore>>;

/**
 * Opens the back-office's store: PostgreSQL when `databaseUrl` is a postgres://
 * URL, else the SQLite file under `dataDir`; migrates it to this code's schema
 * (or stops with SchemaTooNewError) and hands back its repositories.
 */
export async function openStore(options: StoreOptions) {
  let connection: Connection;
  try {
    connection = connect(options);
  } catch (error) {
    throw cannotOpen(options.sqliteFile ?? options.dataDir, error);
  }
  const { db, dialect, where } = connection;
  try {
    const migrated = await migrateToLatest(db as Kysely<unknown>, allMigrations(dialect), where);
    return storeOver(db, dialect, where, migrated);
  } catch (error) {
    await db.destroy();
    throw cannotOpen(where, error);
  }
}

/** Any failure to open, as one line start-up can print (a StoreError says it already). */
function cannotOpen(where: string, error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  const reason =
    error instanceof Error ? error.message || (error as { code?: string }).code : String(error);
  return new StoreError(`The database ${where} cannot be opened: ${reason}`, { cause: error });
}

function storeOver(
  db: Kysely<StoreSchema>,
  dialect: StoreDialect,
  where: string,
  migrated: string[],
) {
  const sessions = sessionsRepository(db);
  const idempotency = idempotencyRepository(db, dialect);
  const rateLimits = rateLimitsRepository(db);
  const audit = auditRepository(db);
  const index = customerIndexRepository(db, dialect);
  return {
    dialect,
    /** Where the data is (the file, or the URL without its password), for log lines. */
    where,
    /** Migrations this open applied (empty when the schema was current). */
    migrated,
    /** For tests and tools that look under the repositories; everything else goes through them. */
    db,
    accounts: accountsRepository(db),
    sessions,
    idempotency,
    rateLimits,
    audit,
    leases: leasesRepository(db),
    /** The index of the Customers API (issue 11). */
    index,

    /** Deletes what has expired; the worker holding the lease calls it now and then. */
    async sweep(options: SweepOptions): Promise<SweepResult> {
      return {
        sessions: await sessions.sweep(options.sessions, options.now),
        idempotencyKeys: await idempotency.sweep(options.now),
        rateLimits: await rateLimits.sweep(options.now),
        auditEvents: await audit.purge(options.auditRetentionDays, options.now),
        indexEvents: await index.purgeEvents(options.now),
      };
    },

    /** Throws when the database cannot answer (for /readyz). */
    async ping(): Promise<void> {
      await sql`select 1`.execute(db);
    },

    close: () => db.destroy(),
  };
}
