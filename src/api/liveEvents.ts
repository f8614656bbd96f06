import type { components } from '../../openapi/backoffice';

export type VerificationResolvedEvent = components['schemas']['VerificationResolvedEvent'];
export type IndexedVerification = components['schemas']['IndexedVerification'];

export interface LiveEventHandlers {
  /** A verification reached a final status, or went stale. */
  resolved(event: VerificationResolvedEvent): void;
  /** Someone started a verification. */
  started(event: IndexedVerification): void;
  /** The stream is back after it closed for good: events may have been missed meanwhile. */
  reopened(): void;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** A `verification_resolved` event's data, or null when it is not one (a newer server, a broken line). */
export function parseResolvedEvent(data: string): VerificationResolvedEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (!isObject(value)) return null;
  const { verification_id, customer_id, customer_name, status, stale, match_score } = value;
  if (typeof verification_id !== 'string' || typeof customer_id !== 'string') return null;
  if (typeof status !== 'string') return null;
  return {
    verification_id,
    customer_id,
    customer_name: typeof customer_name === 'string' ? customer_name : '',
    status,
    stale: stale === true,
    match_score: typeof match_score === 'number' ? match_score : null,
    started_by: typeof value.started_by === 'string' ? value.started_by : null,
  };
}

function parseStartedEvent(data: string): IndexedVerification | null {
  try {
    const value: unknown = JSON.parse(data);
    return isObject(value) && typeof value.id === 'string' && typeof value.customer_id === 'string'
      ? (value as unknown as IndexedVerification)
      : null;
  } catch {
    return null;
  }
}

const FIRST_RETRY_MS = 2_000;
const LAST_RETRY_MS = 60_000;

/**
 * Listens to `/bo/events` until the returned function is called. The browser
 * reconnects by itself after a dropped connection and sends Last-Event-ID, so
 * the server replays what was missed. An answer that is not a stream (a 401, a
 * 502 from a gateway) closes the EventSource for good: then a new one is opened
 * after a growing pause, and `reopened` says that events may have been lost.
 */
function listenToOwnStream(
  handlers: LiveEventHandlers,
  /** The last event this browser saw: where a stream taken over from another tab resumes. */
  resumeAfter: () => string | undefined,
  seen: (id: string) => void,
): () => void {
  let source: EventSource | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let pause = FIRST_RETRY_MS;
  let stopped = false;

  const open = (afterClosure: boolean) => {
    const after = resumeAfter();
    const stream = new EventSource(
      after ? `/bo/events?last_event_id=${encodeURIComponent(after)}` : '/bo/events',
    );
    source = stream;
    stream.addEventListener('open', () => {
      pause = FIRST_RETRY_MS;
      if (afterClosure) handlers.reopened();
      afterClosure = false;
    });
    /** Each event's data, after noting its id (where a stream taken over resumes). */
    const on = (kind: string, handle: (data: string) => void) =>
      stream.addEventListener(kind, (message) => {
        const { lastEventId, data } = message as MessageEvent<string>;
        if (lastEventId) seen(lastEventId);
        handle(data);
      });
    on('verification_resolved', (data) => {
      const event = parseResolvedEvent(data);
      if (event) handlers.resolved(event);
    });
    on('verification_started', (data) => {
      const event = parseStartedEvent(data);
      if (event) handlers.started(event);
    });
    stream.addEventListener('error', () => {
      if (stream.readyState !== EventSource.CLOSED || stopped) return;
      retry = setTimeout(() => open(true), pause);
      pause = Math.min(pause * 2, LAST_RETRY_MS);
    });
  };

  open(false);
  return () => {
    stopped = true;
    clearTimeout(retry);
    source?.close();
  };
}

const CHANNEL = 'bo-live-events';

type Relayed =
  | { kind: 'resolved'; event: VerificationResolvedEvent; id: string }
  | { kind: 'started'; event: IndexedVerification; id: string }
  | { kind: 'reopened' };

/**
 * Listens to the live events until the returned function is called. Every tab
 * of the dashboard hears them, but only one holds the stream (a Web Lock picks
 * it; BroadcastChannel relays what it hears to the others): over HTTP/1.1 a
 * browser opens at most six connections to a site, and one stream per tab
 * would leave a tab with several others open without any for its own requests.
 * When the holding tab closes, another takes the lock and resumes after the
 * last event any tab saw. Without those APIs, each tab has its own stream.
 */
export function listenToLiveEvents(handlers: LiveEventHandlers): () => void {
  let lastId: string | undefined;
  const seen = (id: string) => (lastId = id);
  if (typeof BroadcastChannel === 'undefined' || !('locks' in navigator)) {
    return listenToOwnStream(handlers, () => lastId, seen);
  }
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = ({ data }: MessageEvent<Relayed>) => {
    if (data.kind === 'reopened') return handlers.reopened();
    lastId = data.id;
    if (data.kind === 'resolved') handlers.resolved(data.event);
    else handlers.started(data.event);
  };
  const stopped = new AbortController();
  let stopOwn: (() => void) | undefined;
  let releaseLock: (() => void) | undefined;
  navigator.locks
    .request(
      CHANNEL,
      { signal: stopped.signal },
      () =>
        new Promise<void>((release) => {
          releaseLock = release;
          stopOwn = listenToOwnStream(
            {
              resolved(event) {
                handlers.resolved(event);
                channel.postMessage({
                  kind: 'resolved',
                  event,
                  id: lastId ?? '',
                } satisfies Relayed);
              },
              started(event) {
                handlers.started(event);
                channel.postMessage({ kind: 'started', event, id: lastId ?? '' } satisfies Relayed);
              },
              reopened() {
                handlers.reopened();
                channel.postMessage({ kind: 'reopened' } satisfies Relayed);
              },
            },
            () => lastId,
            seen,
          );
        }),
    )
    // Stopped while waiting for the lock: nothing to undo.
    .catch(() => undefined);
  return () => {
    stopped.abort();
    stopOwn?.();
    releaseLock?.();
    channel.close();
  };
}
