import fp from 'fastify-plugin';
import { UpstreamClient, type UpstreamConfig } from '../upstream';

declare module 'fastify' {
  interface FastifyInstance {
    upstream: UpstreamClient;
  }
}

/** The one client of the Fintecture API, shared by every route; closed with the app. */
export default fp<{ config: UpstreamConfig; now: () => number }>(
  async (app, { config, now }) => {
    const client = new UpstreamClient(config, now);
    app.decorate('upstream', client);
    app.addHook('onClose', () => client.close());
  },
  { name: 'upstream' },
);
