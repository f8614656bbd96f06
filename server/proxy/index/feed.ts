import type { FastifyBaseLogger } from 'fastify';
import type { CustomerIndex } from '../../store/index/types';
import type { UpstreamClient } from '../upstream';
import { announceResolutions } from './events';
import { allSeen, bankAccountSeen, customerSeen, listData, verificationSeen } from './seen';

/** What the feed needs of a forwarded call: which operation, its path ids, and who made it. */
export interface FedCall {
  operationId: string;
  params: Record<string, string>;
  username: string;
}

/**
 * Every successful answer that passes through the proxy updates the index at
 * once: reads after the answer is sent (a failure is logged, never the
 * agent's), creates before it (so a search right after a create finds it).
 * A replayed create never comes here: only a create that ran is fed.
 */
export class IndexFeed {
  constructor(
    private readonly index: CustomerIndex,
    private readonly upstream: UpstreamClient,
    private readonly now: () => number,
  ) {}

  /** A read's answer, fed once the event loop is free (the agent's answer goes first). */
  read(call: FedCall, body: Buffer, log: FastifyBaseLogger): void {
    setImmediate(() => {
      this.feedRead(call, body).catch((error: unknown) =>
        log.warn({ err: error, operation: call.operationId }, 'index not fed from a read'),
      );
    });
  }

  /** A create's 2xx answer, awaited; a failure is logged and the agent still gets the answer. */
  async created(call: FedCall, body: Buffer, sent: unknown, log: FastifyBaseLogger): Promise<void> {
    try {
      await this.feedCreate(call, parse(body), sent);
    } catch (error) {
      log.warn({ err: error, operation: call.operationId }, 'index not fed from a create');
    }
  }

  private async feedRead({ operationId, params }: FedCall, raw: Buffer): Promise<void> {
    const customerId = params.customer_id ?? '';
    const now = this.now();
    switch (operationId) {
      case 'listAllCustomers':
      case 'getCustomerById': {
        const body = parse(raw);
        const rows = operationId === 'listAllCustomers' ? listData(body) : [body];
        const customers = allSeen(rows, customerSeen);
        if (customers.length > 0) await this.index.upsertCustomers(customers, now);
        return;
      }
      case 'listAllCustomerBankAccounts':
      case 'getBankAccountById': {
        const body = parse(raw);
        const rows = operationId === 'getBankAccountById' ? [body] : listData(body);
        const accounts = allSeen(rows, (row) => bankAccountSeen(row, customerId));
        if (accounts.length > 0) await this.index.upsertBankAccounts(accounts, now);
        return;
      }
      case 'listAllCustomerVerifications':
      case 'getCustomerVerificationById': {
        const body = parse(raw);
        const rows = operationId === 'getCustomerVerificationById' ? [body] : listData(body);
        const verifications = allSeen(rows, (row) => verificationSeen(row, customerId));
        if (verifications.length === 0) return;
        await announceResolutions(
          this.index,
          await this.index.recordVerifications(verifications, now),
        );
        return;
      }
    }
  }

  private async feedCreate(
    { operationId, params, username }: FedCall,
    body: unknown,
    sent: unknown,
  ): Promise<void> {
    const customerId = params.customer_id ?? '';
    switch (operationId) {
      case 'createCustomer': {
        const customer = customerSeen(body);
        if (customer) await this.index.upsertCustomers([customer], this.now());
        return;
      }
      case 'createCustomerBankAccount': {
        const account = bankAccountSeen(body, customerId);
        if (account) await this.index.upsertBankAccounts([account], this.now());
        return;
      }
      case 'initiateCustomerVerification': {
        const verification = verificationSeen(body, customerId);
        if (verification) await this.verificationStarted(verification, sent, username);
        return;
      }
    }
  }

  /** Recorded with who started it and the name it checks, and announced as started. */
  private async verificationStarted(
    verification: NonNullable<ReturnType<typeof verificationSeen>>,
    sent: unknown,
    username: string,
  ): Promise<void> {
    const { customerId } = verification;
    const given = (sent as { expected_name?: unknown } | null | undefined)?.expected_name;
    const expectedName = typeof given === 'string' ? given : await this.fullName(customerId);
    const startedAt = this.now();
    const transitions = await this.index.recordVerifications([verification], startedAt, {
      startedBy: username,
      expectedName,
      startedAt,
    });
    const started = (await this.index.customerVerifications(customerId)).find(
      (row) => row.id === verification.id,
    );
    if (started) await this.index.appendEvent('verification_started', started, startedAt);
    await announceResolutions(this.index, transitions);
  }

  /**
   * The name the API checks when none is given: the customer's first and last
   * name, from the index, or (never seen yet) from the API, which indexes it.
   */
  private async fullName(customerId: string): Promise<string | null> {
    const { results } = await this.index.search(customerId, 5);
    let customer: { first_name?: string; last_name?: string } | undefined = results.find(
      (result) => result.customer.id === customerId,
    )?.customer;
    if (!customer) {
      const answer = await this.upstream.call(
        'GET',
        `/v1/customers/${encodeURIComponent(customerId)}`,
      );
      const seen = answer.status === 200 ? customerSeen(parse(answer.body)) : undefined;
      if (!seen) return null;
      await this.index.upsertCustomers([seen], this.now());
      customer = seen;
    }
    const name = [customer.first_name, customer.last_name].filter(Boolean).join(' ');
    return name === '' ? null : name;
  }
}

function parse(body: Buffer): unknown {
  return JSON.parse(body.toString('utf8')) as unknown;
}
