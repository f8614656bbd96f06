import fp from 'fastify-plugin';
import { IdempotentCreates, type IdempotencySettings } from '../idempotency';

declare module 'fastify' {
  interface FastifyInstance {
    idempotency: IdempotentCreates;
  }
}

/**
 * First answers of creates by account and Idempotency-Key, kept in the store
 * for 24 h, so a double submit, a retry after a restart or on another replica
 * makes one record.
 */
export default fp<IdempotencySettings & { now: () => number }>(
  async (app, { now, ...settings }) => {
    app.decorate('idempotency', new IdempotentCreates(app.store.idempotency, now, settings));
  },
  { name: 'idempotency', decorators: { fastify: ['store'] }, dependencies: ['store'] },
);
