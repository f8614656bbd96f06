import type { FastifyPluginAsync } from 'fastify';
import type { components } from '../../../../openapi/backoffice';
import type { IndexCounts, SyncState } from '../../../store/index/types';
import { routeSchema } from './contract';

type IndexStatus = components['schemas']['IndexStatus'];

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The sync's state in the contract's words; waiting (the upstream said slow down) wins over a walk under way. */
export function indexStatus(counts: IndexCounts, sync: SyncState, now: number): IndexStatus {
  const state: IndexStatus['state'] =
    sync.waitingUntil !== null && sync.waitingUntil > now
      ? 'waiting'
      : sync.walk !== null
        ? 'syncing'
        : sync.lastSyncAt === null
          ? 'never_synced'
          : 'idle';
  const total = sync.upstreamTotal;
  const progress =
    sync.walk?.full && total !== null && total > 0 ? Math.min(1, sync.walk.walked / total) : null;
  return {
    customers: counts.customers,
    bank_accounts: counts.bankAccounts,
    verifications: counts.verifications,
    watching: counts.watching,
    state,
    progress,
    last_sync_at: iso(sync.lastSyncAt),
    last_full_sync_at: iso(sync.lastFullSyncAt),
    details_pending: counts.detailsPending,
    last_error: sync.lastError,
  };
}

/** GET /bo/index/status: for the header's discreet "Index: 12,345 customers, updated 2 min ago". */
const statusRoutes: FastifyPluginAsync<{ now: () => number }> = async (app, { now }) => {
  app.get('/bo/index/status', { schema: routeSchema('indexStatus') }, async () => {
    const [counts, sync] = await Promise.all([
      app.store.index.counts(),
      app.store.index.syncState(),
    ]);
    return indexStatus(counts, sync, now());
  });
};

export default statusRoutes;
