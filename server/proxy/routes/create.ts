import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendUpstreamAnswer } from '../answer';
import { auditCreate } from '../audit';
import { IDEMPOTENCY_KEY, IdempotencyCache, type StoredAnswer } from '../idempotency';
import { problem } from '../problem';
import { UpstreamError } from '../upstream';
import type { Forwarding } from './api';

/**
 * A create: sent once (never retried blindly), audited whatever its outcome,
 * and with an Idempotency-Key, made once per agent and key however often it comes.
 */
export async function forwardCreate(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  { agent, operation, params, target }: Forwarding,
  /** The bytes to send, exactly as they came; none when the operation takes no body. */
  body: Buffer | undefined,
) {
  const execute = async (): Promise<StoredAnswer> => {
    let answer: StoredAnswer;
    try {
      const {
        status,
        contentType,
        body: answered,
      } = await app.upstream.call(operation.method, target, body, request.id);
      answer = { status, contentType, body: answered };
    } catch (error) {
      if (error instanceof UpstreamError) {
        const failed = { status: error.status, contentType: undefined, body: Buffer.alloc(0) };
        auditCreate(request, agent, operation.operationId, params, failed);
      }
      throw error;
    }
    auditCreate(request, agent, operation.operationId, params, answer);
    return answer;
  };

  const key = request.headers['idempotency-key'];
  if (key === undefined) return sendUpstreamAnswer(reply, await execute());
  if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) {
    return problem(
      reply,
      400,
      'invalid_idempotency_key',
      'An Idempotency-Key has 8 to 128 letters, digits, dashes, dots, colons or underscores.',
    );
  }
  const outcome = await app.idempotency.run(
    agent.username,
    key,
    IdempotencyCache.fingerprint(operation.method, target, body ?? Buffer.alloc(0)),
    execute,
  );
  if (outcome.kind === 'mismatch') {
    return problem(
      reply,
      422,
      'idempotency_key_reused',
      'This Idempotency-Key was used for a different request.',
    );
  }
  if (outcome.kind === 'replayed') reply.header('idempotent-replayed', 'true');
  return sendUpstreamAnswer(reply, outcome.answer);
}
