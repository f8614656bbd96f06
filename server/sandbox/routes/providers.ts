import type { FastifyPluginAsync } from 'fastify';
import { findProviders } from '../providers';
import { withoutAnswerSchemas, type SandboxRouteOptions } from './contractRoute';

type Filters = { 'filter[country]'?: string; 'filter[ais]'?: string };

/** `GET /res/v1/providers`, in both flavours: Fintecture's JSON:API-like list, filtered. */
export const providerRoutes: FastifyPluginAsync<SandboxRouteOptions> = async (app, { route }) => {
  app.route<{ Querystring: Filters }>({
    // Fintecture's list carries `meta` and each provider's `pis`, which the contract leaves out.
    ...withoutAnswerSchemas(route('listProviders')),
    handler: async (request) => {
      const data = findProviders({
        country: request.query['filter[country]'],
        ais: request.query['filter[ais]'],
      });
      return { data, meta: { count: data.length } };
    },
  });
};
