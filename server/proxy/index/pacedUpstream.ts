import { setTimeout as sleep } from 'node:timers/promises';
import { retryAfterMs, UpstreamError, type UpstreamClient } from '../upstream';
import type { UpstreamBudget } from './budget';

/** The upstream asked us to wait (or failed) until then, by the app's clock; null once it answers again. */
export type WaitNotice = { until: number; reason: string } | null;

/** A refusal that waiting will not cure (400, 401, 403…): the round stops, the next one tries again. */
export class IndexCallRefused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const MAX_BACKOFF_MS = 60_000;

/**
 * A cut-off body this many times in a row for one target is that target's
 * answer, not a passing fault: refused, so the watcher goes on to the other
 * verifications (it asks again on its schedule) instead of waiting on it forever.
 */
export const MAX_MALFORMED_IN_A_ROW = 3;

/**
 * The index's reads of the Customers API: within the budget, each sent once
 * (the client's own retries are off, so nothing multiplies), and whatever
 * fails for a while — 429, 5xx, no answer, a cut-off body — is waited out and
 * tried again: Retry-After when the upstream gives one, else 1 s, 2 s, 4 s…
 * up to a minute (all index calls wait, but for a cut-off body: only its
 * caller). Only `signal` (lease lost, app closing) ends the wait.
 */
export class PacedUpstream {
  private waiting = false;

  constructor(
    private readonly upstream: UpstreamClient,
    private readonly budget: UpstreamBudget,
    private readonly now: () => number,
    /** Told when waiting starts (each time it is extended) and when it ends. */
    private readonly onWait: (notice: WaitNotice) => void,
  ) {}

  /** The JSON of a 2xx answer, or `null` for a 404 (the thing is gone). */
  async get(target: string, signal: AbortSignal): Promise<unknown> {
    let malformed = 0;
    for (let failures = 0; ; failures += 1) {
      let waitMs: number;
      let reason: string;
      /** The upstream is in trouble (429, 5xx, no answer): every index call waits, not only this one. */
      let everyCallWaits = true;
      try {
        const answer = await this.budget.run(
          () => this.upstream.call('GET', target, undefined, undefined, { retries: 0 }),
          signal,
        );
        if (answer.status === 404) return this.answered(null);
        if (answer.status >= 200 && answer.status < 300) {
          return this.answered(JSON.parse(answer.body.toString('utf8')) as unknown);
        }
        if (answer.status === 429) {
          waitMs = retryAfterMs(answer.retryAfter) ?? backoff(failures);
          reason = 'The Customers API asked the index to slow down (HTTP 429).';
        } else if (answer.status >= 500) {
          waitMs = backoff(failures);
          reason = `The Customers API failed (HTTP ${answer.status}).`;
        } else {
          throw new IndexCallRefused(
            answer.status,
            `The Customers API refused GET ${target.split('?')[0]} (HTTP ${answer.status}).`,
          );
        }
      } catch (error) {
        if (error instanceof IndexCallRefused) throw error;
        if (error instanceof UpstreamError) {
          reason = error.message;
        } else if (error instanceof SyntaxError) {
          // One operation's answer is broken, not the upstream: the other calls go on.
          reason = `The Customers API answered GET ${target.split('?')[0]} with malformed JSON.`;
          malformed += 1;
          if (malformed >= MAX_MALFORMED_IN_A_ROW) {
            throw new IndexCallRefused(502, `${reason.slice(0, -1)}, ${malformed} times in a row.`);
          }
          everyCallWaits = false;
        } else {
          throw error;
        }
        waitMs = backoff(failures);
      }
      this.waiting = true;
      this.onWait({ until: this.now() + waitMs, reason });
      if (everyCallWaits) this.budget.pauseUntil(Date.now() + waitMs);
      else await sleep(waitMs, undefined, { signal });
    }
  }

  private answered<T>(value: T): T {
    if (this.waiting) {
      this.waiting = false;
      this.onWait(null);
    }
    return value;
  }
}

function backoff(failures: number): number {
  return Math.min(MAX_BACKOFF_MS, 1000 * 2 ** failures);
}
