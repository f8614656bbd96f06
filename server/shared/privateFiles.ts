import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';

/**
 * Owner-only files: what the servers keep on disk (session secret, accounts,
 * databases holding app secrets and signing keys) is readable by their own
 * user alone. Modes are set explicitly, not left to the umask.
 */
const GROUP_OR_OTHER = 0o077;

function tighten(path: string, mode: number): void {
  if (statSync(path).mode & GROUP_OR_OTHER) chmodSync(path, mode);
}

/** Creates `dir` (and any missing parent) 0700; `ours`: an existing one is tightened to 0700 too. */
export function ownerOnlyDir(dir: string, { ours }: { ours: boolean }): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (ours) tighten(dir, 0o700);
}

/** An existing file is tightened to 0600 (one an older version wrote 0644); a missing one is left missing. */
export function ownerOnlyIfPresent(path: string): void {
  if (existsSync(path)) tighten(path, 0o600);
}

/** Creates `path` empty with mode 0600 if it is missing, and tightens it to 0600 if it exists. */
export function ownerOnlyFile(path: string): void {
  closeSync(openSync(path, 'a', 0o600));
  tighten(path, 0o600);
}

/**
 * Before SQLite opens `path`: the file 0600, so the -wal and -shm that SQLite
 * creates take its mode; ones an older version left readable are tightened.
 */
export function ownerOnlyDatabase(path: string): void {
  ownerOnlyFile(path);
  for (const suffix of ['-wal', '-shm', '-journal']) {
    if (existsSync(`${path}${suffix}`)) tighten(`${path}${suffix}`, 0o600);
  }
}
