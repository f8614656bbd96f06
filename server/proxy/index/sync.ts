import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { CustomerIndex, SyncState } from '../../store/index/types';
import { announceResolutions } from './events';
import { IndexCallRefused, type PacedUpstream, type WaitNotice } from './pacedUpstream';
import {
  allSeen,
  bankAccountSeen,
  customerSeen,
  hasListData,
  listCount,
  listData,
  verificationSeen,
} from './seen';

export interface SyncSettings {
  /** INDEX_SYNC_MINUTES: an incremental walk this long after the last one ended. */
  everyMs: number;
  /** INDEX_FULL_SYNC_HOURS: a full walk (with removals) this long after the last full one. */
  fullEveryMs: number;
}

export const PAGE_SIZE = 100;
/** Customers whose details are asked for at a time (each costs two calls). */
const DETAILS_BATCH = 20;

/**
 * The walk of `GET /v1/customers`, newest first, and the details backfill
 * after it. The walk's place is saved after every page, so a restart (or
 * another replica taking the lease) goes on from the next page; an
 * incremental walk stops at the first page that changed nothing, a full one
 * walks every page and then removes what it did not see.
 */
/**
 * At most this many unseen customers are checked one by one after a full walk;
 * past it (a mass deletion upstream), the rest are removed unchecked.
 */
const MAX_REMOVALS_CHECKED = 10_000;

