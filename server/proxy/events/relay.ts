import type { CustomerIndex, StoredEvent } from '../../store/index/types';

/** One open stream, as the relay sees it: the last event it has, and how to give it the next. */
export interface EventSink {
  /** The id of the last event this stream has sent (or starts after). */
  cursor: number;
  send(event: StoredEvent): void;
}

/** Events asked of the store at a time. */
const BATCH = 200;

/**
 * This replica's one reader of the store's event log, for all its open
 * streams: while at least one is open it asks for what came after the
 * furthest-behind stream's cursor every `pollMs`, and hands each event to each
 * stream that does not have it yet. A stream that joins with an old
 * Last-Event-ID is served its replay by the same query, so there is no gap
 * between replay and live. With every stream caught up, it is one query per
 * tick whatever the number of streams; every replica does the same, so an
 * event appended by any of them reaches every stream.
 */
export class EventRelay {
  private readonly sinks = new Set<EventSink>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  /** A tick was asked for while one ran: run another right after. */
  private again = false;
  private stopped = false;
  /** The store failed the last tick: the next failure is not logged again. */
  private failing = false;

  constructor(
    private readonly index: Pick<CustomerIndex, 'eventsAfter'>,
    private readonly pollMs: number,
    /** Told of the first failure of a run of them (a store outage), not of every tick's. */
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Starts relaying to `sink` (its replay, if behind, comes at once); gives the way to stop. */
  add(sink: EventSink): () => void {
    this.sinks.add(sink);
    this.wake();
    return () => {
      this.sinks.delete(sink);
    };
  }

  /** Asks the store now, or right after the tick under way. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.timer = undefined;
    this.running = this.tick()
      .then(
        () => {
          this.failing = false;
        },
        (error: unknown) => {
          if (!this.failing) this.onError(error);
          this.failing = true;
        },
      )
      .finally(() => {
        this.running = undefined;
        if (this.stopped || this.sinks.size === 0) return;
        if (this.again) {
          this.again = false;
          this.wake();
          return;
        }
        this.timer = setTimeout(() => this.wake(), this.pollMs);
        this.timer.unref();
      });
  }

  private async tick(): Promise<void> {
    for (;;) {
      if (this.sinks.size === 0) return;
      const from = Math.min(...[...this.sinks].map((sink) => sink.cursor));
      const events = await this.index.eventsAfter(from, BATCH);
      for (const event of events) {
        for (const sink of this.sinks) {
          if (event.id <= sink.cursor) continue;
          sink.cursor = event.id;
          sink.send(event);
        }
      }
      if (events.length < BATCH) return;
    }
  }

  /** No more ticks; resolves once the one under way (if any) is over. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }
}
