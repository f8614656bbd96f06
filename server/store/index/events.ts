import { sql, type Kysely } from 'kysely';
import { deleted } from '../deleted';
import type { StoreSchema } from '../schema';
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

export function indexEvents(db: Db) {
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
      const row = await db
        .insertInto('index_events')
        .values({ at: now, kind, payload: JSON.stringify(payload) })
        .returning('id')
        .executeTakeFirstOrThrow();
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
