import fp from 'fastify-plugin';

/**
 * Liveness (the process answers) and readiness (the upstream answers and a token
 * is in hand), from what the proxy last saw: a probe never costs an upstream
 * request of its own, and a failure is remembered for a few seconds
 * (UpstreamConfig.readinessWindowMs), so a flood of probes asks once at most.
 */
export default fp(
  async (app) => {
    app.get('/healthz', async (_request, reply) =>
      reply.header('cache-control', 'no-store').send({ status: 'ok' }),
    );
    app.get('/readyz', async (request, reply) => {
      const { ready, checks } = await app.upstream.readiness();
      reply.header('cache-control', 'no-store');
      if (ready) return reply.send({ status: 'ready' });
      const failed = Object.values(checks).find((check) => !check.ok);
      return reply.code(503).send({
        status: 'not_ready',
        code: 'not_ready',
        message: failed?.message ?? 'Not ready.',
        checks,
        request_id: request.id,
      });
    });
  },
  {
    name: 'health',
    encapsulate: true,
    decorators: { fastify: ['upstream'] },
    dependencies: ['upstream'],
  },
);
