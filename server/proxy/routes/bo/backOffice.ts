import type { FastifyPluginAsync } from 'fastify';
import type { ServerEnvironment } from '../../environment';
import { problem } from '../../problem';
import activityRoutes from './activity';
import { useContract } from './contract';
import customerRoutes from './customers';
import environmentRoutes from './environment';
import duplicateRoutes from './duplicates';
import eventRoutes, { type LiveEventSettings } from './events';
import queueRoutes from './queue';
import searchRoutes from './search';
import statusRoutes from './status';

export interface BackOfficeOptions {
  now: () => number;
  liveEvents?: Partial<LiveEventSettings>;
  environment: ServerEnvironment;
}

/** The /bo routes anyone may read without a session; every other one needs a signed-in agent. */
const ANONYMOUS_ROUTES: ReadonlySet<string> = new Set(['/bo/environment']);

/**
 * /bo/*: what the back-office's own index adds (openapi/backoffice.yaml), for
 * any signed-in agent, viewers included: everything here only reads. The one
 * exception to sign-in, /bo/environment, is listed in ANONYMOUS_ROUTES.
 */
const backOffice: FastifyPluginAsync<BackOfficeOptions> = async (
  app,
  { now, liveEvents, environment },
) => {
  useContract(app);
  app.addHook('onRequest', async (request, reply) => {
    // The route as declared (an unknown path has none, and needs a session like the rest).
    if (request.method === 'GET' && ANONYMOUS_ROUTES.has(request.routeOptions.url ?? '')) return;
    const agent = await app.signedInAgent(request, reply);
    if (!agent) return problem(reply, 401, 'unauthenticated', 'Sign in to continue.');
  });
  await app.register(environmentRoutes, { environment });
  await app.register(statusRoutes, { now });
  await app.register(searchRoutes);
  await app.register(customerRoutes);
  await app.register(activityRoutes);
  await app.register(duplicateRoutes);
  await app.register(queueRoutes, { now });
  await app.register(eventRoutes, liveEvents ?? {});
};

export default backOffice;
