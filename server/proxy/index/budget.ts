import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The index's share of the upstream: at most `maxPerSecond` calls started in
 * any second, for the walk, the details and the watcher together, and none at
 * all while the upstream asked us to wait (429 Retry-After, or a failure's
 * back-off). Real time, not the app's clock: it is the upstream that counts.
 */
export class UpstreamBudget {
  /** When the last `maxPerSecond` calls started, oldest first. */
  private readonly starts: number[] = [];
  private pausedUntil = 0;
  /** Callers in line, so two waiting at once never take the same slot. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly maxPerSecond: number,
    /**
     * Added to the second: the upstream counts arrival times, which network
     * jitter can bring closer together than our start times.
     */
    private readonly marginMs = 50,
  ) {
    if (!(maxPerSecond > 0)) throw new RangeError('maxPerSecond must be above 0');
  }

  /** Resolves when one more call may start now (and counts it); rejects when `signal` aborts first. */
  take(signal?: AbortSignal): Promise<void> {
    const turn = this.queue.then(() => this.waitForSlot(signal));
    // The next in line waits for this one's slot, whether it got it or gave up.
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** No call starts before this (epoch ms); a later pause wins over an earlier one. */
  pauseUntil(at: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, at);
  }

  private async waitForSlot(signal?: AbortSignal): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      const now = Date.now();
      const windowMs = 1000 + this.marginMs;
      const full = this.starts.length >= this.maxPerSecond;
      const freeAt = Math.max(this.pausedUntil, full ? this.starts[0]! + windowMs : 0);
      if (freeAt <= now) {
        this.starts.push(now);
        if (this.starts.length > this.maxPerSecond) this.starts.shift();
        return;
      }
      await sleep(freeAt - now, undefined, { signal });
    }
  }
}
