import { setTimeout as sleep } from 'node:timers/promises';
import fp from 'fastify-plugin';
import { ApiError } from '../errors';
import type { Fault } from '../faults';

declare module 'fastify' {
  interface FastifyRequest {
    fault?: Fault;
  }
}

/**
 * Counts and remembers every contract operation, then applies the fault the
 * switch holds for it: latency, a 5xx or 429 instead of the answer, or the
 * answer cut in half.
 */
export const faultInjection = fp(
  async (app) => {
    const { recent, stats, faults } = app.sandbox;
    app.addHook('onRequest', async (request, reply) => {
      const operationId = request.routeOptions.config.operationId;
      if (!operationId) return;
      recent.push({
        method: request.method,
        url: request.url,
        headers: { ...request.headers },
        at: Date.now(),
      });
      // Enough for a test to see a whole sync's pacing.
      if (recent.length > 1000) recent.shift();
      stats.operations[operationId] = (stats.operations[operationId] ?? 0) + 1;
      const fault = faults.take(operationId);
      if (!fault) return;
      request.fault = fault;
      if (fault.latency_ms) await sleep(fault.latency_ms);
      if (fault.status) {
        if (fault.retry_after_s !== undefined) {
          reply.header('retry-after', String(fault.retry_after_s));
        }
        throw new ApiError(fault.status, ...faultAnswer(fault.status));
      }
    });
    app.addHook('onSend', async (request, _reply, payload) => {
      if (request.fault?.malformed && typeof payload === 'string' && payload.length > 1) {
        return payload.slice(0, Math.ceil(payload.length / 2));
      }
      return payload;
    });
  },
  { name: 'sandbox-fault-injection', decorators: { fastify: ['sandbox'] } },
);

function faultAnswer(status: number): [code: string, message: string] {
  switch (status) {
    case 429:
      return [
        'rate_limited',
        'Too many requests; retry after the delay in Retry-After (sandbox fault).',
      ];
    case 502:
      return ['bad_gateway', 'A provider behind the API failed (sandbox fault).'];
    case 503:
      return ['service_unavailable', 'The API is temporarily unavailable (sandbox fault).'];
    case 504:
      return ['gateway_timeout', 'A provider behind the API timed out (sandbox fault).'];
    default:
      return ['internal_error', 'The API failed (sandbox fault).'];
  }
}
