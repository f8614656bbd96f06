import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { sendUpstreamAnswer } from '../answer';
import { AnswerCache } from '../answerCache';
import { ibanLast4 } from '../../store/index/searchKeys';
import { presentIbans } from '../ibans';
import { IndexFeed } from '../index/feed';
import { matchOperation, type AllowedOperation } from '../operations';
import { roleAllows } from '../policy';
import { acceptJson, API_BODY_LIMIT } from '../plugins/body';
import { problem } from '../problem';
import type { SignedInAgent } from '../sessions';
import type { UpstreamResponse } from '../upstream';
import { forwardCreate } from './create';

/** A call the gate let through: who makes it, which operation, and the upstream target. */
export interface Forwarding {
  agent: SignedInAgent;
  operation: AllowedOperation;
  params: Record<string, string>;
  /** Path and kept query string, exactly as they go upstream. */
  target: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    forwarding: Forwarding | null;
  }
}

/**
 * /api/v1/* to the Customers API, for the operations and roles the policy allows.
 * Its own context: the only place a body of up to 1 MB is read, and only once the
 * gate has let the call through.
 */
async function api(
  app: FastifyInstance,
  {
    operations,
    now = Date.now,
  }: {
    operations: readonly AllowedOperation[];
    /** The clock the index's feed records by (when a verification started); tests move it. */
    now?: () => number;
  },
) {
  app.decorateRequest('forwarding', null);
  const feed = new IndexFeed(app.store.index, app.upstream, now);
  // Reference data, the same for every agent: kept an hour per replica (answerCache.ts).
  const providers = new AnswerCache(now);
  // Only what the gate let through, and only for an operation that takes a body.
  app.removeContentTypeParser('application/json');
  await app.register(acceptJson, {
    takesBody: (request) => request.forwarding?.operation.takesBody === true,
  });
  app.route({
    method: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    url: '/api/*',
    bodyLimit: API_BODY_LIMIT,
    // The gate runs before the body is read: only an allowed call by a signed-in agent gets parsed.
    onRequest: async (request, reply) => {
      const agent = await app.signedInAgent(request, reply);
      if (!agent) return problem(reply, 401, 'unauthenticated', 'Sign in to continue.');
      const rawUrl = request.raw.url ?? '';
      const queryAt = rawUrl.indexOf('?');
      const path = (queryAt < 0 ? rawUrl : rawUrl.slice(0, queryAt)).slice('/api'.length);
      const match = matchOperation(operations, request.method, path);
      if (match.kind === 'not_found') {
        return problem(
          reply,
          404,
          'route_not_found',
          'This is not an operation the dashboard may use.',
        );
      }
      if (match.kind === 'method_not_allowed') {
        reply.header('allow', match.allow.join(', '));
        return problem(reply, 405, 'method_not_allowed', `Use ${match.allow.join(' or ')} here.`);
      }
      const { operation, params } = match;
      if (!roleAllows(agent.role, operation.policy.role)) {
        return problem(
          reply,
          403,
          'forbidden',
          `Your role is ${agent.role}: this needs the ${operation.policy.role} role.`,
        );
      }
      const query = new URLSearchParams(queryAt < 0 ? '' : rawUrl.slice(queryAt + 1));
      const kept = (operation.policy.query ?? [])
        .filter((name) => query.has(name))
        .map((name) => `${name}=${encodeURIComponent(query.get(name)!)}`);
      request.forwarding = {
        agent,
        operation,
        params,
        target: `${path}${kept.length > 0 ? `?${kept.join('&')}` : ''}`,
      };
    },
    handler: async (request, reply) => {
      const forwarding = request.forwarding!;
      const { agent, operation, params, target } = forwarding;
      const reader = { role: agent.role, operationId: operation.operationId };
      if (operation.takesBody && !request.rawBody) {
        return problem(
          reply,
          415,
          'unsupported_media_type',
          'Send JSON (Content-Type: application/json).',
        );
      }
      // What is forwarded is the bytes as they came (or none when the contract declares none).
      const body = operation.takesBody ? request.rawBody : undefined;
      // A create is audited and idempotent whether or not it takes a body.
      if (operation.policy.create) {
        return forwardCreate(app, request, reply, forwarding, body, feed);
      }
      if (operation.operationId === 'listProviders') {
        const answer = await providers.get(target, () =>
          app.upstream.call(operation.method, target, body, request.id),
        );
        // Not kept by the browser: the dashboard keeps it itself, and its Retry must reach us.
        return sendUpstreamAnswer(reply, answer, reader);
      }
      const answer = await app.upstream.call(operation.method, target, body, request.id);
      if (answer.status >= 200 && answer.status < 300) {
        const call = { operationId: operation.operationId, params, username: agent.username };
        // The index reads the answer as it came (it keeps an IBAN's last four only).
        feed.read(call, answer.body, request.log);
        if (operation.operationId === 'getBankAccountById' && agent.role === 'agent') {
          await auditReveal(app, request, agent, params, answer);
        }
      }
      return sendUpstreamAnswer(reply, answer, reader);
    },
  });
}

/**
 * An agent's read of one bank account is the Reveal: its answer carries the
 * IBAN whole (ibans.ts), so it is recorded as `iban_revealed`, by its last
 * four, before the agent has it. An answer without an IBAN reveals nothing.
 */
async function auditReveal(
  app: FastifyInstance,
  request: FastifyRequest,
  agent: SignedInAgent,
  params: Record<string, string>,
  answer: UpstreamResponse,
): Promise<void> {
  const presented = presentIbans(answer, agent.role, 'getBankAccountById');
  if (presented.kind !== 'rewritten') return;
  const last4 = presented.ibans.map(ibanLast4).find((four) => four !== null) ?? undefined;
  await app.audit(request, {
    action: 'iban_revealed',
    actor: agent.username,
    role: agent.role,
    outcome: 'revealed',
    customerId: params.customer_id ?? null,
    targetId: params.account_id ?? null,
    upstreamRequestId: answer.requestId,
    details: last4 === undefined ? {} : { iban_last4: last4 },
  });
}

export default fp(api, {
  name: 'api',
  encapsulate: true,
  // A misordered app.ts fails at start-up, not as a 500 on the first call.
  decorators: { fastify: ['signedInAgent', 'upstream', 'idempotency', 'auditTrail', 'store'] },
  dependencies: ['sessions', 'csrf', 'upstream', 'idempotency', 'audit', 'json-body', 'store'],
});
