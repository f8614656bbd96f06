import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import fp from 'fastify-plugin';

export interface ConnectionLimits {
  /** Open connections in total; past it Node closes new ones at once (`server.maxConnections`). */
  max: number;
  /** Open connections per client address (an IPv6 client counts by its /64). */
  perClient: number;
}

export interface ConnectionSettings extends ConnectionLimits {
  /** From the connection (or the end of the previous answer) to the end of a request's headers. */
  headersTimeoutMs: number;
  /** From the connection to the end of a request's body. */
  requestTimeoutMs: number;
  /** How long a kept-alive connection may wait for its next request. */
  keepAliveTimeoutMs: number;
  /** A connection on which no byte moves either way for this long is closed. */
  idleTimeoutMs: number;
}

export const DEFAULT_MAX_CONNECTIONS = 1024;
export const DEFAULT_MAX_CONNECTIONS_PER_CLIENT = 128;

/**
 * The settings with their defaults. Behind a balancer (TRUST_PROXY) every
 * connection comes from the balancer, so the per-client cap defaults to the
 * total (no per-client cap) and kept-alive connections wait longer than a
 * balancer's usual idle timeout (60 s), or it would reuse one we just closed.
 */
export function connectionSettings(
  given: Partial<ConnectionSettings> | undefined,
  behindBalancer: boolean,
): ConnectionSettings {
  const max = given?.max ?? DEFAULT_MAX_CONNECTIONS;
  return {
    max,
    perClient: given?.perClient ?? (behindBalancer ? max : DEFAULT_MAX_CONNECTIONS_PER_CLIENT),
    headersTimeoutMs: given?.headersTimeoutMs ?? 10_000,
    requestTimeoutMs: given?.requestTimeoutMs ?? 30_000,
    keepAliveTimeoutMs: given?.keepAliveTimeoutMs ?? (behindBalancer ? 72_000 : 5_000),
    idleTimeoutMs: given?.idleTimeoutMs ?? 60_000,
  };
}

/** The timeouts as Fastify and Node's HTTP server take them. */
export function serverTimeouts(settings: ConnectionSettings) {
  const headersTimeout = Math.min(settings.headersTimeoutMs, settings.requestTimeoutMs);
  return {
    requestTimeout: settings.requestTimeoutMs,
    keepAliveTimeout: settings.keepAliveTimeoutMs,
    connectionTimeout: settings.idleTimeoutMs,
    http: {
      headersTimeout,
      // Node checks the header and request timeouts on this period (30 s by default).
      connectionsCheckingInterval: Math.min(1_000, Math.max(100, Math.floor(headersTimeout / 4))),
    },
  };
}

/** The client an address counts for: IPv4 as is, IPv6 by its /64 (one host's usual allocation). */
export function clientKey(address: string | undefined): string {
  if (address === undefined) return '?';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(':')) return address;
  const [head = '', tail] = address.toLowerCase().split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}

const REFUSAL_LOG_EVERY_MS = 10_000;

/**
 * Caps open connections in total and per client address, so that idle or
 * half-open sockets from a few addresses cannot use up the process's file
 * descriptors. A connection over a cap is closed at once, before anything is
 * read from it. The count is by socket address: behind a balancer every
 * connection is the balancer's (see the README).
 */
export default fp<ConnectionSettings>(
  async (app, { max, perClient, headersTimeoutMs, idleTimeoutMs }) => {
    const server = app.server;
    server.maxConnections = max;
    const open = new Map<string, number>();
    let refused = 0;
    let lastLogAt = 0;
    const noteRefusal = (reason: string, client: string) => {
      refused += 1;
      const now = Date.now();
      if (now - lastLogAt < REFUSAL_LOG_EVERY_MS) return;
      lastLogAt = now;
      app.log.warn({ connectionsRefused: refused, reason, client }, 'connections refused');
      refused = 0;
    };
    server.on('drop', (data?: { remoteAddress?: string }) =>
      noteRefusal('total', clientKey(data?.remoteAddress)),
    );
    // Until its first request, a connection lives on a timer of its own: Node's header
    // timeout starts only with a request's first byte, and a socket's own idle timeout
    // is not reliable for sockets whose reads the HTTP parser takes over.
    const untilFirstRequest = new WeakMap<Socket, NodeJS.Timeout>();
    server.on('request', (request: IncomingMessage) => {
      clearTimeout(untilFirstRequest.get(request.socket));
      request.socket.setTimeout(idleTimeoutMs);
    });
    server.on('connection', (socket: Socket) => {
      const client = clientKey(socket.remoteAddress);
      const count = open.get(client) ?? 0;
      if (count >= perClient) {
        socket.destroy();
        noteRefusal('per-client', client);
        return;
      }
      open.set(client, count + 1);
      const silent = setTimeout(() => socket.destroy(), headersTimeoutMs);
      silent.unref();
      untilFirstRequest.set(socket, silent);
      socket.once('close', () => {
        clearTimeout(silent);
        const left = (open.get(client) ?? 1) - 1;
        if (left <= 0) open.delete(client);
        else open.set(client, left);
      });
    });
  },
  { name: 'connection-limits' },
);
