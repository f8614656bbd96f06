import type { AuditEvent } from '../audit';
import type { Role } from '../schema';
import type { Store } from '../store';

/** An account as `npm run user -- add` would make it; the hash is never checked by the store. */
export function addAccount(store: Store, username: string, now: number, role: Role = 'agent') {
  return store.accounts.create({ username, role, passwordHash: `scrypt$test$${username}` }, now);
}

/** An agent's create as the proxy would record it, changed as a test needs. */
export function auditEvent(change: Partial<AuditEvent>): AuditEvent {
  return {
    at: Date.UTC(2026, 0, 5, 9),
    actor: 'ines',
    role: 'agent',
    action: 'customer_created',
    customerId: 'cus_1',
    targetId: 'cus_1',
    upstreamRequestId: 'req-1',
    outcome: 'created',
    details: { status: 201 },
    ...change,
  };
}
