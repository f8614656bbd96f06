import type { FastifyPluginAsync } from 'fastify';
import { refuseInvalid, routeSchema } from './contract';

type CustomerParams = { Params: { customer_id: string } };

/** A customer's timeline and its verifications as the index knows them (the customer page's tabs). */
const activityRoutes: FastifyPluginAsync = async (app) => {
  app.get<CustomerParams>(
    '/bo/customers/:customer_id/activity',
    { schema: routeSchema('customerActivity'), attachValidation: true },
    async (request, reply) => {
      if (request.validationError) return refuseInvalid(request, reply);
      return { data: await app.store.index.activity(request.params.customer_id) };
    },
  );

  app.get<CustomerParams>(
    '/bo/customers/:customer_id/verifications',
    { schema: routeSchema('customerIndexedVerifications'), attachValidation: true },
    async (request, reply) => {
      if (request.validationError) return refuseInvalid(request, reply);
      return { data: await app.store.index.customerVerifications(request.params.customer_id) };
    },
  );
};

export default activityRoutes;
