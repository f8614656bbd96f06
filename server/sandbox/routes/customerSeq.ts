import { notFound } from '../errors';
import type { SandboxStore } from '../store';

/** The customer's internal key, or a 404 when no customer has this id. */
export function customerSeq(store: SandboxStore, customerId: string): number {
  const seq = store.customerSeq(customerId);
  if (seq === undefined) throw notFound('customer', customerId);
  return seq;
}

/** The same, with the customer's due verifications resolved first, as every read shows them. */
export function customerSeqUpToDate(store: SandboxStore, customerId: string): number {
  const seq = customerSeq(store, customerId);
  store.resolveDueVerifications(Date.now(), seq);
  return seq;
}
