import fp from 'fastify-plugin';
import { problem } from '../problem';

/** WebSocket and other protocol switches are never proxied. */
export default fp(
  async (app) => {
    app.addHook('onRequest', async (request, reply) => {
      if (request.headers.upgrade !== undefined) {
        return problem(reply, 400, 'upgrade_refused', 'Protocol upgrades are not supported.');
      }
    });
  },
  { name: 'refuse-upgrades' },
);
