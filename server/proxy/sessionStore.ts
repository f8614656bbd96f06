import type { Session } from 'fastify';

/**
 * Sessions in memory, forgotten after the idle lifetime. A restart signs
 * agents out, which is the safe direction for a back-office.
 */
export class SessionMemoryStore {
  private readonly sessions = new Map<string, { session: Session; expiresAt: number }>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly idleMs: number) {
    this.sweeper = setInterval(() => this.sweep(), Math.min(idleMs, 60_000));
    this.sweeper.unref();
  }

  set(sessionId: string, session: Session, callback: (error?: unknown) => void): void {
    this.sessions.set(sessionId, { session, expiresAt: Date.now() + this.idleMs });
    callback();
  }

  get(sessionId: string, callback: (error: unknown, session?: Session | null) => void): void {
    const entry = this.sessions.get(sessionId);
    if (!entry || entry.expiresAt <= Date.now()) {
      this.sessions.delete(sessionId);
      callback(null, null);
      return;
    }
    callback(null, entry.session);
  }

  destroy(sessionId: string, callback: (error?: unknown) => void): void {
    this.sessions.delete(sessionId);
    callback();
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, entry] of this.sessions) if (entry.expiresAt <= now) this.sessions.delete(id);
  }
}
