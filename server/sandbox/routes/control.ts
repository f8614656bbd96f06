import type { FastifyPluginAsync } from 'fastify';
import { hasAppCredentials } from '../appCredentials';
import { ApiError } from '../errors';
import { ALL_OPERATIONS, type Fault } from '../faults';

/**
 * The fault switch and friends: only the sandbox has these, behind the app's
 * own Basic credentials, so a test can break the "upstream" on purpose.
 */
export const controlRoutes: FastifyPluginAsync<{ operationIds: string[] }> = async (
  app,
  { operationIds },
) => {
  const sandbox = app.sandbox;
  app.addHook('onRequest', async (request) => {
    if (!hasAppCredentials(request, sandbox.appId, sandbox.appSecret)) {
      throw new ApiError(
        401,
        'invalid_client',
        'The sandbox controls need the app_id and app_secret as Basic credentials.',
        undefined,
        { 'www-authenticate': 'Basic realm="fintecture-sandbox"' },
      );
    }
  });

  app.get('/_sandbox/faults', async () => ({ data: sandbox.faults.list() }));
  app.put<{ Body: Fault }>(
    '/_sandbox/faults',
    {
      schema: {
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            operation: {
              type: 'string',
              enum: [ALL_OPERATIONS, ...operationIds],
              default: ALL_OPERATIONS,
            },
            latency_ms: { type: 'integer', minimum: 0, maximum: 60000 },
            status: { type: 'integer', enum: [429, 500, 502, 503, 504] },
            retry_after_s: { type: 'integer', minimum: 0, maximum: 3600 },
            malformed: { type: 'boolean' },
            times: { type: 'integer', minimum: 1 },
          },
        },
      },
    },
    async (request) => {
      sandbox.faults.set(request.body);
      return request.body;
    },
  );
  app.delete<{ Querystring: { operation?: string } }>(
    '/_sandbox/faults',
    async (request, reply) => {
      sandbox.faults.clear(request.query.operation);
      return reply.code(204).send();
    },
  );

  app.delete('/_sandbox/tokens', async (_request, reply) => {
    sandbox.tokenGeneration += 1;
    sandbox.store.setMeta('token_generation', String(sandbox.tokenGeneration));
    return reply.code(204).send();
  });

  // A customer gone upstream by other means than this API (which cannot delete one), for sync tests.
  app.delete<{ Params: { customer_id: string } }>(
    '/_sandbox/customers/:customer_id',
    async (request, reply) => {
      const deleted = sandbox.store.deleteCustomer(request.params.customer_id);
      return reply.code(deleted ? 204 : 404).send();
    },
  );

  app.get('/_sandbox/stats', async () => sandbox.stats);
  app.get('/_sandbox/requests', async () => ({ data: sandbox.recent }));
  app.delete('/_sandbox/stats', async (_request, reply) => {
    sandbox.stats.operations = {};
    sandbox.recent.length = 0;
    return reply.code(204).send();
  });
};
