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

export interface StoreSchema {
  accounts: AccountsTable;
  sessions: SessionsTable;
  idempotency_keys: IdempotencyKeysTable;
  rate_limits: RateLimitsTable;
  audit_events: AuditEventsTable;
  leases: LeasesTable;
  store_meta: StoreMetaTable;
}
