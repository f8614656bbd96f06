import type { operations } from '../../openapi/customers';
import type { Role } from './users';

/**
 * What the proxy does for each Customers operation it forwards, keyed by the
 * contract's operationId. An operation of the contract without an entry here
 * stops the proxy at start-up: a new operation is a decision, never a default.
 * (`getAccessToken` is the proxy's own business with the upstream, never forwarded.)
 */
export interface OperationPolicy {
  /** The least role that may call it. */
  role: Role;
  /** A create: audited, takes an Idempotency-Key, never retried blindly. */
  create?: true;
  /** Query parameters passed on (each must be one the contract declares); any others are dropped. */
  query?: readonly string[];
}

export type ForwardedOperationId = Exclude<keyof operations, 'getAccessToken'>;

export const OPERATION_POLICY: Readonly<Record<string, OperationPolicy>> = {
  listAllCustomers: { role: 'viewer', query: ['page[number]', 'page[size]', 'external_id'] },
  createCustomer: { role: 'agent', create: true },
  getCustomerById: { role: 'viewer' },
  listAllCustomerBankAccounts: { role: 'viewer' },
  createCustomerBankAccount: { role: 'agent', create: true },
  getBankAccountById: { role: 'viewer' },
  initiateCustomerVerification: { role: 'agent', create: true },
  listAllCustomerVerifications: { role: 'viewer' },
  getCustomerVerificationById: { role: 'viewer' },
  // Reference data any signed-in user may read (the provider picker); cached by the proxy.
  listProviders: { role: 'viewer', query: ['filter[country]', 'filter[ais]'] },
} satisfies Record<ForwardedOperationId, OperationPolicy>;

/** Who holds each role may do what the roles listed for it may do. */
const GRANTS = {
  viewer: ['viewer'],
  agent: ['viewer', 'agent'],
} as const satisfies Record<Role, readonly Role[]>;

export function roleAllows(held: Role, needed: Role): boolean {
  return (GRANTS[held] as readonly Role[]).includes(needed);
}
