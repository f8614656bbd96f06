import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small real HTTP server playing an upstream: it records every request as it
 * came and answers with what the test's routes say (a token by default), so a
 * test sees exactly what the proxy put on the wire and what it made of answers.
 */
export interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface Canned {
  status?: number;
  /** Serialised as JSON unless a string (sent as it is). */
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
}

/** `METHOD /path?query` (exact), or a function of the request. */
export type Route = Canned | ((request: Received) => Canned);

export interface RecordingUpstream {
  url: string;
  received: Received[];
  /** Routes keyed `METHOD /path` (query included when given, else any query matches). */
  routes: Map<string, Route>;
  /** Requests to a path (query included when the path has one). */
  to(method: string, path: string): Received[];
  close(): Promise<void>;
}

export const TOKEN_ANSWER = { access_token: 'token-1', token_type: 'Bearer', expires_in: 3600 };

export async function startRecordingUpstream(
  routes: Record<string, Route> = {},
): Promise<RecordingUpstream> {
  const received: Received[] = [];
  const table = new Map<string, Route>(Object.entries(routes));
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const seen: Received = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks),
      };
      received.push(seen);
      const path = seen.url.split('?')[0]!;
      const route: Route = table.get(`${seen.method} ${seen.url}`) ??
        table.get(`${seen.method} ${path}`) ??
        (path.endsWith('/oauth/accesstoken') ? { body: TOKEN_ANSWER } : undefined) ?? {
          status: 404,
          body: { status: 404, code: 'not_found', message: 'No route.' },
        };
      const canned = typeof route === 'function' ? route(seen) : route;
      response.statusCode = canned.status ?? 200;
      response.setHeader('content-type', canned.contentType ?? 'application/json');
      for (const [name, value] of Object.entries(canned.headers ?? {})) {
        response.setHeader(name, value);
      }
      response.end(
        typeof canned.body === 'string' ? canned.body : JSON.stringify(canned.body ?? {}),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    received,
    routes: table,
    to: (method, path) =>
      received.filter(
        (request) =>
          request.method === method &&
          (path.includes('?') ? request.url === path : request.url.split('?')[0] === path),
      ),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
