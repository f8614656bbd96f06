/** A failure of the store that start-up or a request can name in one line. */
export class StoreError extends Error {
  override name = 'StoreError';
}

/** The database was migrated by newer code: this code must not touch it. */
export class SchemaTooNewError extends StoreError {
  override name = 'SchemaTooNewError';

  constructor(where: string, unknown: readonly string[], latest: string) {
    super(
      `The database ${where} has schema version ${unknown.at(-1)}, newer than this code's ${latest}: run the newer code, or restore a backup taken before the upgrade`,
    );
  }
}

export class DuplicateAccountError extends StoreError {
  override name = 'DuplicateAccountError';

  constructor(username: string) {
    super(`An account named ${username} already exists`);
  }
}

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_CANTOPEN',
  'SQLITE_IOERR',
  'SQLITE_FULL',
]);

/**
 * Whether an error means the store cannot be reached or used right now (so a
 * request gets a clean 503 and /readyz says so), rather than a bug or a bad query.
 */
export function storeUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (UNREACHABLE_CODES.has(code) || code.startsWith('08') || code.startsWith('SQLITE_IOERR')) {
      return true;
    }
    // A unix socket whose server is gone.
    if (code === 'ENOENT' && (error as { syscall?: unknown }).syscall === 'connect') return true;
  }
  return /connection terminated|timeout exceeded when trying to connect|query read timeout|Connection terminated unexpectedly|database connection is not open/i.test(
    error.message,
  );
}
