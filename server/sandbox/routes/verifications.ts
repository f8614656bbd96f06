import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { components } from '../../../openapi/customers';
import { schemaRules } from '../../../openapi/rules';
import { notFound, validationFailed } from '../errors';
import { FINAL_STATUSES, wireStatus } from '../flavor';
import type { VerificationRecord } from '../store';
import { tidyBody } from '../tidyInput';
import type { SandboxRouteOptions } from './contractRoute';
import { consentPath } from './consent';
import { customerSeq, customerSeqUpToDate } from './customerSeq';

type VerificationCreate = components['schemas']['CustomerVerificationCreate'];
type VerificationPath = { customer_id: string; verification_id: string };

const DEFAULT_PROVIDER = 'sandbox';

export const verificationRoutes: FastifyPluginAsync<SandboxRouteOptions> = async (
  app,
  { config, route },
) => {
  const { store, flavor } = app.sandbox;

  /**
   * A verification in the flavour's words. In Fintecture's, one the customer
   * completes carries its consent link as `url` while it is not final, on the
   * configured public origin, else the one the request came in on.
   */
  const present = (request: FastifyRequest, { verification, linkToken }: VerificationRecord) => {
    if (flavor === 'seed') return verification;
    const status = verification.status ?? 'pending';
    const answer: Record<string, unknown> = { ...verification, status: wireStatus(flavor, status) };
    if (linkToken && !FINAL_STATUSES.includes(status)) {
      const origin = config.publicUrl ?? `${request.protocol}://${request.host}`;
      answer.url = `${origin}${consentPath(verification.id!, linkToken)}`;
    }
    return answer;
  };
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
      const seq = customerSeq(store, customer_id);
      const input = {
        provider_id: request.body.provider_id ?? DEFAULT_PROVIDER,
        expected_name: expectedName,
      };
      // Fintecture's verification waits for the customer at their bank; the seed's resolves by itself.
      const record =
        flavor === 'fintecture'
          ? store.startVerificationWithLink(seq, input)
          : {
              verification: store.startVerification(
                seq,
                input,
                Date.now() + config.verificationDelayMs,
              ),
              linkToken: null,
            };
      return reply.code(201).send(present(request, record));
    },
  });

  app.route<{ Params: Pick<VerificationPath, 'customer_id'> }>({
    ...route('listAllCustomerVerifications'),
    handler: async (request) => ({
      data: store
        .listVerificationRecords(customerSeqUpToDate(store, request.params.customer_id))
        .map((record) => present(request, record)),
    }),
  });

  app.route<{ Params: VerificationPath }>({
    ...route('getCustomerVerificationById'),
    handler: async (request) => {
      const { customer_id, verification_id } = request.params;
      const seq = customerSeqUpToDate(store, customer_id);
      const record = store.getVerificationRecord(seq, verification_id);
      if (!record) throw notFound('verification', verification_id);
      return present(request, record);
    },
  });
};
