import fp from 'fastify-plugin';
import { arrivalHost, isLoopbackHostOfPort, listeningPort } from '../hosts';
import { problem } from '../problem';

/** Liveness and readiness carry no session and no app: probes may name the server by any address. */
const PROBES = new Set(['/healthz', '/readyz']);

/**
 * The Host allow-list, against DNS rebinding: a page on evil.example that
 * rebinds its name to this server makes the browser send `Host: evil.example`,
 * which is answered 421 before anything else runs.
 *
 * Allowed: the host of PUBLIC_URL; with PUBLIC_URL unset, a loopback name or
 * address with the listening port. Behind a trusted balancer (TRUST_PROXY),
 * also the address:port the balancer connected to, which is what a balancer
 * that does not pass the browser's Host on (nginx's default) sends; a browser
 * never can, since that address is an origin of its own.
 */
export default fp<{ publicOrigin: string | undefined; behindBalancer: boolean }>(
  async (app, { publicOrigin, behindBalancer }) => {
    const publicHost = publicOrigin ? new URL(publicOrigin).host.toLowerCase() : undefined;
    // Asked of the server once it listens (server.address() costs a few µs per request), then kept.
    let port: number | undefined;
    const allowed = (
      host: string,
      socket: Parameters<typeof arrivalHost>[0],
      forwarded: boolean,
    ) => {
      if (publicHost === undefined) {
        port ??= listeningPort(app.server);
        return isLoopbackHostOfPort(host, port);
      }
      if (host === publicHost) return true;
      return behindBalancer && !forwarded && host === arrivalHost(socket);
    };
    app.addHook('onRequest', async (request, reply) => {
      if (
        (request.method === 'GET' || request.method === 'HEAD') &&
        PROBES.has(request.url.split('?')[0]!)
      ) {
        return;
      }
      // request.host is X-Forwarded-Host only when the peer is a trusted balancer, else Host.
      const host = request.host.toLowerCase();
      if (allowed(host, request.raw.socket, request.headers['x-forwarded-host'] !== undefined)) {
        return;
      }
      return problem(
        reply,
        421,
        'misdirected_request',
        'This server does not answer for that host name.',
      );
    });
  },
  { name: 'host-check' },
);
