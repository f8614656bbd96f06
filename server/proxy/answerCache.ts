import type { UpstreamResponse } from './upstream';

/**
 * Successful answers of reference data (the providers list), kept for a while
 * per replica, keyed by the forwarded target: a picker opened by every agent
 * all day costs the upstream one call an hour per filter. Bounded (the oldest
 * entry goes first); failures, and lists with nothing in them, are never kept
 * (an empty list may be the upstream's hiccup, and Retry must ask again);
 * concurrent misses share one call.
 */
export const PROVIDERS_TTL_MS = 3_600_000;
export const PROVIDERS_MAX_ENTRIES = 100;

interface Entry {
  answer: UpstreamResponse;
  expiresAt: number;
}

export class AnswerCache {
  private readonly entries = new Map<string, Entry>();
  private readonly loading = new Map<string, Promise<UpstreamResponse>>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly ttlMs = PROVIDERS_TTL_MS,
    private readonly maxEntries = PROVIDERS_MAX_ENTRIES,
  ) {}

  /** The kept answer for `key`, or `load`'s (kept when it is a 200 listing something). */
  async get(key: string, load: () => Promise<UpstreamResponse>): Promise<UpstreamResponse> {
    const kept = this.entries.get(key);
    if (kept && kept.expiresAt > this.now()) return kept.answer;
    if (kept) this.entries.delete(key);
    let pending = this.loading.get(key);
    if (!pending) {
      pending = load()
        .then((answer) => {
          if (worthKeeping(answer)) this.keep(key, answer);
          return answer;
        })
        .finally(() => this.loading.delete(key));
      this.loading.set(key, pending);
    }
    return pending;
  }

  get size(): number {
    return this.entries.size;
  }

  private keep(key: string, answer: UpstreamResponse): void {
    this.entries.delete(key);
    while (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    this.entries.set(key, { answer, expiresAt: this.now() + this.ttlMs });
  }
}

function worthKeeping(answer: UpstreamResponse): boolean {
  if (answer.status !== 200 || !(answer.contentType ?? '').includes('json')) return false;
  try {
    const parsed = JSON.parse(answer.body.toString('utf8')) as { data?: unknown } | null;
    return Array.isArray(parsed?.data) && parsed.data.length > 0;
  } catch {
    return false;
  }
}
