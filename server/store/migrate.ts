import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import { SchemaTooNewError, StoreError } from './errors';

const MIGRATION_TABLE = 'kysely_migration';

/** Names of the migrations the database has run, or none when it has never been migrated. */
async function executedMigrations(db: Kysely<unknown>): Promise<string[]> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((table) => table.name === MIGRATION_TABLE)) return [];
  const { rows } = await sql<{
    name: string;
  }>`select name from ${sql.table(MIGRATION_TABLE)}`.execute(db);
  return rows.map((row) => row.name);
}

/**
 * Brings the schema up to date, one instance at a time: Kysely's Migrator holds
 * a PostgreSQL advisory lock, and on SQLite runs in a BEGIN IMMEDIATE
 * transaction (the file's write lock). Migrated already: nothing happens.
 */
export async function migrateToLatest(
  db: Kysely<unknown>,
  migrations: Record<string, Migration>,
  where: string,
): Promise<string[]> {
  const known = Object.keys(migrations).sort();
  const latest = known.at(-1) ?? 'none';
  const tooNew = (await executedMigrations(db)).filter((name) => !known.includes(name)).sort();
  if (tooNew.length > 0) throw new SchemaTooNewError(where, tooNew, latest);

  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const message = error instanceof Error ? error.message : JSON.stringify(error);
    // Another, newer instance migrated between our look and our lock.
    const missing = /previously executed migration (\S+) is missing/.exec(message);
    if (missing?.[1]) throw new SchemaTooNewError(where, [missing[1]], latest);
    throw new StoreError(`Migrating the database ${where} failed: ${message}`, {
      cause: error,
    });
  }
  return (results ?? []).map((result) => result.migrationName);
}
