import type { Selectable } from 'kysely';
import type { IndexCustomersTable, IndexVerificationsTable } from '../schema';
import type { IndexedCustomer, IndexedVerification, LatestVerification } from './types';

/** The customer columns views need (not the FTS rowid, nor the keys). */
export const CUSTOMER_COLUMNS = [
  'index_customers.id',
  'first_name',
  'last_name',
  'company_name',
  'email',
  'phone',
  'external_id',
  'created_at',
  'latest_id',
  'latest_status',
  'latest_stale',
  'latest_score',
  'latest_at',
] as const;

type CustomerRow = Pick<
  Selectable<IndexCustomersTable>,
  | 'id'
  | 'first_name'
  | 'last_name'
  | 'company_name'
  | 'email'
  | 'phone'
  | 'external_id'
  | 'created_at'
  | 'latest_id'
  | 'latest_status'
  | 'latest_stale'
  | 'latest_score'
  | 'latest_at'
>;
type VerificationRow = Selectable<IndexVerificationsTable>;

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/**
 * Where a status puts a verification in the queue's filters. `cancelled` (the
 * customer left the bank's page; the link still works) is intermediate like
 * `pending`, with a filter of its own; both become `stale` when the watcher
 * gives up. Any other word not final counts as pending.
 */
export function categoryOf(status: string, stale: boolean): string {
  if (status === 'verified' || status === 'success') return 'verified';
  if (status === 'unverified' || status === 'failed') return status;
  if (stale) return 'stale';
  return status === 'cancelled' ? 'cancelled' : 'pending';
}

/** The categories of verifications still open (watched until final or stale). */
export const OPEN_CATEGORIES = ['pending', 'cancelled'] as const;

export const fullName = (row: { first_name: string; last_name: string }): string =>
  `${row.first_name} ${row.last_name}`.trim();

export function latestView(row: CustomerRow): LatestVerification | null {
  if (row.latest_id === null) return null;
  return {
    id: row.latest_id,
    status: row.latest_status!,
    stale: row.latest_stale === 1,
    match_score: row.latest_score,
    at: iso(row.latest_at)!,
  };
}

export function customerView(row: CustomerRow): IndexedCustomer {
  return {
    id: row.id,
    first_name: row.first_name,
    last_name: row.last_name,
    company_name: row.company_name,
    email: row.email,
    phone: row.phone,
    external_id: row.external_id,
    created_at: row.created_at,
    latest_verification: latestView(row),
  };
}

export function verificationView(
  row: VerificationRow & { first_name: string; last_name: string; company_name: string | null },
): IndexedVerification {
  return {
    id: row.id,
    customer_id: row.customer_id,
    customer_name: fullName(row),
    company_name: row.company_name,
    status: row.status,
    stale: row.stale === 1,
    match_score: row.match_score,
    provider_id: row.provider_id,
    expected_name: row.expected_name,
    started_by: row.started_by,
    started_at: iso(row.started_at),
    resolved_at: iso(row.resolved_at),
    last_checked_at: iso(row.last_checked_at),
  };
}

export { iso };
