import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Account } from '../store/accounts';
import { sessionCache, type SessionCache } from '../store/sessionCache';
import {
  withinLifetimes,
  type ActiveSession,
  type Lifetimes,
  type Session,
} from '../store/sessions';
import type { Store } from '../store/store';
import type { Role } from './users';

/**
 * Server-side sessions in the store, behind a cookie signed with
 * SESSION_SECRET (@fastify/cookie). The cookie carries a random token; the
 * store keeps only its SHA-256, so every replica and a restarted process know
 * it, and sign-out, a password or role change, or removal end it for real.
 */
export interface SessionUser {
  username: string;
  role: Role;
}

/** The agent of a request, with the account and the session it came with. */
export interface SignedInAgent extends SessionUser {
  accountId: string;
  /** The session's listed id (the token's hash). */
  sessionId: string;
}

export interface SessionOptions {
  idleMs: number;
  maxMs: number;
  /** `__Host-` prefixed and Secure over HTTPS. */
  secure: boolean;
  /**
   * How long a session found alive is trusted without asking the store: the most
   * a change made elsewhere (another replica, `npm run user` in another process)
   * waits. Default 1 s on both dialects (issue 10 allows 2 s); this process's own
   * sign-outs and session ends apply at once. 0: every request asks the store.
   */
  cacheTtlMs?: number;
}

/** Signed cookies remembered as verified; the oldest goes first past this. */
const VERIFIED_COOKIES = 10_000;

export class Sessions {
  readonly cookieName: string;
  private readonly lifetimes: Lifetimes;
  private readonly cache: Pick<SessionCache, 'lookup' | 'forget' | 'forgetAccount'>;
  /** Idle time is tracked to the minute (or a tenth of the idle lifetime), so a busy agent's requests do not each write. */
  private readonly touchPrecisionMs: number;
  /**
   * Signed cookie value → its token, for values whose signature checked out, so
   * an agent's every request does not recompute the HMAC. Safe because the check
   * is deterministic under the one SESSION_SECRET of this process: a value that
   * verified once always verifies. Only verified values go in (a guess never
   * does, so guessing cannot fill it), it is bounded, and whether the session is
   * alive is still asked of the session cache and the store on every request.
   */
  private readonly verified = new Map<string, string>();

  constructor(
    private readonly store: Store,
    private readonly options: SessionOptions,
    private readonly now: () => number,
  ) {
    this.cookieName = options.secure ? '__Host-session' : 'session';
    this.lifetimes = { idleMs: options.idleMs, maxMs: options.maxMs };
    const ttlMs = options.cacheTtlMs ?? 1_000;
    this.cache =
      ttlMs > 0
        ? sessionCache(store.sessions, { ttlMs })
        : {
            lookup: (token: string, lifetimes: Lifetimes, now: number) =>
              store.sessions.lookup(token, lifetimes, now),
            forget: () => {},
            forgetAccount: () => {},
          };
    this.touchPrecisionMs = Math.min(60_000, options.idleMs / 10);
  }

  private tokenOf(request: FastifyRequest): string | undefined {
    const raw = request.cookies[this.cookieName];
    if (!raw) return undefined;
    const known = this.verified.get(raw);
    if (known !== undefined) return known;
    const unsigned = request.unsignCookie(raw);
    if (!unsigned.valid || !unsigned.value) return undefined;
    // Oldest first out: a Map iterates in insertion order.
    if (this.verified.size >= VERIFIED_COOKIES) {
      this.verified.delete(this.verified.keys().next().value!);
    }
    this.verified.set(raw, unsigned.value);
    return unsigned.value;
  }

  /** A cookie whose session is over need not stay remembered. */
  private forgetCookie(request: FastifyRequest): void {
    const raw = request.cookies[this.cookieName];
    if (raw) this.verified.delete(raw);
  }

  /** The live session of this request's cookie, or undefined; activity is recorded (to the minute). */
  async current(request: FastifyRequest, reply: FastifyReply): Promise<ActiveSession | undefined> {
    const token = this.tokenOf(request);
    if (!token) return undefined;
    const now = this.now();
    const session = await this.cache.lookup(token, this.lifetimes, now);
    if (!session) {
      this.forgetCookie(request);
      this.clearCookie(reply);
      return undefined;
    }
    if (await this.store.sessions.touch(session, now, this.touchPrecisionMs)) {
      this.setCookie(reply, token);
    }
    return session;
  }

