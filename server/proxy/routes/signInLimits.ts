import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { problem } from '../problem';

export interface SignInLimits {
  perClient: number;
  perAccount: number;
  windowMs: number;
}

/** The account name a sign-in attempt is for, whatever shape the body has. */
export function attemptedUsername(request: FastifyRequest): string {
  const username = (request.body as { username?: unknown } | undefined)?.username;
  return typeof username === 'string' ? username : '';
}

/**
 * Sign-in attempts are counted before the password is checked, so concurrency
 * cannot beat the limit: every attempt per client address, failed ones per
 * account name. Returns the pre-handler that refuses with 429, and the counter
 * the route bumps on a failed attempt.
 */
export async function signInLimiter(app: FastifyInstance, limits: SignInLimits) {
  await app.register(fastifyRateLimit, { global: false });
  const perClient = app.createRateLimit({
    max: limits.perClient,
    timeWindow: limits.windowMs,
    keyGenerator: (request) => `ip:${request.ip}`,
  });
  const perAccount = app.createRateLimit({
    max: limits.perAccount,
    timeWindow: limits.windowMs,
    keyGenerator: (request) => `account:${attemptedUsername(request).toLowerCase()}`,
  });

  const refuseOverLimit = async (request: FastifyRequest, reply: FastifyReply) => {
    const client = await perClient(request);
    const account = await perAccount(request, { increment: false });
    const limited =
      !client.isAllowed && client.isExceeded
        ? client
        : !account.isAllowed && account.remaining === 0
          ? account
          : undefined;
    if (limited) {
      reply.header('retry-after', String(limited.ttlInSeconds));
      return problem(
        reply,
        429,
        'too_many_attempts',
        `Too many sign-in attempts; try again in ${limited.ttlInSeconds} s.`,
      );
    }
  };
  const countFailure = async (request: FastifyRequest) => {
    await perAccount(request);
  };
  return { refuseOverLimit, countFailure };
}
