import type { Browser } from '../../../testing/browser';

/** One server-sent message as the stream carried it; a comment line is `{ comment }`. */
export interface SseMessage {
  id?: string;
  event?: string;
  data?: string;
  retry?: string;
  comment?: string;
}

export interface SseStream {
  status: number;
  headers: Headers;
  /** Every message so far, in order. */
  messages: SseMessage[];
  /** The messages with an event name (not comments, not the retry line). */
  events: () => SseMessage[];
  /** Resolves when `count` messages match, or rejects at the deadline with what came. */
  waitFor: (match: (m: SseMessage) => boolean, count?: number, withinMs?: number) => Promise<void>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  isEnded: () => boolean;
  close: () => void;
}

function parse(block: string): SseMessage {
  const message: SseMessage = {};
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) message.comment = line.slice(1).trim();
    const at = line.indexOf(':');
    if (at <= 0) continue;
    const field = line.slice(0, at) as keyof SseMessage;
    const value = line.slice(at + 1).replace(/^ /, '');
    if (['id', 'event', 'data', 'retry'].includes(field)) message[field] = value;
  }
  return message;
}

/** GET /bo/events as EventSource would, reading the stream as it comes (not a browser: one parser, no reconnects). */
export async function openEvents(
  browser: Browser,
  options: { lastEventId?: string | number; query?: string } = {},
): Promise<SseStream> {
  const abort = new AbortController();
  const headers: Record<string, string> = { accept: 'text/event-stream' };
  if (options.lastEventId !== undefined) headers['last-event-id'] = String(options.lastEventId);
  const response = await browser.fetch(`/bo/events${options.query ?? ''}`, {
    headers,
    signal: abort.signal,
  });
  const messages: SseMessage[] = [];
  let ended = false;
  const listeners = new Set<() => void>();
  const reading = (async () => {
    if (!response.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      const reader = response.body.getReader();
      for (let read = await reader.read(); !read.done; read = await reader.read()) {
        buffer += decoder.decode(read.value, { stream: true });
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          messages.push(parse(buffer.slice(0, cut)));
          buffer = buffer.slice(cut + 2);
          for (const listener of listeners) listener();
        }
      }
    } catch {
      // Aborted by the test, or cut by the server: either way, ended.
    } finally {
      ended = true;
      for (const listener of listeners) listener();
    }
  })();

  return {
    status: response.status,
    headers: response.headers,
    messages,
    events: () => messages.filter((m) => m.event !== undefined),
    waitFor: (match, count = 1, withinMs = 10_000) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (messages.filter(match).length >= count) done(resolve);
          else if (ended)
            done(() => reject(new Error(`stream ended: ${JSON.stringify(messages)}`)));
        };
        const timer = setTimeout(
          () =>
            done(() => reject(new Error(`not within ${withinMs} ms: ${JSON.stringify(messages)}`))),
          withinMs,
        );
        const done = (then: () => void) => {
          clearTimeout(timer);
          listeners.delete(check);
          then();
        };
        listeners.add(check);
        check();
      }),
    ended: reading,
    isEnded: () => ended,
    close: () => abort.abort(),
  };
}
