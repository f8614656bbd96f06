import type { components } from '../../../openapi/backoffice';

/**
 * The back-office's index of the Customers API (issue 11): what the store
 * keeps and answers. Fed by the sync walk, the watcher and every answer that
 * passes through the proxy; read by search, the queue, the list's status
 * column, the timeline and the duplicate warning. Views are the JSON shapes of
 * `openapi/backoffice.yaml`, so routes send them as they are.
 */
type Schemas = components['schemas'];
export type IndexedCustomer = Schemas['IndexedCustomer'];
export type LatestVerification = Schemas['LatestVerification'];
export type IndexedVerification = Schemas['IndexedVerification'];
export type SearchResult = Schemas['SearchResult'];
export type ActivityItem = Schemas['ActivityItem'];
export type QueueStatusFilter = Schemas['QueueStatusFilter'];
export type CustomerStatusFilter = Schemas['CustomerStatusFilter'];
export type QueueCounts = Schemas['VerificationQueue']['meta']['counts'];
export type VerificationResolvedEvent = Schemas['VerificationResolvedEvent'];

/** Statuses after which a verification never changes (this API's, and Fintecture's own `success`). */
export const FINAL_VERIFICATION_STATUSES: ReadonlySet<string> = new Set([
  'verified',
  'unverified',
  'failed',
  'success',
]);

export const isFinalVerificationStatus = (status: string): boolean =>
  FINAL_VERIFICATION_STATUSES.has(status);

/** A customer as an upstream answer gave it (every field of the list answer). */
export interface CustomerSeen {
  id: string;
  first_name?: string;
  last_name?: string;
  company_name?: string;
  email?: string;
  phone?: string;
  external_id?: string;
  address?: Record<string, unknown>;
  created_at?: string;
}

/** A bank account as an upstream answer gave it; only the IBAN's last 4 are kept. */
export interface BankAccountSeen {
  id: string;
  customerId: string;
  iban?: string;
  holderName?: string;
  verified?: boolean;
}

/** A verification as an upstream answer gave it. */
export interface VerificationSeen {
  id: string;
  customerId: string;
  status: string;
  matchScore?: number | null;
  providerId?: string | null;
  /** The API's `verified_at`: when it resolved. */
  resolvedAt?: string | null;
}

/** What only the proxy knows of a verification it started. */
export interface VerificationStart {
  startedBy: string;
  expectedName: string | null;
  /** Epoch ms. */
  startedAt: number;
}

/** A verification that reached a final status (or went stale) with this write. */
export interface VerificationTransition extends VerificationResolvedEvent {
  at: number;
}

export interface QueueFilter {
  /** Empty: every status. `stale` is a pending verification the watcher gave up on. */
  statuses: readonly QueueStatusFilter[];
  /** Only those this agent (username) started. */
  startedBy?: string;
  /** Only those started at or after this (epoch ms). */
  startedSince?: number;
}

export interface Page {
  /** From 1. */
  number: number;
  size: number;
}

/** Where the sync stands, kept across restarts (one row). */
export interface SyncState {
  /** A walk under way: its id, whether it is full, the next page to ask for. */
  walk: { id: string; full: boolean; nextPage: number; startedAt: number; walked: number } | null;
  /** meta.count of the last page answer: the upstream's customer total. */
  upstreamTotal: number | null;
  lastSyncAt: number | null;
  lastFullSyncAt: number | null;
  /** Set while the upstream refuses (429, 5xx), with when to try again. */
  waitingUntil: number | null;
  lastError: string | null;
}

export interface IndexCounts {
  customers: number;
  bankAccounts: number;
  verifications: number;
  /** Non-final, not stale: what the watcher polls. */
  watching: number;
  /** Customers whose bank accounts and verifications were never fetched. */
  detailsPending: number;
}

export interface StoredEvent {
  id: number;
  at: number;
  kind: 'verification_resolved' | 'verification_started';
  payload: VerificationResolvedEvent | IndexedVerification;
}

/** A verification the watcher must check now. */
export interface DueVerification {
  id: string;
  customerId: string;
  /** When watching began (started through us, or first seen non-final), epoch ms. */
  watchedSince: number;
}

