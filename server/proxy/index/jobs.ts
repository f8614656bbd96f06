import type { FastifyBaseLogger } from 'fastify';
import type { CustomerIndex } from '../../store/index/types';
import type { UpstreamClient } from '../upstream';
import { UpstreamBudget } from './budget';
import { IndexCallRefused, PacedUpstream } from './pacedUpstream';
import { IndexSync, type SyncSettings } from './sync';
import { VerificationWatcher } from './watcher';

export interface IndexSettings extends SyncSettings {
  /** INDEX_MAX_RPS: upstream calls a second for the walk, the details and the watcher together. */
  maxRps: number;
}

export const DEFAULT_INDEX_SETTINGS: IndexSettings = {
  everyMs: 5 * 60_000,
  fullEveryMs: 24 * 3_600_000,
  maxRps: 5,
};

/**
 * The index's work on the lease holder: the sync (walk, then details) and the
 * watcher, each at most one run at a time, both started by the worker's
 * rounds without holding them up (a first walk of 100,000 takes minutes; the
 * lease must still be renewed). When the lease is lost or the app closes, what
 * runs stops at its next upstream call; the walk's saved place lets the next
 * holder go on.
 */
export class IndexJobs {
  readonly sync: IndexSync;
  readonly watcher: VerificationWatcher;
  private controller: AbortController | undefined;
  private syncRun: Promise<void> | undefined;
  private watchRun: Promise<void> | undefined;

  constructor(
    index: CustomerIndex,
    upstream: UpstreamClient,
    private readonly now: () => number,
    private readonly log: FastifyBaseLogger,
    settings: IndexSettings,
  ) {
    const paced = new PacedUpstream(
      upstream,
      new UpstreamBudget(settings.maxRps),
      now,
      (notice) => {
        if (notice) log.warn({ until: new Date(notice.until) }, `index waits: ${notice.reason}`);
        this.sync.noteWait(notice).catch((error: unknown) => this.failed(error));
      },
    );
    this.sync = new IndexSync(index, paced, now, log, settings);
    this.watcher = new VerificationWatcher(index, paced, now, log);
  }

  /** Called each round the lease is held: starts the sync if due and the watcher, unless already running. */
  leaderRound(): void {
    this.controller ??= new AbortController();
    const { signal } = this.controller;
    this.syncRun ??= this.runSync(signal).finally(() => {
      this.syncRun = undefined;
    });
    this.watchRun ??= this.watcher
      .round(signal)
      .then(
        () => undefined,
        (error: unknown) => this.failed(error, signal),
      )
      .finally(() => {
        this.watchRun = undefined;
      });
  }

  /** The lease is gone, or the app closes: stops what runs and waits for it to let go. */
  async stop(): Promise<void> {
    this.controller?.abort();
    this.controller = undefined;
    await Promise.all([this.syncRun, this.watchRun]);
  }

  private async runSync(signal: AbortSignal): Promise<void> {
    try {
      if (await this.sync.isDue(this.now())) await this.sync.run(signal);
    } catch (error) {
      this.failed(error, signal);
      if (error instanceof IndexCallRefused)
        await this.sync.noteFailure(error.message).catch(() => undefined);
    }
  }

  private failed(error: unknown, signal?: AbortSignal): void {
    if (signal?.aborted) return;
    this.log.warn({ err: error }, 'index round stopped: tried again next round');
  }
}
