import { Ajv } from 'ajv';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { components } from '../../../openapi/backoffice';
import { BACKOFFICE_CONTRACT_FILE, loadContract } from '../../shared/contract';
import { problem } from '../problem';
import { describeDevice, type SignedInAgent } from '../sessions';
import { decoy, verifyPassword } from '../users';
import { DEFAULT_SIGN_IN_LIMITS, signInLimiter, type SignInLimits } from './signInLimits';

type SignInRequest = components['schemas']['SignInRequest'];
type AgentSession = components['schemas']['AgentSession'];

/** Sign-in, sign-out, "who am I" and "your sessions", with the schemas of openapi/backoffice.yaml. */
const auth: FastifyPluginAsync<{ limits?: Partial<SignInLimits>; now: () => number }> = async (
  app,
  { limits, now },
) => {
  const contract = loadContract(BACKOFFICE_CONTRACT_FILE);
  for (const schema of contract.schemas) app.addSchema(schema);
  // Without Fastify's type coercion, which would let an array of one string pass as a string.
  const ajv = new Ajv({ coerceTypes: false, useDefaults: true });
  const queryAjv = new Ajv({ coerceTypes: true, useDefaults: true });
  for (const schema of contract.schemas) ajv.addSchema(schema);
  app.setValidatorCompiler(({ schema, httpPart }) =>
    (httpPart === 'querystring' ? queryAjv : ajv).compile(schema),
  );
  const schemaOf = (operationId: string) =>
    contract.operations.find((operation) => operation.operationId === operationId)!.schema;
  const limiter = signInLimiter(app.store.rateLimits, { ...DEFAULT_SIGN_IN_LIMITS, ...limits });

  const refusedSignIn = (request: FastifyRequest, typed: string, outcome: string) =>
    app.audit(request, { action: 'sign_in_failed', actor: typed, outcome });
  const signOutEvent = (
    request: FastifyRequest,
    agent: SignedInAgent,
    outcome: string,
    details?: Record<string, unknown>,
  ) =>
    app.audit(request, {
      action: 'sign_out',
      actor: agent.username,
      role: agent.role,
      outcome,
      ...(details ? { details } : {}),
    });

  app.post<{ Body: SignInRequest }>(
    '/auth/login',
    { schema: schemaOf('signIn'), attachValidation: true },
    async (request, reply) => {
      if (request.validationError) {
        return problem(reply, 400, 'validation_failed', 'Enter your username and password.');
      }
      const { username, password } = request.body;
      // Counted before anything is verified: attempts arriving together cannot beat the limits.
      const verdict = await limiter.admit(request, username, now());
      if (!verdict.allowed) {
        await refusedSignIn(request, username, 'rate_limited');
        reply.header('retry-after', String(verdict.retryAfterS));
        return problem(
          reply,
          429,
          'too_many_attempts',
          `Too many sign-in attempts; try again in ${verdict.retryAfterS} s.`,
        );
      }
      const account = await app.store.accounts.find(username);
      const valid = await verifyPassword(password, account?.password_hash ?? (await decoy()));
      if (!account || !valid) {
        await refusedSignIn(request, username, 'refused');
        return problem(reply, 401, 'invalid_credentials', 'The username or password is wrong.');
      }
      await limiter.succeeded(request, username, now());
      // A new session at sign-in, so a token planted before cannot be ridden.
      if (!(await app.sessions.start(request, reply, account))) {
        // Removed between the check and the session: as if it never existed.
        return problem(reply, 401, 'invalid_credentials', 'The username or password is wrong.');
      }
      await app.audit(request, {
        action: 'sign_in',
        actor: account.username,
        role: account.role,
        outcome: 'signed_in',
      });
      return reply
        .header('cache-control', 'no-store')
        .send({ username: account.username, role: account.role });
    },
  );

  app.post<{ Querystring: { everywhere?: boolean } }>(
    '/auth/logout',
    { schema: schemaOf('signOut'), attachValidation: true },
    async (request, reply) => {
      if (request.validationError) {
        return problem(reply, 400, 'validation_failed', 'everywhere is true or false.');
      }
      const agent = await app.signedInAgent(request, reply);
      if (agent && request.query.everywhere === true) await app.sessions.endAll(agent.accountId);
      await app.sessions.end(request, reply);
      if (agent) {
        await signOutEvent(
          request,
          agent,
          request.query.everywhere === true ? 'signed_out_everywhere' : 'signed_out',
        );
      }
      return reply.code(204).header('cache-control', 'no-store').send();
    },
  );

  /** The signed-in agent, or a 401 already sent. */
  const agentOr401 = async (
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<SignedInAgent | undefined> => {
    const agent = await app.signedInAgent(request, reply);
    if (!agent) problem(reply, 401, 'unauthenticated', 'Sign in to continue.');
    return agent;
  };

  app.get('/auth/me', { schema: schemaOf('currentAgent') }, async (request, reply) => {
    const agent = await agentOr401(request, reply);
    if (!agent) return reply;
    return reply
      .header('cache-control', 'no-store')
      .send({ username: agent.username, role: agent.role });
  });

  app.get('/auth/sessions', { schema: schemaOf('listAgentSessions') }, async (request, reply) => {
    const agent = await agentOr401(request, reply);
    if (!agent) return reply;
    const sessions: AgentSession[] = (await app.sessions.list(agent.accountId)).map((session) => ({
      id: session.id,
      created_at: new Date(session.createdAt).toISOString(),
      last_seen_at: new Date(session.lastSeenAt).toISOString(),
      device: describeDevice(session.userAgent),
      current: session.id === agent.sessionId,
    }));
    return reply.header('cache-control', 'no-store').send({ sessions });
  });

  app.post(
    '/auth/sessions/end-others',
    { schema: schemaOf('endOtherAgentSessions') },
    async (request, reply) => {
      const agent = await agentOr401(request, reply);
      if (!agent) return reply;
      const ended = await app.sessions.endOthers(agent.accountId, agent.sessionId);
      await signOutEvent(request, agent, 'ended_other_sessions', { ended });
      return reply.header('cache-control', 'no-store').send({ ended });
    },
  );

  app.delete<{ Params: { session_id: string } }>(
    '/auth/sessions/:session_id',
    { schema: schemaOf('endAgentSession'), attachValidation: true },
    async (request, reply) => {
      if (request.validationError) {
        return problem(reply, 400, 'validation_failed', 'This is not a session id.');
      }
      const agent = await agentOr401(request, reply);
      if (!agent) return reply;
      const { session_id: sessionId } = request.params;
      if (!(await app.sessions.endOne(agent.accountId, sessionId))) {
        return problem(reply, 404, 'session_not_found', 'This session has already ended.');
      }
      if (sessionId === agent.sessionId) await app.sessions.end(request, reply);
      await signOutEvent(request, agent, 'ended_a_session');
      return reply.code(204).header('cache-control', 'no-store').send();
    },
  );
};
export default auth;
