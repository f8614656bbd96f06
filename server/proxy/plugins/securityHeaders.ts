import type { IncomingMessage, ServerResponse } from 'node:http';
import fp from 'fastify-plugin';
import helmet from 'helmet';

/**
 * The headers helmet's middleware sets, recorded once: with no per-request
 * directive (no nonce) they are the same on every answer, so each request only
 * sets them, without helmet's chain of middleware. Its one other act, removing
 * X-Powered-By, has nothing to remove (Fastify never sets it).
 */
function recordedHeaders(middleware: ReturnType<typeof helmet>): [string, string][] {
  const headers: [string, string][] = [];
  const response = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers.push([name, String(value)]);
    },
    removeHeader() {},
  };
  let finished = false;
  middleware({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error instanceof Error ? error : new Error('helmet refused its options');
    finished = true;
  });
  // Helmet's middleware is synchronous; if it ever is not, the recording is not the whole set.
  if (!finished) throw new Error('helmet did not finish synchronously: headers not recorded');
  return headers;
}

/** Strict headers on every answer: a CSP without inline script, no framing, no referrer. */
export default fp<{ secure: boolean }>(
  async (app, { secure }) => {
    const headers = recordedHeaders(
      helmet({
        contentSecurityPolicy: {
          useDefaults: false,
          directives: {
            defaultSrc: ["'self'"],
            scriptSrc: ["'self'"],
            // Mantine sets CSS variables in style attributes; no script is ever inline.
            styleSrc: ["'self'", "'unsafe-inline'"],
            imgSrc: ["'self'", 'data:'],
            fontSrc: ["'self'", 'data:'],
            connectSrc: ["'self'"],
            objectSrc: ["'none'"],
            baseUri: ["'self'"],
            formAction: ["'self'"],
            frameAncestors: ["'none'"],
          },
        },
        referrerPolicy: { policy: 'no-referrer' },
        frameguard: { action: 'deny' },
        strictTransportSecurity: secure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
        crossOriginEmbedderPolicy: false,
      }),
    );
    app.addHook('onRequest', (_request, reply, done) => {
      const response = reply.raw;
      for (const [name, value] of headers) response.setHeader(name, value);
      done();
    });
  },
  { name: 'security-headers' },
);
