import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { schemaRules } from '../../openapi/rules';
import { deleted } from './deleted';
import { DuplicateAccountError, StoreError } from './errors';
import type { AccountsTable, Role, StoreSchema } from './schema';

export type Account = Selectable<AccountsTable>;

export const ROLES: readonly Role[] = schemaRules.Role.enum;

/** Usernames are compared without regard to case: stored and looked up in lowercase. */
export const normalUsername = (username: string) => username.trim().toLowerCase();

function checkRole(role: Role): void {
  if (!ROLES.includes(role)) throw new StoreError(`The role is one of: ${ROLES.join(', ')}`);
}

export interface NewAccount {
  username: string;
  role: Role;
  passwordHash: string;
  /** When it was made, if before now (an imported account). */
  createdAt?: number;
}

/** A new identity: a fresh random id that no earlier session can name. */
function newAccountRow(input: NewAccount, now: number): Account {
  checkRole(input.role);
  return {
    id: randomUUID(),
    username: normalUsername(input.username),
    role: input.role,
    password_hash: input.passwordHash,
    generation: 1,
    created_at: input.createdAt ?? now,
    updated_at: now,
  };
}

/** Inserts unless the name is taken; says whether it did. */
async function insertAccount(db: Kysely<StoreSchema>, account: Account): Promise<boolean> {
  const inserted = await db
    .insertInto('accounts')
    .values(account)
    .onConflict((conflict) => conflict.column('username').doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Sign-in accounts: unique names, a role, a scrypt hash, and a generation that a change bumps. */
export function accountsRepository(db: Kysely<StoreSchema>) {
  return {
    find: (username: string): Promise<Account | undefined> =>
      db
        .selectFrom('accounts')
        .selectAll()
        .where('username', '=', normalUsername(username))
        .executeTakeFirst(),

    list: (): Promise<Account[]> =>
      db.selectFrom('accounts').selectAll().orderBy('username').execute(),

    async create(input: NewAccount, now: number): Promise<Account> {
      const account = newAccountRow(input, now);
      if (!(await insertAccount(db, account))) throw new DuplicateAccountError(account.username);
      return account;
    },

    /**
     * Brings in the accounts of a users.json, once per database: later calls (the
     * next start-up) import nothing, so an account removed since stays removed.
     * Names already taken are skipped. Says how many were imported, or undefined
     * when the import had been done before.
     */
    importOnce: (accounts: NewAccount[], now: number): Promise<number | undefined> =>
      db.transaction().execute(async (trx) => {
        const marked = await trx
          .insertInto('store_meta')
          .values({ key: 'users_json_imported_at', value: new Date(now).toISOString() })
          .onConflict((conflict) => conflict.column('key').doNothing())
          .executeTakeFirst();
        if (Number(marked.numInsertedOrUpdatedRows ?? 0) === 0) return undefined;
        let imported = 0;
        for (const account of accounts) {
          if (await insertAccount(trx, newAccountRow(account, now))) imported += 1;
        }
        return imported;
      }),

    /** A new password or role: the generation moves on and every session of the account ends. */
    async update(
      username: string,
      change: { role?: Role; passwordHash?: string },
      now: number,
    ): Promise<Account | undefined> {
      if (change.role) checkRole(change.role);
      return db.transaction().execute(async (trx) => {
        const account = await trx
          .updateTable('accounts')
          .set((eb) => ({
            role: change.role ?? eb.ref('role'),
            password_hash: change.passwordHash ?? eb.ref('password_hash'),
            generation: eb('generation', '+', 1),
            updated_at: now,
          }))
          .where('username', '=', normalUsername(username))
          .returningAll()
          .executeTakeFirst();
        if (account)
          await trx.deleteFrom('sessions').where('account_id', '=', account.id).execute();
        return account;
      });
    },

    /** Removes the account; ON DELETE CASCADE takes its sessions and idempotency answers with it. */
    remove: async (username: string): Promise<boolean> =>
      (await deleted(db.deleteFrom('accounts').where('username', '=', normalUsername(username)))) >
      0,
  };
}

export type AccountsRepository = ReturnType<typeof accountsRepository>;
