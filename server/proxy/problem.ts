import type { FastifyReply } from 'fastify';

/** Every answer the proxy itself refuses or fails with: the Problem schema of openapi/backoffice.yaml. */
export function problem(reply: FastifyReply, status: number, code: string, message: string) {
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .send({ status, code, message, request_id: reply.request.id });
}
