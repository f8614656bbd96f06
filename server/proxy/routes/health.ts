import fp from 'fastify-plugin';
import { StoreHealth } from '../storeHealth';

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
    // The store too: without it nobody can sign in or use the API (a ping shared by concurrent probes).
    const storeHealth = new StoreHealth(app.store);
    app.get('/readyz', async (request, reply) => {
      const [upstream, store] = await Promise.all([app.upstream.readiness(), storeHealth.check()]);
      const checks = { ...upstream.checks, store };
      reply.header('cache-control', 'no-store');
      if (upstream.ready && store.ok) return reply.send({ status: 'ready' });
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
    decorators: { fastify: ['upstream', 'store'] },
    dependencies: ['upstream', 'store'],
  },
);
