import type { components } from '../../openapi/customers';

/**
 * Which upstream the sandbox plays. `seed`: the contract as written
 * (`openapi/customers.yaml`). `fintecture`: Fintecture's own words where its
 * documentation and SDKs differ from the contract: the `bank_accounts` path,
 * the statuses `initiated` / `cancelled` / `success` / `failed`, a verification
 * the customer completes through a link, and the `{status, code, log_id, errors}`
 * error body.
 */
export const SANDBOX_FLAVORS = ['seed', 'fintecture'] as const;
export type SandboxFlavor = (typeof SANDBOX_FLAVORS)[number];

export function isSandboxFlavor(value: string): value is SandboxFlavor {
  return (SANDBOX_FLAVORS as readonly string[]).includes(value);
}

type StoredStatus = NonNullable<components['schemas']['CustomerVerification']['status']>;

/**
 * The store keeps the contract's words; Fintecture's are put on the wire at the
 * edge. Fintecture has no "unverified": a name that does not match is `failed`
 * (docs, "Verify a Customer").
 */
const FINTECTURE_STATUS: Record<StoredStatus, string> = {
  pending: 'initiated',
  cancelled: 'cancelled',
  verified: 'success',
  unverified: 'failed',
  failed: 'failed',
};

export function wireStatus(flavor: SandboxFlavor, status: StoredStatus): string {
  return flavor === 'fintecture' ? FINTECTURE_STATUS[status] : status;
}

/** Statuses after which nothing changes any more (in the store's words). */
export const FINAL_STATUSES: readonly StoredStatus[] = ['verified', 'unverified', 'failed'];

/** Fintecture's PHP SDK (`src/Api/Customers/CustomerBankAccount.php`) says `bank_accounts`. */
export function flavorPath(flavor: SandboxFlavor, contractPath: string): string {
  return flavor === 'fintecture'
    ? contractPath.replace('/bank-accounts', '/bank_accounts')
    : contractPath;
}