  /**
   * This request's session if still live, without recording activity: a
   * long-lived stream re-checks it, and must not keep an idle agent signed in.
   */
  async stillLive(request: FastifyRequest): Promise<ActiveSession | undefined> {
    const token = this.tokenOf(request);
    return token ? this.cache.lookup(token, this.lifetimes, this.now()) : undefined;
  }

  /** Signs in: always a new token, and the session the browser brought is ended, so a planted one is worthless. */
  async start(request: FastifyRequest, reply: FastifyReply, account: Account): Promise<boolean> {
    const previous = this.tokenOf(request);
    if (previous) {
      await this.endToken(previous);
      this.forgetCookie(request);
    }
    const userAgent = request.headers['user-agent'];
    const created = await this.store.sessions.create(
      account.id,
      { ...(userAgent ? { userAgent } : {}), ip: request.ip },
      this.now(),
    );
    if (!created) return false;
    this.setCookie(reply, created.token);
    return true;
  }

  /** Signs out this browser: the session is deleted from the store and the cookie cleared. */
  async end(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const token = this.tokenOf(request);
    if (token) await this.endToken(token);
    this.forgetCookie(request);
    this.clearCookie(reply);
  }

  private async endToken(token: string): Promise<void> {
    this.cache.forget(token);
    await this.store.sessions.endByToken(token);
  }

  /** The account's live sessions, most recently used first. */
  async list(accountId: string): Promise<Session[]> {
    const now = this.now();
    const sessions = await this.store.sessions.listByAccount(accountId);
    return sessions.filter((session) => withinLifetimes(session, this.lifetimes, now));
  }

  /** Ends one of the account's sessions by its listed id; another account's is out of reach. */
  async endOne(accountId: string, sessionId: string): Promise<boolean> {
    const ended = await this.store.sessions.end(accountId, sessionId);
    this.cache.forgetAccount(accountId);
    return ended;
  }

  /** Ends every session of the account but the one named (this device). */
  async endOthers(accountId: string, keepId: string): Promise<number> {
    const ended = await this.store.sessions.endOthers(accountId, keepId);
    this.cache.forgetAccount(accountId);
    return ended;
  }

  /** Ends every session of the account ("sign out everywhere"). */
  async endAll(accountId: string): Promise<number> {
    const ended = await this.store.sessions.endAll(accountId);
    this.cache.forgetAccount(accountId);
    return ended;
  }

  /** The account was changed or removed on this replica: its sessions are looked up afresh. */
  forgetAccount(accountId: string): void {
    this.cache.forgetAccount(accountId);
  }

  private setCookie(reply: FastifyReply, token: string): void {
    reply.setCookie(this.cookieName, token, {
      signed: true,
      httpOnly: true,
      sameSite: 'strict',
      secure: this.options.secure,
      path: '/',
      maxAge: Math.floor(this.options.idleMs / 1000),
    });
  }

  private clearCookie(reply: FastifyReply): void {
    reply.clearCookie(this.cookieName, {
      path: '/',
      secure: this.options.secure,
      httpOnly: true,
      sameSite: 'strict',
    });
  }
}

const BROWSERS: [RegExp, string][] = [
  [/Edg(e|A|iOS)?\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/Chrome\/|CriOS\/|Chromium\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];
const SYSTEMS: [RegExp, string][] = [
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Android/, 'Android'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
];

/** "Firefox on Linux" from a User-Agent: enough for an agent to recognise a device, nothing more. */
export function describeDevice(userAgent: string | null): string {
  if (!userAgent) return 'Unknown device';
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  if (browser && system) return `${browser} on ${system}`;
  if (browser ?? system) return (browser ?? system)!;
  // Not a browser (a script, a test client): its product name, cut short.
  return userAgent.split(/[\s/]/)[0]!.slice(0, 40) || 'Unknown device';
}
