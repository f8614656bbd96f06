import type { Kysely } from 'kysely';
import { deleted } from './deleted';
import { StoreError } from './errors';
import type { StoreSchema } from './schema';

export interface AuditEvent {
  at: number;
  actor: string;
  role: string | null;
  /** `sign_in`, `sign_in_failed`, `sign_out`, `customer_created`, `bank_account_added`, … */
  action: string;
  customerId: string | null;
  targetId: string | null;
  upstreamRequestId: string | null;
  outcome: string;
  details: Record<string, unknown> | null;
}

export interface StoredAuditEvent extends AuditEvent {
  id: number;
}

export interface AuditQuery {
  actor?: string;
  customerId?: string;
  action?: string;
  /** The `nextCursor` of the previous page. */
  cursor?: number;
  limit?: number;
}

const SECRET_KEY = /pass(word)?|secret|token|authorization|cookie/i;

/** Refuses details that name a secret, at any depth: an audit trail outlives the secrets it would leak. */
function checkDetails(value: unknown): void {
  if (value === null || typeof value !== 'object') return;
  for (const [key, inner] of Object.entries(value)) {
    if (SECRET_KEY.test(key)) throw new StoreError(`Audit details may not hold "${key}"`);
    checkDetails(inner);
  }
}

export function auditRepository(db: Kysely<StoreSchema>) {
  return {
    async record(event: AuditEvent): Promise<void> {
      checkDetails(event.details);
      await db
        .insertInto('audit_events')
        .values({
          at: event.at,
          actor: event.actor,
          role: event.role,
          action: event.action,
          customer_id: event.customerId,
          target_id: event.targetId,
          upstream_request_id: event.upstreamRequestId,
          outcome: event.outcome,
          details: event.details ? JSON.stringify(event.details) : null,
        })
        .execute();
    },

    /** Newest first, a page at a time; `nextCursor` is absent on the last page. */
    async list(
      query: AuditQuery = {},
    ): Promise<{ events: StoredAuditEvent[]; nextCursor?: number }> {
      const limit = Math.min(Math.max(query.limit ?? 50, 1), 500);
      let select = db
        .selectFrom('audit_events')
        .selectAll()
        .orderBy('id', 'desc')
        .limit(limit + 1);
      if (query.actor !== undefined) select = select.where('actor', '=', query.actor);
      if (query.customerId !== undefined)
        select = select.where('customer_id', '=', query.customerId);
      if (query.action !== undefined) select = select.where('action', '=', query.action);
      if (query.cursor !== undefined) select = select.where('id', '<', query.cursor);
      const rows = await select.execute();
      const events = rows.slice(0, limit).map((row) => ({
        id: Number(row.id),
        at: row.at,
        actor: row.actor,
        role: row.role,
        action: row.action,
        customerId: row.customer_id,
        targetId: row.target_id,
        upstreamRequestId: row.upstream_request_id,
        outcome: row.outcome,
        details: row.details === null ? null : (JSON.parse(row.details) as Record<string, unknown>),
      }));
      return rows.length > limit ? { events, nextCursor: events.at(-1)!.id } : { events };
    },

    /** Deletes events older than the retention (AUDIT_RETENTION_DAYS). */
    purge: (retentionDays: number, now: number): Promise<number> =>
      deleted(
        db.deleteFrom('audit_events').where('at', '<', now - retentionDays * 24 * 3600 * 1000),
      ),
  };
}

export type AuditRepository = ReturnType<typeof auditRepository>;
