import fp from 'fastify-plugin';
import { storeUnavailable } from '../../store/errors';
import { problem } from '../problem';
import { UpstreamError } from '../upstream';
import { BodyRefused } from './body';

/** One error handler: a clear Problem for the client's mistakes, nothing of a 5xx's internals. */
export default fp(
  async (app) => {
    app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
      if (error instanceof UpstreamError || error instanceof BodyRefused) {
        const status = error instanceof UpstreamError ? error.status : error.statusCode;
        return problem(reply, status, error.code, error.message);
      }
      // The store is down (an outage, a restart): every call needs it, so say so plainly; service resumes by itself.
      if (storeUnavailable(error)) {
        request.log.warn({ err: error }, 'store unavailable');
        reply.header('retry-after', '5');
        return problem(
          reply,
          503,
          'store_unavailable',
          "The dashboard's database cannot be reached right now; nothing was changed. Try again in a few seconds.",
        );
      }
      const status = error.statusCode ?? 500;
      if (status === 413) {
        return problem(reply, 413, 'payload_too_large', 'The request body is too large.');
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
        return problem(reply, status, 'bad_request', error.message);
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
