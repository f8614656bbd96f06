import { createHash } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import type { ServerEnvironment } from '../../environment';
import { routeSchema } from './contract';

/**
 * GET /bo/environment: the environment banner's source, read before sign-in
 * too (backOffice.ts lets it through without a session, explicitly). The same
 * for everyone until a restart: revalidated on each read, a 304 when unchanged.
 */
const environmentRoutes: FastifyPluginAsync<{ environment: ServerEnvironment }> = async (
  app,
  { environment },
) => {
  const body = JSON.stringify(environment);
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"`;
  app.get(
    '/bo/environment',
    { schema: routeSchema('serverEnvironment') },
    async (request, reply) => {
      reply.header('cache-control', 'no-cache').header('etag', etag);
      const sent = request.headers['if-none-match'];
      if (sent !== undefined && sent.split(',').some((tag) => tag.trim() === etag)) {
        return reply.code(304).send();
      }
      return reply.type('application/json; charset=utf-8').send(body);
    },
  );
};

export default environmentRoutes;
