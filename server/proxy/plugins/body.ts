import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyRequest {
    /** The body's bytes as they came: forwarded exactly so, never re-serialised. */
    rawBody: Buffer | undefined;
  }
}

/** The server-wide default (Fastify's `bodyLimit`): sign-in and anything else that takes a body. */
export const SMALL_BODY_LIMIT = 4 * 1024;
/** What a forwarded create may send (a route's own `bodyLimit`). */
export const API_BODY_LIMIT = 1024 * 1024;
/** Deeper JSON is refused before it is parsed: no request of the dashboard comes near it. */
export const MAX_JSON_DEPTH = 64;

/** A body refused before or instead of parsing: the error handler answers it as is. */
export class BodyRefused extends Error {
  constructor(
    readonly statusCode: 400 | 413,
    readonly code: 'invalid_json' | 'too_deep' | 'payload_too_large',
    message: string,
  ) {
    super(message);
  }
}

function tooLarge(limit: number): BodyRefused {
  const size = limit >= 1024 * 1024 ? `${limit / (1024 * 1024)} MB` : `${limit / 1024} KB`;
  return new BodyRefused(413, 'payload_too_large', `The request body is larger than ${size}.`);
}

/**
 * Whether JSON text nests deeper than `limit`, by one pass over the bytes that
 * stops as soon as it does: brackets inside strings (escapes included) are text.
 * Exact for valid JSON; for invalid JSON, JSON.parse stops at the first bad byte,
 * and the valid part before it was counted exactly.
 */
export function nestsDeeperThan(raw: Buffer, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i += 1) {
    const byte = raw[i]!;
    if (inString) {
      if (byte === 0x5c) i += 1;
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) {
      inString = true;
    } else if (byte === 0x5b || byte === 0x7b) {
      depth += 1;
      if (depth > limit) return true;
    } else if (byte === 0x5d || byte === 0x7d) {
      depth -= 1;
    }
  }
  return false;
}

/** The JSON of a body (undefined when empty), or a 400: `too_deep` past `maxDepth`, else `invalid_json`. */
export function parseJsonBody(raw: Buffer, maxDepth = MAX_JSON_DEPTH): unknown {
  if (raw.length === 0) return undefined;
  if (nestsDeeperThan(raw, maxDepth)) {
    throw new BodyRefused(400, 'too_deep', `The JSON body nests deeper than ${maxDepth} levels.`);
  }
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    throw new BodyRefused(400, 'invalid_json', 'The body is not valid JSON.');
  }
}

/** Reads a body up to `limit` bytes; a declared length over it is refused before a byte is read. */
function readBody(
  request: FastifyRequest,
  payload: NodeJS.ReadableStream,
  limit: number,
): Promise<Buffer> {
  const declared = Number(request.headers['content-length']);
  if (declared > limit) return Promise.reject(tooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const stop = () => {
      payload.removeListener('data', onData);
      payload.removeListener('end', onEnd);
      payload.removeListener('error', onError);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      // Past the limit nothing more is kept; what is left is discarded unread by Node.
      if (received > limit) {
        stop();
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      if (!Number.isNaN(declared) && declared !== received) {
        reject(
          new BodyRefused(400, 'invalid_json', 'The body is shorter than its Content-Length.'),
        );
        return;
      }
      resolve(Buffer.concat(chunks, received));
    };
    const onError = (error: Error) => {
      stop();
      reject(Object.assign(error, { statusCode: 400 }));
    };
    payload.on('data', onData);
    payload.on('end', onEnd);
    payload.on('error', onError);
  });
}

/**
 * Nothing is parsed by default: every content-type parser is removed at the root,
 * so the not-found answer, health and static files never read a body. A context
 * that takes JSON says so by registering `acceptJson`.
 */
export default fp(
  async (app) => {
    app.decorateRequest('rawBody', undefined);
    app.removeAllContentTypeParsers();
    // Answered before its body came (refused by the gate, not found, too large): the
    // connection ends with the answer, rather than the server reading the rest to reuse it.
    app.addHook('onSend', async (request, reply) => {
      if (!request.raw.complete) reply.header('connection', 'close');
    });
  },
  { name: 'json-body' },
);

export interface AcceptJsonOptions {
  /**
   * Whether this request's route takes a body at all; when not, the body is left
   * unread (Node discards it) and `request.body` stays undefined. By default: the
   * route's schema declares one.
   */
  takesBody?: (request: FastifyRequest) => boolean;
  maxDepth?: number;
}

/**
 * JSON bodies in the registering context, and only there: read up to the route's
 * `bodyLimit` (else the server's, SMALL_BODY_LIMIT), depth-checked, then parsed.
 * Other media types get 415. Hooks of the context (session, anti-forgery) run first.
 */
export const acceptJson = fp<AcceptJsonOptions>(
  async (app, { takesBody = declaresBody, maxDepth = MAX_JSON_DEPTH }) => {
    app.addContentTypeParser('application/json', (request, payload, done) => {
      if (!takesBody(request)) return done(null, undefined);
      readBody(request, payload, request.routeOptions.bodyLimit).then(
        (raw) => {
          request.rawBody = raw;
          try {
            done(null, parseJsonBody(raw, maxDepth));
          } catch (error) {
            done(error as Error, undefined);
          }
        },
        (error: Error) => done(error, undefined),
      );
    });
  },
  { name: 'accept-json', dependencies: ['json-body'] },
);

function declaresBody(request: FastifyRequest): boolean {
  return request.routeOptions.schema?.body !== undefined;
}
