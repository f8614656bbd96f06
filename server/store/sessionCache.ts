import {
  withinLifetimes,
  type ActiveSession,
  type Lifetimes,
  type SessionsRepository,
} from './sessions';

export interface SessionCacheOptions {
  /** How long a looked-up session is trusted without asking the store: the most a revocation on another replica waits. */
  ttlMs?: number;
  maxEntries?: number;
}

/**
 * The per-request session check without a store round trip each time: a
 * session found alive is remembered for `ttlMs` (1 s), so sign-out, removal or
 * a role change on another replica takes effect within that; this replica's
 * own sign-outs `forget` at once. Lifetimes are checked on every call. Unknown
 * tokens are never remembered, so guessing cannot fill the cache.
 */
export function sessionCache(sessions: SessionsRepository, options: SessionCacheOptions = {}) {
  const ttlMs = options.ttlMs ?? 1_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const entries = new Map<string, { session: ActiveSession; checkedAt: number }>();

  return {
    async lookup(
      token: string,
      lifetimes: Lifetimes,
      now: number,
    ): Promise<ActiveSession | undefined> {
      const entry = entries.get(token);
      if (
        entry &&
        now - entry.checkedAt < ttlMs &&
        withinLifetimes(entry.session, lifetimes, now)
      ) {
        return entry.session;
      }
      entries.delete(token);
      const session = await sessions.lookup(token, lifetimes, now);
      if (session) {
        // Oldest first out: a Map iterates in insertion order.
        if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
        entries.set(token, { session, checkedAt: now });
      }
      return session;
    },

    /** This replica's sign-out: no request here sees the session again. */
    forget(token: string): void {
      entries.delete(token);
    },

    /** This replica changed or removed the account: its sessions are looked up afresh. */
    forgetAccount(accountId: string): void {
      for (const [token, entry] of entries) {
        if (entry.session.accountId === accountId) entries.delete(token);
      }
    },

    get size(): number {
      return entries.size;
    },
  };
}

export type SessionCache = ReturnType<typeof sessionCache>;
