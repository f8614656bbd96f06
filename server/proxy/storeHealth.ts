import type { Store } from '../store/store';
import type { CheckState } from './upstream';

/** A ping slower than this counts as a failure: /readyz answers promptly whatever the database does. */
const PING_TIMEOUT_MS = 2_000;

/**
 * The store's part of /readyz: one `select 1` shared by all the probes that
 * arrive while it runs, its result reused for a second, so a flood of probes
 * costs the database one query a second at most.
 */
export class StoreHealth {
  private last: { state: CheckState; at: number } | undefined;
  private pending: Promise<CheckState> | undefined;

  constructor(
    private readonly store: Pick<Store, 'ping'>,
    private readonly windowMs = 1_000,
  ) {}

  async check(): Promise<CheckState> {
    // Real time, not the app's clock: this only bounds how often the database is asked.
    if (this.last && Date.now() - this.last.at < this.windowMs) return this.last.state;
    this.pending ??= this.ping().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async ping(): Promise<CheckState> {
    let timer: NodeJS.Timeout | undefined;
    let state: CheckState;
    try {
      await Promise.race([
        this.store.ping(),
        new Promise((_resolve, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), PING_TIMEOUT_MS);
        }),
      ]);
      state = { ok: true, checked_at: new Date().toISOString() };
    } catch {
      state = {
        ok: false,
        message: "The dashboard's database cannot be reached.",
        checked_at: new Date().toISOString(),
      };
    } finally {
      clearTimeout(timer);
    }
    this.last = { state, at: Date.now() };
    return state;
  }
}
