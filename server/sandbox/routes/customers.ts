import type { FastifyPluginAsync } from 'fastify';
import type { components } from '../../../openapi/customers';
import { schemaRules } from '../../../openapi/rules';
import { conflictOnDuplicate, notFound } from '../errors';
import { tidyBody } from '../tidyInput';
import type { SandboxRouteOptions } from './contractRoute';

type CustomerCreate = components['schemas']['CustomerCreate'];
type Page = { 'page[number]': number; 'page[size]': number; external_id?: string };

export const customerRoutes: FastifyPluginAsync<SandboxRouteOptions> = async (app, { route }) => {
  const { store } = app.sandbox;

  app.route<{ Querystring: Page }>({
    ...route('listAllCustomers'),
    handler: async (request) => {
      const { 'page[number]': number, 'page[size]': size, external_id } = request.query;
      if (external_id === undefined) {
        return { data: store.listCustomers(number, size), meta: { count: store.countCustomers() } };
      }
      // At most one customer has it (it is unique); paged like any list.
      const found = store.customerByExternalId(external_id);
      const all = found ? [found] : [];
      return { data: all.slice((number - 1) * size, number * size), meta: { count: all.length } };
    },
  });

  app.route<{ Body: CustomerCreate }>({
    ...route('createCustomer'),
    preValidation: tidyBody(schemaRules.CustomerCreate, ['company_name', 'phone', 'external_id']),
    handler: async (request, reply) => {
      const customer = conflictOnDuplicate(
        () => store.createCustomer(request.body),
        'external_id_taken',
        `Another customer already has the external id "${request.body.external_id}".`,
        { field: 'external_id', message: 'Another customer already has this external id.' },
      );
      return reply.code(201).send(customer);
    },
  });

  app.route<{ Params: { customer_id: string } }>({
    ...route('getCustomerById'),
    handler: async (request) => {
      const { customer_id } = request.params;
      const customer = store.getCustomer(customer_id);
      if (!customer) throw notFound('customer', customer_id);
      return customer;
    },
  });
};
