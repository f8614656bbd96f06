import type { FastifyRequest } from 'fastify';
import type { AuditRepository } from '../store/audit';
import type { StoredAnswer } from './idempotency';
import type { SessionUser } from './sessions';

/** What the audit trail records; `iban_revealed` is an agent's read of one bank account (the Reveal). */
export type AuditAction =
  | 'sign_in'
  | 'sign_in_failed'
  | 'sign_out'
  | 'customer_created'
  | 'bank_account_added'
  | 'verification_started'
  | 'iban_revealed';

/** One audit event as the proxy reports it: who did what to which customer, and how it ended. */
export interface AuditEntry {
  action: AuditAction;
  /** The username (for a failed sign-in, the name that was typed); never a password. */
  actor: string;
  role?: string | null;
  /** e.g. `signed_in`, `refused`, `rate_limited`, `signed_out`, `created`, `failed`. */
  outcome: string;
  customerId?: string | null;
  /** What was made or touched: the new bank account's or verification's id. */
  targetId?: string | null;
  /** The X-Request-ID the upstream saw, to find the call in Fintecture's logs. */
  upstreamRequestId?: string | null;
  /** Anything else worth keeping; never a secret (the store refuses such keys), IBANs by their last four only. */
  details?: Record<string, unknown>;
}

/** Names longer than this are cut in the trail: a failed sign-in's "username" is whatever was typed. */
const MAX_ACTOR_LENGTH = 128;

/**
 * Every audit event is a row in the store (kept AUDIT_RETENTION_DAYS) and a
 * log line. The line is written first and always; a row the store cannot take
 * (an outage) is logged as an error instead of failing the agent's request,
 * whose effect upstream has already happened.
 */
export class AuditTrail {
  constructor(
    private readonly rows: AuditRepository,
    private readonly now: () => number,
  ) {}

  async record(
    request: FastifyRequest,
    entry: AuditEntry,
    /** Extra fields for the log line only (the create line's older field names). */
    lineOnly: Record<string, unknown> = {},
  ): Promise<void> {
    const actor = entry.actor.slice(0, MAX_ACTOR_LENGTH);
    request.log.info(
      {
        audit: {
          event: entry.action,
          agent: actor,
          role: entry.role ?? undefined,
          customer_id: entry.customerId ?? undefined,
          target_id: entry.targetId ?? undefined,
          upstream_request_id: entry.upstreamRequestId ?? undefined,
          outcome: entry.outcome,
          ...entry.details,
          ...lineOnly,
        },
      },
      'audit',
    );
    try {
      await this.rows.record({
        at: this.now(),
        actor,
        role: entry.role ?? null,
        action: entry.action,
        customerId: entry.customerId ?? null,
        targetId: entry.targetId ?? null,
        upstreamRequestId: entry.upstreamRequestId ?? null,
        outcome: entry.outcome,
        details: entry.details && Object.keys(entry.details).length > 0 ? entry.details : null,
      });
    } catch (error) {
      request.log.error({ err: error, audit_action: entry.action }, 'audit row not written');
    }
  }
}

const CREATE_ACTIONS: Readonly<Record<string, AuditAction>> = {
  createCustomer: 'customer_created',
  createCustomerBankAccount: 'bank_account_added',
  initiateCustomerVerification: 'verification_started',
};

/** How a create ended, from the status the agent gets. */
export function createOutcome(status: number): string {
  return status < 300 ? 'created' : status < 500 ? 'refused' : 'failed';
}

/** The masked form of an IBAN the agent sent: its last four characters only. */
export function ibanLastFour(sent: unknown): string | undefined {
  const iban = (sent as { iban?: unknown } | null | undefined)?.iban;
  if (typeof iban !== 'string') return undefined;
  const compact = iban.replace(/\s+/g, '');
  return compact.length >= 4 ? compact.slice(-4) : undefined;
}

/**
 * What the customer's activity timeline shows of a create beyond who and when:
 * the account's holder, the verification's expected name (null: the API used
 * the customer's name) and provider. Names, not secrets.
 */
function timelineDetails(
  action: AuditAction | undefined,
  sent: unknown,
  created: { provider_id?: unknown } | undefined,
): Record<string, unknown> {
  const fields = (sent ?? {}) as {
    holder_name?: unknown;
    expected_name?: unknown;
    provider_id?: unknown;
  };
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  if (action === 'bank_account_added') return { holder_name: text(fields.holder_name) };
  if (action === 'verification_started') {
    return {
      expected_name: text(fields.expected_name),
      provider_id: text(created?.provider_id) ?? text(fields.provider_id),
    };
  }
  return {};
}

/** One event per create that ran (a replay is not a second one): who, what, the resulting id, the outcome. */
export function auditCreate(
  trail: AuditTrail,
  request: FastifyRequest,
  agent: SessionUser,
  operationId: string,
  params: Record<string, string>,
  answer: StoredAnswer & { requestId?: string },
): Promise<void> {
  let created: { id?: unknown; provider_id?: unknown } | undefined;
  try {
    created =
      answer.status < 300
        ? (JSON.parse(answer.body.toString('utf8')) as typeof created)
        : undefined;
  } catch {
    // Malformed: the event still says who tried what and how it ended.
  }
  const createdId = typeof created?.id === 'string' ? created.id : undefined;
  const action = CREATE_ACTIONS[operationId];
  const last4 = ibanLastFour(request.body);
  const outcome = createOutcome(answer.status);
  return trail.record(
    request,
    {
      // An operation the contract gains later is still audited, under a name of its own.
      action: action ?? (operationId as AuditAction),
      actor: agent.username,
      role: agent.role,
      outcome,
      customerId: action === 'customer_created' ? createdId : params.customer_id,
      targetId: createdId ?? null,
      upstreamRequestId: answer.requestId ?? null,
      details: {
        operation: operationId,
        status: answer.status,
        ...(last4 === undefined ? {} : { iban_last4: last4 }),
        ...timelineDetails(action, request.body, created),
      },
    },
    {
      // The line as it was before the rows: a log search written for it keeps working.
      event: 'create',
      action: action ?? operationId,
      resource_id: createdId,
      iban: last4 === undefined ? undefined : `****${last4}`,
      iban_last4: undefined,
    },
  );
}
