import type { FastifyPluginAsync } from 'fastify';
import { problem } from '../../problem';
import { refuseInvalid, routeSchema } from './contract';

/** GET /bo/duplicates: the create form's "a customer with this email already exists"; it warns, the API decides. */
const duplicateRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: { email?: string; external_id?: string } }>(
    '/bo/duplicates',
    { schema: routeSchema('findDuplicates'), attachValidation: true },
    async (request, reply) => {
      if (request.validationError) return refuseInvalid(request, reply);
      // An empty field is one the agent has not filled in yet.
      const email = request.query.email?.trim() || undefined;
      const externalId = request.query.external_id?.trim() || undefined;
      if (email === undefined && externalId === undefined) {
        return problem(
          reply,
          400,
          'validation_failed',
          'Give an email or an external_id to look for.',
        );
      }
      return { data: await app.store.index.duplicates(email, externalId) };
    },
  );
};

export default duplicateRoutes;
