import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { errorReply, fintectureErrorBody, type ErrorBody } from '../errors';

/**
 * Every refusal is the flavour's error body: the contract's, with the request
 * id; or Fintecture's, with a fresh `log_id` (also in `x-log-id`, and logged with
 * the request). A 5xx never shows its cause.
 */
export const errorAnswers = fp(
  async (app) => {
    const { flavor } = app.sandbox;
    const answer = (
      request: FastifyRequest,
      reply: FastifyReply,
      status: number,
      body: Omit<ErrorBody, 'request_id'>,
    ) => {
      reply.code(status);
      if (flavor === 'seed') return reply.send({ ...body, request_id: request.id });
      const logId = randomUUID();
      request.log.info({ log_id: logId, status, code: body.code }, 'error answered');
      return reply.header('x-log-id', logId).send(fintectureErrorBody(body, logId));
    };
    app.setErrorHandler((error, request, reply) => {
      const { status, body, headers } = errorReply(error as Parameters<typeof errorReply>[0]);
      if (status >= 500) request.log.error({ err: error }, 'sandbox failure');
      return answer(request, reply.headers(headers), status, body);
    });
    app.setNotFoundHandler((request, reply) =>
      answer(request, reply, 404, {
        status: 404,
        code: 'route_not_found',
        message: `${request.method} ${request.url.split('?')[0]} is not an operation of this API.`,
      }),
    );
  },
  { name: 'sandbox-error-answers', decorators: { fastify: ['sandbox'] } },
);
