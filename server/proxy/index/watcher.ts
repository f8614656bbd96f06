import type { FastifyBaseLogger } from 'fastify';
import { isFinalVerificationStatus, type CustomerIndex } from '../../store/index/types';
import { announceResolutions } from './events';
import { IndexCallRefused, type PacedUpstream } from './pacedUpstream';
import { verificationSeen } from './seen';

/** How closely a verification is watched: often at first, when most resolve, then once a minute for a day. */
export const WATCH_SCHEDULE = {
  fastEveryMs: 5_000,
  fastForMs: 2 * 60_000,
  slowEveryMs: 60_000,
  staleAfterMs: 24 * 3_600_000,
};

/** A check the upstream refused (a 4xx but 404 and 429): no news, asked again on its schedule. */
const REFUSED = Symbol('refused');

/** Verifications checked per round at most; the rest are the next round's (most overdue first). */
const ROUND_LIMIT = 50;

/** When the next check of a verification watched since `watchedSince` is due, checked at `now`. */
export function nextCheckAt(watchedSince: number, now: number): number {
  const { fastEveryMs, fastForMs, slowEveryMs, staleAfterMs } = WATCH_SCHEDULE;
  const next = now + (now - watchedSince < fastForMs ? fastEveryMs : slowEveryMs);
  // The last check falls on the day's end, when an unresolved one is marked stale.
  return Math.min(next, watchedSince + staleAfterMs);
}

/**
 * The lease holder's polling of every verification not yet final: no browser
 * needs to stay open for a result to be recorded and announced. Time is the
 * app's clock, so tests move it instead of waiting.
 */
export class VerificationWatcher {
  constructor(
    private readonly index: CustomerIndex,
    private readonly upstream: PacedUpstream,
    private readonly now: () => number,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** Checks what is due now; gives how many were checked. */
  async round(signal: AbortSignal): Promise<number> {
    const due = await this.index.dueVerifications(this.now(), ROUND_LIMIT);
    for (const { id, customerId, watchedSince } of due) {
      signal.throwIfAborted();
      const body = await this.check(customerId, id, signal);
      const now = this.now();
      const seen = body === REFUSED ? undefined : verificationSeen(body, customerId);
      if (seen) {
        await announceResolutions(this.index, await this.index.recordVerifications([seen], now));
      }
      // Gone upstream (404) or final: nothing more to watch. Refused: asked again on its schedule.
      const watching =
        body === REFUSED || (seen !== undefined && !isFinalVerificationStatus(seen.status));
      if (watching && now - watchedSince >= WATCH_SCHEDULE.staleAfterMs) {
        // A last look found it still unresolved after a day: given up on, and said so.
        const stale = await this.index.markStale(id, now);
        await announceResolutions(this.index, stale ? [stale] : []);
        continue;
      }
      await this.index.scheduleCheck(id, now, watching ? nextCheckAt(watchedSince, now) : null);
    }
    return due.length;
  }

  /** The upstream's answer; a refusal (a 4xx but 404 and 429) of one verification must not stop the others. */
  private async check(customerId: string, id: string, signal: AbortSignal): Promise<unknown> {
    try {
      return await this.upstream.get(
        `/v1/customers/${encodeURIComponent(customerId)}/verification/${encodeURIComponent(id)}`,
        signal,
      );
    } catch (error) {
      if (!(error instanceof IndexCallRefused)) throw error;
      this.log.warn({ verificationId: id, err: error }, 'watcher: check refused');
      return REFUSED;
    }
  }
}
