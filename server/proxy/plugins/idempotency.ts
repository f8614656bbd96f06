import fp from 'fastify-plugin';
import { IdempotencyCache } from '../idempotency';

declare module 'fastify' {
  interface FastifyInstance {
    idempotency: IdempotencyCache;
  }
}

/** First answers of creates by Idempotency-Key, so a double submit makes one record. */
export default fp<{ now: () => number }>(
  async (app, { now }) => {
    app.decorate('idempotency', new IdempotencyCache({ now }));
  },
  { name: 'idempotency' },
);
