import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendUpstreamAnswer } from '../answer';
import { auditCreate } from '../audit';
import type { IndexFeed } from '../index/feed';
import { IDEMPOTENCY_KEY, IdempotentCreates, type StoredAnswer } from '../idempotency';
import { problem } from '../problem';
import { UpstreamError } from '../upstream';
import type { Forwarding } from './api';

/**
 * A create: sent once (never retried blindly), audited whatever its outcome,
 * fed to the index before the agent has the answer, and with an
 * Idempotency-Key, made once per account and key however often, wherever
 * (restarts, replicas) it comes (a replay is neither audited nor fed again).
 */
export async function forwardCreate(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  { agent, operation, params, target }: Forwarding,
  /** The bytes to send, exactly as they came; none when the operation takes no body. */
  body: Buffer | undefined,
  feed: IndexFeed,
) {
  const execute = async (): Promise<StoredAnswer> => {
    let answer: StoredAnswer & { requestId: string };
    try {
      const {
        status,
        contentType,
        requestId,
        body: answered,
      } = await app.upstream.call(operation.method, target, body, request.id);
      answer = { status, contentType, requestId, body: answered };
    } catch (error) {
      if (error instanceof UpstreamError) {
        await auditCreate(app.auditTrail, request, agent, operation.operationId, params, {
          status: error.status,
          contentType: undefined,
          requestId: request.id,
          body: Buffer.alloc(0),
        });
      }
      throw error;
    }
    await auditCreate(app.auditTrail, request, agent, operation.operationId, params, answer);
    if (answer.status >= 200 && answer.status < 300) {
      const call = { operationId: operation.operationId, params, username: agent.username };
      await feed.created(call, answer.body, request.body, request.log);
    }
    return answer;
  };

  // Only agents create; the answer carries what they typed (its IBAN whole), replayed to the same account only.
  const reader = { role: agent.role, operationId: operation.operationId };
  const key = request.headers['idempotency-key'];
  if (key === undefined) return sendUpstreamAnswer(reply, await execute(), reader);
  if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) {
    return problem(
      reply,
      400,
      'invalid_idempotency_key',
      'An Idempotency-Key has 8 to 128 letters, digits, dashes, dots, colons or underscores.',
    );
  }
  // Keys are the account's (one removed and added again is a new account, with none of the old answers).
  const outcome = await app.idempotency.run(
    agent.accountId,
    key,
    IdempotentCreates.fingerprint(operation.method, target, body ?? Buffer.alloc(0)),
    execute,
    (error) =>
      request.log.error(
        { err: error },
        'idempotency answer not kept: a retry waits until the claim is stale, then gets idempotency_outcome_unknown',
      ),
  );
  switch (outcome.kind) {
    case 'mismatch':
      return problem(
        reply,
        422,
        'idempotency_key_reused',
        'This Idempotency-Key was used for a different request.',
      );
    case 'quota':
      reply.header('retry-after', '3600');
      return problem(
        reply,
        429,
        'idempotency_quota_exceeded',
        `Your account has used ${outcome.quota} Idempotency-Keys in the last 24 hours, the most it may hold; this create was not sent. Try again later, or ask an administrator.`,
      );
    case 'in_progress':
      reply.header('retry-after', String(outcome.retryAfterSeconds));
      return problem(
        reply,
        409,
        'idempotency_in_progress',
        'The same create is still being processed; retry in a moment to get its answer.',
      );
    case 'outcome_unknown':
      request.log.warn(
        { idempotencyKey: key, operation: operation.operationId },
        'create refused: an earlier attempt with this key was sent upstream and its answer lost',
      );
      return problem(
        reply,
        409,
        'idempotency_outcome_unknown',
        'An earlier attempt of this create reached Fintecture, but its answer was lost when a server stopped, so the record may already exist. It was not sent again: check the customer list (or the customer’s details) before trying again as a new attempt.',
      );
    case 'replayed':
      reply.header('idempotent-replayed', 'true');
      return sendUpstreamAnswer(reply, outcome.answer, reader);
    case 'fresh':
      return sendUpstreamAnswer(reply, outcome.answer, reader);
  }
}
