import { createHash } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import {
  IDEMPOTENCY_QUOTA,
  IDEMPOTENCY_STALE_MS,
  IDEMPOTENCY_TTL_MS,
  type IdempotencyRepository,
} from '../store/idempotency';

/**
 * Creates carrying an `Idempotency-Key`, kept in the store: the first request
 * runs, any repeat by the same account (sent again later, at the same moment,
 * after a restart or on another replica) gets the first one's answer, so a
 * double click or a retried submit makes one record.
 */
export interface StoredAnswer {
  status: number;
  contentType: string | undefined;
  body: Buffer;
}

export type IdempotentOutcome =
  | { kind: 'fresh' | 'replayed'; answer: StoredAnswer }
  /** The key was used by this account for another request. */
  | { kind: 'mismatch' }
  /** The account holds `quota` live keys: nobody else's are touched, this one is refused. */
  | { kind: 'quota'; quota: number }
  /** Another request with this key is still running after the bounded wait. */
  | { kind: 'in_progress'; retryAfterSeconds: number }
  /**
   * An earlier request with this key was sent upstream and its answer lost (its
   * replica died): the record may exist, so the key never sends it again.
   */
  | { kind: 'outcome_unknown' };

export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_:.-]{8,128}$/;

export interface IdempotencySettings {
  /** Live keys one account may hold (default 1,000 per 24 h). */
  quota?: number;
  /** How long an answer is kept (24 h). */
  ttlMs?: number;
  /** How long a repeat waits for the first request's answer before a 409. */
  waitMs?: number;
  /** A claim this old is presumed dead and may be taken over (60 s). */
  staleMs?: number;
}

/**
 * Answers that mean the upstream did not act on the create (it failed, was
 * busy, or refused the proxy's own credentials): the key is given back, so
 * the agent's retry runs again instead of replaying a failure for 24 h.
 */
export function worthRetrying(status: number): boolean {
  return status >= 500 || status === 429 || status === 408 || status === 401;
}

/** First wait between two looks at a pending claim; doubled up to MAX_POLL_MS. */
const FIRST_POLL_MS = 20;
const MAX_POLL_MS = 250;

export class IdempotentCreates {
  readonly quota: number;
  private readonly ttlMs: number;
  private readonly waitMs: number;
  private readonly staleMs: number;

  constructor(
    private readonly repository: IdempotencyRepository,
    /** The clock of expiries and staleness; tests move it. */
    private readonly now: () => number,
    settings: IdempotencySettings = {},
  ) {
    this.quota = settings.quota ?? IDEMPOTENCY_QUOTA;
    this.ttlMs = settings.ttlMs ?? IDEMPOTENCY_TTL_MS;
    this.waitMs = settings.waitMs ?? 15_000;
    this.staleMs = settings.staleMs ?? IDEMPOTENCY_STALE_MS;
  }

  static fingerprint(method: string, target: string, body: Buffer): string {
    return createHash('sha256')
      .update(method)
      .update('\n')
      .update(target)
      .update('\n')
      .update(body)
      .digest('hex');
  }

  /**
   * Runs `execute` once per (account, key): the claim row goes in before the
   * request is forwarded, so of concurrent repeats on any replica exactly one
   * runs and the others wait (a bounded wait) for its answer. An answer worth
   * retrying, or a throw, gives the key back. `onKeepFailed` hears of an answer
   * that could not be kept (the store failed after the upstream answered): the
   * agent still gets it.
   */
  async run(
    accountId: string,
    key: string,
    fingerprint: string,
    execute: () => Promise<StoredAnswer>,
    onKeepFailed: (error: unknown) => void = () => {},
  ): Promise<IdempotentOutcome> {
    const giveUpAt = Date.now() + this.waitMs;
    let pause = FIRST_POLL_MS;
    for (;;) {
      const claim = await this.repository.claim({
        accountId,
        key,
        fingerprint,
        now: this.now(),
        ttlMs: this.ttlMs,
        staleMs: this.staleMs,
        quota: this.quota,
      });
      switch (claim.kind) {
        case 'mismatch':
          return claim;
        case 'quota':
          return { kind: 'quota', quota: this.quota };
        case 'outcome_unknown':
          return { kind: 'outcome_unknown' };
        case 'replay': {
          const { status, contentType, body } = claim.answer;
          return {
            kind: 'replayed',
            answer: { status, contentType: contentType ?? undefined, body },
          };
        }
        case 'claimed': {
          const answer = await this.forward(claim.claimId, accountId, key, execute, onKeepFailed);
          // Taken over before it could be sent (held past the stale age): the taker sends it.
          if (answer === undefined) return { kind: 'in_progress', retryAfterSeconds: 1 };
          return { kind: 'fresh', answer };
        }
        case 'pending': {
          // Real time, not the app's clock: this bounds how long a request is held.
          const left = giveUpAt - Date.now();
          if (left <= 0) {
            return { kind: 'in_progress', retryAfterSeconds: 1 };
          }
          await delay(Math.min(pause, left));
          pause = Math.min(pause * 2, MAX_POLL_MS);
        }
      }
    }
  }

  private async forward(
    claimId: string,
    accountId: string,
    key: string,
    execute: () => Promise<StoredAnswer>,
    onKeepFailed: (error: unknown) => void,
  ): Promise<StoredAnswer | undefined> {
    let answer: StoredAnswer;
    try {
      // Right before it goes upstream: a claim marked sent is never taken over, so a create whose
      // holder dies from here on is never sent again. Not marked (the store failed, or the claim
      // was taken over meanwhile): not sent.
      if (!(await this.repository.markSent(accountId, key, claimId, this.now()))) return undefined;
      answer = await execute();
    } catch (error) {
      await this.repository.abandon(accountId, key, claimId).catch(onKeepFailed);
      throw error;
    }
    if (worthRetrying(answer.status)) {
      // Left in place, the claim only makes a retry wait (409) until it is stale: the safe direction.
      await this.repository.abandon(accountId, key, claimId).catch(onKeepFailed);
      return answer;
    }
    const stored = {
      status: answer.status,
      contentType: answer.contentType ?? null,
      body: answer.body,
    };
    const keep = () => this.repository.complete(accountId, key, claimId, stored);
    try {
      await keep();
    } catch {
      this.keepInBackground(keep, onKeepFailed);
    }
    return answer;
  }

  /**
   * The store failed to take an answer (an outage): tries again in the
   * background until shortly before the claim goes stale, since after that a
   * retry gets 409 `idempotency_outcome_unknown` instead of the answer.
   */
  private keepInBackground(keep: () => Promise<unknown>, onKeepFailed: (error: unknown) => void) {
    const giveUpAt = Date.now() + this.staleMs * 0.9;
    const attempt = async (pause: number): Promise<void> => {
      await delay(pause, undefined, { ref: false });
      try {
        await keep();
      } catch (error) {
        if (Date.now() + pause >= giveUpAt) return onKeepFailed(error);
        return attempt(Math.min(pause * 2, 5_000));
      }
    };
    void attempt(100);
  }
}