export class IndexSync {
  /** The state as last saved; every change goes through `update`, one at a time. */
  private state: SyncState | undefined;
  private saving: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly index: CustomerIndex,
    private readonly upstream: PacedUpstream,
    private readonly now: () => number,
    private readonly log: FastifyBaseLogger,
    private readonly settings: SyncSettings,
  ) {}

  /** Whether a walk is under way (to resume), or one is due. */
  async isDue(now: number): Promise<boolean> {
    const state = await this.reload();
    if (state.walk) return true;
    if (state.waitingUntil !== null && now < state.waitingUntil) return false;
    return this.walkDue(state, now);
  }

  /** One walk (the one under way, or a new one), then the details it left to fetch. */
  async run(signal: AbortSignal): Promise<void> {
    const state = await this.reload();
    if (!state.walk) {
      const startedAt = this.now();
      const full = this.fullWalkDue(state, startedAt);
      await this.update((s) => {
        s.walk = { id: randomUUID(), full, nextPage: 1, startedAt, walked: 0 };
      });
      this.log.info({ full }, 'index walk started');
    }
    while (this.state?.walk) await this.walkOnePage(signal);
    await this.fetchDetails(signal);
  }

  /** The upstream made us wait, or answered again: kept in the state for /bo/index/status. */
  noteWait(notice: WaitNotice): Promise<void> {
    return this.update((s) => {
      s.waitingUntil = notice?.until ?? null;
      // The reason holds while waiting; an answer again means it no longer does.
      s.lastError = notice?.reason ?? null;
    });
  }

  /** A round that stopped on an error waiting cannot cure: said in the state, tried again next round. */
  noteFailure(message: string): Promise<void> {
    return this.update((s) => {
      s.lastError = message;
    });
  }

  private walkDue(state: SyncState, now: number): boolean {
    return (
      state.lastSyncAt === null ||
      now - state.lastSyncAt >= this.settings.everyMs ||
      this.fullWalkDue(state, now)
    );
  }

  private fullWalkDue(state: SyncState, now: number): boolean {
    return state.lastFullSyncAt === null || now - state.lastFullSyncAt >= this.settings.fullEveryMs;
  }

  /**
   * After a full walk, removes the customers it did not see, once the upstream
   * says each is gone (404): with page-number paging, a customer deleted while
   * the walk went on shifts the later pages, and the one at a page boundary
   * goes unseen though the upstream still has it. Those are indexed again.
   */
  private async removeGone(walkId: string, signal: AbortSignal): Promise<number> {
    const unseen = await this.index.customersNotWalked(walkId, MAX_REMOVALS_CHECKED);
    for (const id of unseen) {
      let body: unknown;
      try {
        body = await this.upstream.get(`/v1/customers/${encodeURIComponent(id)}`, signal);
      } catch (error) {
        // Refused (not a 404): it cannot be confirmed either way, so it goes as it would have.
        if (error instanceof IndexCallRefused) continue;
        throw error;
      }
      if (body === null) continue;
      const still = allSeen([body], customerSeen);
      if (still.length > 0) await this.index.upsertCustomers(still, this.now(), walkId);
    }
    return this.index.removeCustomersNotWalked(walkId);
  }

  private async walkOnePage(signal: AbortSignal): Promise<void> {
    const walk = this.state!.walk!;
    const body = await this.upstream.get(
      `/v1/customers?page[number]=${walk.nextPage}&page[size]=${PAGE_SIZE}`,
      signal,
    );
    if (!hasListData(body)) {
      // Never read as "the last page": a full walk ending here would remove every customer not yet walked.
      throw new IndexCallRefused(
        502,
        'The Customers API answered the customer list without its data.',
      );
    }
    const customers = allSeen(listData(body), customerSeen);
    const total = listCount(body) ?? null;
    const changed =
      customers.length > 0 ? await this.index.upsertCustomers(customers, this.now(), walk.id) : 0;
    const walked = walk.walked + customers.length;
    const last =
      listData(body).length < PAGE_SIZE ||
      (total !== null && walked >= total) ||
      (!walk.full && changed === 0);
    // A walk that saw far fewer than the upstream counts ended early (a page answered short):
    // removing what it did not see would remove customers the upstream still has.
    const seenAll = total === null || walked + PAGE_SIZE > total;
    if (last && walk.full && !seenAll) {
      this.log.warn({ walked, total }, 'full walk ended short of the count: nothing removed');
    }
    const removed = last && walk.full && seenAll ? await this.removeGone(walk.id, signal) : 0;
    const endedAt = this.now();
    await this.update((s) => {
      s.upstreamTotal = total;
      s.lastError = null;
      s.walk = last ? null : { ...walk, nextPage: walk.nextPage + 1, walked };
      if (last) {
        s.lastSyncAt = endedAt;
        if (walk.full) s.lastFullSyncAt = endedAt;
      }
    });
    if (last) {
      this.log.info(
        { full: walk.full, pages: walk.nextPage, walked, removed, ms: endedAt - walk.startedAt },
        'index walk done',
      );
    }
  }

  /**
   * Bank accounts and verifications of customers never detailed, newest first,
   * until none is left or the next walk is due (a backfill of 100,000 takes
   * hours at 5 calls a second: new customers must not wait for it).
   */
  private async fetchDetails(signal: AbortSignal): Promise<void> {
    const done = new Set<string>();
    for (;;) {
      if (this.walkDue(this.state!, this.now())) return;
      const batch = (await this.index.customersNeedingDetails(DETAILS_BATCH)).filter(
        (id) => !done.has(id),
      );
      if (batch.length === 0) return;
      for (const customerId of batch) {
        signal.throwIfAborted();
        // A walk due waits for one customer's details at most, not a batch's.
        if (this.walkDue(this.state!, this.now())) return;
        try {
          await this.fetchDetailsOf(customerId, signal);
        } catch (error) {
          if (!(error instanceof IndexCallRefused)) throw error;
          // One customer the API refuses to detail must not hold up all the others.
          this.log.warn({ customerId, err: error }, 'details refused: customer skipped');
          await this.index.markDetailsSynced([customerId], this.now());
        }
        done.add(customerId);
      }
    }
  }

  private async fetchDetailsOf(customerId: string, signal: AbortSignal): Promise<void> {
    const path = `/v1/customers/${encodeURIComponent(customerId)}`;
    const accounts = await this.upstream.get(`${path}/bank-accounts`, signal);
    const verifications = await this.upstream.get(`${path}/verifications`, signal);
    const now = this.now();
    // A 404 (gone upstream since the walk): nothing to add; the next full walk removes it.
    await this.index.upsertBankAccounts(
      allSeen(listData(accounts), (row) => bankAccountSeen(row, customerId)),
      now,
    );
    const transitions = await this.index.recordVerifications(
      allSeen(listData(verifications), (row) => verificationSeen(row, customerId)),
      now,
    );
    await announceResolutions(this.index, transitions);
    await this.index.markDetailsSynced([customerId], now);
  }

  private async reload(): Promise<SyncState> {
    await this.update(() => undefined, true);
    return this.state!;
  }

  /** Changes the state and saves it; changes run one after another (the walk and a watcher's wait may overlap). */
  private update(change: (state: SyncState) => void, reload = false): Promise<void> {
    const next = this.saving.then(async () => {
      if (reload || !this.state) {
        // The store's copy wins: another replica may have walked while it held the lease.
        // A copy: `change` edits it in place, and a store may hand out a shared default.
        this.state = structuredClone(await this.index.syncState());
        if (reload) return;
      }
      change(this.state);
      await this.index.saveSyncState(this.state);
    });
    this.saving = next.catch(() => undefined);
    return next;
  }
}
