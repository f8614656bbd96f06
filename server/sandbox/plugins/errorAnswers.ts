import fp from 'fastify-plugin';
import { errorReply } from '../errors';

/** Every refusal is the contract's error body with the request id; a 5xx never shows its cause. */
export const errorAnswers = fp(
  async (app) => {
    app.setErrorHandler((error, request, reply) => {
      const { status, body, headers } = errorReply(error as Parameters<typeof errorReply>[0]);
      if (status >= 500) request.log.error({ err: error }, 'sandbox failure');
      return reply
        .code(status)
        .headers(headers)
        .send({ ...body, request_id: request.id });
    });
    app.setNotFoundHandler((request, reply) =>
      reply.code(404).send({
        status: 404,
        code: 'route_not_found',
        message: `${request.method} ${request.url.split('?')[0]} is not an operation of this API.`,
        request_id: request.id,
      }),
    );
  },
  { name: 'sandbox-error-answers' },
);
