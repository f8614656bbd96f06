import fp from 'fastify-plugin';
import { problem } from '../problem';
import { UpstreamError } from '../upstream';

/** One error handler: a clear Problem for the client's mistakes, nothing of a 5xx's internals. */
export default fp(
  async (app) => {
    app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
      if (error instanceof UpstreamError) {
        return problem(reply, error.status, error.code, error.message);
      }
      const status = error.statusCode ?? 500;
      if (status === 413) {
        return problem(reply, 413, 'payload_too_large', 'The request body is larger than 1 MB.');
      }
      if (status === 415) {
        return problem(
          reply,
          415,
          'unsupported_media_type',
          'Send JSON (Content-Type: application/json).',
        );
      }
      if (status === 429) return problem(reply, 429, 'too_many_requests', error.message);
      if (status >= 400 && status < 500) {
        const code = error.code === 'invalid_json' ? 'invalid_json' : 'bad_request';
        return problem(reply, status, code, error.message);
      }
      request.log.error({ err: error }, 'proxy failure');
      return problem(
        reply,
        500,
        'internal_error',
        'The dashboard server failed; the error is logged.',
      );
    });
  },
  { name: 'error-answers' },
);
