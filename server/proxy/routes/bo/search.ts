import type { FastifyPluginAsync } from 'fastify';
import { problem } from '../../problem';
import { refuseInvalid, routeSchema } from './contract';

/** GET /bo/search: the header's search across the whole index. */
const searchRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: { q: string; limit: number } }>(
    '/bo/search',
    { schema: routeSchema('searchCustomers'), attachValidation: true },
    async (request, reply) => {
      if (request.validationError) return refuseInvalid(request, reply);
      const q = request.query.q.trim();
      if (q === '')
        return problem(reply, 400, 'validation_failed', 'q is empty: type something to find.');
      const { results, exact } = await app.store.index.search(q, request.query.limit);
      return { data: results, exact };
    },
  );
};

export default searchRoutes;
