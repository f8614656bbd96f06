import { sql, type Kysely } from 'kysely';
import { deleted } from './deleted';
import type { StoreSchema } from './schema';

export interface Hit {
  /** Hits in the current window, this one included. */
  count: number;
  /** When the window ends (epoch ms): a Retry-After. */
  resetAt: number;
}

/** Named counters in fixed windows, shared by every replica: counted before anything is checked. */
export function rateLimitsRepository(db: Kysely<StoreSchema>) {
  return {
    /** Counts one hit and reads the count back, in one atomic statement (an upsert). */
    async hit(key: string, windowMs: number, now: number): Promise<Hit> {
      const expired = sql<boolean>`${sql.ref('rate_limits.window_ends_at')} <= ${now}`;
      const row = await db
        .insertInto('rate_limits')
        .values({ key, hits: 1, window_ends_at: now + windowMs })
        .onConflict((conflict) =>
          conflict.column('key').doUpdateSet({
            hits: sql`case when ${expired} then 1 else ${sql.ref('rate_limits.hits')} + 1 end`,
            window_ends_at: sql`case when ${expired} then ${now + windowMs} else ${sql.ref('rate_limits.window_ends_at')} end`,
          }),
        )
        .returning(['hits', 'window_ends_at'])
        .executeTakeFirstOrThrow();
      return { count: row.hits, resetAt: row.window_ends_at };
    },

    /** The current count without counting (0 when the window is over). */
    async peek(key: string, now: number): Promise<number> {
      const row = await db
        .selectFrom('rate_limits')
        .select('hits')
        .where('key', '=', key)
        .where('window_ends_at', '>', now)
        .executeTakeFirst();
      return row?.hits ?? 0;
    },

    reset: (key: string): Promise<number> =>
      deleted(db.deleteFrom('rate_limits').where('key', '=', key)),

    sweep: (now: number): Promise<number> =>
      deleted(db.deleteFrom('rate_limits').where('window_ends_at', '<=', now)),
  };
}

export type RateLimitsRepository = ReturnType<typeof rateLimitsRepository>;