export interface CustomerIndex {
  // --- Feed ---------------------------------------------------------------
  /**
   * Inserts or updates customers; `walkId` marks them as seen by that walk.
   * Gives how many were new or changed, and with `walkId`, also those no walk
   * had seen yet (a sync page with 0 is "already indexed and unchanged").
   */
  upsertCustomers(
    customers: readonly CustomerSeen[],
    now: number,
    walkId?: string,
  ): Promise<number>;
  /**
   * After a full walk: deletes customers (and their rows) that walk did not see
   * and that no answer created or changed since it began. Gives how many.
   */
  removeCustomersNotWalked(walkId: string): Promise<number>;
  /**
   * Who `removeCustomersNotWalked` would delete now, at most `limit`: the sync
   * asks the upstream for each first (page-number paging shifts when a customer
   * is deleted mid-walk, so a walk can miss one the upstream still has).
   */
  customersNotWalked(walkId: string, limit: number): Promise<string[]>;
  upsertBankAccounts(accounts: readonly BankAccountSeen[], now: number): Promise<void>;
  /**
   * Inserts or updates verifications (a customer not yet indexed is skipped).
   * A non-final one not yet watched starts being watched (next check in 5 s);
   * a final one stops. `start` is given once, by the proxy that started it.
   * Gives the verifications this write moved from non-final to final.
   */
  recordVerifications(
    verifications: readonly VerificationSeen[],
    now: number,
    start?: VerificationStart,
  ): Promise<VerificationTransition[]>;
  /** The customer's bank accounts and verifications were fetched now. */
  markDetailsSynced(customerIds: readonly string[], now: number): Promise<void>;
  /** Customers whose details were never fetched, newest first. */
  customersNeedingDetails(limit: number): Promise<string[]>;

  // --- Watcher ------------------------------------------------------------
  /** Watched verifications whose next check is due, most overdue first. */
  dueVerifications(now: number, limit: number): Promise<DueVerification[]>;
  /** A check happened (whatever it found): when the next is due, or null to stop. */
  scheduleCheck(id: string, now: number, nextCheckAt: number | null): Promise<void>;
  /** Watched for 24 h without a final status: stops watching and marks it stale. */
  markStale(id: string, now: number): Promise<VerificationTransition | null>;

  // --- Reads --------------------------------------------------------------
  search(query: string, limit: number): Promise<{ results: SearchResult[]; exact: string | null }>;
  listCustomers(
    statuses: readonly CustomerStatusFilter[],
    page: Page,
  ): Promise<{ data: IndexedCustomer[]; count: number }>;
  latestVerifications(
    customerIds: readonly string[],
  ): Promise<Record<string, LatestVerification | null>>;
  queue(
    filter: QueueFilter,
    page: Page,
  ): Promise<{ data: IndexedVerification[]; count: number; counts: QueueCounts }>;
  /** Every row of the filter, in the queue's order, a batch at a time (for CSV). */
  queueRows(filter: QueueFilter, batchSize?: number): AsyncIterable<IndexedVerification[]>;
  customerVerifications(customerId: string): Promise<IndexedVerification[]>;
  /** From the audit rows (created, account added, verification started, IBAN revealed) and the index (resolutions). */
  activity(customerId: string): Promise<ActivityItem[]>;
  duplicates(
    email: string | undefined,
    externalId: string | undefined,
  ): Promise<{ field: 'email' | 'external_id'; customer: IndexedCustomer }[]>;
  counts(): Promise<IndexCounts>;

  // --- Sync state ---------------------------------------------------------
  syncState(): Promise<SyncState>;
  saveSyncState(state: SyncState): Promise<void>;

  // --- Events (the SSE stream's source, shared by replicas) ---------------
  appendEvent(
    kind: StoredEvent['kind'],
    payload: StoredEvent['payload'],
    now: number,
  ): Promise<number>;
  /** Events after this id, oldest first. */
  eventsAfter(id: number, limit: number): Promise<StoredEvent[]>;
  /** The newest event's id (0 when none): where a fresh stream starts. */
  lastEventId(): Promise<number>;
}
