import type { FastifyPluginAsync } from 'fastify';
import { problem } from '../problem';
import { UpstreamError } from '../upstream';

/** Liveness (the process answers) and readiness (an upstream token can be had). */
const health: FastifyPluginAsync = async (app) => {
  app.get('/healthz', async (_request, reply) =>
    reply.header('cache-control', 'no-store').send({ status: 'ok' }),
  );
  app.get('/readyz', async (_request, reply) => {
    try {
      await app.upstream.accessToken();
      return await reply.header('cache-control', 'no-store').send({ status: 'ready' });
    } catch (error) {
      const message =
        error instanceof UpstreamError ? error.message : 'The upstream token cannot be obtained.';
      return problem(reply, 503, 'not_ready', message);
    }
  });
};
export default health;
