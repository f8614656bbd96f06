import { setTimeout as sleep } from 'node:timers/promises';

/** One of the last calls: settles with when it ended (epoch ms). */
interface Slot {
  ended: Promise<number>;
}

/**
 * The index's share of the upstream: at most `maxPerSecond` calls in any
 * second, for the walk, the details and the watcher together, and none at all
 * while the upstream asked us to wait (429 Retry-After, or a failure's
 * back-off). A call may start only a second after the call `maxPerSecond`
 * before it has *ended*: however late a request leaves or arrives (a busy
 * event loop, the network), the upstream never sees more in a second. Real
 * time, not the app's clock: it is the upstream that counts.
 */
export class UpstreamBudget {
  /** The last `maxPerSecond` calls, oldest first. */
  private readonly slots: Slot[] = [];
  private pausedUntil = 0;
  /** Callers in line, so two waiting at once never take the same slot. */
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly maxPerSecond: number) {
    if (!Number.isInteger(maxPerSecond) || maxPerSecond < 1) {
      throw new RangeError('maxPerSecond must be a whole number from 1');
    }
  }

  /** Runs `call` once the budget allows; rejects without calling when `signal` aborts first. */
  async run<T>(call: () => Promise<T>, signal: AbortSignal): Promise<T> {
    let end!: (at: number) => void;
    const slot: Slot = { ended: new Promise((resolve) => (end = resolve)) };
    const turn = this.queue.then(() => this.takeSlot(slot, signal));
    // The next in line waits for this one to have its slot, whether it got it or gave up.
    this.queue = turn.catch(() => undefined);
    await turn;
    try {
      return await call();
    } finally {
      end(Date.now());
    }
  }

  /** No call starts before this (epoch ms); a later pause wins over an earlier one. */
  pauseUntil(at: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, at);
  }

  private async takeSlot(slot: Slot, signal: AbortSignal): Promise<void> {
    for (;;) {
      signal.throwIfAborted();
      let freeAt = this.pausedUntil;
      if (this.slots.length >= this.maxPerSecond) {
        freeAt = Math.max(freeAt, (await settled(this.slots[0]!.ended, signal)) + 1000);
      }
      const now = Date.now();
      if (freeAt > now) {
        await sleep(freeAt - now, undefined, { signal });
        continue;
      }
      if (this.slots.length >= this.maxPerSecond) this.slots.shift();
      this.slots.push(slot);
      return;
    }
  }
}

/** The promise's value, unless `signal` aborts first. */
function settled<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const aborted = () => reject(signal.reason as Error);
    signal.addEventListener('abort', aborted, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', aborted));
  });
}
