import type { FastifyRequest } from 'fastify';
import { normalUsername } from '../../store/accounts';
import type { RateLimitsRepository } from '../../store/rateLimits';
import { clientKey } from '../plugins/connectionLimits';

/**
 * How many sign-in attempts are checked. Every attempt is counted in the store
 * (one atomic statement per counter, shared by every replica) BEFORE its
 * password is verified, so attempts arriving together cannot beat a limit.
 */
export interface SignInLimits {
  /** Attempts per client address (any username) per window: one machine's ceiling. */
  perAddress: number;
  /** Free attempts per username and address per pair window; beyond them, 429. */
  perPair: number;
  /** The first pair window; each one that fills up doubles the next (up to pairMaxWindowMs). */
  pairWindowMs: number;
  pairMaxWindowMs: number;
  /** Checked attempts per username from all addresses together per window. */
  perUsername: number;
  /** The window of the per-address and per-username counters. */
  windowMs: number;
  /** How long an address an account signed in from stays exempt from the per-username ceiling. */
  knownAddressMs: number;
}

/**
 * Why these numbers: an agent who mistypes gets 5 tries, then waits a minute,
 * then 2, 4, 8… (at most an hour) between rounds of 5 from that address. An
 * attacker from one address gets about 5 guesses per window that grows the
 * same way; from many addresses together, at most 100 checked guesses per
 * username per 15 minutes. Reaching that ceiling cannot lock the agent out:
 * an address the account signed in from in the last 30 days is exempt, and
 * the ceiling counts only checked attempts, so an attacker's refused ones do
 * not fill it. 50 attempts per address per 15 minutes leave room for an office
 * behind one NAT address.
 */
export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = {
  perAddress: 50,
  perPair: 5,
  pairWindowMs: 60_000,
  pairMaxWindowMs: 3_600_000,
  perUsername: 100,
  windowMs: 15 * 60_000,
  knownAddressMs: 30 * 24 * 3_600_000,
};

/** One day of memory for how many pair windows have filled up. */
const STRIKES_WINDOW_MS = 24 * 3_600_000;

export type Verdict = { allowed: true } | { allowed: false; retryAfterS: number; limit: string };

/** The sign-in counters of one attempt; `admit` counts it, `succeeded` resets what a success resets. */
export function signInLimiter(counters: RateLimitsRepository, limits: SignInLimits) {
  const keysOf = (request: FastifyRequest, username: string) => {
    const name = normalUsername(username);
    const address = clientKey(request.ip);
    return {
      address: `signin:address:${address}`,
      pair: `signin:pair:${name}:${address}`,
      strikes: `signin:strikes:${name}:${address}`,
      username: `signin:username:${name}`,
      known: `signin:known:${name}:${address}`,
    };
  };
  const refused = (resetAt: number, now: number, limit: string): Verdict => ({
    allowed: false,
    retryAfterS: Math.max(1, Math.ceil((resetAt - now) / 1000)),
    limit,
  });

  return {
    /** Counts the attempt against each limit in turn; the first one over refuses it, and nothing is verified. */
    async admit(request: FastifyRequest, username: string, now: number): Promise<Verdict> {
      const keys = keysOf(request, username);
      const address = await counters.hit(keys.address, limits.windowMs, now);
      if (address.count > limits.perAddress) return refused(address.resetAt, now, 'address');

      // The pair's window doubles with every window it filled in the last day.
      const strikes = await counters.peek(keys.strikes, now);
      const windowMs = Math.min(limits.pairWindowMs * 2 ** strikes, limits.pairMaxWindowMs);
      const pair = await counters.hit(keys.pair, windowMs, now);
      if (pair.count > limits.perPair) {
        // Exactly one attempt sees the first count over the limit: the window grows once per round.
        if (pair.count === limits.perPair + 1) {
          await counters.hit(keys.strikes, STRIKES_WINDOW_MS, now);
        }
        return refused(pair.resetAt, now, 'pair');
      }

      const perUsername = await counters.hit(keys.username, limits.windowMs, now);
      if (perUsername.count > limits.perUsername && (await counters.peek(keys.known, now)) === 0) {
        return refused(perUsername.resetAt, now, 'username');
      }
      return { allowed: true };
    },

    /** A right password: this address's rounds start afresh, and it is remembered as the account's. */
    async succeeded(request: FastifyRequest, username: string, now: number): Promise<void> {
      const keys = keysOf(request, username);
      await counters.reset(keys.pair);
      await counters.reset(keys.strikes);
      await counters.reset(keys.known);
      await counters.hit(keys.known, limits.knownAddressMs, now);
    },
  };
}
