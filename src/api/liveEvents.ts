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
export function listenToLiveEvents(handlers: LiveEventHandlers): () => void {
  let source: EventSource | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let pause = FIRST_RETRY_MS;
  let stopped = false;

  const open = (afterClosure: boolean) => {
    const stream = new EventSource('/bo/events');
    source = stream;
    stream.addEventListener('open', () => {
      pause = FIRST_RETRY_MS;
      if (afterClosure) handlers.reopened();
      afterClosure = false;
    });
    stream.addEventListener('verification_resolved', (message) => {
      const event = parseResolvedEvent((message as MessageEvent<string>).data);
      if (event) handlers.resolved(event);
    });
    stream.addEventListener('verification_started', (message) => {
      const event = parseStartedEvent((message as MessageEvent<string>).data);
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
