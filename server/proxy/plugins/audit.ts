import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AuditTrail, type AuditEntry } from '../audit';

declare module 'fastify' {
  interface FastifyInstance {
    auditTrail: AuditTrail;
    /**
     * Records an audit event: a row in the store and a log line. Never throws
     * (a row the store cannot take is logged as an error), so a caller may
     * await it without guarding.
     */
    audit(request: FastifyRequest, entry: AuditEntry): Promise<void>;
  }
}

/** The audit trail: who did what, when, and how it ended, in the store and the log. */
export default fp<{ now: () => number }>(
  async (app, { now }) => {
    const trail = new AuditTrail(app.store.audit, now);
    app.decorate('auditTrail', trail);
    app.decorate('audit', (request: FastifyRequest, entry: AuditEntry) =>
      trail.record(request, entry),
    );
  },
  { name: 'audit', decorators: { fastify: ['store'] }, dependencies: ['store'] },
);
