import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { schemaRules } from '../../openapi/rules';
import { ROLES, type Account, type NewAccount } from '../store/accounts';
import type { Role } from '../store/schema';
import type { Store } from '../store/store';

/**
 * Dashboard accounts, kept in the store: names, roles and scrypt password
 * hashes. The limits on a name and a password are the sign-in contract's, so
 * any account made here can sign in.
 */
export { ROLES, type Role };

const SIGN_IN = schemaRules.SignInRequest.properties;
const MAX_USERNAME_LENGTH = SIGN_IN.username.maxLength;
export const MAX_PASSWORD_LENGTH = SIGN_IN.password.maxLength;
export const USERNAME = new RegExp(`^[a-z0-9][a-z0-9._-]{0,${MAX_USERNAME_LENGTH - 1}}$`);
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

/** Why a name, role or password cannot make an account, in a sentence for the person adding it. */
export class AccountRefused extends Error {
  override name = 'AccountRefused';
}

export function checkNewAccount(username: string, role: Role, password: string): string {
  const name = username.trim().toLowerCase();
  if (!USERNAME.test(name)) {
    throw new AccountRefused(
      `A username is 1 to ${MAX_USERNAME_LENGTH} lowercase letters, digits, dots, dashes or underscores.`,
    );
  }
  if (!ROLES.includes(role)) throw new AccountRefused(`The role is one of: ${ROLES.join(', ')}.`);
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new AccountRefused(`A password has at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
  // Longer than sign-in accepts: such an account could never sign in.
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw new AccountRefused(`A password has at most ${MAX_PASSWORD_LENGTH} characters.`);
  }
  return name;
}

/**
 * Adds an account, or resets the password and role of an existing one. A reset
 * ends every session of the account at once (the store moves its generation on).
 */
export async function addOrResetAccount(
  store: Store,
  username: string,
  role: Role,
  password: string,
  now = Date.now(),
): Promise<{ account: Account; reset: boolean }> {
  const name = checkNewAccount(username, role, password);
  const passwordHash = await hashPassword(password);
  // An update of a name no account has changes nothing and answers undefined.
  const account = await store.accounts.update(name, { role, passwordHash }, now);
  if (account) return { account, reset: true };
  return {
    account: await store.accounts.create({ username: name, role, passwordHash }, now),
    reset: false,
  };
}

/**
 * Brings the accounts of an older version's users.json into the store, once per
 * database (the store remembers it did); the file is left in place. Undefined when
 * there is no file or it was imported before.
 */
export async function importUsersFileOnce(
  store: Store,
  path: string,
  now: number,
): Promise<{ imported: number; of: number } | undefined> {
  const accounts = readUsersFile(path);
  if (!accounts) return undefined;
  const imported = await store.accounts.importOnce(accounts, now);
  return imported === undefined ? undefined : { imported, of: accounts.length };
}

/** The accounts of a users.json as older versions wrote it (`{ users: [...] }`). */
function readUsersFile(path: string): NewAccount[] | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const parsed = JSON.parse(text) as {
    users?: { username?: unknown; role?: unknown; password_hash?: unknown; created_at?: unknown }[];
  };
  const accounts: NewAccount[] = [];
  for (const user of Array.isArray(parsed.users) ? parsed.users : []) {
    const role = ROLES.find((known) => known === user.role);
    if (typeof user.username !== 'string' || typeof user.password_hash !== 'string' || !role) {
      continue;
    }
    const createdAt = typeof user.created_at === 'string' ? Date.parse(user.created_at) : NaN;
    accounts.push({
      username: user.username,
      role,
      passwordHash: user.password_hash,
      ...(Number.isFinite(createdAt) ? { createdAt } : {}),
    });
  }
  return accounts;
}
