import { randomUUID } from 'node:crypto';
import { sql, type ExpressionBuilder, type Kysely, type Selectable } from 'kysely';
import { deleted } from './deleted';
import type { IdempotencyKeysTable, StoreDialect, StoreSchema } from './schema';

/** An answer kept for replay: what the upstream said to the first request. */
export interface StoredAnswer {
  status: number;
  contentType: string | null;
  body: Buffer;
}

export type ClaimOutcome =
  /** This caller forwards the request, then calls `complete` (or `abandon` on a failure worth retrying). */
  | { kind: 'claimed'; claimId: string; takenOver: boolean }
  | { kind: 'replay'; answer: StoredAnswer }
  /** Another request with this key is in flight: ask again shortly. */
  | { kind: 'pending' }
  /**
   * A holder sent this create upstream, then went silent past the stale age
   * (its replica died): the record may exist upstream, so the key never sends
   * it again; this lasts until the holder's answer is kept or the key expires.
   */
  | { kind: 'outcome_unknown'; sentAt: number }
  /** The key was used with another request. */
  | { kind: 'mismatch' }
  /** The account holds `quota` live keys already; nobody else's are touched. */
  | { kind: 'quota' };

export interface ClaimRequest {
  accountId: string;
  key: string;
  fingerprint: string;
  now: number;
  /** How long the answer is kept (24 h). */
  ttlMs?: number;
  /** A claim older than this is presumed dead (its holder crashed) and may be taken over; longer than any upstream deadline. */
  staleMs?: number;
  /** Live keys one account may hold. */
  quota?: number;
}

export const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000;
export const IDEMPOTENCY_QUOTA = 1_000;
/** Longer than the upstream client's 14 s deadline: a claim this old has no one waiting on it. */
export const IDEMPOTENCY_STALE_MS = 60_000;

/** What a live row says to a new claim on its key: its answer, wait, refuse, or take it over from a dead holder. */
function existingVerdict(
  existing: Selectable<IdempotencyKeysTable>,
  request: ClaimRequest,
): ClaimOutcome | 'take over' {
  if (existing.fingerprint !== request.fingerprint) return { kind: 'mismatch' };
  if (existing.state === 'completed') {
    const { status, content_type: contentType, body } = existing;
    return {
      kind: 'replay',
      answer: { status: status ?? 0, contentType, body: body ?? Buffer.alloc(0) },
    };
  }
  const stale = request.now - existing.claimed_at >= (request.staleMs ?? IDEMPOTENCY_STALE_MS);
  if (!stale) return { kind: 'pending' };
  // Sent and unanswered: taking over would send the create a second time.
  if (existing.sent_at !== null)
    return { kind: 'outcome_unknown', sentAt: Number(existing.sent_at) };
  return 'take over';
}

/** The key's row while this claim still holds it (not kept, not taken over). */
function stillHeld(accountId: string, key: string, claimId: string) {
  return (eb: ExpressionBuilder<StoreSchema, 'idempotency_keys'>) =>
    eb.and({ account_id: accountId, key, claim_id: claimId, state: 'claimed' });
}

/** Namespace of the per-account advisory lock on PostgreSQL (the two-key form: no clash with Kysely's). */
const LOCK_SPACE = 41_017;

export function idempotencyRepository(db: Kysely<StoreSchema>, dialect: StoreDialect) {
  return {
    /**
     * The claim row goes in before the request is forwarded, unique on (account,
     * key): of concurrent claims, on any replica, exactly one is `claimed`. One
     * account's claims are serialised (SQLite: BEGIN IMMEDIATE; PostgreSQL: an
     * advisory lock per account), so its quota is exact.
     */
    claim(request: ClaimRequest): Promise<ClaimOutcome> {
      const { accountId, key, fingerprint, now } = request;
      const claimId = randomUUID();
      const fresh = {
        fingerprint,
        state: 'claimed' as const,
        claim_id: claimId,
        claimed_at: now,
        sent_at: null,
        expires_at: now + (request.ttlMs ?? IDEMPOTENCY_TTL_MS),
        status: null,
        content_type: null,
        body: null,
      };
      return db.transaction().execute(async (trx): Promise<ClaimOutcome> => {
        if (dialect === 'postgres') {
          await sql`select pg_advisory_xact_lock(${LOCK_SPACE}, hashtext(${accountId}))`.execute(
            trx,
          );
        }
        const existing = await trx
          .selectFrom('idempotency_keys')
          .selectAll()
          .where('account_id', '=', accountId)
          .where('key', '=', key)
          .executeTakeFirst();
        const match = trx
          .updateTable('idempotency_keys')
          .where('account_id', '=', accountId)
          .where('key', '=', key);
        if (existing && existing.expires_at > now) {
          const outcome = existingVerdict(existing, request);
          if (outcome !== 'take over') return outcome;
          await match.set({ claim_id: claimId, claimed_at: now }).execute();
          return { kind: 'claimed', claimId, takenOver: true };
        }
        const live = await trx
          .selectFrom('idempotency_keys')
          .select((eb) => eb.fn.countAll<number>().as('count'))
          .where('account_id', '=', accountId)
          .where('expires_at', '>', now)
          .executeTakeFirstOrThrow();
        if (Number(live.count) >= (request.quota ?? IDEMPOTENCY_QUOTA)) return { kind: 'quota' };
        if (existing) await match.set(fresh).execute();
        else
          await trx
            .insertInto('idempotency_keys')
            .values({ account_id: accountId, key, ...fresh })
            .execute();
        return { kind: 'claimed', claimId, takenOver: false };
      });
    },

    /**
     * Records that the claim's create is about to go upstream, right before it
     * is sent: from then on the claim is never taken over (a retry gets
     * `outcome_unknown` once it is stale). False when the claim is no longer
     * this caller's: the create must not be sent.
     */
    async markSent(accountId: string, key: string, claimId: string, now: number): Promise<boolean> {
      const result = await db
        .updateTable('idempotency_keys')
        .set({ sent_at: now })
        .where(stillHeld(accountId, key, claimId))
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    /** Keeps the answer for replay; false when the claim is no longer this caller's. */
    async complete(
      accountId: string,
      key: string,
      claimId: string,
      answer: StoredAnswer,
    ): Promise<boolean> {
      const result = await db
        .updateTable('idempotency_keys')
        .set({
          state: 'completed',
          status: answer.status,
          content_type: answer.contentType,
          body: answer.body,
        })
        .where(stillHeld(accountId, key, claimId))
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    /** Gives the key back (the request failed in a way worth retrying, e.g. a 5xx). */
    async abandon(accountId: string, key: string, claimId: string): Promise<void> {
      await db
        .deleteFrom('idempotency_keys')
        .where(stillHeld(accountId, key, claimId))
        .execute();
    },

    sweep: (now: number): Promise<number> =>
      deleted(db.deleteFrom('idempotency_keys').where('expires_at', '<=', now)),
  };
}

export type IdempotencyRepository = ReturnType<typeof idempotencyRepository>;
