import { chmodSync, closeSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  PostgresDialect,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type SqliteDatabase,
  type SqliteDialectConfig,
} from 'kysely';
import pg from 'pg';
import { StoreError } from './errors';
import type { StoreDialect, StoreSchema } from './schema';

export interface ConnectOptions {
  /** `postgres://…` or `postgresql://…`; unset: SQLite. */
  databaseUrl?: string;
  /** Where the SQLite file lives (created 0700). */
  dataDir: string;
  /** The SQLite file: a path, or `:memory:`; default `$dataDir/backoffice.db`. */
  sqliteFile?: string;
  /** SQLite: how long a writer waits for another process's write lock. */
  busyTimeoutMs?: number;
  /** PostgreSQL pool size per process. */
  poolSize?: number;
  /** PostgreSQL: how long to wait for a connection, and for a query, before failing (never hang). */
  connectTimeoutMs?: number;
  queryTimeoutMs?: number;
  /** An idle pooled connection failed (the server went away): told here instead of crashing the process. */
  onPoolError?: (error: Error) => void;
}

export interface Connection {
  db: Kysely<StoreSchema>;
  dialect: StoreDialect;
  /** Where the data is, for messages: the file, or the URL without its password. */
  where: string;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

export function connect(options: ConnectOptions): Connection {
  const url = options.databaseUrl?.trim() || undefined;
  if (url === undefined) return connectSqlite(options);
  if (!isPostgresUrl(url)) {
    throw new StoreError(
      `DATABASE_URL must be a postgres:// or postgresql:// URL (unset: SQLite under DATA_DIR), got "${url.split(':')[0]}:…"`,
    );
  }
  return connectPostgres(url, options);
}

/** Times and counts are BIGINT; as milliseconds they fit a double exactly. */
const bigintAsNumber = new pg.TypeOverrides();
bigintAsNumber.setTypeParser(pg.types.builtins.INT8, Number);

function connectPostgres(url: string, options: ConnectOptions): Connection {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 3_000,
    query_timeout: options.queryTimeoutMs ?? 10_000,
    idleTimeoutMillis: 30_000,
    types: bigintAsNumber,
  });
  pool.on('error', (error) => options.onPoolError?.(error));
  const shown = new URL(url);
  shown.password = '';
  return {
    db: new Kysely<StoreSchema>({ dialect: new PostgresDialect({ pool }) }),
    dialect: 'postgres',
    where: shown.toString(),
  };
}

/** Every transaction takes the write lock at once, so two writers never deadlock on an upgrade. */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/** SQLite runs DDL in transactions; saying so makes Kysely's Migrator migrate inside one (BEGIN IMMEDIATE: the lock). */
class TransactionalSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class StoreSqliteDialect extends SqliteDialect {
  constructor(private readonly config: SqliteDialectConfig) {
    super(config);
  }
  override createDriver() {
    return new ImmediateSqliteDriver(this.config);
  }
  override createAdapter() {
    return new TransactionalSqliteAdapter();
  }
}

/** Kysely prepares each query anew; the store runs the same few again and again. */
function withStatementCache(database: Database.Database): SqliteDatabase {
  const statements = new Map<string, Database.Statement>();
  return {
    close: () => database.close(),
    prepare(text) {
      let statement = statements.get(text);
      if (!statement) {
        statement = database.prepare(text);
        if (statements.size < 1000) statements.set(text, statement);
      }
      return statement;
    },
  };
}

/** Owner-only: the directory 0700, the file 0600 before SQLite opens it (its -wal and -shm take the file's mode). */
function privateFile(dir: string, file: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (statSync(dir).mode & 0o077) chmodSync(dir, 0o700);
  closeSync(openSync(file, 'a', 0o600));
  if (statSync(file).mode & 0o077) chmodSync(file, 0o600);
}

function connectSqlite(options: ConnectOptions): Connection {
  const file = options.sqliteFile ?? join(options.dataDir, 'backoffice.db');
  if (file !== ':memory:') privateFile(dirname(file), file);
  const database = new Database(file);
  // The wait first: switching a new file to WAL takes a lock, and another process opening it
  // at the same moment would otherwise get SQLITE_BUSY at once instead of waiting its turn.
  database.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5_000}`);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  return {
    db: new Kysely<StoreSchema>({
      dialect: new StoreSqliteDialect({ database: withStatementCache(database) }),
    }),
    dialect: 'sqlite',
    where: file,
  };
}
