import fp from 'fastify-plugin';
import { ApiError } from '../errors';

declare module 'fastify' {
  interface FastifyRequest {
    /** The body's exact bytes, for the Digest of an HTTP Signature. */
    rawBody: Buffer | undefined;
  }
}

/** Bodies: JSON (kept raw, for the Digest check) and, for the token operation and the consent page's buttons only, a form. */
export const bodyParsers = fp(
  async (app) => {
    app.decorateRequest('rawBody', undefined);
    app.removeAllContentTypeParsers();
    const parseJson = app.getDefaultJsonParser('error', 'error');
    app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
      request.rawBody = body as Buffer;
      void parseJson(request, (body as Buffer).toString('utf8'), done);
    });
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (request, body, done) => {
        const config = request.routeOptions.config;
        if (config.operationId !== 'getAccessToken' && !config.formBody) {
          done(
            new ApiError(
              415,
              'unsupported_media_type',
              'This operation takes a JSON body (Content-Type: application/json).',
            ),
            undefined,
          );
          return;
        }
        request.rawBody = Buffer.from(body as string);
        done(null, Object.fromEntries(new URLSearchParams(body as string)));
      },
    );
  },
  { name: 'sandbox-body-parsers' },
);
