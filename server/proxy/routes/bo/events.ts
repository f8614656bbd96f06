import { PassThrough } from 'node:stream';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { StoredEvent } from '../../../store/index/types';
import { EventRelay, type EventSink } from '../../events/relay';
import { problem } from '../../problem';
import { routeSchema } from './contract';

export interface LiveEventSettings {
  /** How often this replica asks the store for new events while a stream is open. */
  pollMs: number;
  /** A comment line this often keeps balancers and the idle timeout from closing a quiet stream. */
  heartbeatMs: number;
  /** How often each stream's session is checked again (sign-out, removal, role change end it). */
  sessionCheckMs: number;
}

export const DEFAULT_LIVE_EVENT_SETTINGS: LiveEventSettings = {
  pollMs: 500,
  heartbeatMs: 15_000,
  sessionCheckMs: 5_000,
};

/** What EventSource waits before it reconnects, in ms. */
const RETRY_MS = 3_000;
/** A stream that reads nothing is closed past this much unsent (it reconnects with Last-Event-ID). */
const MAX_UNSENT_BYTES = 1024 * 1024;

export const sseEvent = (event: StoredEvent) =>
  `id: ${event.id}\nevent: ${event.kind}\ndata: ${JSON.stringify(event.payload)}\n\n`;

/** Where the stream resumes: the Last-Event-ID header (or ?last_event_id=, for tests), else now. */
function resumeFrom(request: FastifyRequest): number | 'invalid' | undefined {
  const header = request.headers['last-event-id'];
  const given =
    typeof header === 'string'
      ? header
      : (request.query as { last_event_id?: unknown }).last_event_id;
  if (given === undefined) return undefined;
  if (typeof given !== 'string' || !/^\d{1,15}$/.test(given)) return 'invalid';
  return Number(given);
}

/**
 * GET /bo/events: server-sent events for the signed-in agent, relayed from the
 * store's event log by this replica's EventRelay. Every open stream ends at
 * once when the app closes, or closing would wait on them.
 */
const eventRoutes: FastifyPluginAsync<Partial<LiveEventSettings>> = async (app, options) => {
  const settings = { ...DEFAULT_LIVE_EVENT_SETTINGS, ...options };
  const relay = new EventRelay(app.store.index, settings.pollMs, (error) =>
    app.log.warn({ err: error }, 'live events: the store could not be read; trying again'),
  );
  const open = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const end of [...open]) end();
    await relay.stop();
  });

  // No HEAD twin: it would open a stream only to throw it away, and never end.
  const routeOptions = { schema: routeSchema('liveEvents'), exposeHeadRoute: false };
  app.get('/bo/events', routeOptions, async (request, reply) => {
    const agent = (await app.signedInAgent(request, reply))!;
    const asked = resumeFrom(request);
    if (asked === 'invalid') {
      return problem(reply, 400, 'validation_failed', 'Last-Event-ID is the id of an event sent.');
    }
    const newest = await app.store.index.lastEventId();
    // An id from before the log was reset would wait for events that never come.
    const cursor = asked === undefined || asked > newest ? newest : asked;
    return stream(request, reply, agent.sessionId, cursor);
  });

  function stream(request: FastifyRequest, reply: FastifyReply, sessionId: string, cursor: number) {
    const out = new PassThrough();
    const write = (text: string) => {
      if (out.writableLength > MAX_UNSENT_BYTES) end();
      else out.write(text);
    };
    const sink: EventSink = { cursor, send: (event) => write(sseEvent(event)) };
    const heartbeat = setInterval(() => write(': heartbeat\n\n'), settings.heartbeatMs);
    let checking = false;
    const sessionCheck = setInterval(() => {
      if (checking) return;
      checking = true;
      app.sessions
        .stillLive(request)
        .then((session) => {
          if (session?.id !== sessionId) end();
        })
        // The store cannot say: the stream goes on, the next check asks again.
        .catch((error: unknown) => request.log.warn({ err: error }, 'live events: session check'))
        .finally(() => (checking = false));
    }, settings.sessionCheckMs);
    let stopRelaying = () => {};
    function end() {
      if (!open.delete(end)) return;
      clearInterval(heartbeat);
      clearInterval(sessionCheck);
      stopRelaying();
      out.end();
      // Not kept alive for another request: closing the app must not wait on this connection.
      reply.raw.once('finish', () => request.raw.socket?.end());
    }
    open.add(end);
    reply.raw.once('close', end);
    out.write(`retry: ${RETRY_MS}\n\n`);
    stopRelaying = relay.add(sink);
    return reply
      .header('content-type', 'text/event-stream; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('x-accel-buffering', 'no')
      .send(out);
  }
};

export default eventRoutes;
