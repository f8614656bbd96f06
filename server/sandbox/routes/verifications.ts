import type { FastifyPluginAsync } from 'fastify';
import type { components } from '../../../openapi/customers';
import { schemaRules } from '../../../openapi/rules';
import { notFound, validationFailed } from '../errors';
import { tidyBody } from '../tidyInput';
import type { SandboxRouteOptions } from './contractRoute';
import { customerSeq, customerSeqUpToDate } from './customerSeq';

type VerificationCreate = components['schemas']['CustomerVerificationCreate'];
type VerificationPath = { customer_id: string; verification_id: string };

const DEFAULT_PROVIDER = 'sandbox';

export const verificationRoutes: FastifyPluginAsync<SandboxRouteOptions> = async (
  app,
  { config, route },
) => {
  const { store } = app.sandbox;
  const tidy = tidyBody(schemaRules.CustomerVerificationCreate, ['provider_id']);

  app.route<{ Params: Pick<VerificationPath, 'customer_id'>; Body: VerificationCreate }>({
    ...route('initiateCustomerVerification'),
    // Every field is optional, so an empty request is a valid "verify with the defaults".
    preValidation: async (request) => {
      request.body ??= {};
      await tidy(request);
    },
    handler: async (request, reply) => {
      const { customer_id } = request.params;
      const customer = store.getCustomer(customer_id);
      if (!customer) throw notFound('customer', customer_id);
      const expectedName =
        request.body.expected_name ?? `${customer.first_name} ${customer.last_name}`;
      if (expectedName === '') {
        throw validationFailed([
          {
            field: 'expected_name',
            code: 'required',
            message: "expected_name must not be empty; leave it out to use the customer's name.",
          },
        ]);
      }
      const verification = store.startVerification(
        customerSeq(store, customer_id),
        { provider_id: request.body.provider_id ?? DEFAULT_PROVIDER, expected_name: expectedName },
        Date.now() + config.verificationDelayMs,
      );
      return reply.code(201).send(verification);
    },
  });

  app.route<{ Params: Pick<VerificationPath, 'customer_id'> }>({
    ...route('listAllCustomerVerifications'),
    handler: async (request) => ({
      data: store.listVerifications(customerSeqUpToDate(store, request.params.customer_id)),
    }),
  });

  app.route<{ Params: VerificationPath }>({
    ...route('getCustomerVerificationById'),
    handler: async (request) => {
      const { customer_id, verification_id } = request.params;
      const seq = customerSeqUpToDate(store, customer_id);
      const verification = store.getVerification(seq, verification_id);
      if (!verification) throw notFound('verification', verification_id);
      return verification;
    },
  });
};
