import { createHash, randomBytes } from 'node:crypto';
import type { CompiledQuery, Kysely } from 'kysely';
import { deleted } from './deleted';
import type { Role, StoreSchema } from './schema';

/** A session as its account sees it in "your sessions"; `id` is the stored hash, never the cookie's token. */
export interface Session {
  id: string;
  accountId: string;
  createdAt: number;
  lastSeenAt: number;
  userAgent: string | null;
  ip: string | null;
}

/** A live session with the account it belongs to, as a request needs it. */
export interface ActiveSession extends Session {
  username: string;
  role: Role;
}

export interface Lifetimes {
  idleMs: number;
  maxMs: number;
}

/** Last-seen is kept to the minute: a busy agent's requests do not each write. */
export const TOUCH_PRECISION_MS = 60_000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export function withinLifetimes(session: Session, lifetimes: Lifetimes, now: number): boolean {
  return now - session.lastSeenAt <= lifetimes.idleMs && now - session.createdAt <= lifetimes.maxMs;
}

/** A compiled query run with other values for its parameters. */
function withParameters<Row>(query: CompiledQuery<Row>, parameters: unknown[]): CompiledQuery<Row> {
  return { ...query, parameters };
}

export function sessionsRepository(db: Kysely<StoreSchema>) {
  const columns = [
    'sessions.id_hash as id',
    'sessions.account_id as accountId',
    'sessions.created_at as createdAt',
    'sessions.last_seen_at as lastSeenAt',
    'sessions.user_agent as userAgent',
    'sessions.ip as ip',
  ] as const;

  // Every request looks its session up: compiled once, it skips Kysely's query building (most of its cost on SQLite).
  const lookupQuery = db
    .selectFrom('sessions')
    .innerJoin('accounts', 'accounts.id', 'sessions.account_id')
    .select([...columns, 'accounts.username', 'accounts.role'])
    .select(['sessions.generation as sessionGeneration', 'accounts.generation'])
    .where('sessions.id_hash', '=', '')
    .compile();

  return {
    /** Signs in: a new random token for the cookie, undefined when the account is gone. */
    async create(
      accountId: string,
      client: { userAgent?: string; ip?: string },
      now: number,
    ): Promise<{ token: string; session: Session } | undefined> {
      const account = await db
        .selectFrom('accounts')
        .select('generation')
        .where('id', '=', accountId)
        .executeTakeFirst();
      if (!account) return undefined;
      const token = randomBytes(32).toString('base64url');
      const session = {
        id: hashToken(token),
        accountId,
        createdAt: now,
        lastSeenAt: now,
        userAgent: client.userAgent?.slice(0, 200) ?? null,
        ip: client.ip?.slice(0, 64) ?? null,
      };
      // A change of the account in between leaves a stale generation: that session is dead on arrival.
      await db
        .insertInto('sessions')
        .values({
          id_hash: session.id,
          account_id: accountId,
          generation: account.generation,
          created_at: now,
          last_seen_at: now,
          user_agent: session.userAgent,
          ip: session.ip,
        })
        .execute();
      return { token, session };
    },

    /** The session a cookie's token names, if alive and its account unchanged; a dead one is deleted. */
    async lookup(
      token: string,
      lifetimes: Lifetimes,
      now: number,
    ): Promise<ActiveSession | undefined> {
      const { rows } = await db.executeQuery(withParameters(lookupQuery, [hashToken(token)]));
      const row = rows[0];
      if (!row) return undefined;
      const { sessionGeneration, generation, ...session } = row;
      if (sessionGeneration === generation && withinLifetimes(session, lifetimes, now)) {
        return session;
      }
      await db.deleteFrom('sessions').where('id_hash', '=', session.id).execute();
      return undefined;
    },

    /** Records activity when last-seen is older than the precision; says whether it wrote (and the cookie is worth re-sending). */
    async touch(session: Session, now: number, precisionMs = TOUCH_PRECISION_MS): Promise<boolean> {
      if (now - session.lastSeenAt < precisionMs) return false;
      await db
        .updateTable('sessions')
        .set({ last_seen_at: now })
        .where('id_hash', '=', session.id)
        .execute();
      session.lastSeenAt = now;
      return true;
    },

    listByAccount: (accountId: string): Promise<Session[]> =>
      db
        .selectFrom('sessions')
        .select(columns)
        .where('account_id', '=', accountId)
        .orderBy('last_seen_at', 'desc')
        .execute(),

    /** Ends one session of this account (by its listed id); another account's is out of reach. */
    end: async (accountId: string, id: string): Promise<boolean> =>
      (await deleted(
        db.deleteFrom('sessions').where('account_id', '=', accountId).where('id_hash', '=', id),
      )) > 0,

    /** Sign-out by token. */
    endByToken: (token: string): Promise<number> =>
      deleted(db.deleteFrom('sessions').where('id_hash', '=', hashToken(token))),

    endAll: (accountId: string): Promise<number> =>
      deleted(db.deleteFrom('sessions').where('account_id', '=', accountId)),

    endOthers: (accountId: string, keepId: string): Promise<number> =>
      deleted(
        db
          .deleteFrom('sessions')
          .where('account_id', '=', accountId)
          .where('id_hash', '<>', keepId),
      ),

    /** Deletes sessions past either lifetime, or made under an older generation of their account. */
    sweep: (lifetimes: Lifetimes, now: number): Promise<number> =>
      deleted(
        db
          .deleteFrom('sessions')
          .where((eb) =>
            eb.or([
              eb('last_seen_at', '<', now - lifetimes.idleMs),
              eb('created_at', '<', now - lifetimes.maxMs),
              eb(
                'generation',
                '<>',
                eb
                  .selectFrom('accounts')
                  .select('accounts.generation')
                  .whereRef('accounts.id', '=', 'sessions.account_id'),
              ),
            ]),
          ),
      ),
  };
}

export type SessionsRepository = ReturnType<typeof sessionsRepository>;
