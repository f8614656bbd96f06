import type { FastifyPluginAsync } from 'fastify';
import { problem } from '../../problem';
import { refuseInvalid, routeSchema } from './contract';
import { customerIds, customerStatuses, page, type PageQuery } from './params';

/** The customer list's status column and status filter, served from the index. */
const customerRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: PageQuery & { status?: string } }>(
    '/bo/customers',
    { schema: routeSchema('listIndexedCustomers'), attachValidation: true },
    async (request, reply) => {
      if (request.validationError) return refuseInvalid(request, reply);
      const statuses = customerStatuses(request.query.status);
      if (!statuses.ok) return problem(reply, 400, 'validation_failed', statuses.message);
      const wanted = page(request.query, 20);
      if (!wanted.ok) return problem(reply, 400, 'validation_failed', wanted.message);
      const { data, count } = await app.store.index.listCustomers(statuses.value, wanted.value);
      return { data, meta: { count } };
    },
  );

  app.get<{ Querystring: { ids: string } }>(
    '/bo/customers/statuses',
    { schema: routeSchema('customerStatuses'), attachValidation: true },
    async (request, reply) => {
      if (request.validationError) return refuseInvalid(request, reply);
      const ids = customerIds(request.query.ids);
      if (!ids.ok) return problem(reply, 400, 'validation_failed', ids.message);
      const latest = await app.store.index.latestVerifications(ids.value);
      // Every id asked is answered, unknown ones with null.
      return { data: Object.fromEntries(ids.value.map((id) => [id, latest[id] ?? null])) };
    },
  );
};

export default customerRoutes;
