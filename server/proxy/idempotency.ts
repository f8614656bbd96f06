import { createHash } from 'node:crypto';

/**
 * Creates carrying an `Idempotency-Key`: the first request runs, any repeat
 * (sent again later or at the same moment) gets the first one's answer, so a
 * double click or a retried submit makes one record.
 */
export interface StoredAnswer {
  status: number;
  contentType: string | undefined;
  body: Buffer;
}

interface Entry {
  fingerprint: string;
  answer: Promise<StoredAnswer>;
  expiresAt: number;
}

export type IdempotentOutcome =
  { kind: 'fresh' | 'replayed'; answer: StoredAnswer } | { kind: 'mismatch' };

export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_:.-]{8,128}$/;

export class IdempotencyCache {
  private readonly entries = new Map<string, Entry>();

  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: { ttlMs?: number; maxEntries?: number; now?: () => number } = {}) {
    this.ttlMs = options.ttlMs ?? 24 * 3600 * 1000;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
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
   * Runs `execute` once per (scope, key). A repeat with a different request is
   * refused; an answer that is a server failure is not kept, so the agent can retry.
   */
  async run(
    scope: string,
    key: string,
    fingerprint: string,
    execute: () => Promise<StoredAnswer>,
  ): Promise<IdempotentOutcome> {
    this.sweep();
    const id = `${scope}\n${key}`;
    const existing = this.entries.get(id);
    if (existing) {
      if (existing.fingerprint !== fingerprint) return { kind: 'mismatch' };
      return { kind: 'replayed', answer: await existing.answer };
    }
    const answer = execute();
    this.entries.set(id, { fingerprint, answer, expiresAt: this.now() + this.ttlMs });
    try {
      const result = await answer;
      if (result.status >= 500) this.entries.delete(id);
      return { kind: 'fresh', answer: result };
    } catch (error) {
      this.entries.delete(id);
      throw error;
    }
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, entry] of this.entries) {
      if (entry.expiresAt > now && this.entries.size <= this.maxEntries) break;
      this.entries.delete(id);
    }
  }
}
