import fp from 'fastify-plugin';
import { problem } from '../problem';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Anti-forgery: writes need our custom header and must come from our own origin. */
export default fp<{ publicOrigin: string | undefined }>(
  async (app, { publicOrigin }) => {
    app.addHook('onRequest', async (request, reply) => {
      if (SAFE_METHODS.has(request.method)) return;
      const expected = publicOrigin ?? `${request.protocol}://${request.host}`;
      if (request.headers['x-csrf'] !== '1' || request.headers.origin !== expected) {
        return problem(
          reply,
          403,
          'csrf_refused',
          'This request needs the X-CSRF header and must come from the dashboard itself.',
        );
      }
    });
  },
  { name: 'csrf' },
);
