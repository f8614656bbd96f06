import type { Generated } from 'kysely';
import type { components } from '../../openapi/backoffice';

/** The two databases the store runs on, with one set of queries. */
export type StoreDialect = 'sqlite' | 'postgres';

export type Role = components['schemas']['Role'];

/** Times are epoch milliseconds (INTEGER in SQLite, BIGINT in PostgreSQL, read back as numbers). */
type Millis = number;

export interface AccountsTable {
  /** Random per creation: an account removed and added again is a new identity. */
  id: string;
  /** Always lowercase, so uniqueness is case-insensitive. */
  username: string;
  role: Role;
  password_hash: string;
  /** Bumped by a password or role change; a session made under another generation is dead. */
  generation: number;
  created_at: Millis;
  updated_at: Millis;
}

export interface SessionsTable {
  /** SHA-256 of the cookie's token: the database never holds a usable session id. */
  id_hash: string;
  account_id: string;
  generation: number;
  created_at: Millis;
  last_seen_at: Millis;
  user_agent: string | null;
  ip: string | null;
}

export interface IdempotencyKeysTable {
  account_id: string;
  key: string;
  fingerprint: string;
  state: 'claimed' | 'completed';
  /** Who holds the claim, so a late holder cannot overwrite a claim taken over from it. */
  claim_id: string;
  claimed_at: Millis;
  /** When the holder sent the create upstream (null: not sent); a stale claim that was sent is never taken over. */
  sent_at: Millis | null;
  expires_at: Millis;
  status: number | null;
  content_type: string | null;
  body: Buffer | null;
}

export interface RateLimitsTable {
  key: string;
  hits: number;
  window_ends_at: Millis;
}

export interface AuditEventsTable {
  id: Generated<number>;
  at: Millis;
  actor: string;
  role: string | null;
  action: string;
  customer_id: string | null;
  target_id: string | null;
  upstream_request_id: string | null;
  outcome: string;
  /** JSON text. */
  details: string | null;
}

export interface LeasesTable {
  name: string;
  holder: string;
  expires_at: Millis;
}

export interface StoreMetaTable {
  key: string;
  value: string;
}

/** The index of the Customers API (issue 11): customers, with their search keys and latest verification. */
export interface IndexCustomersTable {
  /** SQLite only: the FTS5 table's rowid (PostgreSQL has no such column). */
  seq: Generated<number>;
  id: string;
  first_name: string;
  last_name: string;
  company_name: string | null;
  email: string | null;
  phone: string | null;
  external_id: string | null;
  /** JSON text. */
  address: string | null;
  created_at: string | null;
  /** created_at as epoch ms (else when first seen): the list's order. */
  created_ms: Millis;
  /** Accent-free lowercase words of the names and company, space-separated. */
  name_words: string;
  email_key: string | null;
  /** The phone's digits reversed, so a suffix search is a prefix range. */
  phone_key: string | null;
  external_id_key: string | null;
  /** The seen fields as JSON: an upsert with the same is "unchanged". */
  fingerprint: string;
  seen_walk: string | null;
  details_synced_at: Millis | null;
  updated_at: Millis;
  latest_id: string | null;
  latest_status: string | null;
  latest_stale: Generated<number>;
  latest_score: number | null;
  latest_at: Millis | null;
  /** `none`, `pending`, `verified`, `unverified`, `failed` or `stale`: the list's status filter. */
  latest_category: Generated<string>;
}

export interface IndexBankAccountsTable {
  id: string;
  customer_id: string;
  iban_last4: string | null;
  holder_name: string | null;
  verified: number | null;
  seen_at: Millis;
}

export interface IndexVerificationsTable {
  id: string;
  customer_id: string;
  status: string;
  /** 1: watched for 24 h without a final status. */
  stale: number;
  /** `pending`, `verified`, `unverified`, `failed` or `stale`: the queue's filter. */
  category: string;
  match_score: number | null;
  provider_id: string | null;
  expected_name: string | null;
  started_by: string | null;
  started_at: Millis;
  resolved_at: Millis | null;
  /** coalesce(resolved_at, started_at): the queue's default order. */
  activity_at: Millis;
  last_checked_at: Millis | null;
  watched_since: Millis | null;
  /** Null: not watched. */
  next_check_at: Millis | null;
}

export interface IndexSyncStateTable {
  id: number;
  /** JSON of SyncState. */
  state: string;
}

/** When each sync walk began: a full walk removes only customers not seen since. */
export interface IndexWalksTable {
  id: string;
  started_at: Millis;
}

export interface IndexEventsTable {
  id: Generated<number>;
  at: Millis;
  kind: string;
  /** JSON text. */
  payload: string;
}

export interface StoreSchema {
  accounts: AccountsTable;
  sessions: SessionsTable;
  idempotency_keys: IdempotencyKeysTable;
  rate_limits: RateLimitsTable;
  audit_events: AuditEventsTable;
  leases: LeasesTable;
  store_meta: StoreMetaTable;
  index_customers: IndexCustomersTable;
  index_bank_accounts: IndexBankAccountsTable;
  index_verifications: IndexVerificationsTable;
  index_sync_state: IndexSyncStateTable;
  index_walks: IndexWalksTable;
  index_events: IndexEventsTable;
}
