import fastifyCookie from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Sessions, type SessionOptions, type SessionUser } from '../sessions';

declare module 'fastify' {
  interface FastifyInstance {
    sessions: Sessions;
    /** The agent signed in on this request as their account says now, or undefined. */
    signedInAgent(request: FastifyRequest, reply: FastifyReply): SessionUser | undefined;
  }
}

/** Server-side sessions behind a signed cookie, checked against the accounts file on every use. */
export default fp<SessionOptions & { secret: string; now: () => number }>(
  async (app, { secret, now, ...options }) => {
    await app.register(fastifyCookie, { secret });
    const sessions = new Sessions({ ...options, now });
    app.decorate('sessions', sessions);
    app.addHook('onClose', async () => sessions.close());

    app.decorate('signedInAgent', (request: FastifyRequest, reply: FastifyReply) => {
      const session = sessions.current(request, reply);
      if (!session) return undefined;
      // Removed accounts lose their sessions; a changed role applies at once.
      const account = app.users.current(session.user.username, now());
      if (!account) {
        sessions.end(request, reply);
        return undefined;
      }
      if (account.role !== session.user.role) {
        sessions.update(session.id, { username: account.username, role: account.role });
      }
      return { username: account.username, role: account.role };
    });
  },
  { name: 'sessions', dependencies: ['users'] },
);
