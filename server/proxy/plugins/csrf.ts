import fp from 'fastify-plugin';
import { isLoopbackHostOfPort, listeningPort } from '../hosts';
import { problem } from '../problem';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Anti-forgery: writes need our custom header and must come from our own origin:
 * PUBLIC_URL's, or with it unset, the loopback origin of the listening port the
 * page was loaded from. The Host a request names never makes an origin trusted.
 */
export default fp<{ publicOrigin: string | undefined }>(
  async (app, { publicOrigin }) => {
    // Asked of the server once it listens, then kept.
    let port: number | undefined;
    const fromOwnOrigin = (origin: string | undefined, host: string): boolean => {
      if (origin === undefined) return false;
      if (publicOrigin !== undefined) return origin === publicOrigin;
      const page = /^http:\/\/([^/]+)$/.exec(origin)?.[1]?.toLowerCase();
      if (page === undefined) return false;
      port ??= listeningPort(app.server);
      return isLoopbackHostOfPort(page, port) && page === host.toLowerCase();
    };
    app.addHook('onRequest', async (request, reply) => {
      if (SAFE_METHODS.has(request.method)) return;
      if (
        request.headers['x-csrf'] !== '1' ||
        !fromOwnOrigin(request.headers.origin, request.host)
      ) {
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
