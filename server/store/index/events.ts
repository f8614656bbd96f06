import { sql, type Kysely } from 'kysely';
import { deleted } from '../deleted';
import type { StoreDialect, StoreSchema } from '../schema';
import type { CustomerIndex, StoredEvent, SyncState } from './types';

type Db = Kysely<StoreSchema>;

/** A stream that reconnects after longer than this starts afresh. */
export const EVENT_RETENTION_MS = 24 * 3600 * 1000;

export const NEVER_SYNCED: SyncState = {
  walk: null,
  upstreamTotal: null,
  lastSyncAt: null,
  lastFullSyncAt: null,
  waitingUntil: null,
  lastError: null,
};

/** The one row of index_sync_state. */
const SYNC_STATE_ROW = 1;

/**
 * PostgreSQL hands out `bigserial` ids at insert, not at commit: two appends
 * on two connections could commit out of id order, and a relay reading
 * `id > last seen` between the two commits would step past the late one for
 * good. Appends therefore take this transaction-scoped lock, so ids commit in
 * order. (SQLite has one writer at a time already.)
 */
const APPEND_LOCK = 0x1b0e7e47;

export function indexEvents(db: Db, dialect: StoreDialect) {
  return {
    async syncState(): Promise<SyncState> {
      const row = await db
        .selectFrom('index_sync_state')
        .select('state')
        .where('id', '=', SYNC_STATE_ROW)
        .executeTakeFirst();
      return row
        ? { ...NEVER_SYNCED, ...(JSON.parse(row.state) as Partial<SyncState>) }
        : { ...NEVER_SYNCED };
    },

    async saveSyncState(state: SyncState): Promise<void> {
      const json = JSON.stringify(state);
      await db
        .insertInto('index_sync_state')
        .values({ id: SYNC_STATE_ROW, state: json })
        .onConflict((conflict) => conflict.column('id').doUpdateSet({ state: json }))
        .execute();
    },

    async appendEvent(
      kind: StoredEvent['kind'],
      payload: StoredEvent['payload'],
      now: number,
    ): Promise<number> {
      const insert = (into: Db) =>
        into
          .insertInto('index_events')
          .values({ at: now, kind, payload: JSON.stringify(payload) })
          .returning('id')
          .executeTakeFirstOrThrow();
      const row =
        dialect === 'postgres'
          ? await db.transaction().execute(async (trx) => {
              await sql`select pg_advisory_xact_lock(${APPEND_LOCK})`.execute(trx);
              return insert(trx);
            })
          : await insert(db);
      return Number(row.id);
    },

    async eventsAfter(id: number, limit: number): Promise<StoredEvent[]> {
      const rows = await db
        .selectFrom('index_events')
        .selectAll()
        .where('id', '>', id)
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map((row) => ({
        id: Number(row.id),
        at: row.at,
        kind: row.kind as StoredEvent['kind'],
        payload: JSON.parse(row.payload) as StoredEvent['payload'],
      }));
    },

    async lastEventId(): Promise<number> {
      const row = await db
        .selectFrom('index_events')
        .select(sql<number | null>`max(id)`.as('id'))
        .executeTakeFirst();
      return Number(row?.id ?? 0);
    },

    /** Deletes events older than a day (the sweep calls it). */
    purgeEvents: (now: number): Promise<number> =>
      deleted(db.deleteFrom('index_events').where('at', '<', now - EVENT_RETENTION_MS)),
  } satisfies Partial<CustomerIndex> & { purgeEvents(now: number): Promise<number> };
}
