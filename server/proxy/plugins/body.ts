import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyRequest {
    /** The body's bytes as they came: forwarded exactly so, never re-serialised. */
    rawBody: Buffer | undefined;
  }
}

/** Every body this proxy takes is JSON; text, forms and multipart get 415. */
export default fp(
  async (app) => {
    app.decorateRequest('rawBody', undefined);
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
      const raw = body as Buffer;
      request.rawBody = raw;
      try {
        done(null, raw.length === 0 ? undefined : (JSON.parse(raw.toString('utf8')) as unknown));
      } catch {
        done(
          Object.assign(new Error('The body is not valid JSON.'), {
            statusCode: 400,
            code: 'invalid_json',
          }),
          undefined,
        );
      }
    });
  },
  { name: 'json-body' },
);
