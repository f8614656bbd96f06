import type { FastifyPluginAsync } from 'fastify';
import { problem } from '../../problem';
import activityRoutes from './activity';
import { useContract } from './contract';
import customerRoutes from './customers';
import duplicateRoutes from './duplicates';
import eventRoutes, { type LiveEventSettings } from './events';
import queueRoutes from './queue';
import searchRoutes from './search';
import statusRoutes from './status';

export interface BackOfficeOptions {
  now: () => number;
  liveEvents?: Partial<LiveEventSettings>;
}

/**
 * /bo/*: what the back-office's own index adds (openapi/backoffice.yaml), for
 * any signed-in agent, viewers included: everything here only reads.
 */
const backOffice: FastifyPluginAsync<BackOfficeOptions> = async (app, { now, liveEvents }) => {
  useContract(app);
  app.addHook('onRequest', async (request, reply) => {
    const agent = await app.signedInAgent(request, reply);
    if (!agent) return problem(reply, 401, 'unauthenticated', 'Sign in to continue.');
  });
  await app.register(statusRoutes, { now });
  await app.register(searchRoutes);
  await app.register(customerRoutes);
  await app.register(activityRoutes);
  await app.register(duplicateRoutes);
  await app.register(queueRoutes, { now });
  await app.register(eventRoutes, liveEvents ?? {});
};

export default backOffice;
