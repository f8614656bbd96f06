import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import fp from 'fastify-plugin';
import type { Lifetimes } from '../../store/sessions';
import type { Store } from '../../store/store';
import { DEFAULT_INDEX_SETTINGS, IndexJobs, type IndexSettings } from '../index/jobs';

export interface WorkerSettings {
  /** This replica's name in the lease (default host:pid:random). */
  replicaId?: string;
  /** How long a lease lasts unless renewed: a dead holder's is taken over within this (20 s). */
  leaseTtlMs?: number;
  /** How often the lease is renewed, or asked for by the others (5 s). */
  renewEveryMs?: number;
  /** How often the holder deletes what has expired (1 min). */
  sweepEveryMs?: number;
  /**
   * The index's sync and watcher (INDEX_SYNC_MINUTES, INDEX_FULL_SYNC_HOURS,
   * INDEX_MAX_RPS); `false` for none (a test of the lease alone).
   */
  index?: Partial<IndexSettings> | false;
}

/** Work only the lease holder does, started by its rounds (the index's sync and watcher). */
export interface LeaderJobs {
  /** Starts what is due without waiting for it: a round must not hold up the lease's renewal. */
  leaderRound(): void;
  /** The lease is lost or let go: stops what runs. */
  stop(): Promise<void>;
}

export const WORKER_LEASE = 'worker';

/**
 * The deployment's one background worker: of all replicas on one store, the
 * one holding the `worker` lease. It sweeps expired rows and runs the
 * leader's jobs (the index sync and the verification watcher).
 */
export class BackgroundWorker {
  readonly replicaId: string;
  private readonly ttlMs: number;
  private readonly renewEveryMs: number;
  private readonly sweepEveryMs: number;
  /** Until when (by the app's clock) the lease is ours, as of the last successful renewal. */
  private heldUntil = 0;
  private lastSweepAt: number | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly store: Store,
    private readonly now: () => number,
    private readonly log: FastifyBaseLogger,
    private readonly sweepOptions: { sessions: Lifetimes; auditRetentionDays: number },
    settings: WorkerSettings = {},
    private readonly jobs?: LeaderJobs,
  ) {
    this.replicaId =
      settings.replicaId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.ttlMs = settings.leaseTtlMs ?? 20_000;
    this.renewEveryMs = settings.renewEveryMs ?? 5_000;
    this.sweepEveryMs = settings.sweepEveryMs ?? 60_000;
  }

  /** Whether this replica holds the lease now (a renewal that failed counts until the lease would expire). */
  isLeader(): boolean {
    return this.now() < this.heldUntil;
  }

  start(): void {
    void this.tick();
    this.timer = setInterval(() => void this.tick(), this.renewEveryMs);
    this.timer.unref();
  }

  /**
   * One round: take or renew the lease, and sweep when it is held and a sweep
   * is due. Rounds never overlap; a store failure is logged and the next round
   * tries again. Tests call it after moving the clock.
   */
  tick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.running ??= this.round().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async round(): Promise<void> {
    const wasLeader = this.isLeader();
    const now = this.now();
    try {
      const held = await this.store.leases.tryAcquire(
        WORKER_LEASE,
        this.replicaId,
        this.ttlMs,
        now,
      );
      this.heldUntil = held ? now + this.ttlMs : 0;
    } catch (error) {
      this.log.warn({ err: error }, 'worker lease not renewed: the store did not answer');
    }
    const leader = this.isLeader();
    if (leader !== wasLeader) {
      this.log.info(
        { replica: this.replicaId, leader },
        leader ? 'worker lease taken' : 'worker lease lost',
      );
      if (!leader) {
        this.lastSweepAt = undefined;
        void this.jobs?.stop();
      }
    }
    if (leader) this.jobs?.leaderRound();
    if (leader && (this.lastSweepAt === undefined || now - this.lastSweepAt >= this.sweepEveryMs)) {
      this.lastSweepAt = now;
      try {
        const swept = await this.store.sweep({ now, ...this.sweepOptions });
        const any = Object.values(swept).some((count) => count > 0);
        this.log[any ? 'info' : 'debug']({ swept }, 'expired rows deleted');
      } catch (error) {
        this.log.warn({ err: error }, 'expiry sweep failed: tried again next minute');
      }
    }
  }

  /** Stops the rounds and lets the lease go, so another replica takes it at its next round. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
    await this.jobs?.stop();
    if (this.heldUntil === 0) return;
    this.heldUntil = 0;
    try {
      await this.store.leases.release(WORKER_LEASE, this.replicaId);
    } catch (error) {
      this.log.warn({ err: error }, 'worker lease not released: it expires by itself');
    }
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    worker: BackgroundWorker;
  }
}

/** Starts the worker's rounds once the app is ready; stops them (and lets the lease go) on close. */
export default fp<
  WorkerSettings & {
    now: () => number;
    sessions: Lifetimes;
    auditRetentionDays: number;
  }
>(
  async (app, { now, sessions, auditRetentionDays, ...settings }) => {
    const log = app.log.child({ component: 'worker' });
    let jobs: IndexJobs | undefined;
    if (settings.index !== false) {
      if (!app.hasDecorator('upstream'))
        throw new Error('The worker needs the upstream plugin first.');
      jobs = new IndexJobs(app.store.index, app.upstream, now, log.child({ job: 'index' }), {
        ...DEFAULT_INDEX_SETTINGS,
        ...settings.index,
      });
    }
    const worker = new BackgroundWorker(
      app.store,
      now,
      log,
      { sessions, auditRetentionDays },
      settings,
      jobs,
    );
    app.decorate('worker', worker);
    app.addHook('onReady', async () => worker.start());
    // Before the store closes (onClose hooks of plugins registered later run first).
    app.addHook('preClose', async () => worker.stop());
  },
  { name: 'worker', decorators: { fastify: ['store'] }, dependencies: ['store'] },
);
