import fastifyCookie from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Sessions, type SessionOptions, type SignedInAgent } from '../sessions';

declare module 'fastify' {
  interface FastifyInstance {
    sessions: Sessions;
    /**
     * The agent signed in on this request as their account is now, or undefined.
     * Looked up once per request; a store that cannot answer throws (a 503).
     */
    signedInAgent(request: FastifyRequest, reply: FastifyReply): Promise<SignedInAgent | undefined>;
  }
  interface FastifyRequest {
    /** This request's agent once looked up (null: looked up, nobody). */
    agentLookup: Promise<SignedInAgent | undefined> | null;
  }
}

/**
 * Sessions in the store behind a signed cookie. A password or role change, or
 * removal, moves the account's generation on, so its sessions end on every
 * replica within the cache's second.
 */
export default fp<SessionOptions & { secret: string; now: () => number }>(
  async (app, { secret, now, ...options }) => {
    await app.register(fastifyCookie, { secret });
    const sessions = new Sessions(app.store, options, now);
    app.decorate('sessions', sessions);
    app.decorateRequest('agentLookup', null);

    const lookUp = async (
      request: FastifyRequest,
      reply: FastifyReply,
    ): Promise<SignedInAgent | undefined> => {
      const session = await sessions.current(request, reply);
      if (!session) return undefined;
      return {
        username: session.username,
        role: session.role,
        accountId: session.accountId,
        sessionId: session.id,
      };
    };
    app.decorate('signedInAgent', (request: FastifyRequest, reply: FastifyReply) => {
      request.agentLookup ??= lookUp(request, reply);
      return request.agentLookup;
    });
  },
  { name: 'sessions', dependencies: ['store'] },
);
