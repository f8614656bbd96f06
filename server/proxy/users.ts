import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { components } from '../../openapi/backoffice';
import { schemaRules } from '../../openapi/rules';

/**
 * Dashboard accounts: a JSON file of names, roles and scrypt password hashes.
 * Written atomically (temp file + rename) with owner-only permissions.
 */
export type Role = components['schemas']['Role'];
export const ROLES: readonly Role[] = schemaRules.Role.enum;

export interface Account {
  username: string;
  role: Role;
  /** `scrypt$N$r$p$salt$hash`, base64 salt and hash. */
  password_hash: string;
  created_at: string;
}

export const USERNAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;
export const MIN_PASSWORD_LENGTH = 12;
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, keylen: 32 };

function derive(
  password: string,
  salt: Buffer,
  options: ScryptOptions & { keylen: number },
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password,
      salt,
      options.keylen,
      { N: options.N, r: options.r, p: options.p, maxmem: 128 * options.N! * options.r! * 2 },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, SCRYPT);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await derive(password, Buffer.from(salt, 'base64'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    keylen: expected.length,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash to compare against when the account does not exist, so timing does not tell. */
let decoyHash: Promise<string> | undefined;
export function decoy(): Promise<string> {
  decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return decoyHash;
}

export class UsersFile {
  private cache: { mtimeMs: number; checkedAt: number; accounts: Account[] } | undefined;

  constructor(readonly path: string) {}

  /** The account as the file says now (re-read only when the file changed), for every request. */
  current(username: string, now = Date.now()): Account | undefined {
    // The file is looked at at most once a second: a removal takes effect within that.
    if (this.cache && now - this.cache.checkedAt < 1000) {
      return this.cache.accounts.find((account) => account.username === username);
    }
    let mtimeMs = -1;
    try {
      mtimeMs = statSync(this.path).mtimeMs;
    } catch {
      // No file: no accounts.
    }
    const accounts =
      this.cache?.mtimeMs === mtimeMs ? this.cache.accounts : mtimeMs < 0 ? [] : this.read();
    this.cache = { mtimeMs, checkedAt: now, accounts };
    return accounts.find((account) => account.username === username);
  }

  read(): Account[] {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const parsed = JSON.parse(text) as { users?: Account[] };
    return Array.isArray(parsed.users) ? parsed.users : [];
  }

  find(username: string): Account | undefined {
    return this.read().find((account) => account.username === username.toLowerCase());
  }

  write(accounts: Account[]): void {
    mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 });
    const temp = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temp, `${JSON.stringify({ users: accounts }, null, 2)}\n`, { mode: 0o600 });
    // A temp file left by a crash keeps its old mode through writeFileSync.
    chmodSync(temp, 0o600);
    renameSync(temp, this.path);
  }

  async add(username: string, role: Role, password: string): Promise<Account> {
    const name = username.toLowerCase();
    if (!USERNAME.test(name)) {
      throw new Error(
        'A username is 1 to 64 lowercase letters, digits, dots, dashes or underscores.',
      );
    }
    if (!ROLES.includes(role)) throw new Error(`The role is one of: ${ROLES.join(', ')}.`);
    if (password.length < MIN_PASSWORD_LENGTH) {
      throw new Error(`A password has at least ${MIN_PASSWORD_LENGTH} characters.`);
    }
    const accounts = this.read().filter((account) => account.username !== name);
    const account: Account = {
      username: name,
      role,
      password_hash: await hashPassword(password),
      created_at: new Date().toISOString(),
    };
    this.write([...accounts, account]);
    return account;
  }

  remove(username: string): boolean {
    const accounts = this.read();
    const kept = accounts.filter((account) => account.username !== username.toLowerCase());
    if (kept.length === accounts.length) return false;
    this.write(kept);
    return true;
  }
}
