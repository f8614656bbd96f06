import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from './users';

/**
 * Server-side sessions behind a signed cookie (@fastify/cookie signs it with
 * SESSION_SECRET). The cookie carries only a random id; the session lives here,
 * so sign-out and account removal end it for real. Kept in memory: a restart
 * signs agents out, the safe direction for a back-office.
 */
export interface SessionUser {
  username: string;
  role: Role;
}

interface SessionRecord {
  user: SessionUser;
  createdAt: number;
  lastSeenAt: number;
}

export interface SessionOptions {
  idleMs: number;
  maxMs: number;
  /** `__Host-` prefixed and Secure over HTTPS. */
  secure: boolean;
  /** The clock lifetimes are measured by; tests move it instead of waiting. */
  now?: () => number;
}

/** Idle time is tracked to the minute (or a tenth of the idle lifetime), so a busy agent's cookie is not re-sent on every call. */
const TOUCH_PRECISION_MS = 60_000;

export class Sessions {
  readonly cookieName: string;
  private readonly records = new Map<string, SessionRecord>();
  private readonly sweeper: NodeJS.Timeout;
  private readonly now: () => number;

  constructor(private readonly options: SessionOptions) {
    this.now = options.now ?? Date.now;
    this.cookieName = options.secure ? '__Host-session' : 'session';
    this.sweeper = setInterval(() => this.sweep(), Math.min(options.idleMs, 60_000));
    this.sweeper.unref();
  }

  close(): void {
    clearInterval(this.sweeper);
  }

  private idOf(request: FastifyRequest): string | undefined {
    const raw = request.cookies[this.cookieName];
    if (!raw) return undefined;
    const unsigned = request.unsignCookie(raw);
    return unsigned.valid && unsigned.value ? unsigned.value : undefined;
  }

  private alive(record: SessionRecord, now: number): boolean {
    return (
      now - record.lastSeenAt <= this.options.idleMs && now - record.createdAt <= this.options.maxMs
    );
  }

  /** The signed-in user, or undefined; expired sessions are ended on the way. */
  current(
    request: FastifyRequest,
    reply: FastifyReply,
  ): { id: string; user: SessionUser } | undefined {
    const id = this.idOf(request);
    const record = id === undefined ? undefined : this.records.get(id);
    if (!id || !record) return undefined;
    const now = this.now();
    if (!this.alive(record, now)) {
      this.end(request, reply);
      return undefined;
    }
    if (now - record.lastSeenAt > Math.min(TOUCH_PRECISION_MS, this.options.idleMs / 10)) {
      record.lastSeenAt = now;
      this.setCookie(reply, id);
    }
    return { id, user: record.user };
  }

  /** Signs in: always a fresh id, and any id the browser brought is ended, so a planted one is worthless. */
  start(request: FastifyRequest, reply: FastifyReply, user: SessionUser): void {
    const previous = this.idOf(request);
    if (previous) this.records.delete(previous);
    const id = randomBytes(32).toString('base64url');
    const now = this.now();
    this.records.set(id, { user, createdAt: now, lastSeenAt: now });
    this.setCookie(reply, id);
  }

  update(id: string, user: SessionUser): void {
    const record = this.records.get(id);
    if (record) record.user = user;
  }

  /** Signs out: the session is forgotten here and the cookie cleared there. */
  end(request: FastifyRequest, reply: FastifyReply): SessionUser | undefined {
    const id = this.idOf(request);
    const record = id === undefined ? undefined : this.records.get(id);
    if (id) this.records.delete(id);
    reply.clearCookie(this.cookieName, {
      path: '/',
      secure: this.options.secure,
      httpOnly: true,
      sameSite: 'strict',
    });
    return record?.user;
  }

  private setCookie(reply: FastifyReply, id: string): void {
    reply.setCookie(this.cookieName, id, {
      signed: true,
      httpOnly: true,
      sameSite: 'strict',
      secure: this.options.secure,
      path: '/',
      maxAge: Math.floor(this.options.idleMs / 1000),
    });
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, record] of this.records) if (!this.alive(record, now)) this.records.delete(id);
  }
}
